import type { Snapshot } from '../model/snapshot';

/**
 * The profile a diff report is labelled with: pprof merges the base into the current profile,
 * which keeps the earliest capture time and adds up the durations.
 */
export function diffLabels(current: Snapshot, base: Snapshot): Snapshot {
  const times = [current.timeMs, base.timeMs].filter((t): t is number => t !== null && t !== 0);
  return { ...current, timeMs: times.length ? Math.min(...times) : current.timeMs, durationNanos: current.durationNanos + base.durationNanos };
}
