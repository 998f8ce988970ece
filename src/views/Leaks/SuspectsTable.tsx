import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { waitLabel } from '../../core/units/duration';
import { rateLabel } from '../../core/units/rate';
import type { SuspectRow } from '../../worker/leaks';
import { Sparkline } from './Sparkline';
import { visibleName } from '../../core/report/visible';

const ROW_HEIGHT = 28;
/** Below this table width the Steady column gives its room to the group names (the detail still shows steadiness). */
const ROOM_FOR_STEADY = 1100;

interface Column {
  id: string;
  title: string;
  hint: string;
  className: string;
  /** CSS grid track. */
  width: string;
  sort?: (r: SuspectRow) => number | string;
  cell: (r: SuspectRow, ctx: { timed: boolean; color?: string }) => ReactNode;
}

const steadiness = (r: SuspectRow) => r.monotonic * r.r2;

/** The Growth column's width: room for its longest label (bold tabular digits, 12px) and the cell's padding. */
function growthWidth(rows: SuspectRow[], timed: boolean): string {
  let chars = 'Growth'.length;
  for (const r of rows) chars = Math.max(chars, rateLabel(r.perMinute, timed).length);
  return `${Math.ceil(chars * 8.2) + 18}px`;
}
const pct = (v: number) => `${(v * 100).toFixed(v >= 0.1 ? 0 : 1)}%`;

const COLUMNS: Column[] = [
  { id: 'color', width: '22px', title: '', hint: 'Color on the timeline', className: 'c-swatch', cell: (_, { color }) => (color ? <span className="swatch" style={{ background: color }} /> : null) },
  {
    id: 'group',
    width: 'minmax(160px, 4fr)',
    title: 'Group',
    hint: 'Representative function (first frame in your code) and the grouping key',
    className: 'c-group',
    sort: (r) => r.label,
    cell: (r) => (
      <>
        <span className="fn" title={visibleName(r.label)}>
          {visibleName(r.label)}
        </span>
        {r.proven && <span className="badge proven">proven leak</span>}
        {r.benign && <span className="badge">benign</span>}
      </>
    ),
  },
  { id: 'trend', width: '84px', title: 'Trend', hint: 'Count in every snapshot', className: 'c-trend', cell: (r) => <Sparkline counts={r.counts} hot={r.suspect} /> },
  { id: 'first', width: '58px', title: 'First', hint: 'Goroutines in the first snapshot', className: 'c-num', sort: (r) => r.first, cell: (r) => r.first.toLocaleString('en-US') },
  { id: 'last', width: '58px', title: 'Last', hint: 'Goroutines in the last snapshot', className: 'c-num', sort: (r) => r.last, cell: (r) => r.last.toLocaleString('en-US') },
  { id: 'growth', width: 'var(--growth-width)', title: 'Growth', hint: 'Least-squares slope', className: 'c-num c-growth', sort: (r) => r.perMinute, cell: (r, { timed }) => rateLabel(r.perMinute, timed) },
  {
    id: 'steady',
    width: '58px',
    title: 'Steady',
    hint: 'Share of steps that do not decrease × R² of the fit (1.00: rises like a line)',
    className: 'c-num',
    sort: steadiness,
    cell: (r) => <span title={`${pct(r.monotonic)} of steps do not decrease; fit R² ${r.r2.toFixed(3)}`}>{steadiness(r).toFixed(2)}</span>,
  },
  { id: 'share', width: '54px', title: 'Share', hint: 'Share of all goroutines in the last snapshot', className: 'c-num', sort: (r) => r.share, cell: (r) => pct(r.share) },
  {
    id: 'state',
    width: '116px',
    title: 'State',
    hint: 'Wait reason from a debug=2 dump, else inferred from the leaf frames',
    className: 'c-state',
    sort: (r) => r.state.label,
    cell: (r) => (
      <span className={`state-chip ${r.state.category}`} title={`${r.state.label}: ${r.state.source === 'dump' ? 'from the debug=2 dump' : 'inferred from the leaf frames'}`}>
        {r.state.label}
      </span>
    ),
  },
  { id: 'wait', width: '70px', title: 'Wait', hint: 'Wait minutes in the debug=2 dump (min~max)', className: 'c-num c-wait', sort: (r) => r.waitMax, cell: (r) => waitLabel(r.waitMin, r.waitMax) },
  { id: 'creator', width: 'minmax(72px, 1fr)', title: 'Created by', hint: 'Dominant `created by` site in the debug=2 dump', className: 'c-creator', sort: (r) => r.creator, cell: (r) => <span title={r.creator}>{r.creator}</span> },
  {
    id: 'score',
    width: '60px',
    title: 'Score',
    hint: 'Leak score 0–100: steady, never-draining growth in a blocking state scores high',
    className: 'c-num c-score',
    sort: (r) => r.score,
    cell: (r) => (
      <span className={r.suspect ? 'score hot' : 'score'} title={r.reason}>
        <span className="score-bar" style={{ width: `${r.score}%` }} />
        {r.score}
      </span>
    ),
  },
];

export interface SuspectsTableProps {
  rows: SuspectRow[];
  timed: boolean;
  colors: Map<number, string>;
  selectedKey: number | null;
  /** Columns that only a debug=2 dump fills. */
  withDumpFacts: boolean;
  onSelect: (row: SuspectRow) => void;
  /** Double click or Enter: open the row in the flame graph. */
  onOpen: (row: SuspectRow) => void;
  onHover: (key: number | null) => void;
}

/** The ranked groups; sortable by any column, virtualized, ↑/↓ move the selection. */
export function SuspectsTable({ rows, timed, colors, selectedKey, withDumpFacts, onSelect, onOpen, onHover }: SuspectsTableProps) {
  const [sort, setSort] = useState<{ id: string; desc: boolean } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [roomy, setRoomy] = useState(true);
  useEffect(() => {
    const el = scroller.current!;
    const observer = new ResizeObserver(() => setRoomy(el.clientWidth >= ROOM_FOR_STEADY));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const columns = useMemo(() => COLUMNS.filter((c) => (withDumpFacts || (c.id !== 'wait' && c.id !== 'creator')) && (roomy || c.id !== 'steady')), [withDumpFacts, roomy]);
  const sorted = useMemo(() => {
    const col = sort && COLUMNS.find((c) => c.id === sort.id);
    if (!col?.sort || !sort) return rows;
    const key = col.sort;
    const dir = sort.desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || b.score - a.score;
    });
  }, [rows, sort]);
  const growth = useMemo(() => growthWidth(rows, timed), [rows, timed]);
  const grid = { gridTemplateColumns: columns.map((c) => c.width).join(' '), '--growth-width': growth } as CSSProperties;
  const virtual = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const selectedIndex = sorted.findIndex((r) => r.key === selectedKey);
  useEffect(() => {
    if (selectedIndex >= 0) virtual.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtual]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && sorted[selectedIndex]) {
      // Handled here: the flame graph it opens must not take the same key as its own Enter.
      e.preventDefault();
      onOpen(sorted[selectedIndex]);
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const next = Math.max(0, Math.min(sorted.length - 1, selectedIndex + (e.key === 'ArrowDown' ? 1 : -1)));
    if (sorted[next]) onSelect(sorted[next]);
  };
  const toggleSort = (c: Column) => {
    if (!c.sort) return;
    setSort((s) => (s?.id !== c.id ? { id: c.id, desc: c.id !== 'group' && c.id !== 'state' && c.id !== 'creator' } : s.desc ? { id: c.id, desc: false } : null));
  };

  return (
    <div className="suspects-table" role="grid" aria-label="Leak suspects" aria-rowcount={sorted.length} tabIndex={0} onKeyDown={onKeyDown} ref={scroller}>
      <div className="suspects-head" role="row" style={grid}>
        {columns.map((c) => (
          <div key={c.id} role="columnheader" className={`${c.className}${c.sort ? ' sortable' : ''}`} title={c.hint} onClick={() => toggleSort(c)}>
            {c.title}
            {sort?.id === c.id && <span className="sort-mark">{sort.desc ? '▼' : '▲'}</span>}
          </div>
        ))}
      </div>
      <div className="suspects-body" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((v) => {
          const r = sorted[v.index];
          const cls = ['suspects-row', r.suspect ? 'suspect' : 'calm', r.key === selectedKey ? 'selected' : ''].join(' ');
          return (
            <div
              key={r.key}
              role="row"
              aria-selected={r.key === selectedKey}
              className={cls}
              style={{ ...grid, transform: `translateY(${v.start}px)` }}
              onClick={() => onSelect(r)}
              onDoubleClick={() => onOpen(r)}
              onMouseEnter={() => onHover(r.key)}
              onMouseLeave={() => onHover(null)}
            >
              {columns.map((c) => (
                <div key={c.id} role="gridcell" className={c.className}>
                  {c.cell(r, { timed, color: colors.get(r.key) })}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
