import { spanLabel } from '../units/duration';
import { LEAK_PROFILE_KIND, type Series } from './series';

/** `40 goroutine snapshots over 3m12s`, `9 goroutine snapshots, 30s apart as given`, `2 goroutine snapshots, capture times unknown`. */
export function seriesLabel(series: Series): string {
  const dumps = series.placed.length;
  const placed = dumps ? `, ${dumps} text dump${dumps === 1 ? '' : 's'} placed among them` : '';
  return `${spanOf(series)}${placed}`;
}

function spanOf(series: Series): string {
  const n = series.snapshots.length;
  const what = `${n} ${series.kind} snapshot${n === 1 ? '' : 's'}`;
  if (n < 2) return what;
  if (series.clock === 'interval') return `${what}, ${spanLabel(series.x[1])} apart as given`;
  return series.timed ? `${what} over ${spanLabel(series.x[n - 1])}` : `${what}, capture times unknown`;
}

/**
 * What the user should know about the series' clock: that growth is per snapshot and how to give the
 * interval (`hint` says how: a flag, a field), or why the capture times or the interval are in doubt.
 */
export function clockNote(series: Series, hint: string): string | null {
  if (series.snapshots.length < 2 || series.kind === LEAK_PROFILE_KIND) return null;
  const doubt = series.clockDoubt && `${series.clockDoubt[0].toUpperCase()}${series.clockDoubt.slice(1)}.`;
  if (series.clock !== 'none') return doubt;
  const why = doubt ?? 'Capture times unknown: text dumps carry none, and file dates are not capture times.';
  return `${why} Growth is per snapshot; ${hint} to rate it per minute.`;
}

/** The one-line answer for a series without enough snapshots to judge growth. */
export const NEEDS_TWO = 'Growth needs at least two snapshots of the same kind: load more snapshots of this process, taken some time apart.';

/** What a series of goroutineleak profiles means: its stacks are leaks without any growth to judge. */
export const PROVEN_ONLY = 'goroutineleak profiles list goroutines the runtime proved can never wake: every stack in them is a leak, whatever their counts do.';

/** The note for a series too short or of a kind where growth says nothing; null when there is none. */
export function seriesNote(series: Series): string | null {
  if (series.kind === LEAK_PROFILE_KIND) return PROVEN_ONLY;
  return series.snapshots.length < 2 ? NEEDS_TWO : null;
}
