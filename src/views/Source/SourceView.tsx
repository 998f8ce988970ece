import { useEffect, useMemo, useState } from 'react';
import type { RoutineOrder } from '../../core/query/source/list';
import { goStdPath } from '../../core/source/paths';
import { useViewQuery } from '../../store/query';
import { useView } from '../../store/view';
import { worker } from '../../worker/client';
import type { SourceRequest } from '../../worker/source';
import type { TopEntry } from '../../worker/top';
import { FunctionPicker } from './FunctionPicker';
import { valueLabel } from '../../core/units/value';
import { RoutineListing } from './RoutineListing';
import { restoreSources } from '../../actions/sources';
import { useSources } from '../../store/sources';
import { SourcesPanel, useSourceDrop } from './SourcesPanel';
import { useSourceView } from '../../store/source';
import { useSourceList } from './use-source-list';
import { useShownSample } from '../../ui/use-shown-sample';
import './source.css';
import { visibleName } from '../../core/report/visible';

/** Functions by cum for the picker and the quick picks. */
function useFunctions(): TopEntry[] {
  const query = useViewQuery();
  const [rows, setRows] = useState<TopEntry[]>([]);
  useEffect(() => {
    if (!query) return;
    let live = true;
    void worker.top({ ...query, granularity: 'functions' }, 'cum').then((r) => live && setRows(r.rows));
    return () => {
      live = false;
    };
  }, [query]);
  return rows;
}

/** Functions worth a first look: the hottest ones outside the Go standard library. */
function quickPicks(rows: TopEntry[]): TopEntry[] {
  return rows.filter((r) => r.file && !goStdPath(r.file)).slice(0, 12);
}

const ORDERS: { id: RoutineOrder; label: string; title: string }[] = [
  { id: 'cum', label: 'Hottest first', title: 'Functions with the most samples first' },
  { id: 'name', label: 'By name', title: 'By function name, as pprof -list prints them' },
];

export default function SourceView() {
  const query = useViewQuery();
  const mode = useSourceView((s) => s.mode);
  const regex = useSourceView((s) => s.regex);
  const order = useSourceView((s) => s.order);
  const setOrder = useSourceView((s) => s.setOrder);
  const panelSetting = useSourceView((s) => s.panelOpen);
  const setPanelOpen = useSourceView((s) => s.setPanelOpen);
  const selected = useView((s) => s.selectedFunction);
  const select = useView((s) => s.selectFunction);
  const folders = useSources((s) => s.folders);
  const restored = useSources((s) => s.restored);
  const [message, setMessage] = useState('');
  const drop = useSourceDrop(setMessage);
  const functions = useFunctions();

  useEffect(() => void restoreSources(), []);
  const followSelection = useSourceView((s) => s.followSelection);
  useEffect(() => followSelection(selected), [selected, followSelection]);
  // Open the sources panel on a first visit with no folder yet; afterwards it stays as the user leaves it.
  useEffect(() => {
    if (restored && panelSetting === null) setPanelOpen(folders.length === 0);
  }, [restored, panelSetting, folders.length, setPanelOpen]);

  const req = useMemo<SourceRequest | null>(() => {
    if (mode === 'regex') return regex ? { regex, order } : null;
    return selected ? { func: selected, order } : null;
  }, [mode, regex, selected, order]);
  const { data: result, error, busy } = useSourceList(query, req);
  const names = useMemo(() => functions.map((f) => f.name), [functions]);
  const files = useMemo(() => [...new Set(functions.map((f) => f.file))], [functions]);
  const panelOpen = panelSetting ?? false;
  const shown = useShownSample();
  const unit = result?.sampleUnit ?? shown?.type.unit ?? 'count';

  return (
    <div className={`source-view${drop.over ? ' drop-target' : ''}`} {...drop.handlers}>
      <div className="view-bar">
        <FunctionPicker names={names} />
        <div className="segmented" role="radiogroup" aria-label="Order">
          {ORDERS.map((o) => (
            <button key={o.id} role="radio" aria-checked={order === o.id} className={order === o.id ? 'active' : ''} title={o.title} onClick={() => setOrder(o.id)}>
              {o.label}
            </button>
          ))}
        </div>
        {result && (
          <span className="view-summary">
            {result.routines.length + result.omitted} function{result.routines.length + result.omitted === 1 ? '' : 's'} · total {valueLabel(result.total, unit)}
          </span>
        )}
        <button className={`button small sources-toggle${panelOpen ? ' active' : ''}`} aria-pressed={panelOpen} onClick={() => setPanelOpen(!panelOpen)}>
          Sources{folders.length > 0 && <span className="count">{folders.reduce((n, f) => n + f.files, 0)}</span>}
        </button>
      </div>
      {busy && <div className="busy-bar" role="progressbar" aria-label="Computing" />}
      <div className="source-body">
        <div className="source-scroll">
          {req && error && (
            <div className="filter-error" role="alert">
              {error}
            </div>
          )}
          {!req ? (
            <div className="source-empty">
              <h2>{mode === 'regex' ? 'Type a regular expression' : 'Pick a function'}</h2>
              <p>
                {!shown || shown.snapshot.kind.startsWith('goroutine')
                  ? 'Each of its source lines shows how many goroutines pass through it (flat: parked right there; cum: anywhere below it),'
                  : `Each of its source lines shows its ${shown.type.type} (flat: on that line itself; cum: with what it calls),`}{' '}
                exactly as <code>go tool pprof -list</code> counts them. Select a function in any view, type one above, or start with one of these:
              </p>
              <div className="quick-picks">
                {quickPicks(functions).map((f) => (
                  <button key={f.name} className="quick-pick" onClick={() => select(f.name)}>
                    <span className="fn">{visibleName(f.name)}</span>
                    <span className="quick-cum">{valueLabel(f.cum, unit)}</span>
                  </button>
                ))}
              </div>
            </div>
          ) : !result ? (
            !error && <div className="view-message">Computing…</div>
          ) : result.routines.length === 0 ? (
            !error && (
              <div className="view-message">{mode === 'regex' ? `No function with samples matches ${regex}.` : `${selected} has no samples in this snapshot.`}</div>
            )
          ) : (
            <>
              {result.routines.map((r) => (
                <RoutineListing key={`${r.name}\u0000${r.file}`} routine={r} total={result.total} unit={unit} />
              ))}
              {result.omitted > 0 && <div className="view-message">{result.omitted.toLocaleString('en-US')} more functions match: narrow the regex to see them.</div>}
            </>
          )}
        </div>
        {panelOpen && <SourcesPanel files={files} message={message} report={setMessage} />}
      </div>
      {drop.over && (
        <div className="source-drop-overlay" aria-hidden="true">
          <div>Drop a source folder: its files are matched to the profile’s paths</div>
        </div>
      )}
    </div>
  );
}
