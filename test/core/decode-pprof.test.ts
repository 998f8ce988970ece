import { describe, expect, it } from 'vitest';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { listFixtures, load, readFixture, readFixtureText } from '../fixtures';
import { parseTags, parseTraces, pprofFacts, sortTraces, tracesOf } from './oracle';

const SEEDS = ['timeout', 'fixed', 'heartbeat', 'sleepers', 'rangeforever', 'slowclient', 'ticker', 'workerpool'];
const SERIES = [...SEEDS.map((s) => `seed/${s}`), 'service', 'fanout-series'];

async function loadSeries(dir: string): Promise<{ session: Session; snapshots: Snapshot[]; files: string[] }> {
  const session = new Session();
  const files = listFixtures(dir, /\.pb\.gz$/);
  const snapshots: Snapshot[] = [];
  for (const f of files) snapshots.push(await load(session, f));
  return { session, snapshots, files };
}

describe('pprof series', () => {
  it.each(SERIES)('%s: every snapshot has the total and samples protobufjs reads', async (dir) => {
    const { snapshots, files } = await loadSeries(dir);
    expect(files.length).toBeGreaterThanOrEqual(10);
    snapshots.forEach((s, i) => {
      const facts = pprofFacts(readFixture(files[i]));
      expect(s.kind).toBe('goroutine');
      expect(s.format).toBe('pprof');
      expect(s.seq).toBe(i + 1);
      expect(s.sampleTypes).toEqual([{ type: 'goroutine', unit: 'count' }]);
      expect([s.periodType, s.period]).toEqual([{ type: 'goroutine', unit: 'count' }, 1]);
      expect(s.totals).toEqual(facts.totals);
      expect(s.groups.length).toBe(facts.samples);
      expect(s.timeMs).toBeGreaterThan(Date.UTC(2020, 0, 1));
      expect(s.warnings).toEqual([]);
    });
    for (let i = 1; i < snapshots.length; i++) expect(snapshots[i].timeMs).toBeGreaterThan(snapshots[i - 1].timeMs!);
  });

  it('matches the scenarios the fixtures README describes', async () => {
    const totals = async (dir: string) => (await loadSeries(dir)).snapshots.map((s) => s.totals[0]);
    expect(await totals('seed/fixed')).toEqual(Array(10).fill(7));
    expect(await totals('seed/sleepers')).toEqual([5, 5, 20005, 5, 5, 20005, 5, 5, 20005, 5, 5, 20005]);
    const fanout = await totals('fanout-series');
    expect(fanout).toHaveLength(60);
    expect(fanout[0]).toBe(2004);
    expect(fanout[59]).toBe(60004);
    for (let i = 1; i < 60; i++) {
      expect(fanout[i]).toBeGreaterThanOrEqual(fanout[i - 1]);
      expect(fanout[i] % 1000).toBe(4);
    }
    const service = await totals('service');
    expect(service[0]).toBe(888);
    expect(service[39]).toBe(23697);
  });

  it('interns one stack and label set as the same group in every snapshot of a session', async () => {
    const { session, snapshots } = await loadSeries('service');
    const exporter = (s: Snapshot) =>
      Array.from(s.groups).filter((g) => {
        const names = session.stackNames(session.groups.stack.get(g));
        const tenant = session.labelSets.get(session.groups.labels.get(g)).find((l) => l.key === 'tenant');
        return names[3] === 'main.(*exporter).send' && tenant?.value === 'acme';
      });
    const last = exporter(snapshots[39]);
    expect(last).toHaveLength(1);
    expect(exporter(snapshots[38])).toEqual(last);
    expect(exporter(snapshots[20])).toEqual(last);
  });

  it('gives identical snapshots identical groups', async () => {
    const session = new Session();
    const a = await load(session, 'fanout-series/pprof.fanout.goroutine.059.pb.gz');
    const groups = session.groups.size;
    const nodes = session.stacks.size;
    const b = await load(session, 'fanout-series/pprof.fanout.goroutine.060.pb.gz');
    expect(session.groups.size).toBe(groups);
    expect(session.stacks.size).toBe(nodes);
    expect(Array.from(b.groups).sort()).toEqual(Array.from(a.groups).sort());
    expect(b.values).toEqual(a.values);
  });
});

describe('traces and tags against go tool pprof', () => {
  const cases = [['service-040', 'service/pprof.service.goroutine.040.pb.gz'], ...SEEDS.map((s) => [`seed-${s}-last`, listFixtures(`seed/${s}`, /\.pb\.gz$/).pop()!])];

  it.each(cases)('%s: every stack, its labels and count match -traces', async (oracle, file) => {
    const session = new Session();
    const s = await load(session, file);
    const expected = parseTraces(readFixtureText(`expected/${oracle}.traces.txt`));
    expect(expected.length).toBeGreaterThan(3);
    // pprof leaves samples without any location out of -traces (they still count in the total).
    const ours = tracesOf(session, s);
    expect(sortTraces(ours.filter((t) => t.stack.length > 0))).toEqual(sortTraces(expected));
  });

  it('keeps a sample with no stack in the total, as pprof does', async () => {
    const session = new Session();
    const s = await load(session, 'seed/rangeforever/pprof.rangeforever.goroutine.010.pb.gz');
    expect(tracesOf(session, s).filter((t) => t.stack.length === 0)).toEqual([{ count: 1, labels: '', stack: [] }]);
    expect(s.totals).toEqual([57]);
    expect(readFixtureText('expected/seed-rangeforever-last.top.txt')).toContain('accounting for 56, 98.25% of 57 total');
  });

  it('service-040: the exporter leak, labelled, leaf first', async () => {
    const session = new Session();
    const s = await load(session, 'service/pprof.service.goroutine.040.pb.gz');
    const acme = tracesOf(session, s).find((t) => t.labels === 'handler=orders,tenant=acme' && t.stack.at(-1) === 'main.(*exporter).send');
    expect(acme).toEqual({ count: 3402, labels: 'handler=orders,tenant=acme', stack: ['runtime.gopark', 'runtime.chansend', 'runtime.chansend1', 'main.(*exporter).send'] });
    const workers = tracesOf(session, s).find((t) => t.labels === 'pool=orders');
    expect(workers?.count).toBe(8);
    expect(workers?.stack.slice(3)).toEqual(['main.(*service).worker', 'main.(*service).startWorkers.func1', 'runtime/pprof.Do']);
  });

  it('service-040: label totals per key and value match -tags', async () => {
    const session = new Session();
    const s = await load(session, 'service/pprof.service.goroutine.040.pb.gz');
    const ours = new Map<string, { total: number; values: Map<string, number> }>();
    s.groups.forEach((g, i) => {
      for (const l of session.labelSets.get(session.groups.labels.get(g))) {
        const k = ours.get(l.key) ?? { total: 0, values: new Map<string, number>() };
        k.total += s.values[0][i];
        k.values.set(l.value, (k.values.get(l.value) ?? 0) + s.values[0][i]);
        ours.set(l.key, k);
      }
    });
    const tags = parseTags(readFixtureText('expected/service-040.tags.txt'));
    expect([...tags.keys()].sort()).toEqual(['handler', 'pool', 'tenant']);
    expect(ours).toEqual(tags);
    expect(tags.get('tenant')?.values.get('initech')).toBe(5792);
  });
});

describe('other profile types', () => {
  // As `go tool pprof -raw` prints them (PeriodType, Period).
  it.each([
    ['samples.cpu', 'cpu', 'cpu', 'nanoseconds', 10_000_000],
    ['heap', 'heap', 'space', 'bytes', 524_288],
    ['allocs', 'allocs', 'space', 'bytes', 524_288],
    ['mutex', 'mutex', 'contentions', 'count', 1],
    ['block', 'block', 'contentions', 'count', 1],
    ['threadcreate', 'threadcreate', 'threadcreate', 'count', 1],
  ])('%s: kind %s, period type %s %s, period %d', async (name, kind, type, unit, period) => {
    const s = await load(new Session(), `other-types/pprof.service.${name}.001.pb.gz`);
    expect([s.kind, s.periodType, s.period]).toEqual([kind, { type, unit }, period]);
  });
});

describe('edge cases', () => {
  async function edge(file: string) {
    const session = new Session();
    const s = await load(session, `edge/${file}`);
    const stacks = Array.from(s.groups, (g) => session.stacks.framesOf(session.groups.stack.get(g)));
    return { session, s, stacks };
  }

  it('deep-recursion keeps all 2,000 recursive frames', async () => {
    const { session, stacks } = await edge('deep-recursion.pb.gz');
    const deep = stacks.find((f) => f.length > 100)!;
    expect(deep.filter((f) => session.funcName(f) === 'main.walk')).toHaveLength(2000);
    expect(deep).toHaveLength(2002);
    expect(session.funcName(deep[0])).toBe('runtime.gopark');
  });

  it('inlined: one location expands to three frames, the inner two marked inlined', async () => {
    const { session, s, stacks } = await edge('inlined.pb.gz');
    expect(s.totals).toEqual([7]);
    const top = stacks[0].slice(0, 4).map((f) => [session.funcName(f), session.frames.line.get(f), session.frames.inlined.get(f)]);
    expect(top).toEqual([
      ['runtime.gopark', 425, 0],
      ['sync.(*Mutex).lockSlow', 171, 1],
      ['sync.(*Mutex).Lock', 90, 1],
      ['main.update', 44, 0],
    ]);
  });

  it('raw-uncompressed protobuf decodes like a gzipped one', async () => {
    const { session, s, stacks } = await edge('raw-uncompressed.pb');
    expect(s.totals).toEqual([9]);
    expect(stacks[0].map((f) => session.funcName(f))).toEqual(['runtime.gopark', 'runtime.chansend', 'main.leak', 'runtime.goexit']);
  });

  it('two-sample-types uses default_sample_type', async () => {
    const { s } = await edge('two-sample-types.pb.gz');
    expect(s.sampleTypes).toEqual([
      { type: 'alloc_objects', unit: 'count' },
      { type: 'alloc_space', unit: 'bytes' },
    ]);
    expect(s.defaultSampleType).toBe(1);
    expect(s.totals).toEqual([11, 4096 + 2 ** 40]);
  });

  it('two-sample-types: a label with neither a string nor a number is no label, as pprof reads it (go tool pprof -raw lists none)', async () => {
    const { session, s } = await edge('two-sample-types.pb.gz');
    expect(Array.from(s.groups, (g) => session.labelSets.get(session.groups.labels.get(g)))).toEqual([[], []]);
  });

  it('extreme-values keeps 2^62 and the negative value', async () => {
    const { s } = await edge('extreme-values.pb.gz');
    expect([...s.values[0]].sort((a, b) => a - b)).toEqual([-500, 2 ** 62]);
    expect(s.warnings).toEqual([]);
  });

  it('unicode-names keeps CJK, emoji and the 4,000-character generic name intact', async () => {
    const { session, stacks } = await edge('unicode-names.pb.gz');
    const names = stacks.map((f) => session.funcName(f[2]));
    expect(names).toContain('main.处理请求');
    expect(names).toContain('main.émoji🙂');
    expect(Math.max(...names.map((n) => n.length))).toBeGreaterThanOrEqual(4000);
    expect(session.labelSets.sets.flat()).toContainEqual({ key: '租户', value: '东京' });
  });

  it('hostile-names keeps markup in names, files and labels literally', async () => {
    const { session, stacks } = await edge('hostile-names.pb.gz');
    const frames = stacks.flat();
    expect(frames.map((f) => session.funcName(f))).toContain('main.<script>alert("fn")</script>');
    // pprof drops the parameter list of a name with brackets, as it does for demangled C++ (go tool pprof -top shows this).
    expect(frames.map((f) => session.funcName(f))).toContain('main.}]]></text><script>alert</script>');
    expect(frames.map((f) => session.fileName(f))).toContain('/srv/<b>x</b>/a&b.go');
    expect(session.labelSets.sets.flat()).toContainEqual({ key: 'user', value: '"><img src=x onerror=alert(1)>' });
  });

  it('no-samples decodes to an empty snapshot', async () => {
    const { s } = await edge('no-samples.pb.gz');
    expect(s.groups.length).toBe(0);
    expect(s.totals).toEqual([0]);
  });
});
