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

export function hasFilters(f: Filters | undefined): boolean {
  return !!f && Object.values(f).some((v) => v !== undefined && v !== '');
}
