import { Suspense, useEffect } from 'react';
import { selectedSnapshot, useSnapshots } from '../store/snapshots';
import { useView } from '../store/view';
import { VIEWS } from '../views/registry';
import { EmptyState } from './EmptyState';
import { FileInputs } from './FileInputs';
import { baseName } from '../core/report/snapshot-labels';
import { Header } from './Header';
import { useFileDrop, usePasteAnywhere, useStartupLoads } from '../actions/page-input';
import { PasteDialog } from './PasteDialog';
import { useGlobalShortcuts } from './shortcuts';
import { ShareDialog } from './ShareDialog';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { SnapshotList } from './SnapshotList';
import { StatusBar } from './StatusBar';
import { useThemeOnDocument } from '../ui/theme';
import { useUi } from '../store/ui';
import { UrlDialog } from './UrlDialog';
import { usePageAddress } from './use-page-address';

function useDocumentTitle(): void {
  const current = useSnapshots(selectedSnapshot);
  useEffect(() => {
    document.title = current ? `${baseName(current.name)} · Parkview` : 'Parkview';
  }, [current]);
}

function ActiveView() {
  const view = useView((s) => s.view);
  const active = VIEWS.find((v) => v.id === view) ?? VIEWS[0];
  const View = active.component;
  return (
    <main className="main" aria-label={active.label}>
      <Suspense fallback={<div className="view-loading">Loading…</div>}>
        <View />
      </Suspense>
    </main>
  );
}

function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  if (dialog === 'paste') return <PasteDialog />;
  if (dialog === 'url') return <UrlDialog />;
  if (dialog === 'shortcuts') return <ShortcutsOverlay />;
  if (dialog === 'share') return <ShareDialog />;
  return null;
}

export function App() {
  useThemeOnDocument();
  useGlobalShortcuts();
  usePasteAnywhere();
  useStartupLoads();
  usePageAddress();
  useDocumentTitle();
  const dragging = useFileDrop();
  const hasSnapshots = useSnapshots((s) => s.snapshots.length > 0);
  return (
    <div className="app">
      <Header hasSnapshots={hasSnapshots} />
      <div className="body">
        {hasSnapshots ? (
          <>
            <SnapshotList />
            <ActiveView />
          </>
        ) : (
          <EmptyState />
        )}
      </div>
      {hasSnapshots && <StatusBar />}
      <FileInputs />
      <Dialogs />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div>Drop profiles or folders to add them</div>
        </div>
      )}
    </div>
  );
}
