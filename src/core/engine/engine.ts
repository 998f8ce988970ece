import { analyzeLeaks, stackNamesOf, type LeakAnalysis, type LeakQuery } from '../analysis/analyze';
import { bucketGoroutines, type GoroutineDump } from '../analysis/goroutines';
import { pickSeries } from '../analysis/series';
import { RefinedStacks } from '../analysis/refined';
import { buildFlame, flameStates, type BuiltFlame, type FlameStates } from '../flame/build';
import { reportUnit } from '../units/scale';
import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { buildCallTree, type CallTree, type StackRewrite } from '../query/call-tree';
import { normalizeFilters, type Filters } from '../options/filters';
import type { Granularity } from '../options/table';
import { nodeFunctions, nodeKeys, type NodeKeys } from '../query/granularity';
import { buildGraph, type GraphOptions } from '../query/graph/build';
import { diffLabels } from '../query/diff-base';
import { diffTree } from '../query/graph/diff-tree';
import { drawGraph, type DrawnGraph } from '../report/graph/present';
import { labelTagsOf } from '../query/graph/tags';
import { callsOf, peekReport, type PeekReport } from '../query/peek';
import { Refiner, reportSteps, type RefinePlan, type RefineReport } from '../query/refine';
import { shownSampleIndex } from '../query/sample-index';
import { functionNames, listRoutines, type RoutineOrder, type SourceRoutine } from '../query/source/list';
import { topReport, type TopRow } from '../query/top';
import type { QueryContext, ResolvedQuery, ViewQuery } from '../query/view-query';
import { EngineCache } from './cache';

/** The base snapshot a diff is against (pprof's -diff_base), or why there is none although one was asked for. */
export interface BaseInfo {
  base: { name: string } | null;
  baseError: string | null;
}

/** A query with its base applied: the current side, and its tree less the base's when diffing. */
export interface DiffResolved extends BaseInfo {
  current: ResolvedQuery;
  tree: CallTree;
  /** The profile the report is labelled with: when diffing, pprof's merge of the two (see diffLabels). */
  labels: Snapshot;
}

export interface TopResolved extends BaseInfo {
  rows: TopRow[];
  total: number;
  /** Unit of the sample values (e.g. "count", "nanoseconds"). */
  sampleUnit: string;
  /** The one unit pprof prints every value of this report in. */
  unit: string;
  /** Per report key, its function (for `files`, the file). */
  funcs: string[];
  tree: CallTree;
  keys: NodeKeys;
  snapshot: Snapshot;
  sampleIndex: number;
  labels: Snapshot;
}

export interface GraphResolved extends BaseInfo {
  drawn: DrawnGraph;
  snapshot: Snapshot;
}

export interface ListResolved {
  routines: SourceRoutine[];
  total: number;
  sampleUnit: string;
}

/** A flame graph and, once asked for, its frames' wait states. */
export interface FlameEntry {
  flame: BuiltFlame;
  states?: FlameStates;
}

export type LeakRequest = Omit<LeakQuery, 'rewrite'> & { filters?: Filters };

/**
 * Answers every report over one session: it owns the session, the filters (through the refiner it is
 * given) and the caches (see cache.ts). The Worker, the command and the tests ask the same questions
 * of it and only present the answers.
 */
export class QueryEngine implements QueryContext {
  readonly cache: EngineCache;

  constructor(
    readonly session: Session,
    /** In place for the command and tests; checked-only in the Worker, whose regexes run with a time limit elsewhere. */
    readonly refiner: Refiner = new Refiner(session),
  ) {
    this.cache = new EngineCache(session);
  }

  rewrite(filters: Filters | undefined): StackRewrite | undefined {
    return filters ? this.refiner.rewrite(filters) : undefined;
  }

  keysFor(granularity: Granularity): NodeKeys {
    return this.cache.get('keys', granularity, () => nodeKeys(this.session, granularity));
  }

  nodeFunctions(granularity: Granularity): string[] {
    return this.cache.get('funcs', granularity, () => nodeFunctions(this.session, this.keysFor(granularity), granularity));
  }

  /** The snapshot's call tree under the query's sample type and filters (its base ignored). */
  resolve(q: ViewQuery): ResolvedQuery {
    const snapshot = this.session.get(q.snapshot);
    const sampleIndex = shownSampleIndex(snapshot, q.sampleIndex);
    const filters = normalizeFilters(q.filters);
    const tree = this.cache.get('tree', [snapshot.id, sampleIndex, filters], () => buildCallTree(this.session, snapshot, sampleIndex, this.rewrite(filters)));
    return { snapshot, sampleIndex, tree, keys: this.keysFor(q.granularity ?? 'functions') };
  }

  /** The query on the base snapshot: same sample type (by name), granularity and filters; or why there is none. */
  baseQuery(q: ViewQuery): { query: ViewQuery; snapshot: Snapshot } | { error: string } | null {
    if (q.base === undefined || q.base === q.snapshot) return null;
    const base = this.session.snapshots.find((s) => s.id === q.base);
    if (!base) return { error: 'the base snapshot is no longer loaded' };
    const current = this.session.get(q.snapshot);
    const type = current.sampleTypes[shownSampleIndex(current, q.sampleIndex)].type;
    const sampleIndex = base.sampleTypes.findIndex((t) => t.type === type);
    if (sampleIndex < 0) return { error: `${base.name} has no "${type}" samples to compare with` };
    return { query: { ...q, snapshot: base.id, sampleIndex, base: undefined }, snapshot: base };
  }

  /** The query with its base applied, when it names one other than its snapshot. */
  withBase(q: ViewQuery): DiffResolved {
    const current = this.resolve(q);
    const base = this.baseQuery(q);
    const alone = { current, tree: current.tree, labels: current.snapshot, base: null, baseError: null };
    if (!base) return alone;
    if ('error' in base) return { ...alone, baseError: base.error };
    const tree = diffTree(current.tree, this.resolve(base.query).tree);
    return { current, tree, labels: diffLabels(current.snapshot, base.snapshot), base: { name: base.snapshot.name }, baseError: null };
  }

  /** pprof's top report, sorted by flat or cum like `go tool pprof -top [-cum]`. */
  top(q: ViewQuery, sortBy: 'flat' | 'cum' = 'flat'): TopResolved {
    const { current, tree, labels, base, baseError } = this.withBase(q);
    const { rows, total } = topReport(tree, current.keys, this.session.frames, sortBy);
    const sampleUnit = current.snapshot.sampleTypes[current.sampleIndex].unit;
    const funcs = this.nodeFunctions(q.granularity ?? 'functions');
    const { snapshot, sampleIndex, keys } = current;
    return { rows, total, sampleUnit, unit: reportUnit(rows, total, sampleUnit), funcs, tree, keys, snapshot, sampleIndex, labels, base, baseError };
  }

  /** `go tool pprof -peek` for the top report's node named `name`; null when it is not in the report. */
  peek(q: ViewQuery, name: string): { top: TopResolved; peek: PeekReport } | null {
    const top = this.top(q, 'flat');
    const node = top.rows.find((r) => r.name === name);
    if (!node) return null;
    const key = [top.snapshot.id, top.sampleIndex, normalizeFilters(q.filters), q.granularity ?? 'functions', q.base ?? null];
    const calls = this.cache.get('calls', key, () => callsOf(top.tree, top.keys, this.session.frames));
    return { top, peek: peekReport(calls, top.keys, node) };
  }

  /** pprof's call graph, with the label boxes and the legend's filter lines. */
  graph(q: ViewQuery, options: GraphOptions): GraphResolved {
    const { current, tree, labels, base, baseError } = this.withBase(q);
    const { snapshot, sampleIndex, keys } = current;
    // A diff has no label boxes: its values are changes, not goroutines under labels.
    const tags = base ? null : labelTagsOf(this.session, snapshot, sampleIndex, keys, this.rewrite(q.filters));
    const graph = buildGraph(tree, keys, this.session.frames, options, tags);
    const drawn = drawGraph(graph, keys, q.granularity ?? 'functions', labels, sampleIndex, options, normalizeFilters(q.filters));
    return { drawn, snapshot, base, baseError };
  }

  /** The flame graph of a query's snapshot (its base ignored), grouped under `groupBy`'s label values when given. */
  flame(q: ViewQuery, groupBy: string | null): FlameEntry {
    const snapshot = this.session.get(q.snapshot);
    const key = [snapshot.id, shownSampleIndex(snapshot, q.sampleIndex), q.granularity ?? 'functions', normalizeFilters(q.filters), groupBy];
    return this.cache.get('flame', key, () => ({ flame: buildFlame(this, { ...q, base: undefined }, groupBy) }));
  }

  /** The wait state of every frame of a flame graph. */
  flameStates(entry: FlameEntry): FlameStates {
    return (entry.states ??= flameStates(this.session, entry.flame));
  }

  /** The session's distinct function names (what `-list` regexes are tested against). */
  functionNames(): string[] {
    return this.cache.get('functionNames', null, () => functionNames(this.session));
  }

  /** Per-line flat and cum of the functions `matches` accepts, like `go tool pprof -list`. */
  list(q: ViewQuery, matches: (name: string) => boolean, order?: RoutineOrder): ListResolved {
    const r = this.resolve(q);
    return { routines: listRoutines(this.session, r.tree, this.keysFor('lines'), matches, order), total: r.tree.total, sampleUnit: r.snapshot.sampleTypes[r.sampleIndex].unit };
  }

  /** The leak analysis of the series `req.anchor` belongs to; any anchor of the same series shares it. */
  leaks(req: LeakRequest): LeakAnalysis {
    const series = pickSeries(this.session, req.anchor).snapshots.map((s) => s.id);
    const filters = normalizeFilters(req.filters);
    const key = [series, req.grouping ?? 'stack', req.benign ?? null, filters, req.intervalMs ?? null];
    return this.cache.get('leaks', key, () => analyzeLeaks(this.session, { ...req, rewrite: this.rewrite(filters) }));
  }

  /** A text dump's goroutines bucketed by identical stack, on the stacks the filters leave. */
  goroutineDump(snapshot: Snapshot, filters?: Filters): GoroutineDump {
    const normalized = normalizeFilters(filters);
    return this.cache.get('dump', [snapshot.id, normalized], () => {
      const rewrite = this.rewrite(normalized);
      return bucketGoroutines(this.session, snapshot, stackNamesOf(this.session), rewrite ? new RefinedStacks(this.session, rewrite) : null);
    });
  }

  /** What a filter plan does to the query's snapshot, in steps a Worker can interleave with newer requests. */
  refineReport(q: ViewQuery, plan: RefinePlan): Generator<void, RefineReport> {
    const snapshot = this.session.get(q.snapshot);
    return reportSteps(this.session, snapshot.id, shownSampleIndex(snapshot, q.sampleIndex), plan);
  }

  remove(id: number): void {
    this.session.remove(id);
  }

  clear(): void {
    this.session.clear();
    this.cache.clear();
  }
}
