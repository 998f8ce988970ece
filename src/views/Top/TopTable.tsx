import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Row,
  type SortingFn,
  type Updater,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { percentage, scaledLabel } from '../../core/units/scale';
import { useView } from '../../store/view';
import type { TopEntry } from './top-rows';
import { useTopState } from '../../store/top';
import { showSourceLine } from '../Source/show-line';
import { visibleName } from '../../core/report/visible';

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 28;

function byName(a: TopEntry, b: TopEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// tanstack negates a sorting function for descending order, so name ties are compared reversed here
// to come out ascending: the same order as `pprof -top` and `-top -cum`.
// Values compare by magnitude, as pprof's orders do.
const size = (v: number) => Math.abs(v);
const byFlat: SortingFn<TopEntry> = (a, b) => size(a.original.flat) - size(b.original.flat) || byName(b.original, a.original) || size(a.original.cum) - size(b.original.cum);
const byCum: SortingFn<TopEntry> = (a, b) => size(a.original.cum) - size(b.original.cum) || byName(b.original, a.original) || size(a.original.flat) - size(b.original.flat);
/** Sum% only grows down the table, so "ascending" is pprof's flat order. */
const bySum: SortingFn<TopEntry> = (a, b) => -byFlat(a, b, 'flat');
const byNameFn: SortingFn<TopEntry> = (a, b) => byName(a.original, b.original);

export interface TopTableProps {
  rows: TopEntry[];
  total: number;
  sampleUnit: string;
  unit: string;
  /** Label part after the function name means a file or line (all granularities but functions). */
  showLocation: boolean;
  /** The values are changes from a base snapshot. */
  diff: boolean;
  /** Told the name of the row the keyboard and clicks act on, whenever it changes (null: none). */
  onActiveRow: (name: string | null) => void;
}

interface CellContext {
  fmt: (v: number) => string;
  pct: (v: number) => string;
}

/** A diff's value, coloured by the direction of the change. */
export function Change({ value, label }: { value: number; label: string }) {
  return <span className={value > 0 ? 'grew' : value < 0 ? 'shrank' : undefined}>{label}</span>;
}

const runningSums = new WeakMap<Row<TopEntry>[], Float64Array>();

/** Sum% of each row (by row index): the flat values of the rows shown above it and its own. */
function sumsOf(shown: Row<TopEntry>[], dataLength: number): Float64Array {
  let sums = runningSums.get(shown);
  if (!sums) {
    sums = new Float64Array(dataLength);
    let sum = 0;
    for (const r of shown) {
      sum += r.original.flat;
      sums[r.index] = sum;
    }
    runningSums.set(shown, sums);
  }
  return sums;
}

const col = createColumnHelper<TopEntry>();

function columns(ctx: CellContext, showLocation: boolean, diff: boolean) {
  const value = (v: number) => (diff ? <Change value={v} label={ctx.fmt(v)} /> : ctx.fmt(v));
  return [
    col.accessor('flat', { header: 'Flat', sortingFn: byFlat, sortDescFirst: true, cell: (c) => value(c.getValue()) }),
    col.accessor('flat', { id: 'flatPct', header: 'Flat%', sortingFn: byFlat, sortDescFirst: true, cell: (c) => ctx.pct(c.getValue()) }),
    col.accessor('flat', { id: 'sumPct', header: 'Sum%', sortingFn: bySum, sortDescFirst: false, cell: (c) => ctx.pct(sumsOf(c.table.getRowModel().rows, c.table.options.data.length)[c.row.index]) }),
    col.accessor('cum', { header: 'Cum', sortingFn: byCum, sortDescFirst: true, cell: (c) => value(c.getValue()) }),
    col.accessor('cum', { id: 'cumPct', header: 'Cum%', sortingFn: byCum, sortDescFirst: true, cell: (c) => ctx.pct(c.getValue()) }),
    col.accessor('name', {
      header: 'Name',
      sortingFn: byNameFn,
      sortDescFirst: false,
      cell: (c) => <NameCell row={c.row.original} showLocation={showLocation} />,
    }),
  ];
}

function NameCell({ row, showLocation }: { row: TopEntry; showLocation: boolean }) {
  const split = showLocation && row.name.startsWith(row.func) && row.name.length > row.func.length;
  return (
    <>
      <span className="fn">{visibleName(split ? row.func : row.name)}</span>
      {split && <span className="loc">{visibleName(row.name.slice(row.func.length))}</span>}
      {row.inline && <span className="inline-mark"> ({row.inline})</span>}
    </>
  );
}

const SORT_TITLES: Record<string, string> = {
  flat: 'Value of stacks whose leaf is this node',
  flatPct: 'Flat as a share of the total',
  sumPct: 'Running total of Flat down to this row',
  cum: 'Value of stacks containing this node',
  cumPct: 'Cum as a share of the total',
  name: 'Function (and file or line, by granularity)',
};

/** pprof's Top as a virtualized, sortable table; clicking a row selects its function for every view. */
export function TopTable({ rows, total, sampleUnit, unit, showLocation, diff, onActiveRow }: TopTableProps) {
  const sorting = useTopState((s) => s.sorting);
  const setSorting = useTopState((s) => s.setSorting);
  const selectedFunction = useView((s) => s.selectedFunction);
  const selectFunction = useView((s) => s.selectFunction);
  const granularity = useView((s) => s.granularity);
  const [activeKey, setActiveKey] = useState<number | null>(null);
  const ctx = useMemo<CellContext>(
    () => ({
      fmt: (v) => scaledLabel(v, sampleUnit, unit),
      pct: (v) => percentage(v, total).trim(),
    }),
    [sampleUnit, unit, total],
  );
  const cols = useMemo(() => columns(ctx, showLocation, diff), [ctx, showLocation, diff]);
  const onSortingChange = useCallback((u: Updater<SortingState>) => setSorting(typeof u === 'function' ? u(useTopState.getState().sorting) : u), [setSorting]);
  const table = useReactTable({
    data: rows,
    columns: cols,
    state: { sorting },
    onSortingChange,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const shown = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  const activeIndex = useMemo(() => {
    if (activeKey !== null) {
      const i = shown.findIndex((r) => r.original.index === activeKey && r.original.func === selectedFunction);
      if (i >= 0) return i;
    }
    return selectedFunction === null ? -1 : shown.findIndex((r) => r.original.func === selectedFunction);
  }, [shown, activeKey, selectedFunction]);

  const activeName = activeIndex >= 0 ? shown[activeIndex].original.name : null;
  useEffect(() => onActiveRow(activeName), [activeName, onActiveRow]);

  // Bring a selection made elsewhere (another view, an earlier visit) into sight once.
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (activeIndex >= 0 && scrolledFor.current !== selectedFunction) {
      scrolledFor.current = selectedFunction;
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    }
  }, [activeIndex, selectedFunction, virtualizer]);

  const activate = (r: Row<TopEntry>) => {
    setActiveKey(r.original.index);
    scrolledFor.current = r.original.func;
    selectFunction(r.original.func);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    const delta = moves[e.key];
    if (delta === undefined || shown.length === 0) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(shown.length - 1, (activeIndex < 0 ? -1 : activeIndex) + delta));
    activate(shown[next]);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const headers = table.getHeaderGroups()[0].headers;
  return (
    <div className="top-scroll" ref={scrollRef} tabIndex={0} role="grid" aria-label="Top functions" aria-rowcount={shown.length + 1} onKeyDown={onKeyDown}>
      <div className="top-row top-head" role="row" style={{ height: HEADER_HEIGHT }}>
        {headers.map((h) => {
          const dir = h.column.getIsSorted();
          return (
            <div
              key={h.id}
              role="columnheader"
              className={`cell col-${h.column.id}${dir ? ' sorted' : ''}`}
              aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
              title={`${SORT_TITLES[h.column.id]}. Click to sort.`}
              onClick={h.column.getToggleSortingHandler()}
            >
              {flexRender(h.column.columnDef.header, h.getContext())}
              <span className="sort-mark">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}</span>
            </div>
          );
        })}
      </div>
      <div className="top-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((vi) => {
          const r = shown[vi.index];
          const selected = r.original.func === selectedFunction;
          const active = vi.index === activeIndex;
          return (
            <div
              key={r.id}
              role="row"
              aria-rowindex={vi.index + 2}
              aria-selected={selected}
              className={`top-row${selected ? ' selected' : ''}${active ? ' active' : ''}`}
              style={{ transform: `translateY(${vi.start - HEADER_HEIGHT}px)` }}
              onClick={() => activate(r)}
              onDoubleClick={() => granularity !== 'files' && showSourceLine(r.original.func)}
            >
              {r.getVisibleCells().map((c) => (
                <div key={c.id} role="gridcell" className={`cell col-${c.column.id}`} title={c.column.id === 'name' ? visibleName(r.original.name) : undefined}>
                  {flexRender(c.column.columnDef.cell, c.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
