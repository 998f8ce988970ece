import { useEffect, useMemo, useState } from 'react';
import { FORMAT_LABEL } from '../../core/report/snapshot-labels';
import type { SnapshotInfo } from '../../core/model/snapshot';
import { useLeaks } from '../../store/leaks';
import { selectedSnapshot, useSnapshots } from '../../store/snapshots';
import { useView } from '../../store/view';
import { worker } from '../../worker/client';
import { useWorkerResult } from '../../ui/use-worker-result';
import { BucketList } from './BucketList';
import '../Leaks/leaks.css';
import './goroutines.css';

const TEXT_DELAY_MS = 150;

/** The dump to show: the selected snapshot when it is a debug=2 dump, else the latest dump loaded. */
function useDump(): { dump: SnapshotInfo | null; selected: SnapshotInfo | undefined } {
  const selected = useSnapshots(selectedSnapshot);
  const snapshots = useSnapshots((s) => s.snapshots);
  return useMemo(() => {
    if (selected?.format === 'debug2') return { dump: selected, selected };
    return { dump: snapshots.filter((s) => s.format === 'debug2').at(-1) ?? null, selected };
  }, [selected, snapshots]);
}

function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Individual goroutines of a debug=2 dump, bucketed by identical stack like panicparse. */
export default function GoroutinesView() {
  const { dump, selected } = useDump();
  const state = useLeaks((s) => s.goroutineState);
  const text = useLeaks((s) => s.goroutineText);
  const minWait = useLeaks((s) => s.goroutineWait);
  const sort = useLeaks((s) => s.goroutineSort);
  const benign = useLeaks((s) => s.benign);
  const filter = useLeaks((s) => s.filterGoroutines);
  const query = useDebounced(text, TEXT_DELAY_MS);
  const filters = useView((s) => s.filters);
  const result = useWorkerResult(
    dump ? () => worker.goroutines({ snapshot: dump.id, state: state || undefined, text: query, minWait, sort, benign, filters }) : null,
    [dump?.id, state, query, minWait, sort, benign, filters],
  );
  const r = result.data;
  const narrowed = r != null && r.shown !== r.total;

  if (!dump) {
    return (
      <div className="goroutines-view">
        <div className="view-message goroutines-empty">
          <p>
            <strong>No goroutine dump is loaded.</strong>
          </p>
          <p>
            This view lists individual goroutines with their state, wait time and creator, which only text dumps carry. Load the output of{' '}
            <code>/debug/pprof/goroutine?debug=2</code>, a panic, or <code>runtime.Stack(buf, true)</code>; several dumps taken apart show which goroutines
            are stuck.
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="goroutines-view">
      <div className="view-bar">
        <div className="filter-box">
          <input
            type="search"
            aria-label="Filter goroutines"
            placeholder="Filter: function, creator, label"
            spellCheck={false}
            value={text}
            onChange={(e) => filter({ text: e.target.value })}
            onKeyDown={(e) => e.key === 'Escape' && filter({ text: '' })}
          />
        </div>
        <select className="goroutines-state" aria-label="Filter by state" value={state} onChange={(e) => filter({ state: e.target.value })}>
          <option value="">All states{r ? ` (${r.kept.toLocaleString('en-US')})` : ''}</option>
          {r?.states.map((s) => (
            <option key={s.state} value={s.state}>
              {s.state} ({s.count.toLocaleString('en-US')})
            </option>
          ))}
        </select>
        <label className="goroutines-wait" title="Only goroutines that have waited at least this many minutes (Go prints waits of a minute or more)">
          waiting ≥
          <input
            type="number"
            min={0}
            step={1}
            aria-label="Least wait in minutes"
            value={minWait || ''}
            placeholder="0"
            onChange={(e) => filter({ wait: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
          />
          min
        </label>
        <select className="goroutines-state" aria-label="Sort goroutines" value={sort} onChange={(e) => filter({ sort: e.target.value === 'wait' ? 'wait' : 'count' })}>
          <option value="count">Most goroutines first</option>
          <option value="wait">Longest wait first</option>
        </select>
        {r && (
          <span className="view-summary">
            {`${narrowed ? `${r.shown.toLocaleString('en-US')} of ` : ''}${r.total.toLocaleString('en-US')} goroutines in ${r.matched.toLocaleString('en-US')} group${r.matched === 1 ? '' : 's'}`}
            {r.filtered && <span title={`Refine filters: ${r.filtered}`}>{' · filtered'}</span>}
            {r.earlier > 0 && (
              <>
                {' · '}
                <strong className={r.stuck > 0 ? 'stuck-count' : undefined}>{r.stuck.toLocaleString('en-US')} stuck</strong>
                {' (in the previous dump too, in groups that grow over the series)'}
              </>
            )}
          </span>
        )}
        <span className="view-count" title={dump.name}>
          {dump.name}
        </span>
      </div>
      {result.busy && <div className="busy-bar" role="progressbar" aria-label="Grouping goroutines" />}
      {selected && selected.id !== dump.id && (
        <div className="leaks-note">
          The selected snapshot ({FORMAT_LABEL[selected.format]}) has no per-goroutine facts; showing the dump <strong>{dump.name}</strong>.{' '}
          <button className="link" onClick={() => useSnapshots.getState().select(dump.id)}>
            Select it
          </button>
        </div>
      )}
      {r && r.buckets.length < r.matched && (
        <div className="leaks-note">
          Listing the {r.buckets.length.toLocaleString('en-US')} biggest of {r.matched.toLocaleString('en-US')} groups; filter by function or state to reach the
          others.
        </div>
      )}
      {result.error ? (
        <div className="view-message error">Could not read the goroutines: {result.error}</div>
      ) : !r ? (
        <div className="view-message">Grouping goroutines…</div>
      ) : r.buckets.length === 0 ? (
        <div className="view-message">
          {!text && !state && !minWait && r.filtered
            ? `The refine filters (${r.filtered}) keep no goroutine of this dump.`
            : `No goroutine matches ${text ? `“${text}”` : 'the filter'}${state ? ` in state ${state}` : ''}${minWait > 0 ? ` waiting ${minWait} min or more` : ''}${r.filtered ? ` among those the refine filters keep (${r.filtered})` : ''}.`}
        </div>
      ) : (
        <BucketList key={`${dump.id} ${r.filtered}`} snapshot={dump.id} buckets={r.buckets} showStuck={r.earlier > 0} filters={r.filters} minWait={minWait} />
      )}
    </div>
  );
}
