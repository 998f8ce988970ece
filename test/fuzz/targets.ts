import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { analyzeLeaks } from '../../src/core/analysis/analyze';
import { decodeInputs } from '../../src/core/decode';
import { tagsText } from '../../src/core/report/tags-text';
import { topText } from '../../src/core/report/top-text';
import { tracesText } from '../../src/core/report/traces-text';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { decodePayload } from '../../src/core/decode/payload';
import { encodeSnapshots } from '../../src/core/permalink/session-codec';
import { buildCallTree, type StackRewrite } from '../../src/core/query/call-tree';
import type { Filters } from '../../src/core/options/filters';
import { buildGraph, DEFAULT_GRAPH_OPTIONS } from '../../src/core/query/graph/build';
import { toDot } from '../../src/core/report/graph/dot';
import { drawGraph } from '../../src/core/report/graph/present';
import type { Granularity } from '../../src/core/options/table';
import { nodeKeys } from '../../src/core/query/granularity';
import { planRewrite, Refiner } from '../../src/core/query/refine';
import { topReport } from '../../src/core/query/top';
import { FIXTURES } from '../fixtures';
import { byteMutation, HOSTILE_TOKENS, mutateBytes, mutateText, textMutation } from './mutate';
import { Crash, checkSnapshot, FUZZ_LIMITS, guarded } from './oracle';
import { mutateProfile, profileMutation, type ProfileMutation } from './profile-mutate';

/** One fuzzed entry point: inputs made from real fixtures, and the check each input must pass. */
export interface FuzzTarget {
  name: string;
  /** Inputs as bytes, derived from the seeds by mutations that fast-check shrinks to a minimal crasher. */
  input: fc.Arbitrary<Uint8Array>;
  /** Throws a Crash when the input breaks a promise. */
  run(input: Uint8Array): Promise<void>;
  /** File extension of its corpus entries. */
  ext: string;
}

const PROJECT_FIXTURES = resolve(import.meta.dirname, '../fixtures');
const shared = (rel: string) => new Uint8Array(readFileSync(resolve(FIXTURES, rel)));
const project = (rel: string) => new Uint8Array(readFileSync(resolve(PROJECT_FIXTURES, rel)));
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

const PB_GZ = [
  'seed/timeout/pprof.timeout.goroutine.001.pb.gz',
  'seed/fixed/pprof.fixed.goroutine.010.pb.gz',
  'service/pprof.service.goroutine.040.pb.gz',
  'edge/hostile-names.pb.gz',
  'edge/unicode-names.pb.gz',
  'edge/inlined.pb.gz',
  'edge/two-sample-types.pb.gz',
  'edge/extreme-values.pb.gz',
  'edge/no-samples.pb.gz',
  'other-types/pprof.service.heap.001.pb.gz',
  'other-types/pprof.service.mutex.001.pb.gz',
  'other-types/pprof.service.samples.cpu.001.pb.gz',
].map(shared);
const PB_GZ_GO127 = ['go127/pprof.parkfix.goroutine.001.pb.gz', 'go127/pprof.parkfix.goroutineleak.001.pb.gz'].map(project);
const PB_SEEDS = [...PB_GZ, ...PB_GZ_GO127].map((b) => new Uint8Array(gunzipSync(b)));

const text = (b: Uint8Array) => fromUtf8.decode(b);
const DEBUG1 = [
  ...['seed/timeout/goroutine.timeout.debug1.txt', 'seed/heartbeat/goroutine.heartbeat.debug1.txt', 'other-types/heap.service.debug1.txt', 'other-types/goroutine.service.debug1.txt'].map(shared),
  ...['go127/goroutine.parkfix.debug1.txt', 'go127/goroutineleak.parkfix.debug1.txt'].map(project),
].map(text);
const DEBUG2 = [
  ...['seed/fixed/goroutine.fixed.debug2.txt', 'seed/rangeforever/goroutine.rangeforever.debug2.txt'].map(shared),
  ...['go127/goroutine.parkfix.debug2.txt', 'go127/goroutine.parkfix.ancestors.debug2.txt', 'go127/goroutine.parkfix.bubble.debug2.txt', 'go127/goroutineleak.parkfix.debug2.txt'].map(project),
].map(text);
const PANICS = ['go127/panic.all.txt', 'go127/panic.single.txt'].map(project).map(text);

/** Decodes as a dropped file would be, then checks every snapshot it gave. */
async function decodeChecked(input: Uint8Array, name: string): Promise<void> {
  const session = new Session();
  const decoded = await guarded(() => decodeInputs(input, session, { name }, FUZZ_LIMITS));
  if (decoded) for (const s of decoded.snapshots) checkSnapshot(session, s);
}

const seedIndex = (n: number) => fc.nat({ max: n - 1 });

function textTarget(name: string, seeds: string[], fileName: string): FuzzTarget {
  return {
    name,
    ext: 'txt',
    input: fc.tuple(seedIndex(seeds.length), fc.array(textMutation, { minLength: 1, maxLength: 6 })).map(([i, muts]) => utf8.encode(mutateText(seeds[i], muts))),
    run: (input) => decodeChecked(input, fileName),
  };
}

const pprofInput = fc
  .tuple(seedIndex(PB_SEEDS.length), fc.array(profileMutation, { maxLength: 4 }), fc.array(byteMutation, { maxLength: 3 }))
  .map(([i, fields, bytes]) => mutateBytes(fields.length ? mutateProfile(PB_SEEDS[i], fields) : PB_SEEDS[i], bytes));

/** Two small series and a dump, as links and bundles carry them. */
async function sharedSessionBytes(): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const files of [PB_GZ.slice(0, 3), [utf8.encode(DEBUG2[0]), PB_GZ[3]], [utf8.encode(DEBUG1[2])]]) {
    const session = new Session();
    for (const [k, f] of files.entries()) await decodeInputs(f, session, { name: `input.${k}` });
    out.push(encodeSnapshots(session, session.snapshots.map((s) => s.id), k(session)));
  }
  return out;
}
const k = (session: Session) => `v1&s=${session.snapshots[0].id}`;

let sessionSeeds: Uint8Array[] = [];
/** Builds the bundle and link seeds; call once before using those targets. */
export async function prepareTargets(): Promise<void> {
  if (sessionSeeds.length === 0) sessionSeeds = await sharedSessionBytes();
}

const sessionInput = fc
  .tuple(fc.nat({ max: 2 }), fc.array(byteMutation, { minLength: 1, maxLength: 4 }))
  .map(([i, muts]) => mutateBytes(sessionSeeds[i], muts));

const GRANULARITIES: Granularity[] = ['functions', 'filefunctions', 'files', 'lines'];
const FILTER_VALUES = ['main', 'runtime', 'chan', 'exporter', '^main\\.', '(?i)MAIN', '\\.func1$', '[[:alpha:]]+', '[[:constructor:]]', '\\Qa.b\\E', '.*', '^$', '\\p{L}', '(', '[', 'a{2,1}', 'x**', ...HOSTILE_TOKENS];
const TAG_VALUES = ['tenant=acme', 'handler=orders', 'tenant=', '=acme', '__proto__=x', 'constructor=.*', 'bytes=1kb', 'bytes=:64', 'x'];

interface QuerySpec {
  seed: number;
  /** Changes to the seed profile first, such as hostile function names. */
  fields: ProfileMutation[];
  granularity: Granularity;
  sampleIndex: number;
  cum: boolean;
  filters: Filters;
}

const querySpec: fc.Arbitrary<QuerySpec> = fc.record({
  seed: seedIndex(PB_SEEDS.length),
  fields: fc.array(profileMutation, { maxLength: 3 }),
  granularity: fc.constantFrom(...GRANULARITIES),
  sampleIndex: fc.nat({ max: 4 }),
  cum: fc.boolean(),
  filters: fc.record(
    {
      f: fc.constantFrom(...FILTER_VALUES),
      i: fc.constantFrom(...FILTER_VALUES),
      h: fc.constantFrom(...FILTER_VALUES),
      s: fc.constantFrom(...FILTER_VALUES),
      sf: fc.constantFrom(...FILTER_VALUES),
      tf: fc.constantFrom(...TAG_VALUES),
      ti: fc.constantFrom(...TAG_VALUES),
    },
    { requiredKeys: [] },
  ),
});

/** Every query the views and commands make, on one snapshot; rows must stay finite and, unfiltered, add up to the total. */
function queryAll(session: Session, s: Snapshot, q: QuerySpec, rewrite: StackRewrite | undefined): void {
  const si = q.sampleIndex % s.sampleTypes.length;
  const tree = buildCallTree(session, s, si, rewrite);
  const keys = nodeKeys(session, q.granularity);
  const report = topReport(tree, keys, session.frames, q.cum ? 'cum' : 'flat');
  let flat = 0;
  for (const r of report.rows) {
    if (!Number.isFinite(r.flat) || !Number.isFinite(r.cum)) throw new Crash(`top row ${r.name}: flat ${r.flat}, cum ${r.cum}`);
    flat += r.flat;
  }
  const signed = s.values[si].reduce((a, v) => a + v, 0);
  // Sums are exact, in any order, only while every partial sum stays within 2^53.
  if (!rewrite && s.totals[si] <= Number.MAX_SAFE_INTEGER && flat !== signed) throw new Crash(`top rows add up to ${flat}, samples to ${signed}`);
  topText(s, si, report, rewrite ? q.filters : undefined);
  tracesText(session, s, si, rewrite);
  tagsText(session, s, si, rewrite);
  const drawn = drawGraph(buildGraph(tree, keys, session.frames, DEFAULT_GRAPH_OPTIONS), keys, q.granularity, s, si, DEFAULT_GRAPH_OPTIONS, rewrite ? q.filters : undefined);
  toDot(drawn);
  analyzeLeaks(session, { rewrite });
}

/** The queries unfiltered, then with the spec's filters (a filter the user got wrong is a RefineError). */
function queryWithAndWithoutFilters(session: Session, s: Snapshot, q: QuerySpec): void {
  queryAll(session, s, q, undefined);
  const plan = new Refiner(session).planFor(q.filters);
  if (plan) queryAll(session, s, q, planRewrite(plan));
}

export const TARGETS: FuzzTarget[] = [
  {
    name: 'pb-gz',
    ext: 'pb.gz',
    input: fc.tuple(pprofInput, fc.array(byteMutation, { maxLength: 1 })).map(([raw, gz]) => mutateBytes(new Uint8Array(gzipSync(raw)), gz)),
    run: (input) => decodeChecked(input, 'fuzz.pb.gz'),
  },
  { name: 'pb', ext: 'pb', input: pprofInput, run: (input) => decodeChecked(input, 'fuzz.pb') },
  textTarget('debug1', DEBUG1, 'goroutine.fuzz.debug1.txt'),
  textTarget('debug2', DEBUG2, 'goroutine.fuzz.debug2.txt'),
  textTarget('panic', PANICS, 'panic.txt'),
  {
    name: 'bundle',
    ext: 'parkview',
    input: fc.tuple(sessionInput, fc.array(byteMutation, { maxLength: 1 })).map(([raw, gz]) => mutateBytes(new Uint8Array(gzipSync(raw)), gz)),
    run: (input) => decodeChecked(input, 'fuzz.parkview'),
  },
  {
    name: 'link',
    ext: 'txt',
    input: fc
      .tuple(sessionInput, fc.array(textMutation, { maxLength: 1 }))
      .map(([raw, muts]) => utf8.encode(mutateText(`1.${Buffer.from(gzipSync(raw)).toString('base64url')}`, muts))),
    async run(input) {
      const session = new Session();
      const decoded = await guarded(() => decodePayload(fromUtf8.decode(input), session, FUZZ_LIMITS));
      if (decoded) for (const s of decoded.snapshots) checkSnapshot(session, s);
    },
  },
  {
    name: 'query',
    ext: 'json',
    input: querySpec.map((q) => utf8.encode(JSON.stringify(q))),
    async run(input) {
      const q = JSON.parse(fromUtf8.decode(input)) as QuerySpec;
      const session = new Session();
      const seed = PB_SEEDS[q.seed % PB_SEEDS.length];
      const decoded = await guarded(() => decodeInputs(q.fields.length ? mutateProfile(seed, q.fields) : seed, session, { name: 'query.pb' }, FUZZ_LIMITS));
      if (decoded) await guarded(() => queryWithAndWithoutFilters(session, decoded.snapshots[0], q), true);
    },
  },
];

export function targetNamed(name: string): FuzzTarget {
  const t = TARGETS.find((t) => t.name === name);
  if (!t) throw new Error(`no fuzz target ${name}`);
  return t;
}

