import { useEffect, useRef, useState, type RefObject } from 'react';
import { GranularitySwitch } from '../../ui/GranularitySwitch';
import { SplitHandle } from '../../ui/SplitHandle';
import { percentage, scaledLabel } from '../../core/units/scale';
import { useViewQuery } from '../../store/query';
import { useView } from '../../store/view';
import { BaseSelect } from '../../ui/BaseSelect';
import { worker } from '../../worker/client';
import type { ViewQuery } from '../../core/query/view-query';
import type { TopColumns } from '../../worker/top';
import { useTopState } from '../../store/top';
import { topEntries, type TopEntry } from './top-rows';
import { PeekPanel } from './PeekPanel';
import { TopTable } from './TopTable';
import { useRowFilter } from './use-row-filter';

interface TopReport extends Omit<TopColumns, 'name' | 'func' | 'flat' | 'cum' | 'inline'> {
  rows: TopEntry[];
}

const PEEK_DEFAULT = 210;
const PEEK_MIN = 96;
const PEEK_MAX = 640;

/** The Worker's Top report for the current query; `busy` while a newer one is being computed. */
function useTopReport(): { query: ViewQuery | null; result: TopReport | null; busy: boolean; error: string | null } {
  const query = useViewQuery();
  const [state, setState] = useState<{ result: TopReport | null; error: string | null }>({ result: null, error: null });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!query) return;
    let live = true;
    setBusy(true);
    worker
      .topColumns(query)
      .then(
        (c) => live && setState({ result: { total: c.total, sampleUnit: c.sampleUnit, unit: c.unit, base: c.base, baseError: c.baseError, rows: topEntries(c) }, error: null }),
        (e: Error) => live && setState({ result: null, error: e.message }),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [query]);
  return { query, ...state, busy };
}

/** `/` focuses the filter box from anywhere outside a text field. */
function useSlashToFilter(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || (t && ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

export default function TopView() {
  const { query, result, busy, error } = useTopReport();
  const [peekName, setPeekName] = useState<string | null>(null);
  const [peekHeight, setPeekHeight] = useState(PEEK_DEFAULT);
  const granularity = useView((s) => s.granularity);
  const filter = useTopState((s) => s.filter);
  const setFilter = useTopState((s) => s.setFilter);
  const filterInput = useRef<HTMLInputElement>(null);
  useSlashToFilter(filterInput);
  const { rows, pending, error: filterError } = useRowFilter(result?.rows ?? null, filter);
  const fmt = (v: number) => (result ? scaledLabel(v, result.sampleUnit, result.unit) : '');
  const shownFlat = rows.reduce((sum, r) => sum + r.flat, 0);

  return (
    <div className="top-view">
      <div className="view-bar">
        <div className={filterError ? 'filter-box invalid' : 'filter-box'}>
          <input
            ref={filterInput}
            id="top-filter"
            type="search"
            aria-label="Filter rows"
            placeholder="Filter rows: text or /regex/"
            spellCheck={false}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setFilter('');
                e.currentTarget.blur();
              }
            }}
          />
          {!filter && <kbd>/</kbd>}
        </div>
        <GranularitySwitch unit="row" />
        <BaseSelect />
        {result && (
          <>
            <span className="view-summary" title="As pprof reports it: the flat total of the rows shown">
              Showing nodes accounting for {fmt(shownFlat)}, {percentage(shownFlat, result.total).trim()} of {fmt(result.total)} total
            </span>
            <span className="view-count">
              {rows.length === result.rows.length
                ? `${rows.length.toLocaleString('en-US')} rows`
                : `${rows.length.toLocaleString('en-US')} of ${result.rows.length.toLocaleString('en-US')} rows`}
            </span>
          </>
        )}
      </div>
      {result?.base && (
        <div className="top-diff-note">
          Changes since <strong>{result.base.name}</strong> (pprof -diff_base): each value is this snapshot’s less the base’s, <span className="grew">grew</span> or{' '}
          <span className="shrank">shrank</span>; percentages are of the base’s total.
        </div>
      )}
      {result?.baseError && <div className="filter-error">No comparison: {result.baseError}.</div>}
      {filterError && (
        <div className="filter-error" role="alert">
          {filterError.invalid ? (
            <>
              {filterError.message}. Write a substring, or a regular expression between slashes such as <code>/^main\./</code>.
            </>
          ) : (
            filterError.message
          )}
        </div>
      )}
      {(busy || pending) && <div className="busy-bar" role="progressbar" aria-label="Computing" />}
      {error ? (
        <div className="view-message error">Could not compute the Top table: {error}</div>
      ) : !result ? (
        <div className="view-message">Computing…</div>
      ) : result.rows.length === 0 ? (
        <div className="view-message">{result.base ? `Nothing changed since ${result.base.name}.` : 'This profile has no samples.'}</div>
      ) : rows.length === 0 ? (
        <div className="view-message">No row matches the filter “{filter}”.</div>
      ) : (
        <>
          <TopTable rows={rows} total={result.total} sampleUnit={result.sampleUnit} unit={result.unit} showLocation={granularity !== 'functions'} diff={result.base !== null} onActiveRow={setPeekName} />
          {peekName && query && (
            <>
              <SplitHandle size={peekHeight} min={PEEK_MIN} max={PEEK_MAX} onResize={setPeekHeight} label="Resize the callers and callees" />
              <section className="peek" aria-label="Callers and callees" style={{ height: peekHeight }}>
                <PeekPanel query={query} name={peekName} fmt={fmt} total={result.total} diff={result.base !== null} />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
