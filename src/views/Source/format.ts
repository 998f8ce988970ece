import { scaledLabel } from '../../core/units/scale';

/** A value as the Source view shows it: counts with separators ("13,610"), other units as pprof scales them. */
export function valueLabel(v: number, unit: string): string {
  if (unit === 'count' || unit === '') return v.toLocaleString('en-US');
  return scaledLabel(v, unit, 'minimum');
}
