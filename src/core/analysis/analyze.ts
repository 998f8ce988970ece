import type { Session } from '../model/session';
import { BenignMatcher, DEFAULT_BENIGN } from './benign';
import { dominant, dumpFacts, latestDump, provenLeakKeys, type DumpFacts } from './facts';
import { codeKind, StackNames } from './functions';
import { countByKey, type Grouping, type KeyedCounts } from './grouping';
import { pickSeries, type Series } from './series';
import { trendOf, type Trend } from './signals';
import { CATEGORIES, stateFromReason, stateFromStack, type BlockState } from './states';
import { judge, type Verdict } from './verdict';

export interface LeakQuery {
  grouping?: Grouping;
  /** Functions whose goroutines are long-lived by design (see DEFAULT_BENIGN). */
  benign?: readonly string[];
  /** Snapshot whose kind and format pick the series (see pickSeries). */
  anchor?: number | null;
}

/** One group's history and standing. */
export interface GroupReport {
  key: number;
  /** What the group is called under the grouping (function, creator, function with labels). */
  label: string;
  /** Representative function of its biggest stack: the first frame in the program's own code. */
  function: string;
  /** Session stack id of its biggest stack. */
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
  benign: string | null;
  proven: boolean;
  verdict: Verdict;
}

export interface LeakAnalysis {
  series: Series;
  totals: number[];
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

/**
 * Follows every group of a series of snapshots and ranks leak suspects: groups that rise steadily and
 * never drain, in states that block for good, rank first; bursts, steady pools, pools that fill and
 * plateau, and benign daemons do not qualify.
 */
export function analyzeLeaks(session: Session, q: LeakQuery = {}): LeakAnalysis {
  const series = pickSeries(session, q.anchor);
  const names = stackNamesOf(session);
  const keyed = countByKey(session, series.snapshots, q.grouping ?? 'stack', names);
  const totals = series.snapshots.map((s) => s.totals[s.defaultSampleType] ?? 0);
  const dump = series.format === 'debug2' ? series.snapshots.at(-1) : latestDump(session, series.kind);
  let facts = dump ? factsCache.get(dump) : undefined;
  if (dump && !facts) {
    facts = dumpFacts(session, dump, names);
    factsCache.set(dump, facts);
  }
  const proven = provenLeakKeys(session, names);
  const benign = new BenignMatcher(q.benign ?? DEFAULT_BENIGN);
  const points = series.snapshots.length;
  const lastTotal = totals.at(-1) ?? 0;
  const trends: Trend[] = [];
  let maxAdded = 1;
  for (let k = 0; k < keyed.keys; k++) {
    const t = trendOf(series.x, countsOf(keyed, k));
    trends.push(t);
    if (t.slope > 0 && t.neverDrains && !t.returned) maxAdded = Math.max(maxAdded, t.last - t.first);
  }
  const groups: GroupReport[] = [];
  for (let k = 0; k < keyed.keys; k++) {
    const stack = keyed.stack[k];
    const stackNames = names.of(stack);
    if (stackNames.length === 0) continue;
    const trend = trends[k];
    const portable = facts?.size || proven.size ? names.portable(stack) : '';
    const f = facts?.get(portable);
    const state = f ? stateFromReason(dominant(f.reasons), stackNames) : stateFromStack(stackNames);
    const benignBy = benign.match(stackNames);
    const isProven = proven.has(portable);
    const verdict = judge({
      trend,
      points,
      stateWeight: CATEGORIES[state.category].weight,
      ownCode: runsOwnCode(stackNames),
      relativeGrowth: (trend.last - trend.first) / maxAdded,
      benign: benignBy,
      proven: isProven,
    });
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
      benign: benignBy,
      proven: isProven,
      verdict,
    });
  }
  groups.sort(compareReports);
  return { series, totals, keyed, groups, factsFrom: dump?.name ?? null };
}
