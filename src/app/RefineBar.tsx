import { useEffect, useRef, useState } from 'react';
import { FILTER_KEYS, FILTER_OPTIONS, type FilterKey } from '../core/options/filters';
import { unmatchedMessage } from '../core/query/refine';
import { exactName, nameExample, quoteMeta } from '../core/query/refine-regex';
import { goStdPath } from '../core/source/paths';
import { useFlame } from '../store/flame';
import { useViewQuery } from '../store/query';
import { useView } from '../store/view';
import { worker } from '../worker/client';
import { useWorkerResult } from '../ui/use-worker-result';
import { AlertIcon, CloseIcon } from '../ui/icons';
import { applyFilters, dismissRefineError, removeFilter, watchRefineReport } from '../actions/refine';
import { useRefine } from '../store/refine';
import './RefineBar.css';

/** Examples made from the selected function, so they name something in the loaded profile. */
function placeholders(fn: string | null): Partial<Record<FilterKey, string>> {
  if (!fn) return {};
  const { word, pkg } = nameExample(fn);
  return { f: quoteMeta(word), i: quoteMeta(word), sf: quoteMeta(word), s: pkg ? `^${quoteMeta(pkg)}\\.` : undefined };
}

const HELP: Record<FilterKey, { hint: string; placeholder: string }> = {
  f: { hint: 'Keeps only goroutines with a frame matching the regexp (function name or file).', placeholder: 'exporter' },
  i: { hint: 'Drops goroutines with a frame matching the regexp.', placeholder: '^runtime\\.|^net/http\\.' },
  h: { hint: 'Removes matching frames from every stack, keeping the goroutines.', placeholder: '^runtime\\.' },
  s: { hint: 'Keeps only the frames matching the regexp in every stack.', placeholder: '^main\\.' },
  sf: { hint: 'Drops the frames above the first match from the root.', placeholder: 'handleRequest' },
  tf: { hint: 'Keeps goroutines with a matching label: key=regexp, or a numeric range like bytes=1kb:.', placeholder: 'tenant=acme' },
  ti: { hint: 'Drops goroutines with a matching label: key=regexp, or a numeric range.', placeholder: 'tenant=acme|globex' },
};

/** The function the examples name: the selected one, the flame graph's focus, else the hottest outside Go's own packages. */
function useExampleFunction(selected: string | null): string | null {
  const focus = useFlame((s) => s.focus);
  const query = useViewQuery();
  const chosen = selected ?? focus;
  const { data } = useWorkerResult(!chosen && query ? () => worker.top({ ...query, granularity: 'functions' }, 'cum') : null, [chosen, query]);
  return chosen ?? data?.rows.find((r) => r.file && !goStdPath(r.file))?.name ?? null;
}

function FilterEditor({ initial, onClose }: { initial: FilterKey; onClose: () => void }) {
  const filters = useView((s) => s.filters);
  const selectedFunction = useView((s) => s.selectedFunction);
  const example = useExampleFunction(selectedFunction);
  const error = useRefine((s) => s.error);
  const checking = useRefine((s) => s.checking);
  const [key, setKey] = useState<FilterKey>(initial);
  // A pattern that was refused (typed, or from a link) comes back for correcting.
  const [pattern, setPattern] = useState((error?.filter === initial ? error.tried[initial] : filters[initial]) ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async () => {
    if (await applyFilters({ ...filters, [key]: pattern.trim() })) onClose();
  };
  return (
    <form
      className="refine-editor"
      role="dialog"
      aria-label="Add a filter"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="refine-editor-row">
        <select
          aria-label="Filter"
          value={key}
          onChange={(e) => {
            const k = e.target.value as FilterKey;
            setKey(k);
            setPattern(filters[k] ?? '');
            dismissRefineError();
          }}
        >
          {FILTER_KEYS.map((k) => (
            <option key={k} value={k}>
              {FILTER_OPTIONS[k].name}
            </option>
          ))}
        </select>
        <input
          ref={input}
          className={error ? 'refine-input invalid' : 'refine-input'}
          aria-label="Pattern"
          spellCheck={false}
          autoComplete="off"
          placeholder={placeholders(example)[key] ?? HELP[key].placeholder}
          value={pattern}
          onChange={(e) => {
            setPattern(e.target.value);
            dismissRefineError();
          }}
        />
        <button className="button small primary" type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Apply'}
        </button>
      </div>
      {error ? (
        <p className="refine-error" role="alert">
          {error.message}
        </p>
      ) : (
        <p className="hint">
          {HELP[key].hint} Go regexp syntax, as <code>go tool pprof -{FILTER_OPTIONS[key].name}</code> takes it.
        </p>
      )}
      {selectedFunction && key !== 'tf' && key !== 'ti' && (
        <button type="button" className="link" onClick={() => setPattern(exactName(selectedFunction))}>
          Use the selected function: {selectedFunction}
        </button>
      )}
    </form>
  );
}

function Chip({ k, pattern, unmatched, onEdit }: { k: FilterKey; pattern: string; unmatched: boolean; onEdit: () => void }) {
  const title = unmatched ? `${unmatchedMessage(k)} in this snapshot` : `${FILTER_OPTIONS[k].name}=${pattern} (click to edit)`;
  return (
    <span className={unmatched ? 'refine-chip unmatched' : 'refine-chip'} data-filter={k} title={title}>
      <button type="button" className="refine-chip-body" onClick={onEdit}>
        <span className="refine-chip-key">{FILTER_OPTIONS[k].name}</span>
        <span className="refine-chip-pattern">{pattern}</span>
      </button>
      <button type="button" className="icon refine-chip-remove" aria-label={`Remove ${FILTER_OPTIONS[k].name} filter`} title="Remove" onClick={() => void removeFilter(k)}>
        <CloseIcon />
      </button>
    </span>
  );
}

function Summary() {
  const report = useRefine((s) => s.report);
  if (!report) return null;
  if (report.kept === 0) {
    return (
      <span className="refine-summary none" role="status">
        no samples match
      </span>
    );
  }
  const pct = report.total ? (100 * report.kept) / report.total : 0;
  return (
    <span className="refine-summary" role="status" title={`The filters keep ${report.kept.toLocaleString('en-US')} of ${report.total.toLocaleString('en-US')}`}>
      {report.kept.toLocaleString('en-US')} ({pct >= 10 ? pct.toFixed(1) : pct.toPrecision(2)}%)
    </span>
  );
}

/** A filter that was refused while the editor is closed (e.g. from a link): click to correct it. */
function Refused({ onEdit }: { onEdit: (k: FilterKey) => void }) {
  const error = useRefine((s) => s.error);
  if (!error) return null;
  return (
    <button type="button" className="refine-chip refused" title={error.message} onClick={() => onEdit(error.filter ?? 'f')}>
      <AlertIcon />
      {error.filter ? FILTER_OPTIONS[error.filter].name : 'filter'} not applied
    </button>
  );
}

/** pprof's refine options as removable chips, and an editor to add or change one. */
export function RefineBar() {
  const filters = useView((s) => s.filters);
  const report = useRefine((s) => s.report);
  const [editing, setEditing] = useState<FilterKey | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => watchRefineReport(), []);
  useEffect(() => {
    if (editing === null) return;
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setEditing(null);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [editing]);
  const active = FILTER_KEYS.filter((k) => filters[k]);
  const unmatched = new Set(report?.unmatched ?? []);
  const firstFree = FILTER_KEYS.find((k) => !filters[k]) ?? 'f';
  return (
    <div className="refine-bar" ref={root} aria-label="Refine">
      {active.map((k) => (
        <Chip key={k} k={k} pattern={filters[k]!} unmatched={unmatched.has(k)} onEdit={() => setEditing(k)} />
      ))}
      {active.length > 0 && <Summary />}
      {editing === null && <Refused onEdit={setEditing} />}
      <button type="button" className="button small refine-add" aria-expanded={editing !== null} onClick={() => setEditing(editing === null ? firstFree : null)} title="Refine: focus, ignore, hide, show, show_from, tagfocus, tagignore">
        <FunnelIcon />
        Refine
      </button>
      {editing !== null && <FilterEditor key={editing} initial={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function FunnelIcon() {
  return (
    <svg className="icon-svg" width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M3 5h18l-7 8v6l-4 2v-8z" />
    </svg>
  );
}
