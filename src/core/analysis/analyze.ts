import { captureOrder } from '../model/order';
import type { Session } from '../model/session';
import type { StackRewrite } from '../query/call-tree';
import { BenignMatcher, DEFAULT_BENIGN } from './benign';
import { placeDumps } from './dump-times';
import { dominant, dumpFacts, latestDump, provenLeakKeys, type DumpFacts } from './facts';
import { codeKind, StackNames } from './functions';
import type { Grouping } from '../options/table';
import { countByKey, keyLabel, type KeyedCounts } from './grouping';
import { RefinedStacks, refinedStack } from './refined';
import { LEAK_PROFILE_KIND, pickSeries, type Series } from './series';
import { trendOf, type Trend } from './signals';
import { hiddenFrameNames } from './hidden-frames';
import { BLOCKS_FOR_GOOD, CATEGORIES, ENDS_BY_ITSELF, stateFromParking, stateFromReason, stateFromStack, type BlockState } from './states';
import { InStepGroups } from './in-step';
import { judge, type Verdict } from './verdict';
import { dumpsOf, wakeEvidence } from './wakes';

export interface LeakQuery {
  grouping?: Grouping;
  /** Functions whose goroutines are long-lived by design (see DEFAULT_BENIGN). */
  benign?: readonly string[];
  /** Snapshot whose kind and format pick the series (see pickSeries). */
  anchor?: number | null;
  /** Time between snapshots as the user gives it, for a series without capture times (see seriesClock). */
  intervalMs?: number | null;
  /**
   * The refine filters as a stack rewrite (see rewriteFor): groups count only the goroutines it
   * keeps, on the stacks it leaves, as every other view shows them.
   */
  rewrite?: StackRewrite;
}

/** One group's history and standing. */
export interface GroupReport {
  key: number;
  /** What the group is called under the grouping (function, creator, function with labels). */
  label: string;
  /** Representative function of its biggest stack: the first frame in the program's own code. */
  function: string;
  /** Session stack id of its biggest stack, as the refine filters leave it. */
  stack: number;
  trend: Trend;
  /** Growth per minute on a time axis, else per snapshot. */
  perMinute: number;
  /** Share of all goroutines in the last snapshot. */
  share: number;
  state: BlockState;
  /** Wait minutes from the freshest debug=2 dump (-1: none given, i.e. under a minute or no dump). */
  waitMin: number;
  waitMax: number;
  /** Dominant `created by` site from the dump, or ''. */
  creator: string;
  /** The synctest bubbles its goroutines are in, from the dump (Go 1.25+). */
  bubbles: number[];
  /** Its dominant creation chain: the creator, the creator's creator… (empty without a dump). */
  chain: string[];
  benign: string | null;
  proven: boolean;
  verdict: Verdict;
}

export interface LeakAnalysis {
  series: Series;
  /** Goroutines per snapshot: those the refine filters keep when filtered. */
  totals: number[];
  /** Goroutines in each of series.placed, counted as totals are. */
  placedTotals: number[];
  /** Whether refine filters chose the goroutines counted. */
  filtered: boolean;
  keyed: KeyedCounts;
  /** Every group, best suspect first. */
  groups: GroupReport[];
  /** Name of the debug=2 dump that wait reasons and creators come from, if any. */
  factsFrom: string | null;
}

const factsCache = new WeakMap<object, Map<string, DumpFacts>>();
const namesCache = new WeakMap<Session, StackNames>();

/** Per-session memo of stack names; stacks never change once interned. */
export function stackNamesOf(session: Session): StackNames {
  let n = namesCache.get(session);
  if (!n) {
    n = new StackNames(session);
    namesCache.set(session, n);
  }
  return n;
}

/** Counts of one group key across the series (a view into the matrix, not a copy). */
export function countsOf(keyed: KeyedCounts, key: number): Float64Array {
  return keyed.counts.subarray(key * keyed.snapshots, (key + 1) * keyed.snapshots);
}

function runsOwnCode(names: string[]): boolean {
  return names.some((n) => codeKind(n) === 'own');
}

export function compareReports(a: GroupReport, b: GroupReport): number {
  return b.verdict.score - a.verdict.score || b.perMinute - a.perMinute || b.trend.last - a.trend.last || a.key - b.key;
}

/** By stack, how the series' debug=1 snapshots say it parks (see Snapshot.parking); the latest one wins. */
function parkingOf(session: Session, series: Series): Map<number, number> {
  const byStack = new Map<number, number>();
  const groupStack = session.groups.stack.data;
  for (const s of series.snapshots) {
    if (!s.parking) continue;
    for (let i = 0; i < s.groups.length; i++) byStack.set(groupStack[s.groups[i]], s.parking[i]);
  }
  return byStack;
}

/** A proven leak's stack that the series does not show, with its count in the latest leak profile listing it. */
interface ProvenElsewhere {
  stack: number;
  origin: number;
  count: number;
  from: string;
}

/**
 * The proven-leak stacks among the series' goroutines (that the filters keep): the groups on them,
 * and their portable keys.
 */
function provenInSeries(session: Session, series: Series, names: StackNames, proven: Set<string>, refined: RefinedStacks | null): { groups: Uint8Array; keys: Set<string> } {
  const groups = new Uint8Array(session.groups.size);
  const keys = new Set<string>();
  const groupStack = session.groups.stack.data;
  const seen = new Uint8Array(session.groups.size);
  for (const s of series.snapshots) {
    const v = s.values[s.defaultSampleType];
    for (let i = 0; i < s.groups.length; i++) {
      const g = s.groups[i];
      if (v[i] === 0 || seen[g]) continue;
      seen[g] = 1;
      if (refined && !refined.keeps(g)) continue;
      const key = names.portable(groupStack[g]);
      if (!proven.has(key)) continue;
      groups[g] = 1;
      keys.add(key);
    }
  }
  return { groups, keys };
}

/** Stacks of goroutineleak profiles outside the series that the series never shows (and the filters keep). */
function provenElsewhere(session: Session, series: Series, names: StackNames, shown: Set<string>, refined: RefinedStacks | null): ProvenElsewhere[] {
  const inSeries = new Set(series.snapshots);
  const leakProfiles = session.snapshots.filter((s) => s.kind === LEAK_PROFILE_KIND && !inSeries.has(s)).sort(captureOrder);
  const byKey = new Map<string, ProvenElsewhere>();
  const groupStack = session.groups.stack.data;
  for (const s of leakProfiles) {
    const v = s.values[s.defaultSampleType];
    const here = new Map<string, ProvenElsewhere>();
    for (let i = 0; i < s.groups.length; i++) {
      const g = s.groups[i];
      if (v[i] <= 0) continue;
      const stack = refinedStack(session, refined, g);
      if (stack < 0) continue;
      const key = names.portable(groupStack[g]);
      if (shown.has(key)) continue;
      // One stack in several label sets: their counts add up.
      const p = here.get(key);
      if (p) p.count += v[i];
      else here.set(key, { stack, origin: groupStack[g], count: v[i], from: s.name });
    }
    // The latest profile that lists a stack gives its count.
    for (const [key, p] of here) byKey.set(key, p);
  }
  return [...byKey.values()];
}

/** The counts with one more key per proven leak outside the series: no goroutines in any snapshot. */
function withProvenKeys(keyed: KeyedCounts, extra: ProvenElsewhere[], label: (stack: number) => string): KeyedCounts {
  const keys = keyed.keys + extra.length;
  const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T, fill: (i: number) => number): T => {
    const out = make(keys);
    out.set(a);
    for (let i = 0; i < extra.length; i++) out[keyed.keys + i] = fill(i);
    return out;
  };
  const counts = new Float64Array(keys * keyed.snapshots);
  counts.set(keyed.counts);
  return {
    ...keyed,
    keys,
    counts,
    stack: grow(keyed.stack, (n) => new Int32Array(n), (i) => extra[i].stack),
    origin: grow(keyed.origin, (n) => new Int32Array(n), (i) => extra[i].origin),
    extra: grow(keyed.extra, (n) => new Int32Array(n), () => -1),
    proven: grow(keyed.proven, (n) => new Uint8Array(n), () => 1),
    label: [...keyed.label, ...extra.map((p) => label(p.stack))],
  };
}

/** When a count reached its last level: the capture time (UTC) of that snapshot, else its place in the series. */
function levelSince(series: Series, counts: ArrayLike<number>): string {
  const n = counts.length;
  let i = n - 1;
  while (i > 0 && counts[i - 1] === counts[n - 1]) i--;
  const t = series.timed ? series.snapshots[i]?.timeMs : null;
  return t != null ? `${new Date(t).toISOString().slice(11, 19)} UTC` : `snapshot ${i + 1} of ${n}`;
}

/**
 * Follows every group of a series of snapshots and ranks leak suspects: groups that rise steadily and
 * never drain, in states that block for good, rank first; bursts, steady pools, pools that fill and
 * plateau, and benign daemons do not qualify.
 */
export function analyzeLeaks(session: Session, q: LeakQuery = {}): LeakAnalysis {
  const series = pickSeries(session, q.anchor, q.intervalMs ?? null);
  const names = stackNamesOf(session);
  const grouping = q.grouping ?? 'stack';
  const refined = q.rewrite ? new RefinedStacks(session, q.rewrite) : null;
  const proven = provenLeakKeys(session, names);
  const provenSeen = proven.size ? provenInSeries(session, series, names, proven, refined) : null;
  const counted = countByKey(session, series.snapshots, grouping, names, { refined, provenGroups: provenSeen?.groups });
  // Proven leaks the series never shows still count: each becomes a group of its own, after the others,
  // unless the filters trimmed it to a group the series has, which it then marks as proven.
  const labelOf = (stack: number) => keyLabel(session, names, grouping, stack, -1);
  let absent = provenSeen ? provenElsewhere(session, series, names, provenSeen.keys, refined) : [];
  if (absent.length) {
    const keyOfLabel = new Map(counted.label.map((label, k) => [label, k]));
    absent = absent.filter((p) => {
      const k = keyOfLabel.get(labelOf(p.stack));
      if (k !== undefined) counted.proven[k] = 1;
      return k === undefined;
    });
  }
  const keyed = absent.length ? withProvenKeys(counted, absent, labelOf) : counted;
  const firstAbsent = keyed.keys - absent.length;
  const allTotals = series.snapshots.map((s) => s.totals[s.defaultSampleType] ?? 0);
  const totals = refined ? Array.from(keyed.kept) : allTotals;
  const placed = series.placed.map((p) => p.snapshot);
  const placedTotals = refined ? Array.from(countByKey(session, placed, grouping, names, { refined }).kept) : placed.map((s) => s.totals[s.defaultSampleType] ?? 0);
  const dump = series.format === 'debug2' ? series.snapshots.at(-1) : latestDump(session, series.kind);
  let facts = dump ? factsCache.get(dump) : undefined;
  if (dump && !facts) {
    facts = dumpFacts(session, dump, names);
    factsCache.set(dump, facts);
  }
  const benign = new BenignMatcher(q.benign ?? DEFAULT_BENIGN);
  const points = series.snapshots.length;
  const dumps = dumpsOf(session, series.kind);
  const wakes = wakeEvidence(session, dumps, names, placeDumps(session, series.kind));
  // Shares are of every goroutine, as pprof gives percentages of the unfiltered total.
  const lastTotal = allTotals.at(-1) ?? 0;
  const trends: Trend[] = [];
  let maxAdded = 1;
  for (let k = 0; k < keyed.keys; k++) {
    const t = trendOf(series.x, countsOf(keyed, k));
    trends.push(t);
    if (t.slope > 0 && t.neverDrains && !t.returned) maxAdded = Math.max(maxAdded, t.last - t.first);
  }
  const parking = parkingOf(session, series);
  const hiddenNames = hiddenFrameNames(session, series.snapshots);
  const states: (BlockState | null)[] = [];
  const groupFacts: (DumpFacts | undefined)[] = [];
  for (let k = 0; k < keyed.keys; k++) {
    const stack = keyed.stack[k];
    if (names.of(stack).length === 0) {
      states.push(null);
      groupFacts.push(undefined);
      continue;
    }
    // States, dump facts and the benign list judge the whole stack, not what a filter left of it.
    const origin = keyed.origin[k];
    const stackNames = names.of(origin);
    const f = facts?.size ? facts.get(names.portable(origin)) : undefined;
    const parked = parking.get(origin);
    const hidden = hiddenNames.get(origin);
    let state = f
      ? stateFromReason(dominant(f.reasons), stackNames)
      : hidden
        ? stateFromStack([...hidden, ...stackNames])
        : parked !== undefined
          ? stateFromParking(stackNames, parked)
          : stateFromStack(stackNames);
    // A goroutineleak profile lists only parked goroutines; its text form leaves out the runtime frames that would say on what.
    if (keyed.proven[k] === 1 && state.source === 'stack' && state.category === 'running') state = { label: CATEGORIES.other.label, category: 'other', source: 'stack' };
    states.push(state);
    groupFacts.push(f);
  }
  const inStep = new InStepGroups(keyed, trends, (k) => {
    const s = states[k];
    return s !== null && ENDS_BY_ITSELF.has(s.category);
  });
  const groups: GroupReport[] = [];
  for (let k = 0; k < keyed.keys; k++) {
    const state = states[k];
    if (!state) continue;
    const stack = keyed.stack[k];
    const origin = keyed.origin[k];
    const stackNames = names.of(origin);
    const trend = trends[k];
    const f = groupFacts[k];
    const isProven = keyed.proven[k] === 1;
    const benignBy = benign.match(stackNames);
    const verdict = judge({
      trend,
      points,
      stateWeight: CATEGORIES[state.category].weight,
      ownCode: runsOwnCode(stackNames),
      relativeGrowth: (trend.last - trend.first) / maxAdded,
      benign: benignBy,
      proven: isProven,
      blocksForGood: BLOCKS_FOR_GOOD.has(state.category),
      endsByItself: ENDS_BY_ITSELF.has(state.category),
      inStepWith: () => inStep.partnerOf(k),
      wake: wakes.get(names.portable(origin)) ?? null,
      dumps: dumps.length > 0,
      since: levelSince(series, countsOf(keyed, k)),
    });
    const elsewhere = k >= firstAbsent ? absent[k - firstAbsent] : undefined;
    if (elsewhere && verdict.suspect) verdict.reason = `${verdict.reason}: ${elsewhere.count.toLocaleString('en-US')} in ${elsewhere.from}, not in the ${series.kind} series`;
    groups.push({
      key: k,
      label: keyed.label[k],
      function: names.representative(stack),
      stack,
      trend,
      perMinute: trend.slope,
      share: lastTotal > 0 ? trend.last / lastTotal : 0,
      state,
      waitMin: f?.waitMin ?? -1,
      waitMax: f?.waitMax ?? -1,
      creator: f ? dominant(f.creators) : '',
      chain: f?.chains.size ? dominant(f.chains).split('\n') : [],
      bubbles: f?.bubbles ?? [],
      benign: benignBy,
      proven: isProven,
      verdict,
    });
  }
  groups.sort(compareReports);
  return { series, totals, placedTotals, filtered: refined !== null, keyed, groups, factsFrom: dump?.name ?? null };
}
