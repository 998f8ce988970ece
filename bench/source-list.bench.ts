// Per-line attribution (the Source view's Worker query) on the largest profile: every function
// (a `-list .`) and one function, each the median of 5 runs after the profile is loaded.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeInput } from '../src/core/decode';
import { Session } from '../src/core/model/session';
import { buildCallTree } from '../src/core/query/call-tree';
import { nodeKeys } from '../src/core/query/granularity';
import { listRoutines } from '../src/core/query/source/list';

const FIXTURES = resolve(import.meta.dirname, '../../shared/fixtures');
const RUNS = 5;

const session = new Session();
const snap = await decodeInput(new Uint8Array(readFileSync(resolve(FIXTURES, 'fanout-200k/pprof.fanout.goroutine.001.pb.gz'))), session, { name: 'fanout-200k' });
const tree = buildCallTree(session, snap, snap.defaultSampleType);
const keys = nodeKeys(session, 'lines');

function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1];
}

const all = median(() => listRoutines(session, tree, keys, () => true, 'cum'));
console.log(`BENCH source-list.fanout-200k.all median_ms=${Math.round(all)}`);
const one = median(() => listRoutines(session, tree, keys, (n) => n === 'main.main', 'cum'));
console.log(`BENCH source-list.fanout-200k.one median_ms=${Math.round(one)}`);
