import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { LEAK_PROFILE_KIND } from '../../core/analysis/series';
import { MARKED_REASON, STUCK, UNDECIDED_PLATEAU } from '../../core/analysis/verdict';
import type { Grouping } from '../../core/options/table';
import { useLeaks } from '../../store/leaks';
import { useSnapshots } from '../../store/snapshots';
import { useView } from '../../store/view';
import { worker } from '../../worker/client';
import type { SuspectRow } from '../../worker/leaks';
import { BenignSettings } from './BenignSettings';
import { ClockNote } from './ClockNote';
import { SuspectDetail } from './SuspectDetail';
import { SuspectsTable } from './SuspectsTable';
import { focusFunction, openInFlameGraph, showGoroutines } from './navigate';
import { useLeakRequest } from './leak-request';
import { TOP_N_CHOICES } from '../../core/address/address';
import { BAND_COLORS } from './palette';
import { TimelineChart } from './TimelineChart';
import { TimelineLegend } from './TimelineLegend';
import { useWorkerResult } from '../../ui/use-worker-result';
import { SplitHandle } from '../../ui/SplitHandle';
import './leaks.css';

/** Heights of the selected group's details under the table; the table keeps room for six rows (see leaks.css). */
const DETAIL_DEFAULT = 260;
const DETAIL_MIN = 120;
const DETAIL_MAX = 900;

const GROUPINGS: { id: Grouping; label: string; title: string }[] = [
  { id: 'stack', label: 'Stack', title: 'One group per stack, labels ignored: a leak spread over tenants is one leak' },
  { id: 'labels', label: 'Stack + labels', title: 'One group per stack and label set, like pprof samples' },
  { id: 'creator', label: 'Creator', title: 'One group per creation site (`created by` in debug=2 dumps, else the function the goroutine started in)' },
  { id: 'function', label: 'Function', title: 'One group per representative function: the coarsest view' },
];

function Verdict({ suspects, rows }: { suspects: number; rows: SuspectRow[] }) {
  if (suspects === 0) {
    const open = rows.find((r) => UNDECIDED_PLATEAU.includes(r.evidence[0]));
    if (open) return <span className="leaks-verdict calm">No leak suspects, but some groups rose and stayed flat: {open.evidence[0]}.</span>;
    return <span className="leaks-verdict calm">No leak suspects: nothing grows steadily or stays stuck (bursts, pools and plateaus are not leaks).</span>;
  }
  const proven = rows.filter((r) => r.suspect && r.proven).length;
  const marked = rows.filter((r) => r.suspect && r.reason === MARKED_REASON).length;
  const stuck = rows.filter((r) => r.suspect && r.reason.startsWith(STUCK)).length;
  const all = (k: number, what: string) => k && (k === suspects ? what : `${k} ${what}`);
  const parts = [
    all(proven, 'proven by a goroutineleak profile'),
    all(marked, 'marked leaked by the runtime in a debug=2 dump'),
    all(stuck, stuck === suspects ? 'stuck since they rose, none has left' : 'stuck since they rose'),
    suspects - proven - marked - stuck > 0 && (proven || marked || stuck ? 'the others growing steadily and never draining' : 'growing steadily and never draining'),
  ].filter(Boolean);
  return (
    <span className="leaks-verdict hot">
      <strong>
        {suspects} leak suspect{suspects === 1 ? '' : 's'}
      </strong>
      : {parts.join(', ')}.
    </span>
  );
}

/** When many suspects share a few functions (one stack per caller or tenant), offers to merge them. */
function MergeHint({ rows, onMerge }: { rows: SuspectRow[]; onMerge: () => void }) {
  const suspects = rows.filter((r) => r.suspect);
  const functions = new Set(suspects.map((r) => r.function)).size;
  if (suspects.length < 10 || functions * 2 > suspects.length) return null;
  return (
    <span className="leaks-verdict">
      They run through only {functions} function{functions === 1 ? '' : 's'}:{' '}
      <button className="link" onClick={onMerge}>
        group by function
      </button>
    </span>
  );
}

const GOROUTINE_KINDS = new Set(['goroutine', LEAK_PROFILE_KIND]);

/** What the view says when the selected snapshot counts something other than goroutines. */
function NotGoroutines({ name, kind }: { name: string; kind: string }) {
  const goroutines = useSnapshots((s) => s.snapshots.findLast((x) => GOROUTINE_KINDS.has(x.kind))?.id ?? null);
  return (
    <div className="leaks-view">
      <div className="view-message">
        <p>
          Leaks follow goroutine counts across snapshots, and <strong>{name}</strong> is a {kind} profile.
        </p>
        {goroutines !== null ? (
          <button className="button" onClick={() => useSnapshots.getState().select(goroutines)}>
            Show the goroutine series
          </button>
        ) : (
          <p className="muted">Load goroutine profiles (/debug/pprof/goroutine) to find leaks; to see what changed between two {kind} profiles, pick one as Compare in the flame graph.</p>
        )}
      </div>
    </div>
  );
}

/** The timeline of a series of snapshots with its ranked leak suspects underneath. */
export default function LeaksView() {
  const anchor = useSnapshots((s) => s.snapshots.find((x) => x.id === s.selectedId) ?? null);
  if (anchor && !GOROUTINE_KINDS.has(anchor.kind)) return <NotGoroutines name={anchor.name} kind={anchor.kind} />;
  return <GoroutineLeaks />;
}

function GoroutineLeaks() {
  const req = useLeakRequest();
  const grouping = useLeaks((s) => s.grouping);
  const topBy = useLeaks((s) => s.topBy);
  const topN = useLeaks((s) => s.topN);
  const selectedKey = useLeaks((s) => s.selectedKey);
  const showAll = useLeaks((s) => s.showAll);
  const leaks = useLeaks.getState();
  const selectedId = useSnapshots((s) => s.selectedId);
  const baseId = useSnapshots((s) => s.baseId);
  const [hoverKey, setHoverKey] = useState<number | null>(null);
  const [settings, setSettings] = useState(false);
  const [detailHeight, setDetailHeight] = useState(DETAIL_DEFAULT);

  const timeline = useWorkerResult(req ? () => worker.timeline(req, topBy, topN) : null, [req, topBy, topN]);
  const suspects = useWorkerResult(req ? () => worker.suspects(req) : null, [req]);
  const selectedRow = suspects.data?.rows.find((r) => r.key === selectedKey) ?? null;
  // Refine filters number the groups afresh: a selection follows its group by name, or ends when the filters drop it.
  const picked = useRef<{ key: number; label: string } | null>(null);
  useEffect(() => {
    const rows = suspects.data?.rows;
    if (!rows) return;
    const was = picked.current;
    if (selectedKey !== null && was?.key === selectedKey && selectedRow?.label !== was.label) {
      const same = rows.find((r) => r.label === was.label) ?? null;
      picked.current = same && { key: same.key, label: same.label };
      useLeaks.getState().selectKey(same?.key ?? null);
      return;
    }
    picked.current = selectedRow && { key: selectedRow.key, label: selectedRow.label };
  }, [suspects.data, selectedKey, selectedRow]);
  // A series opens here with its top suspect selected (and shared with the other views).
  const topPending = useLeaks((s) => s.topPending);
  useEffect(() => {
    const rows = suspects.data?.rows;
    if (!topPending || !rows) return;
    const top = rows.find((r) => r.suspect) ?? null;
    useLeaks.getState().selectKey(top?.key ?? null);
    if (top) useView.getState().selectFunction(top.function);
  }, [topPending, suspects.data]);
  const detail = useWorkerResult(req && selectedRow ? () => worker.suspectDetail(req, selectedRow.key) : null, [req, selectedRow?.key]);

  const colors = useMemo(() => new Map(timeline.data?.bands.map((b, i) => [b.key, BAND_COLORS[i % BAND_COLORS.length]]) ?? []), [timeline.data]);
  const bandColors = useMemo(() => timeline.data?.bands.map((b) => colors.get(b.key) ?? BAND_COLORS[0]) ?? [], [timeline.data, colors]);
  const onSelect = useCallback((id: number) => useSnapshots.getState().select(id), []);
  const onRange = useCallback((base: number, target: number) => {
    useSnapshots.getState().setBase(base);
    useSnapshots.getState().select(target);
  }, []);
  const select = useCallback((row: SuspectRow) => {
    useLeaks.getState().selectKey(row.key);
    focusFunction(row.function);
  }, []);

  const pickBand = useCallback(
    (key: number) => {
      const row = suspects.data?.rows.find((r) => r.key === key);
      if (row) select(row);
    },
    [suspects.data, select],
  );

  const t = timeline.data;
  const s = suspects.data;
  const allGroups = showAll || (s !== null && s.suspects === 0);
  const rows = s ? (allGroups ? s.rows : s.rows.filter((r) => r.suspect)) : [];
  const hasDump = s?.factsFrom != null;

  return (
    <div className="leaks-view">
      <div className="view-bar">
        <span className="view-summary leaks-summary" title={t?.summary}>
          {t ? t.summary : 'Reading the series…'}
        </span>
        <div className="segmented" role="radiogroup" aria-label="Group by">
          {GROUPINGS.map((g) => (
            <button key={g.id} role="radio" aria-checked={grouping === g.id} className={grouping === g.id ? 'active' : ''} title={g.title} onClick={() => leaks.setGrouping(g.id)}>
              {g.label}
            </button>
          ))}
        </div>
        <label className="select-label" title="Which groups the chart draws as areas">
          Chart
          <select value={topBy} onChange={(e) => leaks.setTopBy(e.target.value as 'latest' | 'growth')} aria-label="Rank chart areas by">
            <option value="latest">top by latest count</option>
            <option value="growth">top by growth</option>
          </select>
          <select value={topN} onChange={(e) => leaks.setTopN(Number(e.target.value))} aria-label="Number of chart areas">
            {TOP_N_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <div className="benign-anchor">
          <button className="button small" aria-expanded={settings} onClick={() => setSettings((v) => !v)} title="Functions that are never suspects">
            Benign list
          </button>
          {settings && <BenignSettings onClose={() => setSettings(false)} />}
        </div>
      </div>
      {(timeline.busy || suspects.busy) && <div className="busy-bar" role="progressbar" aria-label="Analysing" />}
      {timeline.error ? (
        <div className="view-message error">Could not analyse the series: {timeline.error}</div>
      ) : !t ? (
        <div className="view-message">Analysing…</div>
      ) : t.points.length === 0 ? (
        <div className="view-message">No goroutine snapshots are loaded.</div>
      ) : (
        <>
          {t.note && <div className="leaks-note">{t.note}</div>}
          <ClockNote clock={t.clock} note={t.clockNote} />
          {t.filtered && (
            <div className="leaks-note leaks-filtered">
              {t.points.every((p) => p.total === 0) ? 'The refine filters keep no goroutine in this series' : 'Counting only the goroutines the refine filters keep'} (
              {t.filtered}); remove the filters in the bar above to see every goroutine.
            </div>
          )}
          {t.excluded.length > 0 && (
            <details className="leaks-note">
              <summary>
                {t.excluded.length} loaded snapshot{t.excluded.length === 1 ? ' is' : 's are'} not on this timeline
              </summary>
              <ul>
                {t.excluded.map((e) => (
                  <li key={e.id}>
                    <strong>{e.name}</strong>: {e.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="leaks-chart">
            <TimelineChart data={t} colors={bandColors} selectedId={selectedId} baseId={baseId} highlightKey={hoverKey ?? selectedKey} onSelect={onSelect} onRange={onRange} />
            <TimelineLegend
              data={t}
              colors={bandColors}
              selectedKey={selectedKey}
              onPick={pickBand}
              onHover={setHoverKey}
              baseId={baseId}
              onClearBase={() => useSnapshots.getState().setBase(null)}
            />
          </div>
          <div className="leaks-table-bar">
            <div className="segmented" role="radiogroup" aria-label="Rows">
              <button role="radio" aria-checked={!allGroups} className={!allGroups ? 'active' : ''} disabled={s?.suspects === 0} onClick={() => leaks.setShowAll(false)}>
                Suspects{s ? ` (${s.suspects})` : ''}
              </button>
              <button role="radio" aria-checked={allGroups} className={allGroups ? 'active' : ''} onClick={() => leaks.setShowAll(true)}>
                All groups{s ? ` (${s.groups.toLocaleString('en-US')})` : ''}
              </button>
            </div>
            {s && (t.points.length >= 2 || s.suspects > 0) && <Verdict suspects={s.suspects} rows={s.rows} />}
            {s && grouping !== 'function' && <MergeHint rows={s.rows} onMerge={() => leaks.setGrouping('function')} />}
            {s && allGroups && s.rows.length < s.groups && <span className="view-count">showing the top {s.rows.length.toLocaleString('en-US')}</span>}
            {hasDump && <span className="view-count">states, waits and creators from {s?.factsFrom}</span>}
          </div>
          <div className="leaks-bottom" style={{ '--detail-height': `${detailHeight}px` } as CSSProperties}>
            {s && (
              <SuspectsTable
                rows={rows}
                timed={s.timed}
                colors={colors}
                selectedKey={selectedKey}
                withDumpFacts={hasDump}
                onSelect={select}
                onOpen={(row) => openInFlameGraph(row.function)}
                onHover={setHoverKey}
              />
            )}
            {selectedRow && s && <SplitHandle size={detailHeight} min={DETAIL_MIN} max={DETAIL_MAX} onResize={setDetailHeight} label="Resize the selected group's details" />}
            {selectedRow && s && (
              <SuspectDetail
                row={selectedRow}
                detail={detail.data}
                timed={s.timed}
                onFlame={() => openInFlameGraph(selectedRow.function)}
                onGoroutines={hasDump ? () => showGoroutines(selectedRow.function) : null}
                onClose={() => leaks.selectKey(null)}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
