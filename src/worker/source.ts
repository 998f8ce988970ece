import { functionNames, listRegex, listRoutines, type RoutineOrder, type SourceRoutine } from '../core/query/source/list';
import type { ViewQuery } from '../core/query/view-query';
import { TimedNameMatcher, timedRegexRunner } from './refine-runner';
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

/** `-list` regexes run here, so a catastrophic one costs a throwaway Worker and not this one. */
const listMatcher = new TimedNameMatcher(timedRegexRunner());

/** The session's distinct function names, rebuilt when it has gained functions. */
let names: { count: number; list: string[] } | null = null;

function sessionNames(): string[] {
  if (names?.count !== session.functions.size) names = { count: session.functions.size, list: functionNames(session) };
  return names.list;
}

/**
 * The name test of a request. A regex is tested once per distinct function name in the
 * time-limited regex Worker; one that takes too long rejects with "regex took too long …".
 */
async function matcher(req: SourceRequest): Promise<(name: string) => boolean> {
  if (req.func !== undefined) {
    const wanted = req.func;
    return (name) => name === wanted;
  }
  const regex = listRegex(req.regex ?? '');
  const list = sessionNames();
  const match = await listMatcher.match(list, regex);
  const matched = new Set<string>();
  for (let i = 0; i < list.length; i++) if (match[i]) matched.add(list[i]);
  return (name) => matched.has(name);
}

export const sourceApi = {
  /** Per-line flat and cum of the requested functions, under the query's snapshot, sample type and filters. */
  async sourceList(q: ViewQuery, req: SourceRequest): Promise<SourceListResult> {
    const matches = await matcher(req);
    const r = queries.resolve(q);
    const all = listRoutines(session, r.tree, queries.keysFor('lines'), matches, req.order ?? 'cum');
    return {
      routines: all.slice(0, MAX_ROUTINES),
      omitted: Math.max(0, all.length - MAX_ROUTINES),
      total: r.tree.total,
      sampleUnit: r.snapshot.sampleTypes[r.sampleIndex].unit,
    };
  },
};
