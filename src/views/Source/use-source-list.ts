import type { ViewQuery } from '../../core/query/view-query';
import { useWorkerResult, type WorkerResult } from '../../app/use-worker-result';
import { worker } from '../../worker/client';
import type { SourceListResult, SourceRequest } from '../../worker/source';

/** The Worker's per-line numbers for a request (memoise it); null request: nothing to list. */
export function useSourceList(query: ViewQuery | null, req: SourceRequest | null): WorkerResult<SourceListResult> {
  return useWorkerResult(query && req && (() => worker.sourceList(query, req)), [query, req]);
}
