import type { Granularity, NodeKeys } from '../core/query/granularity';
import { topReport, type TopRow } from '../core/query/top';
import type { ViewQuery } from '../core/query/view-query';
import { reportUnit } from '../core/format/units';
import { queries, session } from './state';

export interface TopEntry extends TopRow {
  /** Function the row belongs to (for `files`, the file): what selecting the row selects. */
  func: string;
}

export interface TopResult {
  rows: TopEntry[];
  total: number;
  /** Unit of the sample values (e.g. "count", "nanoseconds"). */
  sampleUnit: string;
  /** The one unit pprof prints every value of this report in. */
  unit: string;
}

const funcNames = new Map<Granularity, { frames: number; names: string[] }>();

/** The function name of each report node at a granularity (its label, for `functions` and `files`). */
function nodeFunctions(keys: NodeKeys, granularity: Granularity): string[] {
  if (granularity === 'functions' || granularity === 'files') return keys.name;
  const frames = session.frames.size;
  const cached = funcNames.get(granularity);
  if (cached && cached.frames === frames) return cached.names;
  const names = new Array<string>(keys.name.length);
  for (let f = 0; f < frames; f++) {
    const k = keys.ofFrame[f];
    if (names[k] === undefined) names[k] = session.funcName(f);
  }
  funcNames.set(granularity, { frames, names });
  return names;
}

export const topApi = {
  top(q: ViewQuery, sortBy: 'flat' | 'cum' = 'flat'): TopResult {
    const r = queries.resolve(q);
    const report = topReport(r.tree, r.keys, session.frames, sortBy);
    const funcs = nodeFunctions(r.keys, q.granularity ?? 'functions');
    const rows = report.rows.map((row) => ({ ...row, func: funcs[row.key] }));
    const sampleUnit = r.snapshot.sampleTypes[r.sampleIndex].unit;
    const unit = reportUnit(
      rows.map((x) => x.flat),
      rows.map((x) => x.cum),
      sampleUnit,
    );
    return { rows, total: report.total, sampleUnit, unit };
  },
};
