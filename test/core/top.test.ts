import { describe, expect, it } from 'vitest';
import { profileLabels } from '../../src/core/report/header';
import { topText } from '../../src/core/report/top-text';
import { scaledLabel } from '../../src/core/units/scale';
import { SnapshotBuilder } from '../../src/core/model/builder';
import { Session } from '../../src/core/model/session';
import { buildCallTree } from '../../src/core/query/call-tree';
import { nodeKeys } from '../../src/core/query/granularity';
import { topReport } from '../../src/core/query/top';
import { listFixtures, load, readFixtureText } from '../fixtures';
import { parseScaled, parseTop } from './oracle';

/** The profile each expected/NAME.top*.txt was made from. */
function profileFor(name: string): string {
  if (name === 'service-040') return 'service/pprof.service.goroutine.040.pb.gz';
  if (name === 'fanout-100k') return 'fanout-100k/pprof.fanout.goroutine.001.pb.gz';
  const other = /^other-(.+)$/.exec(name);
  if (other) return `other-types/pprof.service.${other[1]}.001.pb.gz`;
  const seed = /^seed-(.+)-last$/.exec(name);
  if (seed) return listFixtures(`seed/${seed[1]}`, /\.pb\.gz$/).pop()!;
  throw new Error(`no profile known for ${name}`);
}

const ORACLES = listFixtures('expected', /\.topcum\.txt$|\.top\.txt$/).map((path) => {
  const [, name, cum] = /^expected\/(.+)\.top(cum)?\.txt$/.exec(path)!;
  return { path, name, sortBy: cum ? ('cum' as const) : ('flat' as const) };
});

async function report(name: string, sortBy: 'flat' | 'cum') {
  const session = new Session();
  const s = await load(session, profileFor(name));
  const si = s.defaultSampleType;
  const top = topReport(buildCallTree(session, s, si), nodeKeys(session, 'functions'), session.frames, sortBy);
  return { s, si, top, text: topText(s, si, top) };
}

describe('top against go tool pprof -top', () => {
  it('covers every expected top and topcum file', () => {
    expect(ORACLES.length).toBe(32);
  });

  it.each(ORACLES)('$path: same text', async ({ path, name, sortBy }) => {
    expect((await report(name, sortBy)).text).toBe(readFixtureText(path));
  });

  it.each(ORACLES)('$path: same total, flat and cum per function', async ({ path, name, sortBy }) => {
    const { s, si, top } = await report(name, sortBy);
    const expected = parseTop(readFixtureText(path));
    const close = (ours: number, printed: string) => {
      const { value, tolerance } = parseScaled(printed);
      expect(Math.abs(ours - value)).toBeLessThanOrEqual(tolerance + Math.abs(value) * 1e-12);
    };
    close(top.total, expected.total);
    expect(top.total).toBe(s.totals[si]);
    expect(top.rows.map((r) => r.name)).toEqual(expected.rows.map((r) => r.name));
    top.rows.forEach((r, i) => {
      close(r.flat, expected.rows[i].flat);
      close(r.cum, expected.rows[i].cum);
    });
  });
});

describe('top of a profile with a negative value', () => {
  it('totals the magnitudes as pprof does: edge/extreme-values (2^62 and -500)', async () => {
    const session = new Session();
    const s = await load(session, 'edge/extreme-values.pb.gz');
    const top = topReport(buildCallTree(session, s, 0), nodeKeys(session, 'functions'), session.frames, 'flat');
    // go tool pprof -top -nodefraction=0 edge/extreme-values.pb.gz
    expect(topText(s, 0, top)).toBe(
      [
        'Type: goroutine',
        'Time: Nov 22, 2025 at 5:20am (UTC)',
        'Showing nodes accounting for 4611686018427387392, 100% of 4611686018427387904 total',
        '      flat  flat%   sum%        cum   cum%',
        '4611686018427387392   100%   100% 4611686018427387392   100%  runtime.gopark',
        '         0     0%   100% 4611686018427387904   100%  main.grew',
        '         0     0%   100%       -500 1.1e-14%  main.shrank',
        '         0     0%   100% 4611686018427387392   100%  runtime.chansend',
        '         0     0%   100% 4611686018427387392   100%  runtime.goexit',
        '',
      ].join('\n'),
    );
  });
});

describe('report headers like pprof', () => {
  it('shows the profile’s comments after File:, except those starting with #, as pprof’s ProfileLabels', async () => {
    const s = { ...(await load(new Session(), 'service/pprof.service.goroutine.040.pb.gz')), comments: ['built from abc123', '#internal note'] };
    expect(profileLabels(s, 0, s.totals[0], String)).toEqual(['File: service', 'built from abc123', 'Type: goroutine', 'Time: Nov 22, 2026 at 5:24am (UTC)']);
  });
});

describe('the Duration header like pprof', () => {
  // pprof prints measurement.Label(duration, "nanoseconds"): the largest unit keeping it >= 1, two decimals.
  it.each([
    [5_020_000_000, 'Duration: 5.02s, Total samples = 230ms ( 4.58%)'],
    [207_465_000, 'Duration: 207.47ms, Total samples = 230ms (110.86%)'],
    [1_100_000_000, 'Duration: 1.10s, Total samples = 230ms (20.91%)'],
    [3_600_000_000_000, 'Duration: 1hrs, Total samples = 230ms (0.0064%)'],
  ])('other-types CPU profile with a duration of %d ns', async (durationNanos, line) => {
    const s = { ...(await load(new Session(), 'other-types/pprof.service.samples.cpu.001.pb.gz')), durationNanos };
    expect(profileLabels(s, 1, s.totals[1], (v) => scaledLabel(v, 'nanoseconds', 'ms'))).toContain(line);
  });
});

describe('top units and order like pprof', () => {
  it('edge/two-sample-types: one unit for the report from the smallest node and the total', async () => {
    const session = new Session();
    const s = await load(session, 'edge/two-sample-types.pb.gz');
    const si = s.defaultSampleType;
    const top = topReport(buildCallTree(session, s, si), nodeKeys(session, 'functions'), session.frames, 'flat');
    // go tool pprof -top -nodefraction=0 edge/two-sample-types.pb.gz
    expect(topText(s, si, top).split('\n').slice(2)).toEqual([
      'Showing nodes accounting for 1073741828kB, 100% of 1073741828kB total',
      '      flat  flat%   sum%        cum   cum%',
      '1073741828kB   100%   100% 1073741828kB   100%  runtime.gopark',
      '         0     0%   100%        4kB 3.7e-07%  main.alloc',
      '         0     0%   100% 1073741824kB   100%  main.grow',
      '         0     0%   100% 1073741828kB   100%  runtime.chansend',
      '         0     0%   100% 1073741828kB   100%  runtime.goexit',
      '',
    ]);
  });

  it('marks a node inlined by the calls into it from other nodes only: a file’s calls within itself are no edges', () => {
    const session = new Session();
    const b = new SnapshotBuilder(session, { name: 'x', format: 'pprof', kind: 'goroutine', sampleTypes: [{ type: 'goroutine', unit: 'count' }] });
    const fn = (name: string, file: string) => session.functions.intern(name, file);
    // main.run (x.go) calls main.step (x.go, inlined into it), which calls runtime.gopark (y.go).
    const stack = [session.frames.intern(fn('main.run', 'x.go'), 3), session.frames.intern(fn('main.step', 'x.go'), 9, true), session.frames.intern(fn('runtime.gopark', 'y.go'), 1)];
    b.add(b.stack(stack), 0, [3]);
    const s = session.add(b.finish(null));
    const rows = (g: 'functions' | 'files') => topReport(buildCallTree(session, s, 0), nodeKeys(session, g), session.frames, 'flat').rows.map((r) => `${r.name}${r.inline ? ` (${r.inline})` : ''}`);
    expect(rows('functions')).toEqual(['runtime.gopark', 'main.run', 'main.step (inline)']);
    expect(rows('files')).toEqual(['y.go', 'x.go']);
  });

  it('orders by magnitude, so a shrinking -5 comes before a growing +1', () => {
    const session = new Session();
    const b = new SnapshotBuilder(session, { name: 'diff', format: 'pprof', kind: 'goroutine', sampleTypes: [{ type: 'goroutine', unit: 'count' }] });
    const frame = (name: string) => session.frames.intern(session.functions.intern(name, 'main.go'), 1);
    b.add(b.stack([frame('main.grows')]), 0, [1]);
    b.add(b.stack([frame('main.shrinks')]), 0, [-5]);
    const s = session.add(b.finish(null));
    const top = topReport(buildCallTree(session, s, 0), nodeKeys(session, 'functions'), session.frames, 'flat');
    expect(top.rows.map((r) => r.name)).toEqual(['main.shrinks', 'main.grows']);
    expect(topText(s, 0, top)).toContain('        -5 83.33% 83.33%         -5 83.33%  main.shrinks\n');
  });
});
