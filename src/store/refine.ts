import { create } from 'zustand';
import type { FilterKey, Filters } from '../core/options/filters';
import type { RefineReport } from '../core/query/refine';

/** The refine bar's check of new filters and what the applied ones do (actions/refine.ts sets it). */
interface RefineState {
  /** A check of new filters is running in the Worker. */
  checking: boolean;
  /** Why the last filters asked for (`tried`) were not applied: a bad regexp, a regex too slow. */
  error: { filter?: FilterKey; message: string; tried: Filters } | null;
  /** What the applied filters do to the shown snapshot. */
  report: RefineReport | null;
}

export const useRefine = create<RefineState>(() => ({ checking: false, error: null, report: null }));
