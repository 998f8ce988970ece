import { selectedSnapshot, useSnapshots } from '../../store/snapshots';
import { cancelGraph } from './use-graph';

/** The graph being built and laid out, which snapshot it is of, and a way to stop it. */
export function LayoutProgress() {
  const name = useSnapshots(selectedSnapshot)?.name;
  return (
    <div className="task graph-progress" role="status" aria-live="polite">
      <div className="task-line">
        <span className="spinner" aria-hidden="true" />
        <span className="task-label">Laying out the call graph{name ? ` of ${name}` : ''}</span>
        <button className="button small" onClick={cancelGraph}>
          Cancel
        </button>
      </div>
    </div>
  );
}
