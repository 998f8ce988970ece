/** Top-level directories of Go's standard library (GOROOT/src), the way `go list std` sees them. */
const STDLIB_ROOTS = new Set([
  'archive', 'bufio', 'builtin', 'bytes', 'cmp', 'compress', 'container', 'context', 'crypto', 'database',
  'debug', 'embed', 'encoding', 'errors', 'expvar', 'flag', 'fmt', 'go', 'hash', 'html', 'image', 'index',
  'internal', 'io', 'iter', 'log', 'maps', 'math', 'mime', 'net', 'os', 'path', 'plugin', 'reflect', 'regexp',
  'runtime', 'slices', 'sort', 'strconv', 'strings', 'structs', 'sync', 'syscall', 'testing', 'text', 'time',
  'unicode', 'unique', 'unsafe', 'vendor', 'weak',
]);

/**
 * An import path at the start of a symbol: path elements, then the package's own element, which
 * the linker writes without dots (`gopkg.in/yaml%2ev3`), up to the dot that starts the name.
 */
const IMPORT_PATH = /^(?:[\w.~%+-]+\/)*[\w~%+-]+(?=\.)/;

/**
 * Import path of a Go function name: `net/http.(*Server).Serve` -> `net/http`,
 * `github.com/acme/leaky/store.(*DB).Query` -> `github.com/acme/leaky/store`; slashes in generic
 * brackets or in a strange name (`main.<a>/b`) do not count. A name without one is its own package.
 */
export function packageOf(fn: string): string {
  return IMPORT_PATH.exec(fn)?.[0] ?? fn;
}

/** An import path of the standard library (a module path without a dot, such as `leaky/store`, is not). */
export function isStdlibPackage(pkg: string): boolean {
  const slash = pkg.indexOf('/');
  return STDLIB_ROOTS.has(slash < 0 ? pkg : pkg.slice(0, slash));
}
