import { describe, expect, it } from 'vitest';
import { analyzeLeaks, type LeakAnalysis } from '../../src/core/analysis/analyze';
import { Session } from '../../src/core/model/session';
import { listFixtures, load } from '../fixtures';

/** Loads every pprof.*.pb.gz of a fixture folder (plus extra files) and analyses the series. */
async function analyzeFolder(dir: string, extra: string[] = []): Promise<LeakAnalysis> {
  const session = new Session();
  for (const f of [...listFixtures(dir, /^pprof\..*\.pb\.gz$/), ...extra]) await load(session, f);
  return analyzeLeaks(session);
}

const suspects = (a: LeakAnalysis) => a.groups.filter((g) => g.verdict.suspect);

/** The seed leak series: folder, leaking function, Go's wait reason for it, growth per second. */
const SEED_LEAKS: [string, string, string, number][] = [
  ['timeout', 'main.handleRequest.func1', 'chan send', 20],
  ['heartbeat', 'main.sendMetric', 'chan send', 10],
  ['rangeforever', 'main.startCollector.func1', 'chan receive', 5],
  ['slowclient', 'main.fetchWithoutContext', 'select', 15],
  // poll's one-case select compiles to a plain receive, which is what Go reports.
  ['ticker', 'main.poll', 'chan receive', 10],
  ['workerpool', 'main.worker', 'chan receive', 13],
];

describe('leak verdicts on the shared series', () => {
  for (const [name, fn, state, perSecond] of SEED_LEAKS) {
    it(`seed/${name}: ${fn} is the top suspect, growing about ${perSecond}/s`, async () => {
      const a = await analyzeFolder(`seed/${name}`);
      expect(a.series.snapshots).toHaveLength(10);
      expect(a.series.timed).toBe(true);
      const top = a.groups[0];
      expect(top.function).toBe(fn);
      expect(top.verdict.suspect).toBe(true);
      expect(top.state.label).toBe(state);
      expect(top.state.source).toBe('stack');
      expect(top.perMinute / 60).toBeGreaterThan(perSecond * 0.8);
      expect(top.perMinute / 60).toBeLessThan(perSecond * 1.25);
      expect(top.trend.monotonic).toBe(1);
      expect(top.trend.neverDrains).toBe(true);
    });

    it(`seed/${name}: with the debug=2 dump loaded, the state is Go's own wait reason`, async () => {
      const a = await analyzeFolder(`seed/${name}`, [`seed/${name}/goroutine.${name}.debug2.txt`]);
      const top = a.groups[0];
      expect(a.factsFrom).toBe(`goroutine.${name}.debug2.txt`);
      expect(a.series.snapshots).toHaveLength(10);
      expect(top.function).toBe(fn);
      expect(top.state).toEqual({ label: state, category: top.state.category, source: 'dump' });
      expect(top.creator).not.toBe('');
    });
  }

  it('seed/timeout: only the leaking sender is a suspect', async () => {
    const a = await analyzeFolder('seed/timeout');
    expect(suspects(a).map((g) => g.function)).toEqual(['main.handleRequest.func1']);
    expect(a.groups[0].trend.first).toBe(20);
    expect(a.groups[0].trend.last).toBe(201);
  });

  it('seed/slowclient: the net/http persistConn loops are suspects too, below the caller', async () => {
    const a = await analyzeFolder('seed/slowclient');
    const names = suspects(a).map((g) => g.function);
    expect(names[0]).toBe('main.fetchWithoutContext');
    expect(names).toContain('net/http.(*persistConn).writeLoop');
    expect(names).toContain('net/http.(*persistConn).readLoop');
    const growth = suspects(a).reduce((s, g) => s + g.perMinute / 60, 0);
    expect(growth).toBeGreaterThan(60);
    expect(growth).toBeLessThan(90);
  });

  it('seed/fixed: flat at 7 goroutines, no suspect', async () => {
    const a = await analyzeFolder('seed/fixed');
    expect(a.totals).toEqual(Array(10).fill(7));
    expect(suspects(a)).toEqual([]);
  });

  it('seed/sleepers: bursts of 20,000 sleepers are transient, no suspect', async () => {
    const a = await analyzeFolder('seed/sleepers');
    expect(Math.max(...a.totals)).toBe(20005);
    expect(a.totals.at(-1)).toBe(20005);
    expect(suspects(a)).toEqual([]);
    const burst = a.groups.find((g) => g.function === 'main.sleepers.func1');
    expect(burst?.trend.returned).toBe(true);
    expect(burst?.verdict.reason).toMatch(/transient/);
  });

  it('service: exporter.send then lookupInventory.func1, and nothing else', async () => {
    const a = await analyzeFolder('service');
    expect(a.series.snapshots).toHaveLength(40);
    expect(suspects(a).map((g) => g.function)).toEqual(['main.(*exporter).send', 'main.(*service).lookupInventory.func1']);
    const [send, lookup] = a.groups;
    expect(send.trend.last).toBe(13610);
    expect(lookup.trend.last).toBe(9530);
    expect(send.state.label).toBe('chan send');
    expect(send.verdict.score).toBeGreaterThan(lookup.verdict.score);
    expect(send.share).toBeCloseTo(13610 / 23697, 6);
  });

  it('service: the pool, janitor, idle connections and bursty imports are not flagged, for any grouping', async () => {
    const session = new Session();
    for (const f of listFixtures('service', /^pprof\./)) await load(session, f);
    const innocent = /worker|cacheJanitor|readLoop|serveConn|idleConnections|importRow|burstyImports|lockContention/;
    for (const grouping of ['stack', 'labels', 'creator', 'function'] as const) {
      const flagged = analyzeLeaks(session, { grouping }).groups.filter((g) => g.verdict.suspect);
      expect(flagged.length, grouping).toBeGreaterThan(0);
      expect(flagged.filter((g) => innocent.test(g.label)).map((g) => g.label), grouping).toEqual([]);
    }
    const imports = analyzeLeaks(session).groups.find((g) => g.function === 'main.importRow');
    expect(imports?.trend.last).toBe(499);
    expect(imports?.verdict.suspect).toBe(false);
  });

  it('service with its debug=2 dump: wait minutes and creators of both leaks', async () => {
    const a = await analyzeFolder('service', ['service/goroutine.service.debug2.txt']);
    const [send, lookup] = a.groups;
    expect(a.series.snapshots).toHaveLength(40);
    expect(a.series.excluded).toEqual([]);
    expect(a.series.placed.map((p) => [p.snapshot.name, p.after, p.before])).toEqual([['goroutine.service.debug2.txt', 39, 39]]);
    expect([send.waitMin, send.waitMax]).toEqual([1, 3]);
    expect(send.creator).toBe('main.(*exporter).record at main.go:143');
    expect(lookup.creator).toBe('main.(*service).lookupInventory at main.go:89');
  });

  it('fanout-series: every parked group grows, and by function they grow alike', async () => {
    const session = new Session();
    for (const f of listFixtures('fanout-series', /^pprof\./)) await load(session, f);
    const a = analyzeLeaks(session, { grouping: 'function' });
    expect(a.series.snapshots).toHaveLength(60);
    expect(a.totals.at(-1)).toBe(60004);
    const parkers = a.groups.filter((g) => g.function.startsWith('main.parkers.func'));
    expect(parkers).toHaveLength(6);
    for (const g of parkers) {
      expect(g.verdict.suspect).toBe(true);
      expect(g.trend.monotonic).toBe(1);
      expect(g.trend.last).toBeGreaterThan(9500);
      expect(g.trend.last).toBeLessThan(10500);
    }
    expect(a.groups.slice(0, 5).every((g) => g.function.startsWith('main.parkers.func'))).toBe(true);
  });
});
