// Leak analysis and goroutine bucketing on the large fixtures: each run decodes into a new Session
// (not timed) and times the first, cold analysis of it, as the Worker does when the Leaks or
// Goroutines view opens. median_ms is the median of 5 runs.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { analyzeLeaks, stackNamesOf } from '../src/core/analysis/analyze';
import { bucketGoroutines } from '../src/core/analysis/goroutines';
import type { Grouping } from '../src/core/analysis/grouping';
import { decodeInput } from '../src/core/decode';
import { Session } from '../src/core/model/session';

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

const series = read(SERIES);
for (const grouping of ['stack', 'function'] as Grouping[]) {
  await bench(`leaks.fanout-series.${grouping}`, series, (s) => analyzeLeaks(s, { grouping }));
}
await bench('leaks.service.40pb', read(Array.from({ length: 40 }, (_, i) => `service/pprof.service.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`)), (s) => analyzeLeaks(s));
await bench('goroutines.fanout-200k.debug2', read(['fanout-200k/goroutine.fanout.debug2.txt.gz']), (s) => bucketGoroutines(s, s.snapshots[0], stackNamesOf(s)));
