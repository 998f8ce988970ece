/**
 * Long-lived goroutines that are there by design, after goleak's default ignore list plus common
 * daemons. A stack containing any of these functions is never a leak suspect. An entry ending in
 * `*` matches every function starting with the rest.
 */
export const DEFAULT_BENIGN: readonly string[] = [
  'os/signal.signal_recv',
  'os/signal.loop',
  'runtime.ensureSigM',
  'runtime.ReadTrace',
  'testing.RunTests',
  'testing.(*T).Run',
  'testing.(*T).Parallel',
  'testing.runFuzzing',
  'database/sql.(*DB).connectionOpener',
  'database/sql.(*DB).connectionCleaner',
  'github.com/golang/glog.(*loggingT).flushDaemon',
  'github.com/golang/glog.(*fileSink).flushDaemon',
  'k8s.io/klog/v2.(*flushDaemon).run.func1',
  'net/http.(*Server).Serve',
  'go.opencensus.io/stats/view.(*worker).start',
];

/** Tells whether a stack holds a benign function; answers with the matching entry. */
export class BenignMatcher {
  private exact = new Set<string>();
  private prefixes: string[] = [];

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const e = raw.trim();
      if (!e) continue;
      if (e.endsWith('*')) this.prefixes.push(e.slice(0, -1));
      else this.exact.add(e);
    }
  }

  match(namesLeafFirst: string[]): string | null {
    for (const n of namesLeafFirst) {
      if (this.exact.has(n)) return n;
      for (const p of this.prefixes) if (n.startsWith(p)) return `${p}*`;
    }
    return null;
  }
}
