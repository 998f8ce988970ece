import type { FilterKey } from '../options/filters';

/** A filter the user typed that cannot be applied; the message names the filter the way pprof does. */
export class RefineError extends Error {
  constructor(
    message: string,
    /** Filter parameter (`f`, `tf`, …) at fault, when one is. */
    readonly filter?: FilterKey,
  ) {
    super(message);
    this.name = 'RefineError';
  }
}

/** A regular expression in a form that can cross a Worker boundary. */
export interface RegexSource {
  source: string;
  flags: string;
}

/** Text with the regexp metacharacters escaped, like Go's regexp.QuoteMeta. */
export function quoteMeta(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A Go (RE2) regexp matching exactly this name, as the filters and search boxes take it. */
export function exactName(name: string): string {
  return `^${quoteMeta(name)}$`;
}

/**
 * Parts of a Go function name that make short filter examples: the word a user would type (the
 * receiver type of a method, else the function, without closure suffixes) and the package's path.
 */
export function nameExample(name: string): { word: string; pkg: string } {
  const slash = name.lastIndexOf('/');
  const dot = name.indexOf('.', slash + 1);
  if (dot < 0) return { word: name, pkg: '' };
  const pkg = name.slice(0, dot);
  const parts = name.slice(dot + 1).split('.').filter((p) => !/^(func|gowrap)\d+$/.test(p) && !/^\d+$/.test(p));
  const receiver = parts.length > 1 ? /^\(\*?([^)]+)\)$/.exec(parts[0]) : null;
  return { word: receiver ? receiver[1] : (parts[0] ?? pkg), pkg };
}

/** One string per distinct regex, for telling whether an answer is for the same one. */
export function regexKey(regex: RegexSource): string {
  return `${regex.flags}/${regex.source}`;
}

const POSIX_CLASSES = new Map(Object.entries({
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
}));

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * Translates Go (RE2) syntax to a JavaScript RegExp, so filters copied from pprof keep working:
 * leading `(?i)`/`(?s)`/`(?m)` flags, `\A`, `\z`, `\Q…\E`, `[[:alpha:]]` classes, `(?P<name>…)`.
 */
export function goRegex(pattern: string): RegexSource {
  let src = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
    src = src.slice(lead[0].length);
  }
  src = src
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, lit: string) => escapeLiteral(lit))
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:([a-z]+):\]/g, (m, name: string) => POSIX_CLASSES.get(name) ?? m);
  if (src.includes('[:^')) throw new SyntaxError('negated POSIX classes like [[:^alpha:]] are not supported');
  if (/\\[pP]/.test(src)) flags += 'u';
  return { source: src, flags };
}

/** Compiles a Go-syntax pattern; the message says which filter is wrong, as pprof does. */
export function compileRegex(filter: FilterKey, name: string, pattern: string): RegExp {
  try {
    const { source, flags } = goRegex(pattern);
    return new RegExp(source, flags);
  } catch (e) {
    throw new RefineError(`parsing ${name} regexp: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`, filter);
  }
}

/**
 * A search box's Go-syntax pattern (translated as the refine filters are) with JavaScript flags
 * added, checked by compiling it (which is quick whatever the pattern; matching is what can take
 * forever). `g` and `y` are dropped: they would make `test` stateful. Throws SyntaxError.
 */
export function checkedRegex(pattern: string, flags = ''): RegexSource {
  const r = goRegex(pattern);
  let all = r.flags;
  for (const f of flags) if (f !== 'g' && f !== 'y' && !all.includes(f)) all += f;
  new RegExp(r.source, all);
  return { source: r.source, flags: all };
}
