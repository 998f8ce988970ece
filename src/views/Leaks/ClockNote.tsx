import { useEffect, useState } from 'react';
import type { ClockSource } from '../../core/analysis/clock';
import { parseDuration } from '../../core/units/duration';
import { useLeaks } from '../../store/leaks';

/**
 * For a series without capture times: why growth is per snapshot, and a field for the time between
 * snapshots that rates it per minute; with an interval given, the field to change it and any doubt about it.
 */
export function ClockNote({ clock, note }: { clock: ClockSource; note: string | null }) {
  const interval = useLeaks((s) => s.interval);
  const [draft, setDraft] = useState(interval);
  useEffect(() => setDraft(interval), [interval]);
  if (clock === 'capture' || (clock === 'none' && !note)) return null;
  const text = draft.trim();
  const invalid = text !== '' && parseDuration(text) === null;
  const edit = (value: string) => {
    setDraft(value);
    const v = value.trim();
    if (v === '' || parseDuration(v) !== null) useLeaks.getState().setInterval(v);
  };
  return (
    <div className={`leaks-note leaks-clock${clock === 'interval' && note ? ' doubt' : ''}${note ? '' : ' given'}`}>
      <span className="leaks-clock-text">{note ?? 'Capture times unknown: growth per minute at the interval given.'}</span>
      <label className="leaks-interval">
        Interval between snapshots
        <input
          type="text"
          value={draft}
          placeholder="e.g. 15s"
          spellCheck={false}
          aria-invalid={invalid}
          title="Go duration: 500ms, 15s, 1m, 1m30s"
          onChange={(e) => edit(e.target.value)}
        />
      </label>
      {invalid && <span className="leaks-interval-error">a duration such as 15s, 1m or 1m30s</span>}
      {clock === 'interval' && (
        <button className="link" onClick={() => edit('')}>
          back to growth per snapshot
        </button>
      )}
    </div>
  );
}
