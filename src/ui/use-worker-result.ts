import { useEffect, useState } from 'react';

export interface WorkerResult<T> {
  data: T | null;
  /** A newer answer is being computed (the previous one stays on screen). */
  busy: boolean;
  error: string | null;
}

/** Runs a Worker query whenever `deps` change; stale answers are dropped. */
export function useWorkerResult<T>(run: (() => Promise<T>) | null, deps: unknown[]): WorkerResult<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!run) {
      setState({ data: null, error: null });
      return;
    }
    let live = true;
    setBusy(true);
    run()
      .then(
        (data) => live && setState({ data, error: null }),
        (e: Error) => live && setState({ data: null, error: e.message }),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, deps);
  return { ...state, busy };
}
