import type { Session } from '../src/core/model/session';
import type { Snapshot } from '../src/core/model/snapshot';
import type { StackRewrite } from '../src/core/query/call-tree';
import { FILTER_KEYS, FILTER_OPTIONS, normalizeFilters, type Filters } from '../src/core/options/filters';
import { planRewrite, Refiner, reportSteps, runToEnd, unmatchedMessage } from '../src/core/query/refine';
import { RefineError } from '../src/core/query/refine-regex';
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

/**
 * The stack rewrite of the filters (undefined: none), with pprof's warning on stderr for each that
 * matches nothing in `snapshot`. A bad regex is a usage error worded like pprof's.
 */
export function rewriteOf(session: Session, filters: Filters, snapshot?: Snapshot, sampleIndex = 0): StackRewrite | undefined {
  let plan;
  try {
    plan = new Refiner(session).planFor(filters);
  } catch (e) {
    if (e instanceof RefineError) throw new UsageError(e.message);
    throw e;
  }
  if (!plan) return undefined;
  if (snapshot) {
    const report = runToEnd(reportSteps(session, snapshot.id, sampleIndex, plan));
    for (const k of report.unmatched) process.stderr.write(`parkview: warning: ${visibleText(unmatchedMessage(k))}\n`);
  }
  return planRewrite(plan);
}
