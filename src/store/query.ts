import { useMemo } from 'react';
import type { ViewQuery } from '../core/query/view-query';
import { useSnapshots } from './snapshots';
import { useView } from './view';

/** The query every view sends to the Worker for the current selection, or null with nothing loaded. */
export function useViewQuery(): ViewQuery | null {
  const snapshot = useSnapshots((s) => s.selectedId);
  const base = useSnapshots((s) => s.baseId);
  const sampleIndex = useView((s) => s.sampleIndex);
  const granularity = useView((s) => s.granularity);
  const filters = useView((s) => s.filters);
  return useMemo(
    () =>
      snapshot === null
        ? null
        : { snapshot, base: base ?? undefined, sampleIndex: sampleIndex ?? undefined, granularity, filters },
    [snapshot, base, sampleIndex, granularity, filters],
  );
}
