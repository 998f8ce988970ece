// Decode + model build time and memory for the large fixtures. Each case runs in a fresh Node
// process: 5 runs (the first one cold), each into a new Session; median_ms is their median.
// peak_heap_mb is the growth of the process's peak resident set (getrusage maxRSS) over the
// resident set just before the first run, after a forced GC: everything the decode touched at its
// high-water mark (V8 heap, typed arrays, inflated bytes, text), not only the JS heap.
// Inputs are inflated with node:zlib, as the command does (Node's DecompressionStream is several
// times slower than node:zlib and than Chromium's; decode-in-chromium measures the app's own path).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlibGunzip } from '../cli/zlib-gunzip';
import { decodeInput, DEFAULT_LIMITS } from '../src/core/decode';
import { Session } from '../src/core/model/session';

const FIXTURES = resolve(import.meta.dirname, '../../shared/fixtures');
const RUNS = 5;

const series = Array.from({ length: 60 }, (_, i) => `fanout-series/pprof.fanout.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`);
const CASES: Record<string, string[]> = {
  'fanout-200k.pb': ['fanout-200k/pprof.fanout.goroutine.001.pb.gz'],
  'fanout-100k.pb': ['fanout-100k/pprof.fanout.goroutine.001.pb.gz'],
  'fanout-series.60pb': series,
  'fanout-100k.debug2': ['fanout-100k/goroutine.fanout.debug2.txt.gz'],
};

async function decodeAll(inputs: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const session = new Session();
  for (const { name, bytes } of inputs) await decodeInput(bytes, session, { name }, { ...DEFAULT_LIMITS, gunzip: zlibGunzip });
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

async function runCase(name: string): Promise<void> {
  const inputs = CASES[name].map((rel) => ({ name: basename(rel), bytes: new Uint8Array(readFileSync(resolve(FIXTURES, rel))) }));
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  const rssBefore = process.memoryUsage().rss;
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await decodeAll(inputs);
    times.push(performance.now() - t0);
    if (i === 0) peak = process.resourceUsage().maxRSS * 1024 - rssBefore;
    gc();
  }
  times.sort((a, b) => a - b);
  console.log(`BENCH ${name} median_ms=${Math.round(times[RUNS >> 1])} peak_heap_mb=${mb(peak)}`);
}

const wanted = process.argv[2];
if (wanted) await runCase(wanted);
else {
  for (const name of Object.keys(CASES)) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
