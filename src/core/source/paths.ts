/** Path helpers for finding the source text of a file named in a profile. */

function parts(path: string): string[] {
  return path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
}

/**
 * pprof's trimPath: with no trim prefixes, the part of `path` after the first `/<base>/` where
 * base is the last element of a search path; else `path` without the first matching prefix
 * (and without `/proc/self/cwd/`).
 */
export function pprofTrimPath(path: string, trim: string, searchPath: string): string {
  const slashed = path.replace(/\\/g, '/');
  if (trim === '') {
    for (const dir of searchPath.split(':').filter(Boolean)) {
      const base = parts(dir).pop();
      if (!base) continue;
      const want = `/${base}/`;
      const found = slashed.indexOf(want);
      if (found >= 0) return path.slice(found + want.length);
    }
  }
  const prefixes = [...trim.split(':').filter(Boolean), '/proc/self/cwd/./', '/proc/self/cwd/'];
  for (let p of prefixes) {
    if (!p.endsWith('/')) p += '/';
    if (slashed.startsWith(p)) return path.slice(p.length);
  }
  return path;
}

/**
 * Finds, for a path recorded in a profile, the file of a dropped folder that shares the longest
 * run of trailing path elements with it. A match needs the file name and at least one folder
 * (or the whole dropped path, for a single dropped file), so a lone `main.go` elsewhere in the
 * checkout never stands in for another package's `main.go`.
 */
export class SuffixIndex {
  private byBase = new Map<string, string[][]>();

  constructor(paths: Iterable<string> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: string): void {
    const ps = parts(path);
    const base = ps[ps.length - 1];
    if (!base) return;
    const list = this.byBase.get(base);
    if (list) list.push(ps);
    else this.byBase.set(base, [ps]);
  }

  get size(): number {
    let n = 0;
    for (const l of this.byBase.values()) n += l.length;
    return n;
  }

  /** The best dropped path for `profilePath`, or null. Ties go to the shortest dropped path. */
  match(profilePath: string): string | null {
    const want = parts(profilePath);
    const candidates = this.byBase.get(want[want.length - 1]);
    if (!candidates) return null;
    let best: string[] | null = null;
    let bestScore = 0;
    for (const c of candidates) {
      let n = 0;
      while (n < c.length && n < want.length && c[c.length - 1 - n] === want[want.length - 1 - n]) n++;
      if (n < 2 && n < c.length) continue;
      if (n > bestScore || (n === bestScore && best && c.length < best.length)) {
        best = c;
        bestScore = n;
      }
    }
    return best ? best.join('/') : null;
  }
}

/** First elements of the Go tree's `src/` (standard packages, the toolchain, vendored modules). */
const GO_SRC_ROOTS = new Set(
  'archive arena bufio builtin bytes cmd cmp compress container context crypto database debug embed encoding errors expvar flag fmt go hash html image index internal io iter log maps math mime net os path plugin reflect regexp runtime slices sort strconv strings structs sync syscall testing text time unicode unique unsafe vendor weak'.split(
    ' ',
  ),
);

/**
 * The path of a Go standard library file inside the Go tree's `src/` (`runtime/proc.go`), or null.
 * Recognises `$GOROOT/src/…` for the usual GOROOT layouts (`/usr/local/go`, `/usr/lib/go-1.23`,
 * `…/libexec` of Homebrew, `sdk/go1.23.4`, `…/goroot`, a toolchain Go downloaded into the module
 * cache: `golang.org/toolchain@v0.0.1-go1.23.4.linux-amd64`) holding a standard package.
 */
export function goStdPath(path: string): string | null {
  const m = /(?:^|\/)(?:go|go-?[0-9][^/]*|goroot|libexec|toolchain@[^/]+)\/src\/(.+)$/i.exec(path.replace(/\\/g, '/'));
  if (!m) return null;
  const rest = m[1];
  const first = rest.split('/')[0];
  return rest.includes('/') && GO_SRC_ROOTS.has(first) ? rest : null;
}

/**
 * The Go release a GOROOT path names, or null: `/usr/lib/go-1.23/…` gives `go1.23`; so do
 * `sdk/go1.23.4`, Homebrew's `Cellar/go/1.23.4/libexec` and `golang.org/toolchain@v0.0.1-go1.23.4.linux-amd64`.
 */
export function goVersionInPath(path: string): string | null {
  const m = /(?:^|\/)(?:go-?|sdk\/go|go\/|toolchain@v[^/]*?-go)([0-9]+\.[0-9]+(?:\.[0-9]+)?)[/.]/.exec(path.replace(/\\/g, '/'));
  return m ? `go${m[1]}` : null;
}
