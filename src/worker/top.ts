import { transfer } from 'comlink';
import type { BaseInfo, QueryEngine } from '../core/engine/engine';
import type { PeekCall } from '../core/query/peek';
import type { TopRow } from '../core/query/top';
import type { ViewQuery } from '../core/query/view-query';

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

export function topApi(engine: QueryEngine) {
  const units = ({ total, sampleUnit, unit, base, baseError }: TopUnits): TopUnits => ({ total, sampleUnit, unit, base, baseError });

  return {
    /** pprof's Top rows of the shown snapshot alone (never a diff), sorted by flat or cum like `go tool pprof -top [-cum]`. */
    top(q: ViewQuery, sortBy: 'flat' | 'cum' = 'flat'): TopResult {
      const r = engine.top({ ...q, base: undefined }, sortBy);
      return { ...units(r), rows: r.rows.map((row) => ({ ...row, func: r.funcs[row.key] })) };
    },

    /** The Top view's table, in pprof's flat order: changes from the query's base when it has one (pprof -diff_base). */
    topColumns(q: ViewQuery): TopColumns {
      const r = engine.top(q, 'flat');
      const cols: TopColumns = {
        ...units(r),
        name: r.rows.map((row) => row.name),
        func: r.rows.map((row) => r.funcs[row.key]),
        flat: Float64Array.from(r.rows, (row) => row.flat),
        cum: Float64Array.from(r.rows, (row) => row.cum),
        inline: r.rows.map((row) => row.inline),
      };
      return transfer(cols, [cols.flat.buffer, cols.cum.buffer]);
    },

    /** `go tool pprof -peek` for the report node named `name`: its callers and callees; null when it is not in the report. */
    peek(q: ViewQuery, name: string): PeekResult | null {
      const found = engine.peek(q, name);
      if (!found) return null;
      const { peek, top } = found;
      const funcs = top.funcs;
      const entry = (c: PeekCall): PeekEntry => ({ ...c, func: funcs[c.key] });
      return { name, func: funcs[peek.node.key], flat: peek.node.flat, cum: peek.node.cum, callers: peek.callers.map(entry), callees: peek.callees.map(entry) };
    },
  };
}
