import { percentage, scaledLabel } from '../../core/units/scale';
import type { FlameData } from '../../worker/flame';

/** A value of the graph's sample type: `13,610` for counts, `1.52s` or `120.50MB` otherwise. */
export function formatValue(v: number, data: Pick<FlameData, 'unit'>): string {
  if (data.unit === 'count' || data.unit === '') return Math.round(v).toLocaleString('en-US');
  return scaledLabel(v, data.unit, 'minimum');
}

/** What the values count, for labels: `goroutines`, or the sample type (`inuse_space`…). */
export function valueNoun(data: Pick<FlameData, 'sampleType'>): string {
  return data.sampleType === 'goroutine' || data.sampleType === 'goroutineleak' ? 'goroutines' : data.sampleType;
}

/** pprof's percentage, without its padding. */
export function pct(v: number, total: number): string {
  return percentage(v, total).trim();
}

/** A signed difference: `+13,598` / `-12`. */
export function formatDelta(d: number, data: Pick<FlameData, 'unit'>): string {
  return `${d >= 0 ? '+' : '−'}${formatValue(Math.abs(d), data)}`;
}
