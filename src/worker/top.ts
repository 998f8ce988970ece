import { topReport, type TopRow } from '../core/query/top';
import type { ViewQuery } from '../core/query/view-query';
import { queries, session } from './state';

export interface TopResult {
  rows: TopRow[];
  total: number;
  sampleUnit: string;
}

export const topApi = {
  top(q: ViewQuery, sortBy: 'flat' | 'cum' = 'flat'): TopResult {
    const r = queries.resolve(q);
    const report = topReport(r.tree, r.keys, session.frames, sortBy);
    return { rows: report.rows, total: report.total, sampleUnit: r.snapshot.sampleTypes[r.sampleIndex].unit };
  },
};
