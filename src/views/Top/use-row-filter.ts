import { useEffect, useMemo, useRef, useState } from 'react';
import { Superseded, TimedNameMatcher } from '../../core/query/timed-match';
import { timedRegexRunner } from '../../worker/regex-sandbox';
import { regexKey } from '../../core/query/refine-regex';
import { parseRowFilter } from './row-filter';

/** Regexes typed in the filter box run in a throwaway Worker with a time limit, never on the page's thread. */
const matcher = new TimedNameMatcher(timedRegexRunner());

export interface FilteredRows<T> {
  rows: T[];
  /** A regex is being run over the row names; the rows shown meanwhile are the earlier ones. */
  pending: boolean;
  /** Why the filter is not applied: not a valid regex (`invalid`), or it took too long (the earlier rows stay). */
  error: { message: string; invalid: boolean } | null;
}

interface Answer {
  names: readonly string[];
  key: string;
  match: Uint8Array | null;
  error: string | null;
}

/** The rows the filter box keeps. A substring is tested in place; a /regex/ once per row name in the regex Worker. */
export function useRowFilter<T extends { name: string }>(all: T[] | null, text: string): FilteredRows<T> {
  const parsed = useMemo(() => parseRowFilter(text), [text]);
  const names = useMemo(() => all?.map((r) => r.name) ?? null, [all]);
  const regex = parsed.kind === 'regex' ? parsed.regex : null;
  const key = regex ? regexKey(regex) : null;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const shown = useRef<{ all: T[]; rows: T[] } | null>(null);

  useEffect(() => {
    if (!names || !regex || key === null) return;
    let live = true;
    matcher.match(names, regex).then(
      (match) => live && setAnswer({ names, key, match, error: null }),
      (e: Error) => live && !(e instanceof Superseded) && setAnswer({ names, key, match: null, error: e.message }),
    );
    return () => {
      live = false;
      matcher.cancel();
    };
    // `regex` changes exactly when `key` does.
  }, [names, key]);

  const out = useMemo((): FilteredRows<T> => {
    if (!all) return { rows: [], pending: false, error: null };
    if (parsed.kind === 'none') return { rows: all, pending: false, error: null };
    if (parsed.kind === 'text') return { rows: all.filter((r) => parsed.test(r.name)), pending: false, error: null };
    if (parsed.kind === 'invalid') return { rows: all, pending: false, error: { message: parsed.error, invalid: true } };
    const earlier = shown.current;
    if (answer && answer.names === names && answer.key === key) {
      const m = answer.match;
      if (m) return { rows: all.filter((_, i) => m[i] === 1), pending: false, error: null };
      // Too slow: the rows stay as they were for this report (all of them for a new report).
      return { rows: earlier?.all === all ? earlier.rows : all, pending: false, error: { message: answer.error ?? 'regex failed', invalid: false } };
    }
    return { rows: earlier?.rows ?? all, pending: true, error: null };
  }, [all, names, parsed, key, answer]);

  useEffect(() => {
    if (all && !out.pending) shown.current = { all, rows: out.rows };
  }, [all, out]);
  return out;
}
