import { useEffect, useState } from 'react';
import { TrashIcon } from '../ui/icons';
import { clearAll } from '../actions/loading';

const CONFIRM_MS = 4000;

/** Removes every snapshot and error, after a second click so one slip does not lose a session. */
export function ClearAllButton({ count }: { count: number }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [armed]);
  if (armed) {
    return (
      <button className="button small danger" onClick={() => void clearAll()} onBlur={() => setArmed(false)} autoFocus>
        Remove all {count}?
      </button>
    );
  }
  return (
    <button className="icon" title="Remove all snapshots and errors" aria-label="Clear all" onClick={() => setArmed(true)}>
      <TrashIcon />
    </button>
  );
}
