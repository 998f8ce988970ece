import { normalizeFilters, type FilterKey, type Filters } from '../core/options/filters';
import { Refiner, reportSteps, type RefineReport } from '../core/query/refine';
import { RefineError } from '../core/query/refine-regex';
import { setRewriteFactory } from '../core/query/view-query';
import { Superseded, timedRegexRunner } from './refine-runner';
import { session } from './state';

const refiner = new Refiner(session, 'checked-only');
setRewriteFactory((_session, filters) => refiner.rewrite(filters));

const runner = timedRegexRunner();
/** Its own runner, so renewing plans after a load and checking new filters never cancel each other. */
const refreshRunner = timedRegexRunner();
let refreshing = Promise.resolve();

/**
 * Renews, with the time limit, the filter plans that snapshots added since outgrew; loads wait for
 * it before the page hears of their snapshots. One renewal runs at a time.
 */
export function refreshPlans(): Promise<void> {
  const next = refreshing.then(() => refiner.refresh(refreshRunner.run));
  refreshing = next.catch(() => {});
  return next;
}

export type RefineOutcome =
  | { status: 'ok'; filters: Filters; report: RefineReport | null }
  | { status: 'error'; filter?: FilterKey; message: string }
  | { status: 'superseded' };

/** Bumped by every request; work for an older one stops at its next step. */
let generation = 0;

const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const refineApi = {
  /**
   * Checks and prepares filters before the views use them: regexes run in a throwaway Worker with a
   * time limit, then the snapshot is filtered in steps. A newer call supersedes this one.
   */
  async refine(raw: Filters, snapshotId: number | null, sampleIndex?: number): Promise<RefineOutcome> {
    const gen = ++generation;
    const filters = normalizeFilters(raw);
    try {
      const plan = await refiner.prepare(filters, runner.run);
      if (gen !== generation) return { status: 'superseded' };
      const snapshot = snapshotId === null ? undefined : session.snapshots.find((s) => s.id === snapshotId);
      if (!plan || !snapshot) return { status: 'ok', filters, report: null };
      const si = sampleIndex !== undefined && sampleIndex < snapshot.sampleTypes.length ? sampleIndex : snapshot.defaultSampleType;
      const steps = reportSteps(session, snapshot.id, si, plan);
      for (;;) {
        const step = steps.next();
        if (step.done) return { status: 'ok', filters, report: step.value };
        await yieldToQueue();
        if (gen !== generation) return { status: 'superseded' };
      }
    } catch (e) {
      if (e instanceof Superseded) return { status: 'superseded' };
      if (e instanceof RefineError) return { status: 'error', filter: e.filter, message: e.message };
      throw e;
    }
  },
};
