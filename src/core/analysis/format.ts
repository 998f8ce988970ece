import { LEAK_PROFILE_KIND, type Series } from './series';

function rounded(v: number): string {
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Growth rate with its sign and unit: `+4,060/min`, `-2.5/min`, `+5.00/snapshot`. */
export function rateLabel(perUnit: number, timed: boolean): string {
  const unit = timed ? '/min' : '/snapshot';
  if (perUnit === 0) return `0${unit}`;
  return `${perUnit > 0 ? '+' : ''}${rounded(perUnit)}${unit}`;
}

/** Wait minutes as debug=2 dumps give them: `1~3 min`, `3 min`, or '' when none are known. */
export function waitLabel(min: number, max: number): string {
  if (max < 0) return '';
  return min === max ? `${max} min` : `${min}~${max} min`;
}

/** A span of minutes: `9s`, `3m12s`, `1h02m`. */
export function spanLabel(minutes: number): string {
  const s = Math.round(minutes * 60);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** `40 goroutine snapshots over 3m12s` / `2 goroutine snapshots (no capture times)`. */
export function seriesLabel(series: Series): string {
  const n = series.snapshots.length;
  const what = `${n} ${series.kind} snapshot${n === 1 ? '' : 's'}`;
  if (n < 2) return what;
  return series.timed ? `${what} over ${spanLabel(series.x[n - 1])}` : `${what} (no capture times: evenly spaced)`;
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
