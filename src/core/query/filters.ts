/**
 * pprof's refine options, by pprof's names: focus `f`, ignore `i`, hide `h`, show `s`, show_from `sf`
 * (regexes on function name and file), tagfocus `tf` / tagignore `ti` (`key=regex`).
 */
export interface Filters {
  f?: string;
  i?: string;
  h?: string;
  s?: string;
  sf?: string;
  tf?: string;
  ti?: string;
}

export type FilterKey = keyof Filters;

/** Every filter in the order pprof applies them. */
export const FILTER_KEYS: readonly FilterKey[] = ['f', 'i', 'h', 's', 'sf', 'tf', 'ti'];

/** pprof's option names, used in its messages ("Focus expression matched no samples"). */
export const FILTER_NAMES: Record<FilterKey, string> = {
  f: 'focus',
  i: 'ignore',
  h: 'hide',
  s: 'show',
  sf: 'show_from',
  tf: 'tagfocus',
  ti: 'tagignore',
};

export function hasFilters(f: Filters | undefined): boolean {
  return !!f && Object.values(f).some((v) => v !== undefined && v !== '');
}

/** Each filter in force as pprof names it, `focus=exporter`, in pprof's order. */
export function filterSettings(f: Filters | undefined): string[] {
  const n = normalizeFilters(f);
  return FILTER_KEYS.filter((k) => n[k] !== undefined).map((k) => `${FILTER_NAMES[k]}=${n[k]}`);
}

/** The filters with empty ones dropped, in canonical key order (so equal filters compare equal as JSON). */
export function normalizeFilters(f: Filters | undefined): Filters {
  const out: Filters = {};
  if (!f) return out;
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out;
}
