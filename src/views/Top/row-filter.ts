/** A parsed filter box: a test on row names, or why the text is not a valid /regex/. */
export type RowFilter = { test: ((name: string) => boolean) | null; error: null } | { test: null; error: string };

/**
 * `/regex/flags` matches by regular expression; anything else is a substring, case-insensitive
 * unless it contains a capital letter.
 */
export function parseRowFilter(text: string): RowFilter {
  const t = text.trim();
  if (!t) return { test: null, error: null };
  const re = /^\/(.+)\/([a-z]*)$/s.exec(t);
  if (re) {
    try {
      const r = new RegExp(re[1], re[2].replace(/[gy]/g, ''));
      return { test: (name) => r.test(name), error: null };
    } catch (e) {
      return { test: null, error: `Invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
    }
  }
  if (t !== t.toLowerCase()) return { test: (name) => name.includes(t), error: null };
  const lower = t.toLowerCase();
  return { test: (name) => name.toLowerCase().includes(lower), error: null };
}
