import { FILTER_NAMES } from '../core/query/filters';
import type { MatchJob, MatchRunner } from '../core/query/refine-match';
import { RefineError } from '../core/query/refine-regex';

/** The part of a Worker the runner uses, so Node's worker_threads can stand in for tests. */
export interface MatchWorker {
  postMessage(jobs: MatchJob[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<MatchReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** What the regex Worker sends back: which job it started, then all results. */
export type MatchReply = { started: number } | { results: Uint8Array[] };

/** Thrown to the caller whose regex work was cut short by a newer request. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer query');
  }
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
        const job = jobs[running];
        const seconds = this.timeoutMs / 1000;
        finish(new RefineError(`${FILTER_NAMES[job.filter]}: regex took too long (stopped after ${seconds} s); simplify the pattern (nested repeats like (a+)+ can take forever)`, job.filter));
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
