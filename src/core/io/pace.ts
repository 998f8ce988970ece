/** Thrown out of a decode whose signal was aborted: the user stopped it, the input is not at fault. */
export class DecodeCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'DecodeCancelled';
  }
}

/** How long a decode runs before it gives way to other messages (such as a cancel). */
const SLICE_MS = 80;

/**
 * Lets a long decode give way now and then and stop there when its signal is aborted. Without a
 * signal (the command, tests) it never yields: nothing could ask it to stop.
 */
export class Pace {
  private last = performance.now();

  constructor(private readonly signal?: AbortSignal) {}

  /** Whether the slice is over; cheap enough to ask every few hundred items. */
  due(): boolean {
    return this.signal !== undefined && performance.now() - this.last > SLICE_MS;
  }

  /** Gives way to other tasks, then stops the decode if it was cancelled meanwhile. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.last = performance.now();
    this.check();
  }

  /** Stops the decode if it was cancelled. */
  check(): void {
    if (this.signal?.aborted) throw new DecodeCancelled();
  }
}

/** The pace of a decode nothing can cancel. */
export const UNCANCELLABLE = new Pace();
