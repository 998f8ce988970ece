import { transfer } from 'comlink';
import { nodeFunctions, type Granularity, type NodeKeys } from '../core/query/granularity';
import { topReport, type TopRow } from '../core/query/top';
import type { ViewQuery } from '../core/query/view-query';
import { reportUnit } from '../core/format/units';
import { queries, session } from './state';

export interface TopEntry extends TopRow {
  /** Function the row belongs to (for `files`, the file): what selecting the row selects. */
  func: string;
}

interface TopUnits {
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

function report(q: ViewQuery, sortBy: 'flat' | 'cum'): TopUnits & { rows: TopRow[]; funcs: string[] } {
  const r = queries.resolve(q);
  const { rows, total } = topReport(r.tree, r.keys, session.frames, sortBy);
  const sampleUnit = r.snapshot.sampleTypes[r.sampleIndex].unit;
  const unit = reportUnit(rows, total, sampleUnit);
  return { rows, funcs: cachedNodeFunctions(r.keys, q.granularity ?? 'functions'), total, sampleUnit, unit };
}

export const topApi = {
  /** pprof's Top rows, sorted by flat or cum like `go tool pprof -top [-cum]`. */
  top(q: ViewQuery, sortBy: 'flat' | 'cum' = 'flat'): TopResult {
    const { rows, funcs, ...units } = report(q, sortBy);
    return { ...units, rows: rows.map((row) => ({ ...row, func: funcs[row.key] })) };
  },

  /** The Top view's table, in pprof's flat order. */
  topColumns(q: ViewQuery): TopColumns {
    const { rows, funcs, ...units } = report(q, 'flat');
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
};
