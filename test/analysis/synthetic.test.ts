import { describe, expect, it } from 'vitest';
import { analyzeLeaks } from '../../src/core/analysis/analyze';
import { DEFAULT_BENIGN } from '../../src/core/analysis/benign';
import { leastSquares, trendOf } from '../../src/core/analysis/signals';
import { SUSPECT_SCORE } from '../../src/core/analysis/verdict';
import { Session } from '../../src/core/model/session';
import { addSeries, CHAN_SEND, linear, POOL, SLEEP, type StackSpec } from './synthetic';

function analyze(stacks: [StackSpec, number[]][], opts: Parameters<typeof addSeries>[2] = {}, benign?: string[]) {
  const session = new Session();
  addSeries(session, stacks, opts);
  const a = analyzeLeaks(session, { benign });
  const byFn = (fn: string) => {
    const g = a.groups.find((x) => x.function === fn);
    if (!g) throw new Error(`no group ${fn}`);
    return g;
  };
  return { a, byFn, session };
}

describe('synthetic series', () => {
  it('linear growth beside a steady pool: the grower is the one suspect, at its exact rate', () => {
    const { a, byFn } = analyze([
      [CHAN_SEND, linear(10, 7, 3)],
      [POOL, Array(10).fill(8)],
    ]);
    const leak = byFn('main.leak');
    expect(a.groups[0]).toBe(leak);
    expect(leak.perMinute).toBeCloseTo(7, 9);
    expect(leak.trend.r2).toBeCloseTo(1, 9);
    expect(leak.verdict).toMatchObject({ suspect: true, score: 100 });
    expect(byFn('main.worker').verdict).toMatchObject({ suspect: false, score: 0, reason: 'steady' });
  });

  it('three or four snapshots: a group whose last step adds under a quarter of its pace filled up; a steady one does not', () => {
    for (const counts of [
      [25, 113, 116],
      [0, 1360, 2290, 2291],
    ]) {
      const { byFn } = analyze([[POOL, counts]]);
      expect(byFn('main.worker').verdict, String(counts)).toMatchObject({ suspect: false, reason: 'filled up, then plateaued' });
    }
    const { byFn } = analyze([[CHAN_SEND, [6, 8, 10]]]);
    expect(byFn('main.leak').verdict.suspect).toBe(true);
  });

  it('a burst that comes and goes is transient', () => {
    const { byFn } = analyze([[CHAN_SEND, [0, 0, 500, 0, 0, 500, 0, 0, 500, 0]]]);
    const g = byFn('main.leak');
    expect(g.trend.returned).toBe(true);
    expect(g.verdict.suspect).toBe(false);
    expect(g.verdict.score).toBeLessThan(SUSPECT_SCORE);
  });

  it('a burst still up in the last snapshot is transient too', () => {
    const { byFn } = analyze([[CHAN_SEND, [0, 0, 500, 0, 0, 500, 0, 0, 0, 500]]]);
    expect(byFn('main.leak').verdict).toMatchObject({ suspect: false, reason: 'transient: came back down to its baseline' });
  });

  it('a pool that fills and then plateaus is not a leak', () => {
    const { byFn } = analyze([[POOL, [0, 20, 40, 60, 80, 100, 100, 100, 100, 100, 100, 100]]]);
    const g = byFn('main.worker');
    expect(g.trend.recent).toBeLessThan(0.25);
    expect(g.verdict).toMatchObject({ suspect: false, reason: 'filled up, then plateaued' });
  });

  it('a sawtooth that keeps resetting is not a leak', () => {
    const { byFn } = analyze([[CHAN_SEND, [0, 10, 20, 30, 0, 10, 20, 30, 0, 10, 20, 30]]]);
    const g = byFn('main.leak');
    expect(g.trend.drawdown).toBe(1);
    expect(g.verdict.suspect).toBe(false);
  });

  it('growth with jitter and a small dip is still a leak', () => {
    const { byFn } = analyze([[CHAN_SEND, [10, 22, 29, 41, 38, 52, 61, 70, 79, 93]]]);
    const g = byFn('main.leak');
    expect(g.trend.monotonic).toBeCloseTo(8 / 9, 9);
    expect(g.verdict.suspect).toBe(true);
  });

  it('a single snapshot has no growth verdicts', () => {
    const { a } = analyze([[CHAN_SEND, [500]], [POOL, [8]]]);
    expect(a.series.snapshots).toHaveLength(1);
    for (const g of a.groups) expect(g.verdict).toEqual({ suspect: false, score: 0, reason: 'growth needs at least two snapshots', evidence: [] });
  });

  it('two snapshots: growth is flagged with less confidence than a long steady series', () => {
    const two = analyze([[CHAN_SEND, [10, 50]]]).byFn('main.leak');
    const ten = analyze([[CHAN_SEND, linear(10, 40, 10)]]).byFn('main.leak');
    expect(two.verdict.suspect).toBe(true);
    expect(two.verdict.reason).toMatch(/too few snapshots/);
    expect(two.verdict.score).toBeLessThan(ten.verdict.score);
    expect(two.perMinute).toBe(40);
  });

  it('without capture times the axis is evenly spaced and growth is per snapshot', () => {
    const { a, byFn } = analyze([[CHAN_SEND, linear(6, 5)]], { stepMs: null });
    expect(a.series.timed).toBe(false);
    expect(a.series.x).toEqual([0, 1, 2, 3, 4, 5]);
    expect(byFn('main.leak').perMinute).toBeCloseTo(5, 9);
  });

  it('on a time axis growth is per minute whatever the spacing', () => {
    const { byFn } = analyze([[CHAN_SEND, linear(6, 5)]], { stepMs: 5_000 });
    expect(byFn('main.leak').perMinute).toBeCloseTo(60, 9);
  });

  it('the same growth ranks lower asleep than blocked on a channel', () => {
    const { byFn } = analyze([
      [CHAN_SEND, linear(10, 5)],
      [SLEEP, linear(10, 5)],
    ]);
    expect(byFn('main.leak').state.label).toBe('chan send');
    expect(byFn('main.nap').state.label).toBe('sleep');
    expect(byFn('main.nap').verdict.score).toBeLessThan(byFn('main.leak').verdict.score);
  });

  it('benign functions are never suspects, and the list can be extended', () => {
    const signal: StackSpec = ['runtime.gopark', 'runtime.chanrecv', 'os/signal.loop', 'runtime.goexit'];
    const stacks: [StackSpec, number[]][] = [
      [signal, linear(8, 2, 1)],
      [CHAN_SEND, linear(8, 4)],
    ];
    const { byFn } = analyze(stacks);
    expect(byFn('os/signal.loop').verdict).toMatchObject({ suspect: false, reason: 'benign: os/signal.loop' });
    expect(byFn('main.leak').verdict.suspect).toBe(true);
    const extended = analyze(stacks, {}, [...DEFAULT_BENIGN, 'main.le*']).byFn('main.leak');
    expect(extended.benign).toBe('main.le*');
    expect(extended.verdict.suspect).toBe(false);
  });

  it('a goroutineleak profile proves its stacks even without growth', () => {
    const session = new Session();
    addSeries(session, [
      [CHAN_SEND, [4, 4, 4]],
      [POOL, [8, 8, 8]],
    ]);
    addSeries(session, [[CHAN_SEND, [4]]], { kind: 'goroutineleak' });
    const a = analyzeLeaks(session);
    expect(a.series.snapshots).toHaveLength(3);
    expect(a.series.excluded[0].reason).toMatch(/proven leaks/);
    const leak = a.groups.find((g) => g.function === 'main.leak');
    expect(leak?.proven).toBe(true);
    expect(leak?.verdict.suspect).toBe(true);
    expect(a.groups[0]).toBe(leak);
    expect(a.groups.find((g) => g.function === 'main.worker')?.proven).toBe(false);
  });
});

describe('trend arithmetic', () => {
  it('least squares recovers an exact line', () => {
    expect(leastSquares([0, 1, 2, 3], [1, 3, 5, 7])).toEqual({ slope: 2, intercept: 1, r2: 1 });
  });

  it('a flat series has no slope and no fit', () => {
    const t = trendOf([0, 1, 2, 3], [5, 5, 5, 5]);
    expect(t).toMatchObject({ slope: 0, r2: 0, monotonic: 1, rises: 0, drawdown: 0, returned: false, neverDrains: true });
  });

  it('drawdown and return to baseline', () => {
    const t = trendOf([0, 1, 2, 3, 4], [10, 50, 90, 30, 95]);
    expect(t.drawdown).toBeCloseTo(60 / 85, 9);
    expect(t.returned).toBe(false);
    expect(trendOf([0, 1, 2, 3, 4], [10, 50, 90, 12, 95]).returned).toBe(true);
  });
});
