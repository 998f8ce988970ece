import { useMemo } from 'react';
import type { Filters } from '../core/options/filters';
import type { Granularity } from '../core/options/table';
import type { ViewQuery } from '../core/query/view-query';
import { useSnapshots } from './snapshots';
import { useView } from './view';

function viewQuery(snapshot: number | null, base: number | null, sampleIndex: number | null, granularity: Granularity, filters: Filters): ViewQuery | null {
  return snapshot === null ? null : { snapshot, base: base ?? undefined, sampleIndex: sampleIndex ?? undefined, granularity, filters };
}

/** The query every view sends to the Worker for the current selection, or null with nothing loaded. */
export function useViewQuery(): ViewQuery | null {
  const snapshot = useSnapshots((s) => s.selectedId);
  const base = useSnapshots((s) => s.baseId);
  const sampleIndex = useView((s) => s.sampleIndex);
  const granularity = useView((s) => s.granularity);
  const filters = useView((s) => s.filters);
  return useMemo(() => viewQuery(snapshot, base, sampleIndex, granularity, filters), [snapshot, base, sampleIndex, granularity, filters]);
}

/** The same query read outside React, e.g. to start a view's work as soon as its code has loaded. */
export function currentViewQuery(): ViewQuery | null {
  const { selectedId, baseId } = useSnapshots.getState();
  const { sampleIndex, granularity, filters } = useView.getState();
  return viewQuery(selectedId, baseId, sampleIndex, granularity, filters);
}
