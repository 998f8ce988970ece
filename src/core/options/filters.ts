import type { Option } from './option';
import { OPTIONS } from './table';

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

/** Each filter's option row, in the order pprof applies them. */
export const FILTER_OPTIONS: Readonly<Record<FilterKey, Option<string>>> = {
  f: OPTIONS.focus,
  i: OPTIONS.ignore,
  h: OPTIONS.hide,
  s: OPTIONS.show,
  sf: OPTIONS.show_from,
  tf: OPTIONS.tagfocus,
  ti: OPTIONS.tagignore,
};

export const FILTER_KEYS = Object.keys(FILTER_OPTIONS) as readonly FilterKey[];

export function hasFilters(f: Filters | undefined): boolean {
  return !!f && Object.values(f).some((v) => v !== undefined && v !== '');
}

/** Each filter in force as pprof names it, `focus=exporter`, in pprof's order. */
export function filterSettings(f: Filters | undefined): string[] {
  const n = normalizeFilters(f);
  return FILTER_KEYS.filter((k) => n[k] !== undefined).map((k) => `${FILTER_OPTIONS[k].name}=${n[k]}`);
}

/** Filters as text for a summary: `focus=exporter tagfocus=tenant=acme`; '' for none. */
export function filtersText(f: Filters | undefined): string {
  return filterSettings(f).join(' ');
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
