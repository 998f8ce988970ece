import type { RefObject } from 'react';
import type { SnapshotInfo } from '../../core/model/snapshot';
import { useSnapshots } from '../../store/snapshots';
import { useFlame } from '../../store/flame';
import type { FlameData, FlameSearch } from '../../worker/flame';
import { percentLabel } from '../../core/units/scale';
import { valueLabel, valueNoun } from '../../core/units/value';

interface Props {
  searchInput: RefObject<HTMLInputElement | null>;
  search: FlameSearch | null;
  data: FlameData | null;
  current: SnapshotInfo | undefined;
  labelKeys: string[];
  onExport: (kind: 'svg' | 'png') => void;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform);

/** Search, orientation, colouring, grouping, the diff base and export. */
export function FlameToolbar({ searchInput, search, data, current, labelKeys, onExport }: Props) {
  const text = useFlame((s) => s.search);
  const setSearch = useFlame((s) => s.setSearch);
  const orientation = useFlame((s) => s.orientation);
  const setOrientation = useFlame((s) => s.setOrientation);
  const colour = useFlame((s) => s.colour);
  const setColour = useFlame((s) => s.setColour);
  const groupBy = useFlame((s) => s.groupBy);
  const setGroupBy = useFlame((s) => s.setGroupBy);
  const snapshots = useSnapshots((s) => s.snapshots);
  const baseId = useSnapshots((s) => s.baseId);
  const setBase = useSnapshots((s) => s.setBase);
  const invalid = search !== null && !search.ok;
  return (
    <div className="view-bar flame-bar">
      <div className={invalid ? 'filter-box invalid' : 'filter-box'}>
        <input
          ref={searchInput}
          type="search"
          aria-label="Search frames"
          placeholder="Search or /regex/"
          value={text}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setSearch('');
              e.currentTarget.blur();
            }
          }}
          spellCheck={false}
        />
        {text === '' && <kbd>{IS_MAC ? '⌘F' : 'Ctrl F'}</kbd>}
      </div>
      <div className="flame-controls">
        <div className="segmented" role="group" aria-label="Orientation">
          <button className={orientation === 'icicle' ? 'active' : ''} onClick={() => setOrientation('icicle')} title="Root at the top (icicle)">
            Icicle
          </button>
          <button className={orientation === 'flame' ? 'active' : ''} onClick={() => setOrientation('flame')} title="Root at the bottom (flame)">
            Flame
          </button>
        </div>
        <label className="select-label">
          <select aria-label="Colour by" value={baseId !== null && data?.base ? 'diff' : colour} disabled={baseId !== null && !!data?.base} onChange={(e) => setColour(e.target.value as 'package' | 'state')}>
            <option value="package">Colour: package</option>
            {(!data || valueNoun(data.sampleType) === 'goroutines') && <option value="state">{current?.format === 'debug2' ? 'Colour: wait state' : 'Colour: inferred state'}</option>}
            {baseId !== null && data?.base && <option value="diff">Colour: change</option>}
          </select>
        </label>
        {labelKeys.length > 0 && (
          <label className="select-label">
            <select aria-label="Group by label" value={groupBy ?? ''} onChange={(e) => setGroupBy(e.target.value || null)}>
              <option value="">Group: none</option>
              {labelKeys.map((k) => (
                <option key={k} value={k}>
                  Group: {k}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="select-label">
          <select aria-label="Base snapshot" title="Compare with a base snapshot: widths stay this snapshot's, colours show the change" value={baseId ?? ''} onChange={(e) => setBase(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">Compare: none</option>
            {snapshots
              .filter((s) => s.id !== current?.id)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  Compare: {s.name}
                </option>
              ))}
          </select>
        </label>
        <div className="segmented" role="group" aria-label="Export">
          <button onClick={() => onExport('svg')} title="Download the graph as it is zoomed now, as SVG" disabled={!data}>
            SVG
          </button>
          <button onClick={() => onExport('png')} title="Download the graph as it is zoomed now, as PNG" disabled={!data}>
            PNG
          </button>
        </div>
      </div>
    </div>
  );
}

/** The search's counts, or on one line why it found nothing (an invalid regex, or one that took too long). */
export function SearchSummary({ search, data }: { search: FlameSearch | null; data: FlameData | null }) {
  if (!search) return null;
  if (!search.ok) {
    return (
      <span className="flame-search-summary flame-search-error" role="alert" title={search.error}>
        {search.error}
      </span>
    );
  }
  if (!data) return null;
  const frames = search.frames;
  return (
    <span className="flame-search-summary" aria-live="polite">
      <strong>{frames.toLocaleString('en-US')}</strong> {frames === 1 ? 'match' : 'matches'}, <strong>{valueLabel(search.value, data.unit)}</strong> {valueNoun(data.sampleType)} ({percentLabel(search.value, data.total)})
    </span>
  );
}
