import { useEffect, useState } from 'react';
import type { ViewQuery } from '../../core/query/view-query';
import { worker } from '../../worker/client';
import type { SourceListResult, SourceRequest } from '../../worker/source';

export interface SourceListState {
  result: SourceListResult | null;
  error: string | null;
  busy: boolean;
}

/** The Worker's per-line numbers for a request (memoise it); null request: nothing to list. */
export function useSourceList(query: ViewQuery | null, req: SourceRequest | null): SourceListState {
  const [state, setState] = useState<Omit<SourceListState, 'busy'>>({ result: null, error: null });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!query || !req) {
      setState({ result: null, error: null });
      return;
    }
    let live = true;
    setBusy(true);
    worker
      .sourceList(query, req)
      .then(
        (result) => live && setState({ result, error: null }),
        (e: Error) => live && setState({ result: null, error: e.message }),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [query, req]);
  return { ...state, busy };
}
