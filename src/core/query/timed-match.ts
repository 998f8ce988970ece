import { FILTER_OPTIONS } from '../options/filters';
import type { MatchJob, MatchRunner } from './refine-match';
import { RefineError, regexKey, type RegexSource } from './refine-regex';

/**
 * The part of a Worker the runner uses: a browser Worker running runMatchJobs (from the page or from
 * another Worker), or Node's worker_threads in tests.
 */
export interface MatchWorker {
  postMessage(jobs: MatchJob[]): void;
  terminate(): void;
  onmessage: ((e: { data: MatchReply }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
}

/** What the regex Worker sends back: which job it started, then all results. */
export type MatchReply = { started: number } | { results: Uint8Array[] };

/** Thrown to the caller whose regex work was cut short by a newer request. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer query');
  }
}

/** How long a user's regex may run before it is stopped. */
export const REGEX_TIMEOUT_MS = 2000;

function tooLong(timeoutMs: number): string {
  return `regex took too long (stopped after ${timeoutMs / 1000} s); simplify the pattern (nested repeats like (a+)+ can take forever)`;
}

/**
 * Runs regex jobs in a separate Worker with a time limit: a catastrophic regex costs that Worker
 * (terminated, replaced on the next run), never the caller's thread. One run at a time; `cancel`
 * ends the current one.
 */
export class TimedMatchRunner {
  private idle: MatchWorker | null = null;
  private current: { worker: MatchWorker; fail: (e: Error) => void } | null = null;

  constructor(
    private spawn: () => MatchWorker,
    private timeoutMs: number,
  ) {}

  readonly run: MatchRunner = (jobs) => {
    this.cancel();
    if (jobs.length === 0) return Promise.resolve([]);
    const worker = this.idle ?? this.spawn();
    this.idle = null;
    return new Promise<Uint8Array[]>((resolve, reject) => {
      let running = 0;
      const finish = (error: Error | null, results?: Uint8Array[]) => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        this.current = null;
        if (error) {
          worker.terminate();
          reject(error);
        } else {
          this.idle = worker;
          resolve(results!);
        }
      };
      const timer = setTimeout(() => {
        const { filter } = jobs[running];
        finish(new RefineError(`${filter ? `${FILTER_OPTIONS[filter].name}: ` : ''}${tooLong(this.timeoutMs)}`, filter));
      }, this.timeoutMs);
      worker.onmessage = ({ data }) => {
        if ('started' in data) running = data.started;
        else finish(null, data.results);
      };
      worker.onerror = (e) => finish(new RefineError(`regex worker failed (${e.message})`));
      this.current = { worker, fail: (e) => finish(e) };
      worker.postMessage(jobs);
    });
  };

  /** Ends the run in progress, if any; its caller gets Superseded. */
  cancel(): void {
    this.current?.fail(new Superseded());
  }
}

/**
 * Tests one user regex against a list of distinct names (function names, row names) in a
 * TimedMatchRunner, so a catastrophic pattern costs a throwaway Worker instead of the caller's
 * thread. The last answer (or time-out) for the same names and regex is reused. A newer call
 * supersedes one in flight (it rejects with Superseded); a time-out rejects with a RefineError.
 */
export class TimedNameMatcher {
  private last: { names: readonly string[]; key: string; match: Uint8Array | null; error: Error | null } | null = null;

  constructor(private runner: TimedMatchRunner) {}

  /** One byte per name, 1 where the regex matches. The array is shared with later calls: copy it before transferring. */
  async match(names: readonly string[], regex: RegexSource): Promise<Uint8Array> {
    const key = regexKey(regex);
    const last = this.last;
    if (last && last.names === names && last.key === key) {
      if (last.error) throw last.error;
      return last.match!;
    }
    try {
      const [match] = await this.runner.run([{ regex, strings: names as string[] }]);
      this.last = { names, key, match, error: null };
      return match;
    } catch (e) {
      if (e instanceof RefineError) this.last = { names, key, match: null, error: e };
      throw e;
    }
  }

  cancel(): void {
    this.runner.cancel();
  }
}
