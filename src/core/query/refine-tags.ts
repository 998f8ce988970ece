import { scale } from '../units/scale';
import type { Label } from '../model/tables';
import { compileRegex, RefineError } from './refine-regex';

/** A numeric label range, as pprof parses `32kb`, `:64kb`, `4mb:` and `12kb:64mb`. */
export type RangeTest = (value: number, unit: string) => boolean;

/** tagfocus / tagignore: `key=regex,regex`, `regex` (against `key:value`), or a numeric range. */
export interface TagFilter {
  /** Label key; "" matches any key. */
  key: string;
  regexes: RegExp[];
  range: RangeTest | null;
}

const RANGE_PART = /(\d+)([A-Za-z]+)/g;

/** pprof's parseTagFilterRange: null when the text is not a range (it is then a regexp). */
export function parseTagRange(text: string): RangeTest | null {
  const parts = [...text.matchAll(RANGE_PART)].slice(0, 2);
  if (parts.length === 0) return null;
  const [lo, unit] = scale(Number(parts[0][1]), parts[0][2], parts[0][2]);
  const inUnit = (v: number, u: string): number | null => {
    const [sv, su] = scale(v, u, unit);
    return su === unit ? sv : null;
  };
  if (parts.length === 1) {
    const m = parts[0][0];
    if (text === m) return (v, u) => inUnit(v, u) === lo;
    if (text === `${m}:`) return (v, u) => (inUnit(v, u) ?? -Infinity) >= lo;
    if (text === `:${m}`) return (v, u) => (inUnit(v, u) ?? Infinity) <= lo;
    return null;
  }
  if (text !== `${parts[0][0]}:${parts[1][0]}`) return null;
  const [hi, unit2] = scale(Number(parts[1][1]), parts[1][2], unit);
  if (unit2 !== unit) return null;
  return (v, u) => {
    const sv = inUnit(v, u);
    return sv !== null && sv >= lo && sv <= hi;
  };
}

export function parseTagFilter(filter: 'tf' | 'ti', text: string): TagFilter {
  const name = filter === 'tf' ? 'tagfocus' : 'tagignore';
  const eq = text.indexOf('=');
  const key = eq >= 0 ? text.slice(0, eq) : '';
  const value = eq >= 0 ? text.slice(eq + 1) : text;
  const range = parseTagRange(value);
  if (range) return { key, regexes: [], range };
  const regexes = value.split(',').map((part) => compileRegex(filter, name, part));
  if (regexes.length === 0) throw new RefineError(`${name}: empty expression`, filter);
  return { key, regexes, range: null };
}

/** The strings a tag filter's regexes are tested against: values of its key, or `key:value` of every label. */
export function tagStrings(filter: TagFilter, labelSets: Label[][]): string[] {
  const seen = new Set<string>();
  for (const set of labelSets) {
    for (const l of set) {
      if (l.num !== undefined) continue;
      if (filter.key === '') seen.add(`${l.key}:${l.value}`);
      else if (l.key === filter.key) seen.add(l.value);
    }
  }
  return [...seen];
}

/**
 * Which label sets the filter selects, given per-regex match results over `tagStrings`.
 * Keyed: some value of the key matches some regex. Keyless: every regex matches some `key:value`.
 */
export function selectLabelSets(filter: TagFilter, labelSets: Label[][], strings: string[], matches: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(labelSets.length);
  const index = new Map(strings.map((s, i) => [s, i]));
  const range = filter.range;
  for (let id = 0; id < labelSets.length; id++) {
    const set = labelSets[id];
    if (range) {
      out[id] = set.some((l) => l.num !== undefined && (filter.key === '' || l.key === filter.key) && range(l.num, l.unit ?? '')) ? 1 : 0;
    } else if (filter.key === '') {
      const texts = set.flatMap((l) => (l.num === undefined ? [index.get(`${l.key}:${l.value}`)!] : []));
      out[id] = matches.every((m) => texts.some((t) => m[t] === 1)) ? 1 : 0;
    } else {
      out[id] = set.some((l) => l.num === undefined && l.key === filter.key && matches.some((m) => m[index.get(l.value)!] === 1)) ? 1 : 0;
    }
  }
  return out;
}
