import { useSnapshots } from '../store/snapshots';
import { dateTime, FORMAT_LABEL, totalLabel } from '../core/report/snapshot-labels';
import { useShownSample } from '../ui/use-shown-sample';
import { useUi } from '../store/ui';

/** Facts about the selected snapshot, at the bottom of the page. */
export function StatusBar() {
  const shown = useShownSample();
  const count = useSnapshots((s) => s.snapshots.length);
  const open = useUi((s) => s.open);
  if (!shown) return <footer className="statusbar" />;
  const { snapshot: current, index, type } = shown;
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
      <span className="status-item status-format">{FORMAT_LABEL[current.format]}</span>
      <span className="status-item">{dateTime(current.timeMs)}</span>
      {current.warnings.map((w) => (
        <span key={w} className="status-item status-warning" title={w}>
          ⚠ {w}
        </span>
      ))}
      <span className="status-spacer" />
      <span className="status-item status-end">{count === 1 ? '1 snapshot' : `${count} snapshots`}</span>
      <button className="status-item status-end status-shortcuts" title="Keyboard shortcuts (?)" onClick={() => open('shortcuts')}>
        <kbd>?</kbd> shortcuts
      </button>
    </footer>
  );
}
