import type { QueryEngine } from '../core/engine/engine';
import { normalizeFilters, type FilterKey, type Filters } from '../core/options/filters';
import type { RefineReport } from '../core/query/refine';
import { RefineError } from '../core/query/refine-regex';
import { Superseded } from '../core/query/timed-match';
import { timedRegexRunner } from './regex-sandbox';

export type RefineOutcome =
  | { status: 'ok'; filters: Filters; report: RefineReport | null }
  | { status: 'error'; filter?: FilterKey; message: string }
  | { status: 'superseded' };

export interface PlanRefresher {
  /**
   * Renews, with the time limit, the filter plans that snapshots added since outgrew; loads wait for
   * it before the page hears of their snapshots. One renewal runs at a time.
   */
  refresh(): Promise<void>;
}

export function planRefresher(engine: QueryEngine): PlanRefresher {
  /** Its own runner, so renewing plans after a load and checking new filters never cancel each other. */
  const runner = timedRegexRunner();
  let refreshing = Promise.resolve();
  return {
    refresh() {
      const next = refreshing.then(() => engine.refiner.refresh(runner.run));
      refreshing = next.catch(() => {});
      return next;
    },
  };
}

const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function refineApi(engine: QueryEngine) {
  const runner = timedRegexRunner();
  /** Bumped by every request; work for an older one stops at its next step. */
  let generation = 0;

  return {
    /**
     * Checks and prepares filters before the views use them: regexes run in a throwaway Worker with a
     * time limit, then the snapshot is filtered in steps. A newer call supersedes this one.
     */
    async refine(raw: Filters, snapshotId: number | null, sampleIndex?: number): Promise<RefineOutcome> {
      const gen = ++generation;
      const filters = normalizeFilters(raw);
      try {
        const plan = await engine.refiner.prepare(filters, runner.run);
        if (gen !== generation) return { status: 'superseded' };
        const loaded = snapshotId !== null && engine.session.snapshots.some((s) => s.id === snapshotId);
        if (!plan || !loaded) return { status: 'ok', filters, report: null };
        const steps = engine.refineReport({ snapshot: snapshotId, sampleIndex }, plan);
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
}
