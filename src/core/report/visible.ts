/**
 * Characters that change how the text around them is shown, or show as nothing: control characters,
 * bidirectional marks, embeddings, overrides and isolates (which can make one name read as another),
 * zero-width and other invisible format characters, and the code points XML cannot hold.
 */
const HIDDEN_CLASS = String.raw`\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff`;
const LONE_SURROGATE = String.raw`|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const IN_NAME = new RegExp(String.raw`[\x00-\x1f${HIDDEN_CLASS}]${LONE_SURROGATE}`, 'g');
/** The same, but for text of many lines: tabs and line feeds stay. */
const IN_TEXT = new RegExp(String.raw`[\x00-\x08\x0b-\x1f${HIDDEN_CLASS}]${LONE_SURROGATE}`, 'g');

const SHORT: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return SHORT[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

function replaceHidden(re: RegExp, s: string): string {
  re.lastIndex = 0;
  return re.test(s) ? s.replace(re, escape) : s;
}

/**
 * A name from a profile as every view shows it: hidden characters written as Go escapes (`\x1b`,
 * `\u202e`), so what is shown is what is there. Names without any come back as they are.
 */
export function visibleName(name: string): string {
  return replaceHidden(IN_NAME, name);
}

/** Text of many lines (a report for the terminal) with the same escapes; tabs and line feeds stay. */
export function visibleText(text: string): string {
  return replaceHidden(IN_TEXT, text);
}
