import { Suspense, useEffect } from 'react';
import { selectedSnapshot, useSnapshots } from '../store/snapshots';
import { useView } from '../store/view';
import { VIEWS } from '../views/registry';
import { loadDemo, loadFiles } from './loading';
import { SnapshotList } from './SnapshotList';

export function App() {
  const snapshots = useSnapshots((s) => s.snapshots);
  const current = useSnapshots(selectedSnapshot);
  const view = useView((s) => s.view);
  const setView = useView((s) => s.setView);
  useEffect(() => {
    if (new URLSearchParams(location.search).has('demo')) void loadDemo();
  }, []);
  useEffect(() => {
    document.title = current ? `${current.name} · Parkview` : 'Parkview';
  }, [current]);
  const active = VIEWS.find((v) => v.id === view) ?? VIEWS[0];
  const View = active.component;
  return (
    <div
      className="app"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void loadFiles([...e.dataTransfer.files]);
      }}
    >
      <header className="topbar">
        <span className="brand">Parkview</span>
        <nav className="tabs">
          {VIEWS.map((v) => (
            <button key={v.id} className={v.id === active.id ? 'active' : ''} onClick={() => setView(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
      </header>
      <div className="body">
        <SnapshotList />
        <main className="main">
          {snapshots.length === 0 ? (
            <div className="empty">Drop goroutine profiles here</div>
          ) : (
            <Suspense fallback={null}>
              <View />
            </Suspense>
          )}
        </main>
      </div>
    </div>
  );
}
