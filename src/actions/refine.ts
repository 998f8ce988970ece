import { normalizeFilters, type FilterKey, type Filters } from '../core/options/filters';
import { useRefine } from '../store/refine';
import { useSnapshots } from '../store/snapshots';
import { useView } from '../store/view';
import { worker } from '../worker/client';

function selection(): { snapshot: number | null; sampleIndex: number | undefined } {
  return { snapshot: useSnapshots.getState().selectedId, sampleIndex: useView.getState().sampleIndex ?? undefined };
}

let applying = 0;

/** The (filters, snapshot, sample type) the report was last asked for. */
let reportedFor = '';

function reportKey(filters: Filters): string {
  const { snapshot, sampleIndex } = selection();
  return JSON.stringify([normalizeFilters(filters), snapshot, sampleIndex]);
}

/**
 * Applies filters after the Worker has checked them (regexes run in a throwaway Worker with a time
 * limit), so a bad or catastrophic pattern never reaches the views. True when applied.
 */
export async function applyFilters(next: Filters): Promise<boolean> {
  const filters = normalizeFilters(next);
  const { snapshot, sampleIndex } = selection();
  applying++;
  useRefine.setState({ checking: true, error: null });
  try {
    const outcome = await worker.refine(filters, snapshot, sampleIndex);
    if (outcome.status === 'superseded') return false;
    if (outcome.status === 'error') {
      useRefine.setState({ error: { filter: outcome.filter, message: outcome.message, tried: filters } });
      return false;
    }
    useRefine.setState({ error: null, report: outcome.report });
    reportedFor = reportKey(outcome.filters);
    useView.getState().setFilters(outcome.filters);
    return true;
  } finally {
    if (--applying === 0) useRefine.setState({ checking: false });
  }
}

export function removeFilter(key: FilterKey): Promise<boolean> {
  const { [key]: _removed, ...rest } = useView.getState().filters;
  return applyFilters(rest);
}

export function dismissRefineError(): void {
  useRefine.setState({ error: null });
}

/** Keeps the report current when the snapshot, sample type or filters change by other means. */
export function watchRefineReport(): () => void {
  const refresh = () => {
    const filters = normalizeFilters(useView.getState().filters);
    const key = reportKey(filters);
    if (key === reportedFor) return;
    reportedFor = key;
    const { snapshot, sampleIndex } = selection();
    if (Object.keys(filters).length === 0 || snapshot === null) {
      useRefine.setState({ report: null });
      return;
    }
    void worker.refine(filters, snapshot, sampleIndex).then((outcome) => {
      if (outcome.status === 'ok') useRefine.setState({ report: outcome.report });
      // The filters in force fail on this snapshot (a regex too slow for names loaded since): no report.
      else if (outcome.status === 'error') useRefine.setState({ report: null, error: { filter: outcome.filter, message: outcome.message, tried: filters } });
    });
  };
  const unsubView = useView.subscribe(refresh);
  const unsubSnapshots = useSnapshots.subscribe(refresh);
  refresh();
  return () => {
    unsubView();
    unsubSnapshots();
  };
}
