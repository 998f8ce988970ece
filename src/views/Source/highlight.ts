import type { ElementContent, Root } from 'hast';

/** A run of text and its highlight class ('' for plain text). */
export interface Token {
  text: string;
  cls: string;
}

type Highlight = (code: string) => Root;

let highlighter: Promise<Highlight> | null = null;

/** Loads lowlight (highlight.js producing a syntax tree, never HTML) with only the Go grammar. */
function load(): Promise<Highlight> {
  highlighter ??= import('./go-highlighter').then((m) => m.highlightGo);
  return highlighter;
}

/** The tree's text split into lines of tokens; a token's class is its innermost scope. */
function toLines(root: Root): Token[][] {
  const lines: Token[][] = [[]];
  const walk = (nodes: ElementContent[], cls: string) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        const parts = n.value.split('\n');
        parts.forEach((text, i) => {
          if (i > 0) lines.push([]);
          if (text) lines[lines.length - 1].push({ text, cls });
        });
      } else if (n.type === 'element') {
        const names = n.properties.className;
        const scope = Array.isArray(names) ? names.map(String).find((c) => c.startsWith('hljs-')) : undefined;
        walk(n.children, scope ?? cls);
      }
    }
  };
  walk(root.children as ElementContent[], '');
  return lines;
}

const cache = new WeakMap<string[], Promise<Token[][] | null>>();

/** Go tokens for each line of a file (whole-file context, so raw strings and comments span lines); null for non-Go files. */
export function highlightLines(file: string, lines: string[]): Promise<Token[][] | null> {
  if (!file.endsWith('.go')) return Promise.resolve(null);
  let t = cache.get(lines);
  if (!t) {
    t = load().then(
      (highlight) => toLines(highlight(lines.join('\n'))),
      () => null,
    );
    cache.set(lines, t);
  }
  return t;
}
