// Refine filters and permalinks on the large fixtures: the regex plan (each regex once per distinct
// name/file), the filtered call tree of fanout-200k, the "matched nothing" report, and encoding and
// decoding the 60-snapshot fanout-series and the 40-snapshot service series as a link.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeInput } from '../src/core/decode';
import { Session } from '../src/core/model/session';
import { encodePayload } from '../src/core/permalink';
import { decodePayload } from '../src/core/decode/payload';
import { buildCallTree } from '../src/core/query/call-tree';
import type { Filters } from '../src/core/options/filters';
import { Refiner, reportSteps, runToEnd } from '../src/core/query/refine';

const FIXTURES = resolve(import.meta.dirname, '../../shared/fixtures');
const RUNS = 5;

async function load(dir: string, only?: (f: string) => boolean): Promise<Session> {
  const session = new Session();
  for (const f of readdirSync(resolve(FIXTURES, dir)).filter((n) => n.endsWith('.pb.gz') && (!only || only(n))).sort()) {
    await decodeInput(readFileSync(resolve(FIXTURES, dir, f)), session, { name: f });
  }
  return session;
}

async function median(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)] * 10) / 10;
}

const big = await load('fanout-200k');
const snap = big.snapshots[0];
const filters: Filters = { f: 'main\\.', h: '^runtime\\.', tf: 'tenant=t1.*' };
const plan = await median(() => new Refiner(big).planFor(filters));
const refiner = new Refiner(big);
const tree = await median(() => buildCallTree(big, snap, 0, refiner.rewrite(filters)));
const report = await median(() => runToEnd(reportSteps(big, snap.id, 0, refiner.planFor(filters)!)));
console.log(`BENCH refine-plan.fanout-200k median_ms=${plan}`);
console.log(`BENCH refine-tree.fanout-200k median_ms=${tree}`);
console.log(`BENCH refine-report.fanout-200k median_ms=${report}`);

for (const [name, dir] of [
  ['service.40pb', 'service'],
  ['fanout-series.60pb', 'fanout-series'],
] as const) {
  const session = await load(dir);
  const ids = session.snapshots.map((s) => s.id);
  let payload = '';
  const encode = await median(async () => (payload = await encodePayload(session, ids)));
  const decode = await median(() => decodePayload(payload, new Session()));
  console.log(`BENCH link-encode.${name} median_ms=${encode} link_chars=${payload.length}`);
  console.log(`BENCH link-decode.${name} median_ms=${decode}`);
}
