import type { Trend } from './signals';

/** A group's standing as a leak suspect, with the reason in words. */
export interface Verdict {
  suspect: boolean;
  /** 0..100: steady, never-draining growth in a blocking state scores high. */
  score: number;
  reason: string;
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
}

/** Why a stack listed by a goroutineleak profile is a suspect whatever its counts do. */
export const PROVEN_REASON = 'proven leak (goroutineleak profile)';

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
/** Stacks entirely in the runtime and standard library weigh less than the program's own code. */
const LIBRARY_ONLY = 0.8;

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
  if (points >= 4 && t.recent < MIN_RECENT) return 'filled up, then plateaued';
  if (points >= 4 && (t.monotonic < MIN_MONOTONIC || t.r2 < MIN_FIT)) return 'grows in bursts, not steadily';
  return null;
}

export function judge(v: VerdictInput): Verdict {
  const t = v.trend;
  if (v.benign) return { suspect: false, score: 0, reason: `benign: ${v.benign}` };
  if (v.points < 2) return v.proven ? { suspect: true, score: 100, reason: PROVEN_REASON } : { suspect: false, score: 0, reason: 'growth needs at least two snapshots' };
  const steadiness = t.monotonic * t.r2;
  const size = 0.5 + 0.5 * Math.max(0, Math.min(1, v.relativeGrowth));
  const growing = t.slope > 0 && t.last > t.first ? 1 : 0;
  const drains = t.neverDrains ? 1 : 0.3;
  const raw = 100 * growing * steadiness * drains * Math.min(1, t.recent) * v.stateWeight * (v.ownCode ? 1 : LIBRARY_ONLY) * size * confidence(v.points);
  const score = Math.round(v.proven ? Math.max(raw, 90) : raw);
  if (v.proven) return { suspect: true, score, reason: PROVEN_REASON };
  const why = dismissal(t, v.points);
  if (why) return { suspect: false, score: Math.min(score, SUSPECT_SCORE - 1), reason: why };
  if (score < SUSPECT_SCORE) return { suspect: false, score, reason: 'grows, but in a state that rarely leaks' };
  return { suspect: true, score, reason: v.points < 4 ? 'grew in every step (too few snapshots to judge steadiness)' : 'grows steadily and never drains' };
}
