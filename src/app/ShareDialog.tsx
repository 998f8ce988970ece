import { useEffect, useState } from 'react';
import { formatBytes } from '../core/units/bytes';
import { BUNDLE_EXTENSION, MAX_LINK_CHARS } from '../core/permalink';
import { selectedSnapshot, useSnapshots } from '../store/snapshots';
import { encodeAddress } from '../core/address/address';
import { worker } from '../worker/client';
import { Dialog } from '../ui/Dialog';
import { baseName } from '../core/report/snapshot-labels';
import { currentAddress } from '../actions/address/sync';
import './ShareDialog.css';

type Scope = 'shown' | 'all';

/** Where the app lives, without the query (`?demo`, a local server's token) that would load other data. */
function appAddress(): string {
  return `${location.origin}${location.pathname}`;
}

function useScopeIds(scope: Scope): number[] {
  const snapshots = useSnapshots((s) => s.snapshots);
  const selectedId = useSnapshots((s) => s.selectedId);
  const baseId = useSnapshots((s) => s.baseId);
  if (scope === 'all') return snapshots.map((s) => s.id);
  return snapshots.filter((s) => s.id === selectedId || s.id === baseId).map((s) => s.id);
}

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Builds a link whose hash carries the snapshots themselves (compressed) and the view; nothing is
 * uploaded. Past what browsers accept in an address, offers the same data as a `.parkview` file.
 */
export function ShareDialog() {
  const count = useSnapshots((s) => s.snapshots.length);
  const shown = useSnapshots(selectedSnapshot);
  const baseId = useSnapshots((s) => s.baseId);
  const [scope, setScope] = useState<Scope>(count > 1 ? 'all' : 'shown');
  const ids = useScopeIds(scope);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const idsKey = ids.join();
  useEffect(() => {
    let live = true;
    setLink(null);
    setError(null);
    setCopied(false);
    worker.sharePayload(ids).then(
      (payload) => live && setLink(`${appAddress()}#${encodeAddress({ ...currentAddress(ids), theme: undefined, payload })}`),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [idsKey]);
  const tooLong = link !== null && link.length > MAX_LINK_CHARS;
  const bundleName = `${scope === 'all' ? `parkview-${ids.length}-snapshots` : baseName(shown?.name ?? 'snapshot').replace(/\.(pb\.gz|txt\.gz|txt|pb)$/, '')}${BUNDLE_EXTENSION}`;
  const saveBundle = async () => {
    const view = encodeAddress({ ...currentAddress(ids), theme: undefined });
    download(await worker.shareBundle(ids, view), bundleName);
  };
  return (
    <Dialog title="Share this view" wide>
      <p className="hint">
        The link carries the profile data itself, compressed after the <code>#</code>, which browsers never send to a server: nothing is uploaded. Whoever opens it
        sees the same view, with the function names, files and labels of these snapshots.
      </p>
      <div className="share-scope" role="radiogroup" aria-label="Snapshots to include">
        <label>
          <input type="radio" name="scope" checked={scope === 'shown'} onChange={() => setScope('shown')} />
          The shown snapshot{baseId !== null ? ' and its diff base' : ''} <span className="share-scope-detail">{shown ? baseName(shown.name) : ''}</span>
        </label>
        {count > 1 && (
          <label>
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            All {count} snapshots <span className="share-scope-detail">the whole series, for the timeline and diffs</span>
          </label>
        )}
      </div>
      {error && (
        <p className="share-error" role="alert">
          {error}
        </p>
      )}
      <div className="share-link">
        <input className="url-box" readOnly aria-label="Link" value={link === null ? 'Compressing…' : tooLong ? `${link.slice(0, 200)}…` : link} onFocus={(e) => e.target.select()} />
      </div>
      <div className="share-size" data-testid="share-size">
        {link === null ? '' : `Link size: ${formatBytes(link.length)} for ${ids.length} snapshot${ids.length === 1 ? '' : 's'}`}
      </div>
      {tooLong && (
        <div className="share-too-long" role="status">
          This link is {formatBytes(link.length)}, more than the about {formatBytes(MAX_LINK_CHARS)} browsers accept in an address (Chromium's limit), so it would not
          open. Download the snapshots as a single <code>{BUNDLE_EXTENSION}</code> file instead and send that: dropping it on Parkview opens the same view.
        </div>
      )}
      <div className="dialog-actions">
        <button className="button" disabled={link === null} onClick={() => void saveBundle()} title={`Everything in one ${BUNDLE_EXTENSION} file; Parkview opens it when dropped`}>
          Download {BUNDLE_EXTENSION}
        </button>
        <button
          className="button primary"
          disabled={link === null || tooLong}
          onClick={() => {
            if (!link) return;
            void navigator.clipboard.writeText(link).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </Dialog>
  );
}
