import type { TimelineResult } from '../../worker/leaks';
import { visibleName } from '../../core/report/visible';

export interface TimelineLegendProps {
  data: TimelineResult;
  colors: string[];
  selectedKey: number | null;
  onPick: (key: number) => void;
  onHover: (key: number | null) => void;
  /** The diff base picked by dragging across the chart, if any. */
  baseId: number | null;
  onClearBase: () => void;
}

/** What the chart's line and areas are; a group picks its row in the table. */
export function TimelineLegend({ data, colors, selectedKey, onPick, onHover, baseId, onClearBase }: TimelineLegendProps) {
  const last = data.points.length - 1;
  const base = data.points.find((p) => p.id === baseId);
  const shown = data.bands.reduce((s, b) => s + (b.counts[last] ?? 0), 0);
  return (
    <ul className="timeline-legend" aria-label="Legend">
      <li className="legend-total">
        <span className="swatch line" />
        {data.filtered ? 'Goroutines the filters keep' : 'All goroutines'}
      </li>
      {data.bands.map((b, i) => (
        <li key={b.key} className={b.key === selectedKey ? 'selected' : ''}>
          <button onClick={() => onPick(b.key)} onMouseEnter={() => onHover(b.key)} onMouseLeave={() => onHover(null)} title={visibleName(b.label)}>
            <span className="swatch" style={{ background: colors[i] }} />
            <span className="legend-label">{visibleName(b.label)}</span>
            {b.suspect && <span className="legend-hot">suspect</span>}
          </button>
        </li>
      ))}
      {last >= 0 && (data.points[last]?.total ?? 0) > shown && (
        <li>
          <span className="swatch others" />
          Other groups
        </li>
      )}
      {data.placed.length > 0 && (
        <li className="legend-dumps">
          <span className="swatch dump" />
          Text dumps placed on the series
        </li>
      )}
      {base && (
        <li className="legend-base">
          Diff base: <strong>{base.name}</strong>
          <button onClick={onClearBase} title="Stop comparing against the base snapshot">
            clear
          </button>
        </li>
      )}
    </ul>
  );
}
