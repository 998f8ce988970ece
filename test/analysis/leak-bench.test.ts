import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLeaks, type LeakAnalysis } from '../../src/core/analysis/analyze';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { PROJECT_FIXTURES, readProjectFixture } from '../fixtures';

/**
 * Protobuf series cut from the leak-accuracy benchmark's captures (bench/leak-accuracy): a leak or
 * a benign look-alike beside a healthy service's 2,000 pool workers and its short requests
 * (main.serveRequest waiting on main.queryBackend, which sleeps 0-3 s), some with bursts of
 * 1,000-3,000 requests (main.serveBurstRequest waiting on its sleeping func1).
 */
async function analyzeCut(dir: string): Promise<LeakAnalysis> {
  const session = new Session();
  for (const f of readdirSync(join(PROJECT_FIXTURES, 'leak-bench', dir)).sort()) {
    await decodeInput(readProjectFixture(`leak-bench/${dir}/${f}`), session, { name: basename(f) });
  }
  return analyzeLeaks(session);
}

const suspects = (a: LeakAnalysis) => a.groups.filter((g) => g.verdict.suspect).map((g) => g.function);
const group = (a: LeakAnalysis, fn: string) => {
  const g = a.groups.find((r) => r.function === fn);
  if (!g) throw new Error(`no group ${fn}`);
  return g;
};

describe('three snapshots: steps that disagree with one steady rate are bursts', () => {
  it('bursty/cond-no-signal: a burst of requests rising 0, 880, 2,040 is no suspect; the Cond waiters are the only one', async () => {
    const a = await analyzeCut('bursty-cond-no-signal');
    expect(a.series.snapshots).toHaveLength(3);
    const burst = group(a, 'main.serveBurstRequest');
    expect([burst.trend.first, burst.trend.last]).toEqual([0, 2040]);
    expect(burst.trend.monotonic).toBe(1);
    expect(burst.trend.r2).toBeGreaterThan(0.99);
    expect(burst.trend.stepSpread).toBeGreaterThan(30);
    expect(burst.verdict.reason).toBe('grows in bursts, not steadily');
    const leak = group(a, 'main.awaitReady');
    expect(leak.trend.stepSpread).toBeLessThan(1);
    expect(suspects(a)).toEqual(['main.awaitReady']);
  });

  it('bursty/rwr-deadlock: the reader and the writer rank 1-2 above a burst of 897', async () => {
    const a = await analyzeCut('bursty-rwr-deadlock');
    expect(group(a, 'main.serveBurstRequest').trend.last).toBe(897);
    expect(suspects(a)).toEqual(['main.(*registry).count', 'main.(*registry).register']);
  });
});

describe('growth within a drifting count’s noise, in goroutines that wake or wait on ones that do', () => {
  it('slow/double-lock, 3 snapshots: requests rising 14, 16, 20 beside their sleeping backend calls are no suspects; the lock waiters rising 6, 8, 10 are', async () => {
    const a = await analyzeCut('slow-double-lock');
    const request = group(a, 'main.serveRequest');
    expect(Array.from([request.trend.first, request.trend.last])).toEqual([14, 20]);
    expect(request.state.category).toBe('chan-receive');
    expect(request.trend.growthSignificance).toBeCloseTo(6 / Math.sqrt(34), 6);
    expect(request.verdict.reason).toBe('drifts in step with main.queryBackend, which wakes by itself: it waits on work in progress');
    expect(request.verdict.evidence).toEqual(['a count of about 17 that only drifts moves by ±12 (twice its square root); it grew by 6']);
    expect(group(a, 'main.queryBackend').verdict.reason).toBe('drifts within its noise, in a state that ends by itself');
    // The leak grows no more than the requests, but nothing it waits on wakes.
    const leak = group(a, 'main.(*account).audit');
    expect(leak.trend.growthSignificance).toBeLessThan(2);
    expect(suspects(a)).toEqual(['main.(*account).audit']);
  });

  it('bursty/plateau-pool: requests rising 14, 15, 16, 18 over four snapshots are no suspects', async () => {
    const a = await analyzeCut('bursty-plateau-pool');
    const request = group(a, 'main.serveRequest');
    expect(request.trend.monotonic).toBe(1);
    expect(request.verdict.reason).toMatch(/^drifts in step with main\.queryBackend/);
    expect(suspects(a)).toEqual([]);
  });

  it('bursty/churning-conns: connections read in IO wait, rising 59 to 74, are no suspects', async () => {
    const a = await analyzeCut('bursty-churning-conns');
    const conns = group(a, 'main.serveConn');
    expect([conns.trend.first, conns.trend.last]).toEqual([59, 74]);
    expect(conns.state.category).toBe('io-wait');
    expect(conns.verdict.reason).toBe('drifts within its noise, in a state that ends by itself');
    expect(suspects(a)).toEqual([]);
  });
});
