import type { QueryEngine } from '../src/core/engine/engine';
import { FILTER_KEYS, FILTER_OPTIONS, normalizeFilters, type Filters } from '../src/core/options/filters';
import { runToEnd, unmatchedMessage, type RefinePlan } from '../src/core/query/refine';
import { RefineError } from '../src/core/query/refine-regex';
import type { ViewQuery } from '../src/core/query/view-query';
import { visibleText } from '../src/core/report/visible';
import { optionValue, UsageError } from './args';

/** pprof's filter options. */
export const REFINE_OPTIONS = FILTER_KEYS.map((k) => FILTER_OPTIONS[k]);

export const REFINE_USAGE = '[--focus=RE] [--ignore=RE] [--hide=RE] [--show=RE] [--show_from=RE] [--tagfocus=KEY=RE] [--tagignore=KEY=RE]';

/** The filters the options ask for. */
export function filtersOf(opts: Record<string, string>): Filters {
  const raw: Filters = {};
  for (const k of FILTER_KEYS) raw[k] = optionValue(opts, FILTER_OPTIONS[k]);
  return normalizeFilters(raw);
}

/** The engine's plan for the filters (null: none); a bad regex is a usage error worded like pprof's. */
export function checkFilters(engine: QueryEngine, filters: Filters): RefinePlan | null {
  try {
    return engine.refiner.planFor(filters);
  } catch (e) {
    if (e instanceof RefineError) throw new UsageError(e.message);
    throw e;
  }
}

/** pprof's warning on stderr for each filter that matches nothing in the query's snapshot. */
export function warnUnmatched(engine: QueryEngine, q: ViewQuery): void {
  const plan = checkFilters(engine, q.filters ?? {});
  if (!plan) return;
  for (const k of runToEnd(engine.refineReport(q, plan)).unmatched) process.stderr.write(`parkview: warning: ${visibleText(unmatchedMessage(k))}\n`);
}
