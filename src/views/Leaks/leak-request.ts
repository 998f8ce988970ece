import { useMemo } from 'react';
import { parseDuration } from '../../core/units/duration';
import { useLeaks } from '../../store/leaks';
import { useSnapshots } from '../../store/snapshots';
import { useView } from '../../store/view';
import type { LeakRequest } from '../../worker/leaks';

/** The leak query for the current selection: the selected snapshot picks the series, the refine filters choose the goroutines. */
export function useLeakRequest(): LeakRequest | null {
  const anchor = useSnapshots((s) => s.selectedId);
  const loaded = useSnapshots((s) => s.snapshots.map((x) => x.id).join());
  const grouping = useLeaks((s) => s.grouping);
  const benign = useLeaks((s) => s.benign);
  const filters = useView((s) => s.filters);
  const intervalMs = useLeaks((s) => parseDuration(s.interval));
  // `loaded` is in the dependencies so that adding or removing snapshots asks again.
  return useMemo(() => (loaded === '' ? null : { anchor, grouping, benign, filters, intervalMs }), [anchor, loaded, grouping, benign, filters, intervalMs]);
}
