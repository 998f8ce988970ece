import type { QueryEngine } from '../core/engine/engine';
import { listRegex, type RoutineOrder, type SourceRoutine } from '../core/query/source/list';
import { TimedNameMatcher } from '../core/query/timed-match';
import type { ViewQuery } from '../core/query/view-query';
import { timedRegexRunner } from './regex-sandbox';

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

export function sourceApi(engine: QueryEngine) {
  /** `-list` regexes run here, so a catastrophic one costs a throwaway Worker and not this one. */
  const listMatcher = new TimedNameMatcher(timedRegexRunner());

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
    const list = engine.functionNames();
    const match = await listMatcher.match(list, regex);
    const matched = new Set<string>();
    for (let i = 0; i < list.length; i++) if (match[i]) matched.add(list[i]);
    return (name) => matched.has(name);
  }

  return {
    /** Per-line flat and cum of the requested functions, under the query's snapshot, sample type and filters. */
    async sourceList(q: ViewQuery, req: SourceRequest): Promise<SourceListResult> {
      const { routines, total, sampleUnit } = engine.list(q, await matcher(req), req.order ?? 'cum');
      return { routines: routines.slice(0, MAX_ROUTINES), omitted: Math.max(0, routines.length - MAX_ROUTINES), total, sampleUnit };
    },
  };
}
