import { useEffect, useMemo, useRef } from 'react';
import type { SnapshotInfo } from '../core/model/snapshot';
import { useSnapshots } from '../store/snapshots';
import { baseName, clockTime, dateTime, FORMAT_LABEL, numberedTail, totalLabel } from '../core/report/snapshot-labels';
import { ClearAllButton } from './ClearAllButton';
import { CloseIcon } from '../ui/icons';
import { LoadActivity } from './LoadActivity';
import { removeSnapshot } from '../actions/loading';
import { MiddleEllipsis } from '../ui/MiddleEllipsis';
import { OpenButtons } from './OpenButtons';

/** Largest default-type total per kind, so each snapshot's bar compares it with its own series. */
function maxTotals(snapshots: SnapshotInfo[]): Map<string, number> {
  const max = new Map<string, number>();
  for (const s of snapshots) max.set(s.kind, Math.max(max.get(s.kind) ?? 0, s.totals[s.defaultSampleType]));
  return max;
}

/** When it was captured; a file's date is not a capture time, but it is what orders files nothing else orders. */
function captureText(s: SnapshotInfo): string {
  if (s.timeMs !== null) return `captured ${dateTime(s.timeMs)}`;
  return s.fileTimeMs !== null ? `capture time unknown (file dated ${dateTime(s.fileTimeMs)})` : 'capture time unknown';
}

function SnapshotItem({ s, selected, max }: { s: SnapshotInfo; selected: boolean; max: number }) {
  const select = useSnapshots((st) => st.select);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const total = s.totals[s.defaultSampleType];
  return (
    <li ref={ref} role="option" aria-selected={selected} className={selected ? 'snapshot selected' : 'snapshot'} onClick={() => select(s.id)}>
      <div className="snapshot-line">
        <span className="snapshot-name" title={`${s.name}\n${FORMAT_LABEL[s.format]}, ${captureText(s)}`}>
          <MiddleEllipsis text={baseName(s.name)} tail={numberedTail(baseName(s.name))} />
        </span>
        {s.warnings.length > 0 && (
          <span className="snapshot-warning" title={s.warnings.join('\n')}>
            ⚠
          </span>
        )}
        <button
          className="icon remove"
          title="Remove this snapshot"
          aria-label={`Remove ${s.name}`}
          onClick={(e) => {
            e.stopPropagation();
            void removeSnapshot(s.id);
          }}
        >
          <CloseIcon />
        </button>
      </div>
      <div className="snapshot-meta">
        <span className="snapshot-time">{clockTime(s.timeMs)}</span>
        <span className="badge">{s.kind}</span>
        <span className="snapshot-total">{totalLabel(s)}</span>
      </div>
      <div className="snapshot-bar" aria-hidden="true">
        <div style={{ width: `${max > 0 ? (100 * total) / max : 0}%` }} />
      </div>
    </li>
  );
}

/** The sidebar: ways to add more, loads in progress, errors, and the loaded snapshots by capture time. */
export function SnapshotList() {
  const snapshots = useSnapshots((s) => s.snapshots);
  const selectedId = useSnapshots((s) => s.selectedId);
  const max = useMemo(() => maxTotals(snapshots), [snapshots]);
  return (
    <aside className="sidebar" aria-label="Snapshots">
      <div className="sidebar-head">
        <h2>
          Snapshots <span className="count">{snapshots.length}</span>
        </h2>
        <ClearAllButton count={snapshots.length} />
      </div>
      <OpenButtons />
      <LoadActivity />
      <ul className="snapshot-list" role="listbox" aria-label="Loaded snapshots">
        {snapshots.map((s) => (
          <SnapshotItem key={s.id} s={s} selected={s.id === selectedId} max={max.get(s.kind) ?? 0} />
        ))}
      </ul>
    </aside>
  );
}
