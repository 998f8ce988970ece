import { STATE_CATEGORIES, stateCategory } from '../../core/flame/states';
import type { Theme } from '../../ui/theme';
import { diffPaints, diffTicks, STATE_LABEL, statePaint } from './colours';

/** Diverging scale of the diff: blue shrank, red grew, in steps of growth factor. */
export function DiffLegend({ theme, baseName }: { theme: Theme; baseName: string }) {
  const paints = diffPaints(theme);
  const stops = paints.map((p, i) => `${p.fill} ${((i / (paints.length - 1)) * 100).toFixed(1)}%`).join(', ');
  return (
    <div className="flame-legend" aria-label="Diff colour scale">
      <span className="legend-caption" title={`Widths are the selected snapshot; colours compare each frame with ${baseName}`}>
        vs <span className="legend-base">{baseName}</span>
      </span>
      <span className="legend-end shrank">shrank</span>
      <div className="diff-scale">
        <div className="diff-bar" style={{ background: `linear-gradient(to right, ${stops})` }} />
        {diffTicks().map((t) => (
          <span key={t.label} className="diff-tick" style={{ left: `${((t.at + 1) / 2) * 100}%` }}>
            {t.label}
          </span>
        ))}
      </div>
      <span className="legend-end grew">grew</span>
    </div>
  );
}

/** Swatches of the wait-state categories present in the graph. */
export function StateLegend({ theme, states, recorded }: { theme: Theme; states: readonly string[]; recorded: boolean }) {
  const present = new Set(states.map(stateCategory));
  return (
    <div className="flame-legend" aria-label="Wait state colours">
      <span className="legend-caption">{recorded ? 'Wait state' : 'State inferred from leaf frames'}</span>
      {STATE_CATEGORIES.filter((c) => present.has(c)).map((c) => (
        <span key={c} className="legend-item">
          <span className="swatch" style={{ background: statePaint(c, theme).fill }} />
          {STATE_LABEL[c]}
        </span>
      ))}
    </div>
  );
}
