// Leak analysis and goroutine bucketing on the large fixtures: each run decodes into a new Session
// (not timed) and times the first, cold analysis of it, as the Worker does when the Leaks or
// Goroutines view opens. median_ms is the median of 5 runs. The `.focus` / `.tagfocus` / `.hide`
// runs apply refine filters, including building their plan (the regexes over every name).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { analyzeLeaks, stackNamesOf } from '../src/core/analysis/analyze';
import { bucketGoroutines } from '../src/core/analysis/goroutines';
import type { Grouping } from '../src/core/options/table';
import { RefinedStacks } from '../src/core/analysis/refined';
import { decodeInput } from '../src/core/decode';
import { Session } from '../src/core/model/session';
import type { Filters } from '../src/core/options/filters';
import { Refiner } from '../src/core/query/refine';

const FIXTURES = resolve(import.meta.dirname, '../../shared/fixtures');
const RUNS = 5;
const SERIES = Array.from({ length: 60 }, (_, i) => `fanout-series/pprof.fanout.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`);

const read = (rels: string[]) => rels.map((rel) => ({ name: basename(rel), bytes: new Uint8Array(readFileSync(resolve(FIXTURES, rel))) }));

async function sessionOf(inputs: { name: string; bytes: Uint8Array }[]): Promise<Session> {
  const session = new Session();
  for (const { name, bytes } of inputs) await decodeInput(bytes, session, { name });
  return session;
}

async function bench(name: string, inputs: { name: string; bytes: Uint8Array }[], run: (s: Session) => void): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const session = await sessionOf(inputs);
    const t0 = performance.now();
    run(session);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`BENCH ${name} median_ms=${Math.round(times[RUNS >> 1] * 10) / 10}`);
}

const FILTERS: [string, Filters][] = [
  ['focus', { f: 'parkers\\.func5' }],
  ['tagfocus', { tf: 'tenant=^t[0-9]$' }],
  ['hide', { h: '^runtime\\.' }],
];

const series = read(SERIES);
for (const grouping of ['stack', 'function'] as Grouping[]) {
  await bench(`leaks.fanout-series.${grouping}`, series, (s) => analyzeLeaks(s, { grouping }));
}
for (const [name, filters] of FILTERS) {
  await bench(`leaks.fanout-series.stack.${name}`, series, (s) => analyzeLeaks(s, { rewrite: new Refiner(s).rewrite(filters) }));
}
await bench('leaks.service.40pb', read(Array.from({ length: 40 }, (_, i) => `service/pprof.service.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`)), (s) => analyzeLeaks(s));
const dump = read(['fanout-200k/goroutine.fanout.debug2.txt.gz']);
await bench('goroutines.fanout-200k.debug2', dump, (s) => bucketGoroutines(s, s.snapshots[0], stackNamesOf(s)));
await bench('goroutines.fanout-200k.debug2.focus', dump, (s) => {
  const rewrite = new Refiner(s).rewrite(FILTERS[0][1]);
  bucketGoroutines(s, s.snapshots[0], stackNamesOf(s), rewrite ? new RefinedStacks(s, rewrite) : null);
});
