import { openingView } from '../core/model/opening';
import { useLeaks } from '../store/leaks';
import { useSnapshots } from '../store/snapshots';
import { useView } from '../store/view';

/**
 * Until the user (or the address) picks a view, a load opens the one that answers first: Leaks with
 * its top suspect selected for a series of goroutine snapshots, the flame graph for a single profile.
 */
export function openOnTheAnswer(): void {
  const view = useView.getState();
  if (view.viewChosen) return;
  const next = openingView(useSnapshots.getState().snapshots);
  if (next === 'leaks' && useLeaks.getState().selectedKey === null) useLeaks.getState().selectTopSuspect();
  view.openView(next);
}
