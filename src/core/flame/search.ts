import { checkedRegex, type RegexSource } from '../query/refine-regex';
import type { MergedTree } from './merge';

export interface NameMatcher {
  test(name: string): boolean;
}

/**
 * A substring test to run in place, or a regex to run where a catastrophic one cannot hang the
 * caller (a TimedMatchRunner), or why the text is not a valid regex.
 */
export type CompiledSearch = { ok: true; matcher: NameMatcher } | { ok: true; regex: RegexSource } | { ok: false; error: string };

/**
 * A search box's text: `/re/` or `/re/i` is a regular expression (Go syntax accepted, as in the
 * refine filters), anything else a case-insensitive substring. Empty text is no search (null).
 */
export function compileSearch(text: string): CompiledSearch | null {
  const t = text.trim();
  if (t === '') return null;
  const re = /^\/(.+)\/([imsu]*)$/s.exec(t);
  if (re) {
    try {
      return { ok: true, regex: checkedRegex(re[1], re[2]) };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }
  const needle = t.toLowerCase();
  return { ok: true, matcher: { test: (s) => s.toLowerCase().includes(needle) } };
}

/** 1 for each name the matcher accepts. */
export function matchNames(names: readonly string[], matcher: NameMatcher): Uint8Array {
  const out = new Uint8Array(names.length);
  for (let i = 0; i < names.length; i++) if (matcher.test(names[i])) out[i] = 1;
  return out;
}

export interface SearchResult {
  /** Frames of the graph whose name matches. */
  frames: number;
  /** Distinct names matched. */
  names: number;
  /** Value of the samples through any match, each counted once even when matches nest. */
  value: number;
}

export function searchTree(tree: MergedTree, keyMatch: Uint8Array): SearchResult {
  const { parent, key, cum, size } = tree;
  // covered[i]: some ancestor of i (or i itself) matches.
  const covered = new Uint8Array(size);
  let frames = 0;
  let value = 0;
  for (let i = 1; i < size; i++) {
    const hit = keyMatch[key[i]] === 1;
    const above = covered[parent[i]] === 1;
    if (hit && cum[i] > 0) {
      frames++;
      if (!above) value += cum[i];
    }
    covered[i] = hit || above ? 1 : 0;
  }
  let names = 0;
  for (let k = 0; k < keyMatch.length; k++) names += keyMatch[k];
  return { frames, names, value };
}
