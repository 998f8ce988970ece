import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { listFixtures, load, readFixture, readFixtureText } from '../fixtures';
import { parseDump, tracesOf } from './oracle';

const SEEDS = ['timeout', 'fixed', 'heartbeat', 'sleepers', 'rangeforever', 'slowclient', 'ticker', 'workerpool'];
const DEBUG1 = [...SEEDS.map((s) => `seed/${s}/goroutine.${s}.debug1.txt`), 'service/goroutine.service.debug1.txt', 'other-types/goroutine.service.debug1.txt'];
const DEBUG2 = [...SEEDS.map((s) => `seed/${s}/goroutine.${s}.debug2.txt`), 'service/goroutine.service.debug2.txt'];

function decodeText(session: Session, text: string, name = 'dump.txt'): Promise<Snapshot> {
  return decodeInput(new TextEncoder().encode(text), session, { name });
}

describe('debug=1 text', () => {
  it.each(DEBUG1)('%s: one group per record, adding up to the header total', async (file) => {
    const text = readFixtureText(file);
    const s = await load(new Session(), file);
    expect(s.format).toBe('debug1');
    expect(s.kind).toBe('goroutine');
    expect(s.totals).toEqual([Number(/^goroutine profile: total (\d+)$/m.exec(text)![1])]);
    expect(s.groups.length).toBe(text.match(/^\d+ @/gm)!.length);
    expect(s.warnings).toEqual([]);
  });

  it('fanout-100k (gzipped, 43 MB): 57,996 records, total 100,004 as the header says', async () => {
    const s = await load(new Session(), 'fanout-100k/goroutine.fanout.debug1.txt.gz');
    expect(s.totals).toEqual([100004]);
    expect(s.groups.length).toBe(57996);
  });

  it('service: stacks from the # lines, leaf first, with labels', async () => {
    const session = new Session();
    const s = await load(session, 'service/goroutine.service.debug1.txt');
    const traces = tracesOf(session, s);
    expect(traces).toContainEqual({ count: 3404, labels: 'handler=orders,tenant=acme', stack: ['main.(*exporter).send'] });
    expect(traces).toContainEqual({ count: 390, labels: '', stack: ['time.Sleep', 'main.importRow', 'main.(*service).burstyImports.func1'] });
    const frame = session.stacks.framesOf(session.groups.stack.get(s.groups[0]))[0];
    expect(session.fileName(frame)).toBe('/home/dev/src/github.com/acme/leaky/cmd/service/main.go');
    expect(session.frames.line.get(frame)).toBe(147);
    // A record without # lines has a frame per address, each named <unknown> as pprof names it.
    expect(traces).toContainEqual({ count: 1, labels: '', stack: ['<unknown>'] });
  });

  it('keeps the whole records of a cut text and says so', async () => {
    const full = readFixtureText('service/goroutine.service.debug1.txt');
    const cut = full.slice(0, full.indexOf('\n', full.indexOf('main.(*service).lookupInventory.func1+0x3b')) - 10);
    const s = await decodeText(new Session(), cut);
    expect(s.groups.length).toBe(4);
    expect(s.totals).toEqual([4 * 3404]);
    expect(s.warnings).toEqual([`The text is cut off mid-record: kept the 4 whole records, 13616 of the header's total of 23599, and dropped the partial last one.`]);
  });

  it('reads other count profiles, Go-quoted labels and frames without symbols', async () => {
    const session = new Session();
    const threads = await decodeText(session, 'threadcreate profile: total 3\n2 @\n#\t0x0\n\n1 @ 0x43b818 0x467001\n#\t0x43b817\truntime.allocm+0x157\t\t/usr/local/go/src/runtime/proc.go:1414\n\n');
    expect(threads.kind).toBe('threadcreate');
    expect(threads.sampleTypes).toEqual([{ type: 'threadcreate', unit: 'count' }]);
    expect(tracesOf(session, threads)).toEqual([
      { count: 2, labels: '', stack: ['<unknown>'] },
      { count: 1, labels: '', stack: ['runtime.allocm'] },
    ]);
    const leak = await decodeText(session, 'goroutineleak profile: total 2\r\n2 @ 0x1 0x2\r\n# labels: {"k\\"q":"a\\tb", "emoji":"\\u263a"}\r\n#\t0x1\tmain.f+0x1\t/x/m.go:3\r\n\r\n');
    expect(leak.kind).toBe('goroutineleak');
    expect(session.labelSets.get(session.groups.labels.get(leak.groups[0]))).toEqual([
      { key: 'emoji', value: '☺' },
      { key: 'k"q', value: 'a\tb' },
    ]);
  });

  it('reads legacy heap text the way pprof does, scaling samples by the rate', async () => {
    const session = new Session();
    const s = await load(session, 'other-types/heap.service.debug1.txt');
    const text = readFixtureText('other-types/heap.service.debug1.txt');
    expect(s.kind).toBe('heap');
    expect(s.sampleTypes.map((t) => t.type)).toEqual(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']);
    expect(s.defaultSampleType).toBe(3);
    expect(s.period).toBe(524288);
    expect(s.groups.length).toBe(text.match(/^\d+: \d+ \[/gm)!.length);
    // pprof's scaleHeapSample for one 48-byte allocation sampled every 512 KiB.
    const scale = 1 / (1 - Math.exp(-48 / 524288));
    const first = session.stackNames(session.groups.stack.get(s.groups[0]));
    expect(first[0]).toBe('net/http.NewRequestWithContext');
    expect(s.values.map((v) => v[0])).toEqual([Math.trunc(scale), Math.trunc(48 * scale), 0, 0]);
  });
});

describe('debug=2 dumps', () => {
  it.each(DEBUG2)('%s: every goroutine, its state, wait, stack and creator', async (file) => {
    const session = new Session();
    const s = await load(session, file);
    const expected = parseDump(readFixtureText(file));
    const g = s.goroutines!;
    expect(s.format).toBe('debug2');
    expect(s.kind).toBe('goroutine');
    expect(s.warnings).toEqual([]);
    expect(s.totals).toEqual([expected.length]);
    expect(g.id.length).toBe(expected.length);
    expected.forEach((e, i) => {
      const ours = {
        id: g.id[i],
        state: session.strings.get(g.state[i]),
        minutes: g.waitMinutes[i],
        locked: g.locked[i] === 1,
        stack: session.stackNames(session.groups.stack.get(s.groups[g.group[i]])),
        creator: g.createdBy[i] < 0 ? null : session.funcName(g.createdBy[i]),
        creatorLine: g.createdBy[i] < 0 ? 0 : session.frames.line.get(g.createdBy[i]),
        parent: g.parentId[i],
      };
      if (JSON.stringify(ours) !== JSON.stringify(e)) expect(ours).toEqual(e);
    });
    const counts = new Map<number, number>();
    for (const x of g.group) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.entries()].map(([i, n]) => [i, n])).toEqual([...s.values[0]].map((v, i) => [i, v]));
  });

  it('service: states, wait minutes and creators of the leaks', async () => {
    const session = new Session();
    const s = await load(session, 'service/goroutine.service.debug2.txt');
    const g = s.goroutines!;
    const states = new Map<string, number>();
    for (const st of g.state) states.set(session.strings.get(st), (states.get(session.strings.get(st)) ?? 0) + 1);
    expect(Object.fromEntries(states)).toEqual({
      'chan send': 23158,
      sleep: 245,
      'IO wait': 36,
      'chan receive': 9,
      'sync.Mutex.Lock': 5,
      select: 2,
      'sync.Cond.Wait': 1,
      semacquire: 1,
      running: 1,
      runnable: 1,
    });
    const send = s.groups.findIndex((grp) => session.stackNames(session.groups.stack.get(grp))[0] === 'main.(*exporter).send');
    expect(s.values[0][send]).toBe(13620);
    const minutes = [...g.waitMinutes].filter((_, i) => g.group[i] === send);
    expect(minutes.filter((m) => m < 0)).toHaveLength(3784);
    expect(Math.min(...minutes.filter((m) => m >= 0))).toBe(1);
    expect(Math.max(...minutes)).toBe(3);
    const i = g.group.indexOf(send);
    expect(session.funcName(g.createdBy[i])).toBe('main.(*exporter).record');
    expect(session.frames.line.get(g.createdBy[i])).toBe(143);
    expect(g.parentId[i]).toBe(36);
    expect(s.groups.length).toBe(19);
  });

  it.each([
    ['fanout-100k/goroutine.fanout.debug2.txt.gz', 86589],
    ['fanout-200k/goroutine.fanout.debug2.txt.gz', 66191],
  ])('%s: cut at 64 MiB, keeps the whole goroutines and says so', async (file, kept) => {
    const text = gunzipSync(readFixture(file)).toString('utf8');
    expect(text.length).toBe(64 * 1024 * 1024);
    expect(text.match(/^goroutine \d+ \[/gm)!.length).toBe(kept + 1);
    const s = await load(new Session(), file);
    expect(s.goroutines!.id.length).toBe(kept);
    expect(s.totals).toEqual([kept]);
    expect(s.warnings).toEqual([`The dump is cut off mid-goroutine (Go stops writing goroutine dumps at 64 MiB): kept the ${kept} whole goroutines and dropped the partial last one.`]);
  });

  it('reads the whole header grammar and skips what is not a frame', async () => {
    const dump = [
      'panic: boom [recovered]',
      'fatal error: all goroutines are asleep',
      '',
      'goroutine 38 gp=0xc000007c00 m=nil [chan receive (nil chan), 5 minutes, locked to thread] {pid: "7", "a b":"x\\"y"}:',
      'main.f(...)',
      '\t/x/main.go:10',
      'main.g(0x1, {0x2, 0x3})',
      '\t/x/main.go:20 +0x1f fp=0xc000 sp=0xc000 pc=0x4',
      '...3 frames elided...',
      'main.h()',
      '\t/x/main.go:30 +0x2',
      'created by main.start in goroutine 1',
      '\t/x/main.go:5 +0x10',
      '[originating from goroutine 1]:',
      'main.main()',
      '\t/x/main.go:3 +0x1',
      '',
      'goroutine 2 [running (scan), synctest bubble 4]:',
      '\tgoroutine running on other thread; stack unavailable',
      'created by main.x',
      '\t/x/main.go:7 +0x1',
      '',
      'goroutine 3 [select (no cases)] {"tenant":"acme"}:',
      'main.main()',
      '\t/x/main.go:3 +0x1',
      '...additional frames elided...',
      'exit status 2',
      '',
    ].join('\r\n');
    const session = new Session();
    const s = await decodeText(session, dump);
    const g = s.goroutines!;
    const read = (i: number) => ({
      id: g.id[i],
      state: session.strings.get(g.state[i]),
      minutes: g.waitMinutes[i],
      locked: g.locked[i],
      creator: g.createdBy[i] < 0 ? '' : `${session.funcName(g.createdBy[i])}:${session.frames.line.get(g.createdBy[i])}`,
      parent: g.parentId[i],
      trace: tracesOf(session, s)[g.group[i]],
    });
    expect(s.warnings).toEqual([]);
    expect([0, 1, 2].map(read)).toEqual([
      { id: 38, state: 'chan receive (nil chan)', minutes: 5, locked: 1, creator: 'main.start:5', parent: 1, trace: { count: 1, labels: 'a b=x"y,pid=7', stack: ['main.f', 'main.g', 'main.h'] } },
      { id: 2, state: 'running', minutes: -1, locked: 0, creator: 'main.x:7', parent: -1, trace: { count: 1, labels: '', stack: [] } },
      { id: 3, state: 'select (no cases)', minutes: -1, locked: 0, creator: '', parent: -1, trace: { count: 1, labels: 'tenant=acme', stack: ['main.main'] } },
    ]);
    const f = session.stacks.framesOf(session.groups.stack.get(s.groups[0]));
    expect(f.map((x) => session.frames.inlined.get(x))).toEqual([1, 0, 0]);
    expect(f.map((x) => session.frames.line.get(x))).toEqual([10, 20, 30]);
  });

  it('groups goroutines with the same stack and labels, whatever their arguments', async () => {
    const one = (id: number, arg: string, tenant: string) => `goroutine ${id} [chan send] {"tenant":"${tenant}"}:\nmain.f(${arg})\n\t/x/main.go:10 +0x1\n`;
    const text = [one(1, '0x1', 'a'), one(2, '0x2', 'a'), one(3, '0x3', 'b')].join('\n');
    const s = await decodeText(new Session(), text);
    expect(Array.from(s.values[0])).toEqual([2, 1]);
    expect(Array.from(s.goroutines!.group)).toEqual([0, 0, 1]);
  });

  it('keeps the whole goroutines of a dump cut mid-frame', async () => {
    const text = readFixtureText('seed/timeout/goroutine.timeout.debug2.txt');
    const cut = text.slice(0, text.lastIndexOf('\t/') + 5);
    const s = await decodeText(new Session(), cut);
    expect(s.goroutines!.id.length).toBe(208);
    expect(s.warnings[0]).toMatch(/^The dump is cut off mid-goroutine .*: kept the 208 whole goroutines/);
  });

  it('finds the goroutines of a panic printed after 150 KB of log output', async () => {
    const log = Array.from({ length: 2500 }, (_, i) => `2026/11/22 05:24:${String(i % 60).padStart(2, '0')} handled request ${i} in 12ms from 10.0.0.1`).join('\n');
    const panic = 'panic: send on closed channel\n\ngoroutine 7 [running]:\nmain.(*exporter).send(...)\n\t/src/main.go:147 +0x25\ncreated by main.main in goroutine 1\n\t/src/main.go:12 +0x45\n';
    expect(log.length).toBeGreaterThan(150_000);
    const s = await decodeText(new Session(), `${log}\n${panic}`);
    expect(s.format).toBe('debug2');
    expect(Array.from(s.goroutines!.id)).toEqual([7]);
  });
});

describe('text and protobuf agree', () => {
  it('service debug=1 total equals its header and is close to the last snapshot taken just before', async () => {
    const session = new Session();
    const d1 = await load(session, 'service/goroutine.service.debug1.txt');
    const pb = await load(session, listFixtures('service', /\.pb\.gz$/).pop()!);
    expect(d1.totals[0]).toBe(23599);
    expect(Math.abs(d1.totals[0] - pb.totals[0]) / pb.totals[0]).toBeLessThan(0.01);
  });
});
