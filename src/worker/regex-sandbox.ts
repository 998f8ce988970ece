import { REGEX_TIMEOUT_MS, TimedMatchRunner, type MatchWorker } from '../core/query/timed-match';

/**
 * A runner whose user regexes run in a throwaway browser Worker with a time limit, so a catastrophic
 * pattern costs that Worker and not the caller's thread; used from the page and from the data Worker.
 */
export function timedRegexRunner(timeoutMs = REGEX_TIMEOUT_MS): TimedMatchRunner {
  return new TimedMatchRunner(() => new Worker(new URL('./refine-regex-worker.ts', import.meta.url), { type: 'module' }) as MatchWorker, timeoutMs);
}
