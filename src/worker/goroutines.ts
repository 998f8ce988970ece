import { stackNamesOf } from '../core/analysis/analyze';
import { CreationChains, type ChainLink } from '../core/analysis/ancestry';
import { stackFrames, type FrameInfo } from '../core/analysis/functions';
import { DEFAULT_BENIGN } from '../core/analysis/benign';
import { bucketFlag, bucketMatches, growingStacks, type BucketFlag, type GoroutineBucket } from '../core/analysis/goroutines';
import { CATEGORIES } from '../core/analysis/states';
import type { QueryEngine } from '../core/engine/engine';
import { filtersText, normalizeFilters, type Filters } from '../core/options/filters';

/** How the Goroutines list orders its buckets: most goroutines first, or longest wait first. */
export type GoroutineSort = 'count' | 'wait';

export interface GoroutineQuery {
  snapshot: number;
  /** A blocked-on label (`sync.(*Mutex).Lock`) or a wait reason as the dump prints it. */
  state?: string;
  text?: string;
  /** Only goroutines waiting at least this many minutes. */
  minWait?: number;
  sort?: GoroutineSort;
  /** The benign functions of the leak analysis that says which stacks grow (DEFAULT_BENIGN when absent). */
  benign?: string[];
  /** The refine filters: only the goroutines they keep, on the stacks they leave. */
  filters?: Filters;
}

export type BucketRow = Omit<GoroutineBucket, 'members' | 'origin'> & { flag: BucketFlag };

export interface GoroutinesResult {
  name: string;
  /** Goroutines in the dump. */
  total: number;
  /** Goroutines the refine filters keep (the total without filters). */
  kept: number;
  /** The active refine filters, as in TimelineResult. */
  filtered: string;
  /** The filters the buckets were made with: what `goroutineBucket` needs to find one of them. */
  filters: Filters;
  /** Matching buckets, biggest first, at most MAX_BUCKETS of them. */
  buckets: BucketRow[];
  /** All buckets that match, and the goroutines in them. */
  matched: number;
  shown: number;
  states: { state: string; count: number }[];
  /** Earlier dumps in the series, against which goroutines count as stuck. */
  earlier: number;
  /** Goroutines of the matching buckets flagged stuck. */
  stuck: number;
}

export interface BucketDetail {
  frames: FrameInfo[];
  /** Goroutine ids with the number of consecutive earlier dumps they were in, the longest-lived first. */
  goroutines: { id: number; age: number; waitMinutes: number }[];
  labels: string[];
  explanation: string;
  /** Creation chain of the first goroutine listed, with the goroutines that ran each `go` statement. */
  chain: ChainLink[];
  /** The synctest bubbles its goroutines are in (Go 1.25+), ascending. */
  bubbles: number[];
}

const MAX_IDS = 1000;
/** Buckets a dump answer carries at most, biggest first; the rest of a huge dump is reached by filtering. */
const MAX_BUCKETS = 5000;

export function goroutinesApi(engine: QueryEngine) {
  const { session } = engine;
  return {
    /** The goroutines of a debug=2 dump, bucketed by identical stack, filtered by state, text and wait, sorted. */
    goroutines(q: GoroutineQuery): GoroutinesResult {
      const snapshot = session.get(q.snapshot);
      const total = snapshot.totals[snapshot.defaultSampleType] ?? 0;
      const empty = { name: snapshot.name, total, kept: total, filtered: '', filters: {}, buckets: [], matched: 0, shown: 0, states: [], earlier: 0, stuck: 0 };
      // Only text dumps have per-goroutine facts.
      const g = snapshot.goroutines;
      if (!g) return empty;
      const filters = normalizeFilters(q.filters);
      const d = engine.goroutineDump(snapshot, filters);
      const filtered = filtersText(filters);
      const names = stackNamesOf(session);
      const text = q.text?.trim() ?? '';
      const minWait = q.minWait ?? 0;
      // Survivors of earlier dumps are stuck only where the series grows: the stacks Leaks ranks as suspects.
      const growing = d.earlier > 0 ? growingStacks(engine.leaks({ anchor: null, grouping: 'stack', benign: q.benign ?? [...DEFAULT_BENIGN], filters }), names) : null;
      const rows: BucketRow[] = [];
      let stuck = 0;
      for (const b of d.buckets) {
        if (q.state && b.label !== q.state && b.state !== q.state) continue;
        if (!bucketMatches(names, b, text)) continue;
        const { members, origin, ...bucket } = b;
        const row: BucketRow = { ...bucket, flag: null };
        if (minWait > 0 && b.waitMin < minWait) {
          const waiting = members.filter((i) => g.waitMinutes[i] >= minWait);
          if (waiting.length === 0) continue;
          row.count = waiting.length;
          row.stuck = waiting.filter((i) => d.age[i] > 0).length;
          row.waitMin = waiting.reduce((m, i) => Math.min(m, g.waitMinutes[i]), b.waitMax);
        }
        row.flag = bucketFlag(row, growing?.has(names.portable(origin)) ?? false);
        if (row.flag === 'stuck') stuck += row.stuck;
        rows.push(row);
      }
      if (q.sort === 'wait') rows.sort((x, y) => y.waitMax - x.waitMax || y.waitMin - x.waitMin || y.count - x.count || x.index - y.index);
      const shown = rows.reduce((n, b) => n + b.count, 0);
      const kept = d.buckets.reduce((n, b) => n + b.count, 0);
      return {
        ...empty,
        total: g.id.length,
        kept,
        filtered,
        filters: filtered ? filters : {},
        buckets: rows.slice(0, MAX_BUCKETS),
        matched: rows.length,
        shown,
        states: d.states,
        earlier: d.earlier,
        stuck,
      };
    },

    /** A bucket's full stack and its goroutines; `filters` and `minWait` as the listing it comes from had them. */
    goroutineBucket(snapshot: number, index: number, filters?: Filters, minWait = 0): BucketDetail | null {
      const s = session.get(snapshot);
      const dump = s.goroutines ? engine.goroutineDump(s, filters) : undefined;
      const b = dump?.buckets[index];
      const g = s.goroutines;
      if (!dump || !b || !g) return null;
      const age = dump.age;
      const order = b.members.filter((i) => minWait <= 0 || g.waitMinutes[i] >= minWait).sort((x, y) => age[y] - age[x] || g.waitMinutes[y] - g.waitMinutes[x] || g.id[x] - g.id[y]);
      const goroutines = order.slice(0, MAX_IDS).map((i) => ({ id: g.id[i], age: age[i], waitMinutes: g.waitMinutes[i] }));
      const chain = order.length ? new CreationChains(session, g).of(order[0]) : [];
      const bubble = g.bubble;
      const bubbles = bubble ? [...new Set(b.members.map((i) => bubble[i]).filter((n) => n >= 0))].sort((x, y) => x - y) : [];
      return { frames: stackFrames(session, b.stack), goroutines, labels: b.labels, explanation: CATEGORIES[b.category].explanation, chain, bubbles };
    },
  };
}
