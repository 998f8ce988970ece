import { scaledLabel } from './scale';

/** A value of a sample type as views show it: counts with separators (`13,610`), other units as pprof scales them (`1.52s`, `120.50MB`). */
export function valueLabel(v: number, unit: string): string {
  if (unit === 'count' || unit === '') return Math.round(v).toLocaleString('en-US');
  return scaledLabel(v, unit, 'minimum');
}

/** A signed difference of two values: `+13,598` / `−12`. */
export function deltaLabel(d: number, unit: string): string {
  return `${d >= 0 ? '+' : '−'}${valueLabel(Math.abs(d), unit)}`;
}

/** What the values of a sample type count, for labels: `goroutines`, or the sample type (`inuse_space`…). */
export function valueNoun(sampleType: string): string {
  return sampleType === 'goroutine' || sampleType === 'goroutineleak' ? 'goroutines' : sampleType;
}

/** A count with thousands separators, or in powers of ten once it is too long to read (1.2e+18). */
export function countLabel(n: number): string {
  return Math.abs(n) < 1e12 ? n.toLocaleString('en-US') : n.toExponential(2);
}
