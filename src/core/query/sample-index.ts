import { ProfileError } from '../io/errors';
import type { Snapshot } from '../model/snapshot';

/** Resolves pprof's `sample_index` (a type name or a number) to an index; default: the profile's default type. */
export function sampleIndexOf(s: Snapshot, wanted?: string): number {
  if (wanted === undefined || wanted === '') return s.defaultSampleType;
  const byName = s.sampleTypes.findIndex((t) => t.type === wanted);
  if (byName >= 0) return byName;
  const n = Number(wanted);
  if (Number.isInteger(n) && n >= 0 && n < s.sampleTypes.length) return n;
  throw new ProfileError(`sample_index "${wanted}" is not one of ${s.sampleTypes.map((t) => t.type).join(', ')}`);
}

/** The sample type a query asks for by index, or the profile's default when it asks for none or one it lacks. */
export function shownSampleIndex(s: { sampleTypes: readonly unknown[]; defaultSampleType: number }, wanted?: number | null): number {
  return wanted !== undefined && wanted !== null && wanted >= 0 && wanted < s.sampleTypes.length ? wanted : s.defaultSampleType;
}
