import { countsOf, type GroupReport, type LeakAnalysis } from '../core/analysis/analyze';
import type { ClockSource } from '../core/analysis/clock';
import { clockNote, seriesLabel, seriesNote } from '../core/analysis/series-text';
import { stackFrames, type FrameInfo } from '../core/analysis/functions';
import type { Grouping } from '../core/options/table';
import { CATEGORIES, type BlockState } from '../core/analysis/states';
import type { QueryEngine } from '../core/engine/engine';
import { filtersText, type Filters } from '../core/options/filters';

/** What every leak query names: the series (by its anchor snapshot), the grouping, the benign list and the refine filters. */
export interface LeakRequest {
  anchor: number | null;
  grouping: Grouping;
  benign: string[];
  /** The refine filters every view applies (focus, ignore, hide, show, show_from, tagfocus, tagignore). */
  filters?: Filters;
  /** Time between snapshots as the user gives it, for a series without capture times. */
  intervalMs?: number | null;
}

export interface TimelinePoint {
  id: number;
  name: string;
  timeMs: number | null;
  /** Minutes since the first snapshot (or the index without a clock). */
  x: number;
  total: number;
}

/**
 * A text dump placed on the timeline: between the points at `after` and `before`, or at one point
 * when both are the same (taken with that snapshot, at its capture time).
 */
export interface PlacedPoint {
  id: number;
  name: string;
  after: number;
  before: number;
  total: number;
  /** How it was placed. */
  how: string;
}

/** One stacked area: a group's count in every snapshot. */
export interface TimelineBand {
  key: number;
  label: string;
  counts: number[];
  suspect: boolean;
}

export interface TimelineResult {
  points: TimelinePoint[];
  /** Text dumps placed among the points, in timeline order. */
  placed: PlacedPoint[];
  timed: boolean;
  /** Where the time axis comes from: capture times, the interval given, or none (growth per snapshot). */
  clock: ClockSource;
  /** Why growth is per snapshot or what is wrong with the interval given (see clockNote), or null. */
  clockNote: string | null;
  /** `40 goroutine snapshots over 3m17s`, and the filters when some are active. */
  summary: string;
  /** A note on what the series can tell (too short to judge growth, proven leaks only), or null. */
  note: string | null;
  /** The active refine filters as `focus=exporter tagfocus=tenant=acme`, or '' when none. */
  filtered: string;
  excluded: { id: number; name: string; reason: string }[];
  bands: TimelineBand[];
}

export type TopBy = 'latest' | 'growth';

/** A row of the suspects table. */
export interface SuspectRow {
  key: number;
  label: string;
  function: string;
  counts: number[];
  first: number;
  last: number;
  perMinute: number;
  monotonic: number;
  r2: number;
  share: number;
  state: BlockState;
  waitMin: number;
  waitMax: number;
  creator: string;
  /** Creation chain: the creator, the creator's creator… */
  chain: string[];
  /** The synctest bubbles its goroutines are in (Go 1.25+ dumps). */
  bubbles: number[];
  score: number;
  suspect: boolean;
  reason: string;
  /** The signals behind the reason, the deciding one first. */
  evidence: string[];
  proven: boolean;
  benign: string | null;
}

export interface SuspectsResult {
  rows: SuspectRow[];
  /** Groups in the series, and how many of them are suspects. */
  groups: number;
  suspects: number;
  timed: boolean;
  points: number;
  factsFrom: string | null;
  /** The active refine filters, as in TimelineResult. */
  filtered: string;
}

/** What the table row does not carry: the stack and what its state means. */
export interface SuspectDetail {
  frames: FrameInfo[];
  explanation: string;
}

/** Rows the suspects table gets at most; the rest are tail noise of huge series. */
const MAX_ROWS = 2000;

function countsArray(a: LeakAnalysis, key: number): number[] {
  return Array.from(countsOf(a.keyed, key));
}

function rankForChart(a: LeakAnalysis, by: TopBy): GroupReport[] {
  const groups = [...a.groups];
  if (by === 'latest') groups.sort((x, y) => y.trend.last - x.trend.last || y.verdict.score - x.verdict.score);
  else groups.sort((x, y) => y.perMinute - x.perMinute || y.verdict.score - x.verdict.score);
  return groups;
}

export function leaksApi(engine: QueryEngine) {
  const { session } = engine;
  return {
    /** Totals per snapshot and the top `n` groups as stacked areas, ranked by latest count or by growth. */
    timeline(req: LeakRequest, by: TopBy, n: number): TimelineResult {
      const a = engine.leaks(req);
      const s = a.series;
      const bands = rankForChart(a, by)
        .filter((g) => g.trend.max > 0 && (by === 'latest' || g.perMinute > 0))
        .slice(0, n)
        .map((g) => ({ key: g.key, label: g.label, counts: countsArray(a, g.key), suspect: g.verdict.suspect }));
      const filtered = a.filtered ? filtersText(req.filters) : '';
      return {
        points: s.snapshots.map((snap, i) => ({ id: snap.id, name: snap.name, timeMs: snap.timeMs, x: s.x[i], total: a.totals[i] })),
        placed: s.placed.map((p, i) => ({ id: p.snapshot.id, name: p.snapshot.name, after: p.after, before: p.before, total: a.placedTotals[i], how: p.how })),
        timed: s.timed,
        clock: s.clock,
        clockNote: clockNote(s, 'give the time between snapshots'),
        summary: filtered ? `${seriesLabel(s)}, filtered: ${filtered}` : seriesLabel(s),
        note: seriesNote(s),
        filtered,
        excluded: s.excluded,
        bands,
      };
    },

    /** Every group ranked as a leak suspect, best first (suspects lead; the long tail is cut). */
    suspects(req: LeakRequest): SuspectsResult {
      const a = engine.leaks(req);
      const suspects = a.groups.filter((g) => g.verdict.suspect);
      const rows = a.groups.slice(0, MAX_ROWS).map(
        (g): SuspectRow => ({
          key: g.key,
          label: g.label,
          function: g.function,
          counts: countsArray(a, g.key),
          first: g.trend.first,
          last: g.trend.last,
          perMinute: g.perMinute,
          monotonic: g.trend.monotonic,
          r2: g.trend.r2,
          share: g.share,
          state: g.state,
          waitMin: g.waitMin,
          waitMax: g.waitMax,
          creator: g.creator,
          chain: g.chain,
          bubbles: g.bubbles,
          score: g.verdict.score,
          suspect: g.verdict.suspect,
          reason: g.verdict.reason,
          evidence: g.verdict.evidence,
          proven: g.proven,
          benign: g.benign,
        }),
      );
      const filtered = a.filtered ? filtersText(req.filters) : '';
      return { rows, groups: a.groups.length, suspects: suspects.length, timed: a.series.timed, points: a.series.snapshots.length, factsFrom: a.factsFrom, filtered };
    },

    /** The stack of a group's biggest member and what its state means. */
    suspectDetail(req: LeakRequest, key: number): SuspectDetail | null {
      const g = engine.leaks(req).groups.find((x) => x.key === key);
      if (!g) return null;
      return { frames: stackFrames(session, g.stack), explanation: CATEGORIES[g.state.category].explanation };
    },

  };
}
