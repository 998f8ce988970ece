import { useEffect, useState } from 'react';
import type { ViewQuery } from '../../core/query/view-query';
import { useWorkerResult, type WorkerResult } from '../../ui/use-worker-result';
import { worker } from '../../worker/client';
import type { SourceListResult, SourceRequest } from '../../worker/source';

/**
 * The Worker's per-line numbers for a request (memoise it); null request: nothing to list.
 * When a request fails (a bad regex, or one that took too long) the last listing stays as `data`
 * beside the error.
 */
export function useSourceList(query: ViewQuery | null, req: SourceRequest | null): WorkerResult<SourceListResult> {
  const result = useWorkerResult(query && req && (() => worker.sourceList(query, req)), [query, req]);
  const [kept, setKept] = useState<SourceListResult | null>(null);
  useEffect(() => {
    if (result.data) setKept(result.data);
  }, [result.data]);
  return result.error && !result.data ? { ...result, data: kept } : result;
}
