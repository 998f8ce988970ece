import { afterEach, describe, expect, it, vi } from 'vitest';
import { suspectsCommand } from '../../cli/suspects';
import { analyzeLeaks, stackNamesOf } from '../../src/core/analysis/analyze';
import { chainText, CreationChains } from '../../src/core/analysis/ancestry';
import { bucketGoroutines } from '../../src/core/analysis/goroutines';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { encodeSnapshots } from '../../src/core/permalink/session-codec';
import { decodeSnapshots } from '../../src/core/decode/bundle';
import { PROJECT_FIXTURES, readProjectFixture } from '../fixtures';

// GODEBUG=tracebackancestors=5 dump of test/fixtures/go127/src under Go 1.27.3: the senders and
// workers were started by goroutines that had exited by the time of the dump.
const ANCESTORS = 'go127/goroutine.parkfix.ancestors.debug2.txt';

function load(session: Session, rel: string): Promise<Snapshot> {
  return decodeInput(readProjectFixture(rel), session, { name: rel.slice(rel.lastIndexOf('/') + 1) });
}

function decodeText(session: Session, text: string): Promise<Snapshot> {
  return decodeInput(new TextEncoder().encode(text), session, { name: 'dump.txt' });
}

/** Chain of the first goroutine whose leaf function is `fn`. */
function chainOf(session: Session, s: Snapshot, fn: string): string {
  const g = s.goroutines!;
  const i = Array.from(g.group).findIndex((grp) => session.stackNames(session.groups.stack.get(s.groups[grp]))[0] === fn);
  return chainText(new CreationChains(session, g).of(i));
}

describe('creation chains', () => {
  afterEach(() => vi.restoreAllMocks());

  it('[originating from goroutine N] blocks give the creator of the creator, goroutine ids included', async () => {
    const session = new Session();
    const s = await load(session, ANCESTORS);
    const g = s.goroutines!;
    const a = g.ancestors!;
    expect(a.start).toHaveLength(g.id.length + 1);
    const sender = Array.from(g.group).findIndex((grp) => session.stackNames(session.groups.stack.get(s.groups[grp]))[0] === 'main.handle.func1');
    const parent = g.parentId[sender];
    expect(Array.from(a.id.subarray(a.start[sender], a.start[sender + 1]))).toEqual([parent, 1]);
    expect(chainOf(session, s, 'main.handle.func1')).toBe(`main.handle at main.go:29 in goroutine ${parent} ← main.start at main.go:117 in goroutine 1`);
    expect(chainOf(session, s, 'main.collect')).toMatch(/^main\.startWorkers\.func1 at main\.go:95 in goroutine \d+ ← main\.start at main\.go:118 in goroutine 1$/);
    // The ancestors' stacks are not frames of the goroutines.
    expect(session.stackNames(session.groups.stack.get(s.groups[g.group[sender]]))).toEqual(['main.handle.func1']);
    expect(s.warnings).toEqual([]);
  });

  it('without ancestor blocks, the chain follows the creators still alive in the dump', async () => {
    const dump = [
      'goroutine 1 [select]:',
      'main.main()',
      '\t/src/main.go:20 +0x1',
      '',
      'goroutine 5 [chan receive]:',
      'main.loop()',
      '\t/src/main.go:30 +0x1',
      'created by main.main in goroutine 1',
      '\t/src/main.go:19 +0x2',
      '',
      'goroutine 9 [chan send]:',
      'main.work()',
      '\t/src/main.go:40 +0x1',
      'created by main.loop in goroutine 5',
      '\t/src/main.go:31 +0x3',
      '',
      'goroutine 12 [chan send]:',
      'main.work()',
      '\t/src/main.go:40 +0x1',
      'created by main.spawn in goroutine 11',
      '\t/src/main.go:50 +0x3',
      '',
    ].join('\n');
    const session = new Session();
    const s = await decodeText(session, dump);
    const chains = new CreationChains(session, s.goroutines!);
    expect(chainText(chains.of(2))).toBe('main.loop at main.go:31 in goroutine 5 ← main.main at main.go:19 in goroutine 1');
    // Its creator exited: the chain stops at what the dump says.
    expect(chainText(chains.of(3))).toBe('main.spawn at main.go:50 in goroutine 11');
    expect(chains.of(0)).toEqual([]);
  });

  it('the suspects and the Goroutines view carry the chain; a link keeps it', async () => {
    const session = new Session();
    await load(session, 'go127/pprof.parkfix.goroutine.001.pb.gz');
    await load(session, 'go127/pprof.parkfix.goroutineleak.001.pb.gz');
    const dump = await load(session, ANCESTORS);
    const sender = analyzeLeaks(session).groups.find((r) => r.function === 'main.handle.func1')!;
    expect(sender.verdict.suspect).toBe(true);
    expect(sender.chain).toEqual(['main.handle at main.go:29', 'main.start at main.go:117']);
    const bucket = bucketGoroutines(session, dump, stackNamesOf(session)).buckets.find((b) => b.function === 'main.handle.func1')!;
    expect(bucket.chain).toEqual(['main.handle at main.go:29', 'main.start at main.go:117']);

    const copy = new Session();
    const [restored] = decodeSnapshots(encodeSnapshots(session, [dump.id]), copy, 'link').snapshots;
    expect(restored.goroutines!.ancestors!.start).toEqual(dump.goroutines!.ancestors!.start);
    expect(restored.goroutines!.ancestors!.id).toEqual(dump.goroutines!.ancestors!.id);
    expect(chainOf(copy, restored, 'main.handle.func1')).toBe(chainOf(session, dump, 'main.handle.func1'));
  });

  it('parkview suspects prints and gives the chain of each suspect', async () => {
    const files = ['pprof.parkfix.goroutine.001.pb.gz', 'pprof.parkfix.goroutineleak.001.pb.gz', 'goroutine.parkfix.ancestors.debug2.txt'].map((f) => `${PROJECT_FIXTURES}/go127/${f}`);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = await suspectsCommand(files);
    expect(out).toContain('main.handle.func1: created by main.handle at main.go:29\n  ← main.start at main.go:117\n');
    const json = JSON.parse(await suspectsCommand(['--json', ...files])) as { function: string; creationChain: string[] }[];
    expect(json.find((x) => x.function === 'main.collect')?.creationChain).toEqual(['main.startWorkers.func1 at main.go:95', 'main.start at main.go:118']);
  });

});
