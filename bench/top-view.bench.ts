// The Top view's Worker side on the largest inputs: the report for fanout-200k (functions and
// lines) and for a synthetic 30,000-function profile, the copy of its columns to the page
// (structuredClone, as postMessage does), re-sorting the rows by cum on the page, and the Peek of
// the second row (the tree and its calls already built, as when a further row is clicked); then the report compared
// with a base (fanout-series 060 less 030).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { QueryEngine } from '../src/core/engine/engine';
import { Session } from '../src/core/model/session';
import { workerApi } from '../src/worker/api';
import { topEntries } from '../src/views/Top/top-rows';
import type { TopColumns } from '../src/worker/top';

const FIXTURES = resolve(import.meta.dirname, '../../shared/fixtures');
const RUNS = 5;

function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)]);
}

/** debug=1 text with `n` goroutines, each parked in its own function. */
function wideProfile(n: number): Uint8Array {
  const lines = [`goroutine profile: total ${n}`];
  for (let i = 1; i <= n; i++) {
    const pc = (0x100000 + i).toString(16);
    lines.push(`1 @ 0x${pc} 0x4000`, `#\t0x${pc}\tgen.f${i}+0x1\t/src/gen/gen.go:${i}`, '#\t0x4000\tmain.main+0x1\t/src/main.go:1', '');
  }
  return new TextEncoder().encode(lines.join('\n'));
}

const engine = new QueryEngine(new Session());
const api = workerApi(engine);
const [fanout, wide] = await api.load([
  { name: 'pprof.fanout.goroutine.001.pb.gz', bytes: readFileSync(resolve(FIXTURES, 'fanout-200k/pprof.fanout.goroutine.001.pb.gz')) },
  { name: 'wide.debug1.txt', bytes: wideProfile(30_000) },
]);
if (!fanout.ok || !wide.ok) throw new Error('bench inputs did not load');

for (const [name, id, granularity] of [
  ['fanout-200k.functions', fanout.info.id, 'functions'],
  ['fanout-200k.lines', fanout.info.id, 'lines'],
  ['wide-30k.functions', wide.info.id, 'functions'],
] as const) {
  let cols: TopColumns | undefined;
  const report = median(() => {
    engine.cache.clear();
    cols = api.topColumns({ snapshot: id, granularity });
  });
  const copy = median(() => topEntries(structuredClone(cols!)));
  const rows = topEntries(cols!);
  const sort = median(() => [...rows].sort((a, b) => b.cum - a.cum || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  const peek = median(() => api.peek({ snapshot: id, granularity }, rows[1].name));
  console.log(`BENCH top-report.${name} median_ms=${report} rows=${rows.length} copy_ms=${copy} sort_by_cum_ms=${sort} peek_ms=${peek}`);
}

const [later, earlier] = await api.load(
  ['060', '030'].map((n) => ({ name: `pprof.fanout.goroutine.${n}.pb.gz`, bytes: readFileSync(resolve(FIXTURES, `fanout-series/pprof.fanout.goroutine.${n}.pb.gz`)) })),
);
if (!later.ok || !earlier.ok) throw new Error('bench inputs did not load');
let diffRows = 0;
const diff = median(() => {
  engine.cache.clear();
  diffRows = api.topColumns({ snapshot: later.info.id, base: earlier.info.id }).name.length;
});
console.log(`BENCH top-report.fanout-series-060-base-030 median_ms=${diff} rows=${diffRows}`);
