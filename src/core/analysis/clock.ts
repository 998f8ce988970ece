import type { Snapshot } from '../model/snapshot';
import { spanLabel } from '../units/duration';

/** Where a series' time axis comes from. */
export type ClockSource = 'capture' | 'interval' | 'none';

export interface SeriesClock {
  /** Minutes since the first snapshot when there is a clock; else 0, 1, 2… */
  x: number[];
  timed: boolean;
  source: ClockSource;
  /** Why the capture times were not used, or what the dumps say against the interval given; null when nothing is amiss. */
  doubt: string | null;
}

/**
 * Minutes that must have passed between two debug=2 dumps of one process, from what they say: a
 * goroutine newer than every goroutine of the earlier dump was born after it, so it cannot have
 * waited longer than the gap; one in both dumps that waits in each added at least the difference
 * less the minute the waits are floored to. Waits under-report, so this is a lower bound.
 */
export function provenGapMinutes(earlier: Snapshot, later: Snapshot): number {
  const a = earlier.goroutines;
  const b = later.goroutines;
  const newest = earlier.lastGoroutineId;
  // A dump cut short leaves goroutines out, so "newer than every goroutine in it" proves nothing.
  if (!a || !b || newest === null || earlier.warnings.length > 0) return 0;
  let waitsBefore: Map<number, number> | null = null;
  let proven = 0;
  for (let i = 0; i < b.id.length; i++) {
    const w = b.waitMinutes[i];
    if (w <= proven) continue;
    if (b.id[i] > newest) {
      proven = w;
      continue;
    }
    if (!waitsBefore) {
      waitsBefore = new Map();
      for (let j = 0; j < a.id.length; j++) waitsBefore.set(a.id[j], a.waitMinutes[j]);
    }
    const before = waitsBefore.get(b.id[i]);
    if (before !== undefined) proven = Math.max(proven, w - Math.max(before, 0) - 1);
  }
  return proven;
}

/** The pairs whose gap the dumps can prove something about: each step, and first to last. */
function checkedPairs(n: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 1; i < n; i++) pairs.push([i - 1, i]);
  if (n > 2) pairs.push([0, n - 1]);
  return pairs;
}

/** The first pair of snapshots whose gap on the axis x (minutes) is shorter than the dumps prove, described; else null. */
function contradiction(snapshots: Snapshot[], x: number[]): string | null {
  for (const [i, j] of checkedPairs(snapshots.length)) {
    const proven = provenGapMinutes(snapshots[i], snapshots[j]);
    const gap = x[j] - x[i];
    if (gap < proven) {
      const [a, b] = [snapshots[i].name, snapshots[j].name];
      return `${b} is ${spanLabel(gap)} after ${a} by that clock, yet goroutines born after ${a} have waited ${proven} minute${proven === 1 ? '' : 's'} in ${b}`;
    }
  }
  return null;
}

function captureAxis(snapshots: Snapshot[]): { x: number[] | null; doubt: string | null } {
  const times = snapshots.map((s) => s.timeMs);
  if (times.some((t) => t === null)) return { x: null, doubt: null };
  const t = times as number[];
  for (let i = 1; i < t.length; i++) {
    if (t[i] < t[i - 1]) return { x: null, doubt: `the capture times of ${snapshots[i - 1].name} and ${snapshots[i].name} run against the order of their file names` };
  }
  if (t.length < 2 || t[t.length - 1] === t[0]) return { x: null, doubt: t.length < 2 ? null : 'every snapshot has the same capture time' };
  const x = t.map((v) => (v - t[0]) / 60000);
  const against = contradiction(snapshots, x);
  return against ? { x: null, doubt: `the capture times are impossible: ${against}` } : { x, doubt: null };
}

/**
 * The time axis of snapshots in series order: their capture times when every one has one (from the
 * profile, a timestamp in the file name, or the fetch) and the dumps do not prove them impossible;
 * else the interval the user gave; else none, and growth is per snapshot. File dates are never a clock.
 */
export function seriesClock(snapshots: Snapshot[], intervalMs: number | null = null): SeriesClock {
  const steps = snapshots.map((_, i) => i);
  const captured = captureAxis(snapshots);
  if (captured.x) return { x: captured.x, timed: true, source: 'capture', doubt: null };
  if (intervalMs !== null && intervalMs > 0 && snapshots.length > 1) {
    const x = steps.map((i) => (i * intervalMs) / 60000);
    const against = contradiction(snapshots, x);
    return { x, timed: true, source: 'interval', doubt: against ? `the interval given is too short: ${against}` : captured.doubt };
  }
  return { x: steps, timed: false, source: 'none', doubt: captured.doubt };
}
