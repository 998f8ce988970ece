import { checkedRegex, type RegexSource } from '../../core/query/refine-regex';

/**
 * A parsed filter box: no filter, a substring test to run in place, a regex to run in the
 * time-limited regex Worker (never on the page's thread), or why the text is not a valid /regex/.
 */
export type RowFilter =
  | { kind: 'none' }
  | { kind: 'text'; test: (name: string) => boolean }
  | { kind: 'regex'; regex: RegexSource }
  | { kind: 'invalid'; error: string };

/**
 * `/regex/flags` matches by regular expression (Go syntax accepted, as in the refine filters);
 * anything else is a substring, case-insensitive unless it contains a capital letter.
 */
export function parseRowFilter(text: string): RowFilter {
  const t = text.trim();
  if (!t) return { kind: 'none' };
  const re = /^\/(.+)\/([a-z]*)$/s.exec(t);
  if (re) {
    try {
      return { kind: 'regex', regex: checkedRegex(re[1], re[2]) };
    } catch (e) {
      return { kind: 'invalid', error: `Invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
    }
  }
  if (t !== t.toLowerCase()) return { kind: 'text', test: (name) => name.includes(t) };
  const lower = t.toLowerCase();
  return { kind: 'text', test: (name) => name.toLowerCase().includes(lower) };
}
