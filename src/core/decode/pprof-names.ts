/**
 * The function name pprof shows for a profile's (name, system name): pprof's symbolizer keeps a
 * name that differs from the system name (already demangled), takes the system name for an empty
 * one, and simplifies what looks like demangled C++ by dropping parameter and template lists.
 * Go's generic instantiations look like that (`main.Map[go.shape.struct { F() }]`), so they are
 * shortened as in `go tool pprof`.
 */
export function pprofFunctionName(name: string, systemName: string): string {
  if (name !== '' && systemName !== name) return name;
  const n = systemName;
  return looksLikeDemangledCPlusPlus(n) ? removeMatching(removeMatching(n, '(', ')'), '<', '>') : n;
}

function looksLikeDemangledCPlusPlus(name: string): boolean {
  // Java's "class.<init>" and Go's "foo.(*Bar[...]).Method" are left alone.
  if (name.includes('.<') || name.includes(']).')) return false;
  return /[<>[\]]/.test(name) || name.includes('::');
}

/** Removes nested start…end pairs, left to right; an unmatched end stops it there. */
function removeMatching(name: string, start: string, end: string): string {
  let nesting = 0;
  let first = 0;
  let out = name;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === start) {
      if (++nesting === 1) first = i;
    } else if (c === end) {
      if (--nesting < 0) return out;
      if (nesting === 0) {
        out = out.slice(0, first) + out.slice(i + 1);
        i = first - 1;
      }
    }
  }
  return out;
}
