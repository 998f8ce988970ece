import { SnapshotBuilder } from '../../src/core/model/builder';
import type { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';

/** A stack as function names, leaf first, e.g. ['runtime.gopark', 'runtime.chansend1', 'main.leak']. */
export type StackSpec = string[];

export const CHAN_SEND: StackSpec = ['runtime.gopark', 'runtime.chansend', 'runtime.chansend1', 'main.leak', 'runtime.goexit'];
export const SLEEP: StackSpec = ['runtime.gopark', 'time.Sleep', 'main.nap', 'runtime.goexit'];
export const POOL: StackSpec = ['runtime.gopark', 'runtime.chanrecv', 'runtime.chanrecv2', 'main.worker', 'runtime.goexit'];

const T0 = Date.UTC(2026, 0, 1);

function stackOf(b: SnapshotBuilder, session: Session, spec: StackSpec): number {
  const rootFirst = [...spec].reverse().map((name, i) => session.frames.intern(session.functions.intern(name, `/src/${name.split('.')[0]}.go`), 10 + i));
  return b.stack(rootFirst);
}

/**
 * Adds one goroutine snapshot per column to the session: counts[s][i] goroutines on stack s in
 * snapshot i, `stepMs` apart (null: no capture times).
 */
export function addSeries(session: Session, stacks: [StackSpec, number[]][], opts: { stepMs?: number | null; kind?: string } = {}): Snapshot[] {
  const n = Math.max(...stacks.map(([, c]) => c.length));
  const stepMs = opts.stepMs === undefined ? 60_000 : opts.stepMs;
  const out: Snapshot[] = [];
  for (let i = 0; i < n; i++) {
    const kind = opts.kind ?? 'goroutine';
    const b = new SnapshotBuilder(session, {
      name: `${kind}.${String(i + 1).padStart(3, '0')}`,
      format: 'pprof',
      kind,
      sampleTypes: [{ type: kind, unit: 'count' }],
      timeMs: stepMs === null ? null : T0 + i * stepMs,
    });
    for (const [spec, counts] of stacks) if (counts[i]) b.add(stackOf(b, session, spec), 0, [counts[i]]);
    out.push(session.add(b.finish(i + 1)));
  }
  return out;
}

/** 0, step, 2*step, … (n values) plus a base. */
export function linear(n: number, step: number, base = 0): number[] {
  return Array.from({ length: n }, (_, i) => base + i * step);
}
