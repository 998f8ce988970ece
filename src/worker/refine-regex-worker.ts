import { runMatchJobs, type MatchJob } from '../core/query/refine-match';
import type { MatchReply } from '../core/query/timed-match';

/** Entry of the throwaway Worker that tests user regexes against profile strings. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<MatchJob[]>) => {
  const results = runMatchJobs(e.data, (started) => scope.postMessage({ started } satisfies MatchReply));
  scope.postMessage({ results } satisfies MatchReply, results.map((r) => r.buffer));
};
