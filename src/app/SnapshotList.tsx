import { useSnapshots } from '../store/snapshots';
import { worker } from '../worker/client';

export function SnapshotList() {
  const { snapshots, errors, selectedId, select, removed, dismissError } = useSnapshots();
  return (
    <aside className="sidebar">
      <h2>Snapshots ({snapshots.length})</h2>
      <ul className="snapshot-list">
        {snapshots.map((s) => (
          <li key={s.id} className={s.id === selectedId ? 'selected' : ''} onClick={() => select(s.id)}>
            <span className="snapshot-name">{s.name}</span>
            <span className="snapshot-total">{s.totals[s.defaultSampleType].toLocaleString('en-US')}</span>
            <button
              className="icon"
              title="Remove"
              onClick={(e) => {
                e.stopPropagation();
                worker.remove(s.id).then(() => removed(s.id));
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {errors.map((e) => (
        <div key={e.name} className="load-error" role="alert">
          <span>{e.message}</span>
          <button className="icon" title="Dismiss" onClick={() => dismissError(e.name)}>
            ×
          </button>
        </div>
      ))}
    </aside>
  );
}
