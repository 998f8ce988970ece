import { listRoutines, nameMatcher, type RoutineOrder, type SourceRoutine } from '../core/query/source/list';
import type { ViewQuery } from '../core/query/view-query';
import { queries, session } from './state';

/** Which functions to list: one by its exact name, or every one a Go-syntax regex matches (as `-list`). */
export interface SourceRequest {
  func?: string;
  regex?: string;
  order?: RoutineOrder;
}

export interface SourceListResult {
  routines: SourceRoutine[];
  /** Routines that matched beyond the ones returned. */
  omitted: number;
  total: number;
  sampleUnit: string;
}

/** More routines than anyone reads; a regex like `.` on a large profile matches thousands. */
const MAX_ROUTINES = 200;

function matcher(req: SourceRequest): (name: string) => boolean {
  if (req.func !== undefined) {
    const wanted = req.func;
    return (name) => name === wanted;
  }
  return nameMatcher(req.regex ?? '');
}

export const sourceApi = {
  /** Per-line flat and cum of the requested functions, under the query's snapshot, sample type and filters. */
  sourceList(q: ViewQuery, req: SourceRequest): SourceListResult {
    const r = queries.resolve(q);
    const all = listRoutines(session, r.tree, queries.keysFor('lines'), matcher(req), req.order ?? 'cum');
    return {
      routines: all.slice(0, MAX_ROUTINES),
      omitted: Math.max(0, all.length - MAX_ROUTINES),
      total: r.tree.total,
      sampleUnit: r.snapshot.sampleTypes[r.sampleIndex].unit,
    };
  },
};
