import { selectedSnapshot, useSnapshots } from '../store/snapshots';
import { useView } from '../store/view';
import { dateTime, FORMAT_LABEL, totalLabel } from './format';

/** Facts about the selected snapshot, at the bottom of the page. */
export function StatusBar() {
  const current = useSnapshots(selectedSnapshot);
  const count = useSnapshots((s) => s.snapshots.length);
  const sampleIndex = useView((s) => s.sampleIndex);
  if (!current) return <footer className="statusbar" />;
  const index = sampleIndex !== null && sampleIndex < current.sampleTypes.length ? sampleIndex : current.defaultSampleType;
  const type = current.sampleTypes[index];
  return (
    <footer className="statusbar" aria-label="Selected snapshot">
      <span className="status-item status-type" title="Profile type">
        {current.kind}
      </span>
      <span className="status-item" title="Total of the selected sample type">
        Total <strong>{totalLabel(current, index, true)}</strong>
      </span>
      {type && (
        <span className="status-item" title="Sample type shown">
          {type.type}/{type.unit}
        </span>
      )}
      <span className="status-item" title="Distinct stacks (with their labels)">
        {current.groupCount.toLocaleString('en-US')} stacks
      </span>
      <span className="status-item">{FORMAT_LABEL[current.format]}</span>
      <span className="status-item">{dateTime(current.timeMs)}</span>
      {current.warnings.map((w) => (
        <span key={w} className="status-item status-warning" title={w}>
          ⚠ {w}
        </span>
      ))}
      <span className="status-spacer" />
      <span className="status-item">{count === 1 ? '1 snapshot' : `${count} snapshots`}</span>
      <span className="status-item">
        <kbd>?</kbd> shortcuts
      </span>
    </footer>
  );
}
