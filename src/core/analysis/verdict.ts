import type { Trend } from './signals';
import type { WakeEvidence } from './wakes';

/** A group's standing as a leak suspect, with the reason in words. */
export interface Verdict {
  suspect: boolean;
  /** 0..100: steady, never-draining growth in a blocking state scores high. */
  score: number;
  reason: string;
  /** The signals behind the reason, the deciding one first; empty when the counts alone decided. */
  evidence: string[];
}

export interface VerdictInput {
  trend: Trend;
  /** Snapshots in the series. */
  points: number;
  /** CATEGORIES[state].weight. */
  stateWeight: number;
  /** Whether the stack runs through the program's own code (not only runtime and standard library). */
  ownCode: boolean;
  /** This group's growth relative to the biggest steady grower of the series (0..1). */
  relativeGrowth: number;
  benign: string | null;
  proven: boolean;
  /** Whether the state is one only another goroutine can end (channel, select, lock, WaitGroup, Cond). */
  blocksForGood: boolean;
  /** Whether the state ends by itself (sleep, I/O, syscall, running). */
  endsByItself: boolean;
  /**
   * A group in a state that ends by itself whose count equals this group's in every snapshot, or
   * null: goroutines that wait on the work of others, as a request waits on its backend call.
   * Asked only of groups the other tests leave.
   */
  inStepWith: () => string | null;
  /** What the debug=2 dumps say about the group's goroutines waking; null when no dump lists it. */
  wake: WakeEvidence | null;
  /** Whether the series comes with debug=2 dumps at all. */
  dumps: boolean;
  /** When the count reached its last level: a capture time or `snapshot 2 of 4`. */
  since: string;
}

/** Why a stack listed by a goroutineleak profile is a suspect whatever its counts do. */
export const PROVEN_REASON = 'proven leak (goroutineleak profile)';
/** Why a group whose goroutines a debug=2 dump marks `(leaked)` is a suspect whatever its counts do. */
export const MARKED_REASON = 'proven leak (marked leaked in a debug=2 dump)';

/** Score a group must reach to be a suspect (and to fail `parkview suspects --fail-on-leak`). */
export const SUSPECT_SCORE = 20;
/** Goroutines a group must add before its growth means anything. */
const MIN_ADDED = 3;
/** Steps that must rise (fewer when the series is shorter). */
const MIN_RISES = 3;
const MIN_MONOTONIC = 0.7;
const MIN_FIT = 0.6;
/** Later-half slope below this share of the overall slope: filled up, then plateaued. */
const MIN_RECENT = 0.25;
/**
 * Step spread (see Trend.stepSpread) above which three snapshots' two steps disagree with any one
 * steady rate: a chi-square with one degree of freedom this high comes by chance once in a thousand.
 */
const MAX_STEP_SPREAD = 10.8;
/** Net growth, in standard deviations of a drifting count, below which it is no more than drift. */
const MIN_SIGNIFICANCE = 2;
/** Stacks entirely in the runtime and standard library weigh less than the program's own code. */
const LIBRARY_ONLY = 0.8;

const PLATEAU = 'filled up, then plateaued';
const BURSTS = 'grows in bursts, not steadily';

/** How far a short series can be trusted: two points always fit a line. */
function confidence(points: number): number {
  return points >= 4 ? 1 : points === 3 ? 0.8 : 0.6;
}

/** Why a growing-looking group is not a leak, or null when it passes every test. */
function dismissal(t: Trend, points: number): string | null {
  const added = t.last - t.first;
  if (t.slope <= 0 || added <= 0) return t.max === t.min ? 'steady' : added < 0 ? 'shrinking' : 'no net growth';
  if (t.returned) return 'transient: came back down to its baseline';
  if (!t.neverDrains) return `drained: now ${Math.round((1 - t.last / t.max) * 100)}% below its peak`;
  if (added < MIN_ADDED) return `grew by only ${added}`;
  if (t.rises < Math.min(points - 1, MIN_RISES)) return `rose in only ${t.rises} step${t.rises === 1 ? '' : 's'}`;
  if (points >= 3 && t.recent < MIN_RECENT) return PLATEAU;
  // Three points nearly always fit a line: whether both steps share one rate says more.
  if (points === 3 && t.stepSpread > MAX_STEP_SPREAD) return BURSTS;
  if (points >= 4 && (t.monotonic < MIN_MONOTONIC || t.r2 < MIN_FIT)) return BURSTS;
  return null;
}

/** How a stuck verdict's reason begins. */
export const STUCK = 'stuck since';

/** Dismissals that only say the count stopped rising: goroutines stuck since the rise look the same. */
function plateauLike(why: string): boolean {
  return why === PLATEAU || why === BURSTS || why.startsWith('rose in only');
}

/**
 * Minutes a blocked goroutine must have lived for its wait to show in a dump. Go dates a wait at
 * the first collection that finds the goroutine blocked, and shows it from a minute on; a service
 * that allocates collects every few seconds, an idle one at least every 2 minutes.
 */
const WAIT_SHOWS_AFTER = 2.5;

/** Share of the score a stuck group gets from its evidence: waits alone, or waits and the same ids in two dumps. */
const STUCK_BY_WAITS = 0.75;
const STUCK_BY_WAITS_AND_IDS = 0.9;

const n = (v: number) => v.toLocaleString('en-US');
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

/**
 * Stuck: the count rose and never dipped, every goroutine of the group has waited a minute or more
 * in the latest dump, and none of those an earlier dump listed has left. Null when the dumps do not say so.
 */
function stuck(v: VerdictInput): Verdict | null {
  const t = v.trend;
  const w = v.wake;
  if (!w || !v.blocksForGood || t.last - t.first < MIN_ADDED || t.monotonic < 1 || t.last < t.max) return null;
  if (w.waited < w.count) return null;
  if (w.earlier && w.stayed < w.earlierCount) return null;
  const evidence = [`every one of its ${plural(w.count, 'goroutine')} in ${w.latest} has waited ${n(w.waitMin)} minutes or more: none has woken since`];
  if (w.earlier) evidence.push(`the same ${plural(w.earlierCount, 'goroutine id')} as in ${w.earlier}${w.gapMinutes === null ? '' : `, ${Math.round(w.gapMinutes)} minutes earlier`}: none has left`);
  evidence.push(`rose from ${n(t.first)} to ${n(t.last)}, then never dipped`);
  const sure = w.earlier ? STUCK_BY_WAITS_AND_IDS : STUCK_BY_WAITS;
  const score = Math.round(100 * sure * v.stateWeight * (v.ownCode ? 1 : LIBRARY_ONLY));
  return { suspect: score >= SUSPECT_SCORE, score, reason: `${STUCK} ${v.since}, ${plural(t.last, 'goroutine')}, none has left since`, evidence };
}

/** Goroutines that kept living across dumps minutes apart yet show no wait of a minute: they wake up. */
function wakesUp(w: WakeEvidence | null): string | null {
  if (!w?.earlier || w.gapMinutes === null || w.gapMinutes < WAIT_SHOWS_AFTER || w.stayed === 0 || w.stayedAwake < w.stayed) return null;
  return `its ${plural(w.stayed, 'goroutine')} alive since ${w.earlier}, ${Math.round(w.gapMinutes)} minutes before ${w.latest}, all woke within the last minute (no wait shown)`;
}

/** What a plateau leaves open when the dumps cannot decide: without dumps, and with dumps too early to show waits. */
export const UNDECIDED_PLATEAU = [
  'without debug=2 dumps a plateau cannot be told apart from goroutines stuck since the rise: capture debug=2 dumps, one a minute or more after the rise',
  'no debug=2 dump shows these goroutines waiting a minute or more, so a plateau cannot be told apart from goroutines stuck since the rise: capture a debug=2 dump a minute or more after the rise',
];

/** Why a plateau is not called stuck: its goroutines wake, or nothing can tell. */
function plateauEvidence(v: VerdictInput): string[] {
  const w = v.wake;
  const wakes = wakesUp(w);
  if (wakes) return [wakes];
  if (w && w.waited > 0 && w.waited < w.count) return [`${n(w.count - w.waited)} of its ${plural(w.count, 'goroutine')} in ${w.latest} waited under a minute: they wake up, as a pool's workers do`];
  return v.blocksForGood && v.trend.monotonic === 1 ? [UNDECIDED_PLATEAU[v.dumps ? 1 : 0]] : [];
}

/**
 * Growth no bigger than a drifting count's noise, in goroutines that wake by themselves or wait on
 * ones that do: a request-scoped group whose level happened to rise, not goroutines left behind.
 */
function drifting(v: VerdictInput): { reason: string; evidence: string } | null {
  const t = v.trend;
  if (t.growthSignificance >= MIN_SIGNIFICANCE) return null;
  const partner = v.endsByItself ? null : v.inStepWith();
  if (!v.endsByItself && !partner) return null;
  const noise = Math.round(MIN_SIGNIFICANCE * Math.sqrt(t.first + t.last));
  const evidence = `a count of about ${n(Math.round((t.first + t.last) / 2))} that only drifts moves by ±${n(noise)} (twice its square root); it grew by ${n(t.last - t.first)}`;
  if (v.endsByItself) return { reason: 'drifts within its noise, in a state that ends by itself', evidence };
  return { reason: `drifts in step with ${partner}, which wakes by itself: it waits on work in progress`, evidence };
}

export function judge(v: VerdictInput): Verdict {
  const t = v.trend;
  if (v.benign) return { suspect: false, score: 0, reason: `benign: ${v.benign}`, evidence: [] };
  if (v.points < 2) return v.proven ? { suspect: true, score: 100, reason: PROVEN_REASON, evidence: [] } : { suspect: false, score: 0, reason: 'growth needs at least two snapshots', evidence: [] };
  const steadiness = t.monotonic * t.r2;
  const size = 0.5 + 0.5 * Math.max(0, Math.min(1, v.relativeGrowth));
  const growing = t.slope > 0 && t.last > t.first ? 1 : 0;
  const drains = t.neverDrains ? 1 : 0.3;
  const raw = 100 * growing * steadiness * drains * Math.min(1, t.recent) * v.stateWeight * (v.ownCode ? 1 : LIBRARY_ONLY) * size * confidence(v.points);
  const score = Math.round(v.proven ? Math.max(raw, 90) : raw);
  if (v.proven) return { suspect: true, score, reason: PROVEN_REASON, evidence: [] };
  if (v.wake?.leaked) {
    const w = v.wake;
    return { suspect: true, score: Math.max(score, 90), reason: MARKED_REASON, evidence: [`the runtime marked ${plural(w.leaked, 'goroutine')} of ${n(w.count)} "(leaked)" in ${w.latest}`] };
  }
  const why = dismissal(t, v.points);
  const capped = Math.min(score, SUSPECT_SCORE - 1);
  if (why && plateauLike(why)) {
    const found = stuck(v);
    if (found) return found;
    return { suspect: false, score: capped, reason: why, evidence: plateauEvidence(v) };
  }
  if (why) return { suspect: false, score: capped, reason: why, evidence: [] };
  const drift = drifting(v);
  if (drift) return { suspect: false, score: capped, reason: drift.reason, evidence: [drift.evidence] };
  const w = v.wake;
  if (w?.earlier && w.stayed === 0 && w.earlierCount >= MIN_ADDED) {
    return { suspect: false, score: capped, reason: 'grows, but its goroutines come and go (churn, not a leak)', evidence: [`none of its ${plural(w.earlierCount, 'goroutine')} in ${w.earlier} is still there in ${w.latest}: every one is new`] };
  }
  const wakes = wakesUp(w);
  if (wakes) return { suspect: false, score: capped, reason: 'grows, but its goroutines keep waking up (workers or refreshers, not stuck)', evidence: [wakes] };
  if (score < SUSPECT_SCORE) return { suspect: false, score, reason: 'grows, but in a state that rarely leaks', evidence: [] };
  return { suspect: true, score, reason: v.points < 4 ? 'grew in every step (too few snapshots to judge steadiness)' : 'grows steadily and never drains', evidence: [] };
}
