/**
 * Colour classes of frames by package: one hue per package, chosen by a stable hash of its import
 * path (the same package gets the same colour in every profile and session), with the runtime and
 * the standard library in muted classes of their own.
 */
export const CLASS_RUNTIME = 0;
export const CLASS_STDLIB = 1;
export const CLASS_LABEL = 2;
/** First of the hashed package classes. */
export const CLASS_PACKAGE = 3;
export const PACKAGE_HUES = 24;

/**
 * The import path of a Go symbol: `net/http.(*conn).serve` -> `net/http`,
 * `github.com/acme/leaky/store.(*DB).Query` -> `github.com/acme/leaky/store`. The package name ends at
 * the first dot after the last slash (a slash inside generic brackets does not count).
 */
export function packageOf(name: string): string {
  const bracket = name.indexOf('[');
  const head = bracket >= 0 ? name.slice(0, bracket) : name;
  const slash = head.lastIndexOf('/');
  const dot = head.indexOf('.', slash + 1);
  return dot > 0 ? head.slice(0, dot) : head;
}

/** Standard library: the first path element has no dot (and is not the main package). */
export function isStdlib(pkg: string): boolean {
  if (pkg === 'main' || pkg === '') return false;
  const first = pkg.split('/', 1)[0];
  return !first.includes('.');
}

export function isRuntime(pkg: string): boolean {
  return pkg === 'runtime' || pkg.startsWith('runtime/') || pkg.startsWith('internal/runtime/');
}

/** FNV-1a, for hues that stay the same across sessions. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function packageClass(name: string): number {
  const pkg = packageOf(name);
  if (isRuntime(pkg)) return CLASS_RUNTIME;
  if (isStdlib(pkg)) return CLASS_STDLIB;
  return CLASS_PACKAGE + (stableHash(pkg) % PACKAGE_HUES);
}

/** Colour class of each name; names from `labelFrom` on are label pseudo-frames. */
export function nameClasses(names: readonly string[], labelFrom = names.length): Uint8Array {
  const out = new Uint8Array(names.length);
  for (let i = 0; i < names.length; i++) out[i] = i >= labelFrom ? CLASS_LABEL : packageClass(names[i]);
  return out;
}
