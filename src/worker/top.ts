import { transfer } from 'comlink';
import type { Granularity } from '../core/options/table';
import { nodeFunctions, type NodeKeys } from '../core/query/granularity';
import type { CallTree } from '../core/query/call-tree';
import { callsOf, peekReport, type PeekCall } from '../core/query/peek';
import type { KeyEdge } from '../core/query/graph/edges';
import { topReport, type TopRow } from '../core/query/top';
import type { ViewQuery } from '../core/query/view-query';
import { reportUnit } from '../core/units/scale';
import { resolveWithBase, type BaseInfo } from './diff-base';
import { session } from './state';

export interface TopEntry extends TopRow {
  /** Function the row belongs to (for `files`, the file): what selecting the row selects. */
  func: string;
}

interface TopUnits extends BaseInfo {
  total: number;
  /** Unit of the sample values (e.g. "count", "nanoseconds"). */
  sampleUnit: string;
  /** The one unit pprof prints every value of this report in. */
  unit: string;
}

export interface TopResult extends TopUnits {
  rows: TopEntry[];
}

/**
 * The same report column by column, for tables of tens of thousands of rows: typed arrays and
 * string lists cross to the page about ten times faster than one object per row.
 */
export interface TopColumns extends TopUnits {
  name: string[];
  func: string[];
  flat: Float64Array;
  cum: Float64Array;
  inline: TopRow['inline'][];
}

const funcNames = new Map<Granularity, { frames: number; names: string[] }>();

/** nodeFunctions, kept per granularity until new frames arrive. */
function cachedNodeFunctions(keys: NodeKeys, granularity: Granularity): string[] {
  const cached = funcNames.get(granularity);
  if (cached && cached.frames === session.frames.size) return cached.names;
  const names = nodeFunctions(session, keys, granularity);
  funcNames.set(granularity, { frames: session.frames.size, names });
  return names;
}

interface Report {
  units: TopUnits;
  rows: TopRow[];
  /** Per report key, its function (see TopEntry.func). */
  funcs: string[];
  tree: CallTree;
  keys: NodeKeys;
}

function report(q: ViewQuery, sortBy: 'flat' | 'cum'): Report {
  const { current, tree, base, baseError } = resolveWithBase(q);
  const { rows, total } = topReport(tree, current.keys, session.frames, sortBy);
  const sampleUnit = current.snapshot.sampleTypes[current.sampleIndex].unit;
  const unit = reportUnit(rows, total, sampleUnit);
  return { units: { total, sampleUnit, unit, base, baseError }, rows, funcs: cachedNodeFunctions(current.keys, q.granularity ?? 'functions'), tree, keys: current.keys };
}

/** callsOf per tree and granularity: clicking row after row peeks without walking the tree again. */
const callsCache = new WeakMap<CallTree, Map<NodeKeys, KeyEdge[]>>();

function cachedCallsOf(tree: CallTree, keys: NodeKeys): KeyEdge[] {
  let byKeys = callsCache.get(tree);
  if (!byKeys) callsCache.set(tree, (byKeys = new Map()));
  let calls = byKeys.get(keys);
  if (!calls) byKeys.set(keys, (calls = callsOf(tree, keys, session.frames)));
  return calls;
}

/** A caller or callee in the Peek panel, with the function selecting it selects. */
export interface PeekEntry extends PeekCall {
  func: string;
}

export interface PeekResult {
  name: string;
  func: string;
  flat: number;
  cum: number;
  callers: PeekEntry[];
  callees: PeekEntry[];
}

export const topApi = {
  /** pprof's Top rows of the shown snapshot alone (never a diff), sorted by flat or cum like `go tool pprof -top [-cum]`. */
  top(q: ViewQuery, sortBy: 'flat' | 'cum' = 'flat'): TopResult {
    const { units, rows, funcs } = report({ ...q, base: undefined }, sortBy);
    return { ...units, rows: rows.map((row) => ({ ...row, func: funcs[row.key] })) };
  },

  /** The Top view's table, in pprof's flat order: changes from the query's base when it has one (pprof -diff_base). */
  topColumns(q: ViewQuery): TopColumns {
    const { units, rows, funcs } = report(q, 'flat');
    const cols: TopColumns = {
      ...units,
      name: rows.map((r) => r.name),
      func: rows.map((r) => funcs[r.key]),
      flat: Float64Array.from(rows, (r) => r.flat),
      cum: Float64Array.from(rows, (r) => r.cum),
      inline: rows.map((r) => r.inline),
    };
    return transfer(cols, [cols.flat.buffer, cols.cum.buffer]);
  },

  /** `go tool pprof -peek` for the report node named `name`: its callers and callees; null when it is not in the report. */
  peek(q: ViewQuery, name: string): PeekResult | null {
    const { rows, funcs, tree, keys } = report(q, 'flat');
    const node = rows.find((r) => r.name === name);
    if (!node) return null;
    const peek = peekReport(cachedCallsOf(tree, keys), keys, node);
    const entry = (c: PeekCall): PeekEntry => ({ ...c, func: funcs[c.key] });
    return { name, func: funcs[peek.node.key], flat: peek.node.flat, cum: peek.node.cum, callers: peek.callers.map(entry), callees: peek.callees.map(entry) };
  },
};
