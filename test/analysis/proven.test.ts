import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/run';
import { suspectsCommand } from '../../cli/suspects';
import { analyzeLeaks } from '../../src/core/analysis/analyze';
import { LEAK_PROFILE_KIND } from '../../src/core/analysis/series';
import { PROVEN_REASON, SUSPECT_SCORE } from '../../src/core/analysis/verdict';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { Refiner } from '../../src/core/query/refine';
import { FIXTURES, listFixtures, load } from '../fixtures';
import { addSeries, CHAN_SEND, leakProfileProto, leakProfileText, POOL, SLEEP, type StackSpec } from './synthetic';

const WG_WAIT: StackSpec = ['runtime.gopark', 'sync.runtime_SemacquireWaitGroup', 'sync.(*WaitGroup).Wait', 'main.gather', 'runtime.goexit'];

afterEach(() => vi.restoreAllMocks());

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory for profile files, removed after the tests. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkview-leak-'));
  made.push(dir);
  return dir;
}

describe('goroutineleak profiles', () => {
  it('one loaded on its own is the series, and every stack in it is a proven-leak suspect', () => {
    const session = new Session();
    addSeries(session, [[CHAN_SEND, [4]], [WG_WAIT, [2]]], { kind: LEAK_PROFILE_KIND });
    const a = analyzeLeaks(session);
    expect(a.series.kind).toBe(LEAK_PROFILE_KIND);
    expect(a.series.snapshots).toHaveLength(1);
    expect(a.series.excluded).toEqual([]);
    expect(a.totals).toEqual([6]);
    expect(a.groups.map((g) => [g.function, g.trend.last, g.proven, g.verdict])).toEqual([
      ['main.leak', 4, true, { suspect: true, score: 100, reason: PROVEN_REASON, evidence: [] }],
      ['main.gather', 2, true, { suspect: true, score: 100, reason: PROVEN_REASON, evidence: [] }],
    ]);
  });

  it('several of them make a series of their own; their stacks stay proven whatever the counts do', () => {
    const session = new Session();
    addSeries(session, [[CHAN_SEND, [4, 4, 4]], [WG_WAIT, [1, 2, 3]]], { kind: LEAK_PROFILE_KIND });
    const a = analyzeLeaks(session);
    expect(a.series.snapshots).toHaveLength(3);
    for (const g of a.groups) expect(g.verdict).toMatchObject({ suspect: true, reason: PROVEN_REASON });
    expect(a.groups.every((g) => g.verdict.score >= 90)).toBe(true);
  });

  it('beside a goroutine series, a proven stack the series never shows becomes a suspect group of its own', () => {
    const session = new Session();
    addSeries(session, [[POOL, [8, 8, 8, 8]], [SLEEP, [1, 1, 1, 1]]]);
    addSeries(session, [[WG_WAIT, [3]], [POOL, [1]]], { kind: LEAK_PROFILE_KIND });
    const a = analyzeLeaks(session);
    expect(a.series.kind).toBe('goroutine');
    expect(a.series.snapshots).toHaveLength(4);
    const gather = a.groups.find((g) => g.function === 'main.gather');
    expect(gather).toBeDefined();
    expect(gather?.proven).toBe(true);
    expect(gather?.verdict.suspect).toBe(true);
    expect(gather?.verdict.score).toBeGreaterThanOrEqual(90);
    expect(gather?.verdict.reason).toBe(`${PROVEN_REASON}: 3 in goroutineleak.001, not in the goroutine series`);
    expect(gather?.state.label).toBe('sync.(*WaitGroup).Wait');
    expect(Array.from(a.keyed.counts.subarray(gather!.key * 4, gather!.key * 4 + 4))).toEqual([0, 0, 0, 0]);
    // The worker pool is in both: it is proven where it stands, not added twice.
    expect(a.groups.filter((g) => g.function === 'main.worker')).toHaveLength(1);
    expect(a.groups.find((g) => g.function === 'main.worker')?.verdict.reason).toBe(PROVEN_REASON);
    expect(a.groups.find((g) => g.function === 'main.nap')?.proven).toBe(false);
    expect(a.groups.slice(0, 2).map((g) => g.function).sort()).toEqual(['main.gather', 'main.worker']);
  });

  it('proven stacks outside the series follow the refine filters too', () => {
    const session = new Session();
    addSeries(session, [[POOL, [8, 8, 8, 8]]]);
    addSeries(session, [[WG_WAIT, [3]]], { kind: LEAK_PROFILE_KIND });
    const refiner = new Refiner(session);
    expect(analyzeLeaks(session, { rewrite: refiner.rewrite({ f: 'gather' }) }).groups.map((g) => g.function)).toEqual(['main.gather']);
    expect(analyzeLeaks(session, { rewrite: refiner.rewrite({ i: 'gather' }) }).groups.map((g) => g.function)).toEqual(['main.worker']);
  });

  it('a proven stack outside the series that a hide filter trims to a series stack marks that row, not a second one', () => {
    const session = new Session();
    addSeries(session, [[POOL, [8, 8, 8, 8]]]);
    const viaDispatch: StackSpec = [...POOL.slice(0, -1), 'main.dispatch', 'runtime.goexit'];
    addSeries(session, [[viaDispatch, [3]]], { kind: LEAK_PROFILE_KIND });
    const refiner = new Refiner(session);
    const whole = analyzeLeaks(session).groups.filter((g) => g.function === 'main.worker');
    expect(whole.map((g) => [g.proven, g.trend.last])).toEqual([
      [true, 0],
      [false, 8],
    ]);
    const trimmed = analyzeLeaks(session, { rewrite: refiner.rewrite({ h: 'dispatch' }) }).groups;
    expect(trimmed.map((g) => [g.label, g.proven, g.trend.last])).toEqual([[whole[1].label, true, 8]]);
    expect(trimmed[0].verdict.reason).toBe(PROVEN_REASON);
  });

  it('reads a goroutineleak profile from debug=1 text and from protobuf', async () => {
    const inputs: [Uint8Array, string[]][] = [
      // The text form leaves out the runtime.* frames at the leaf: a channel wait no longer shows, so parked.
      [new TextEncoder().encode(leakProfileText([[CHAN_SEND, 5], [WG_WAIT, 2]])), ['parked', 'sync.(*WaitGroup).Wait']],
      [leakProfileProto([[CHAN_SEND, 5], [WG_WAIT, 2, { tenant: 'acme' }]]), ['chan send', 'sync.(*WaitGroup).Wait']],
    ];
    for (const [bytes, states] of inputs) {
      const session = new Session();
      const s = await decodeInput(bytes, session, { name: 'goroutineleak.pb' });
      expect(s.kind).toBe(LEAK_PROFILE_KIND);
      expect(s.totals).toEqual([7]);
      const a = analyzeLeaks(session);
      expect(a.groups.map((g) => [g.function, g.trend.last, g.verdict.suspect, g.verdict.reason])).toEqual([
        ['main.leak', 5, true, PROVEN_REASON],
        ['main.gather', 2, true, PROVEN_REASON],
      ]);
      expect(a.groups.map((g) => g.state.label)).toEqual(states);
    }
  });

  it('a text goroutineleak profile marks the matching stacks of a protobuf goroutine series', async () => {
    const session = new Session();
    for (const f of listFixtures('seed/fixed', /\.pb\.gz$/)) await load(session, f);
    const fixed = analyzeLeaks(session);
    const steady = fixed.groups.find((g) => g.function === 'main.reportCount');
    expect(steady?.verdict.suspect).toBe(false);
    const names = session.stackNames(steady!.stack);
    await decodeInput(new TextEncoder().encode(leakProfileText([[names, 1]])), session, { name: 'leak.txt' });
    const a = analyzeLeaks(session);
    expect(a.series.snapshots).toHaveLength(10);
    const proven = a.groups.filter((g) => g.proven);
    expect(proven.map((g) => g.function)).toEqual(['main.reportCount']);
    expect(proven[0].verdict).toMatchObject({ suspect: true, reason: PROVEN_REASON });
    expect(a.groups).toHaveLength(fixed.groups.length);
  });
});

describe('parkview suspects with goroutineleak profiles', () => {
  it('a lone goroutineleak profile: its stacks are suspects and --fail-on-leak exits 1', async () => {
    const dir = scratch();
    const text = join(dir, 'goroutineleak.debug1.txt');
    const pb = join(dir, 'pprof.app.goroutineleak.001.pb');
    writeFileSync(text, leakProfileText([[CHAN_SEND, 5], [WG_WAIT, 2]]));
    writeFileSync(pb, leakProfileProto([[CHAN_SEND, 5]]));
    for (const file of [text, pb]) {
      const out = await suspectsCommand([file]);
      expect(out).toMatch(/^Series: 1 goroutineleak snapshot$/m);
      expect(out).toContain('goroutineleak profiles list goroutines the runtime proved can never wake');
      expect(out).not.toContain('Growth needs at least two snapshots');
      expect(out).toMatch(/^1 leak suspect|^2 leak suspects/m);
      expect(out).toMatch(/main\.leak {2}\[proven leak\]$/m);
      const r = await runCli(['suspects', '--fail-on-leak', file]);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('[proven leak]');
    }
    const items = JSON.parse(await suspectsCommand(['--json', text])) as Record<string, unknown>[];
    expect(items.map((i) => [i.function, i.last, i.score, i.reason, i.provenLeak])).toEqual([
      ['main.leak', 5, 100, PROVEN_REASON, true],
      ['main.gather', 2, 100, PROVEN_REASON, true],
    ]);
    expect(items[0].stack).toEqual(['main.leak']);
  });

  it('beside the seed/fixed series, a proven stack it never shows is reported, and --fail-on-leak fails', async () => {
    const dir = scratch();
    const leak = join(dir, 'goroutineleak.txt');
    writeFileSync(leak, leakProfileText([[WG_WAIT, 3]]));
    const calm = await runCli(['suspects', '--fail-on-leak', join(FIXTURES, 'seed/fixed')]);
    expect(calm.status).toBe(0);
    const series = listFixtures('seed/fixed', /\.pb\.gz$/).map((f) => join(FIXTURES, f));
    const r = await runCli(['suspects', '--fail-on-leak', ...series, leak]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Not in the series: goroutineleak\.txt \(goroutineleak profile: its stacks are marked as proven leaks\)$/m);
    expect(r.stdout).toMatch(/^1 leak suspect \(score >= 20\)/m);
    expect(r.stdout).toMatch(/main\.gather {2}\[proven leak\]$/m);
    expect(SUSPECT_SCORE).toBeLessThan(90);
  });
});
