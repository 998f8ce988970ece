import { fitName } from '../../core/flame/names';
import { visibleName } from '../../core/report/visible';

interface Props {
  rootLabel: string;
  path: string[] | null;
  onZoom: (path: string[] | null) => void;
}

/** Only the deepest crumbs are shown when the path is long; the rest collapse into `…`. */
const SHOWN = 5;

/** Where the graph is zoomed: the root, then each frame down to the zoomed one; click one to zoom out to it. */
export function Breadcrumb({ rootLabel, path, onZoom }: Props) {
  const steps = path ?? [];
  const from = Math.max(0, steps.length - SHOWN);
  return (
    <nav className="flame-crumbs" aria-label="Zoom path">
      <button className={steps.length === 0 ? 'crumb current' : 'crumb'} onClick={() => onZoom(null)} title={visibleName(rootLabel)}>
        {visibleName(rootLabel)}
      </button>
      {from > 0 && (
        <>
          <span className="crumb-sep">›</span>
          <button className="crumb" onClick={() => onZoom(steps.slice(0, from))} title={steps.slice(0, from).map(visibleName).join(' › ')}>
            …
          </button>
        </>
      )}
      {steps.slice(from).map((name, j) => {
        const depth = from + j + 1;
        return (
          <span key={depth} className="crumb-step">
            <span className="crumb-sep">›</span>
            <button className={depth === steps.length ? 'crumb current' : 'crumb'} title={visibleName(name)} onClick={() => onZoom(steps.slice(0, depth))}>
              {fitName(visibleName(name), 48)}
            </button>
          </span>
        );
      })}
    </nav>
  );
}
