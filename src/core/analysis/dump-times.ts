import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';

/**
 * How far a text dump may differ from the protobuf snapshot it was taken with: goroutines that came
 * and went in between (a connection's reader, a request), up to this share of all or this many.
 */
export const SAME_CAPTURE_MISMATCH = { share: 0.05, goroutines: 2 };

/** The goroutine writing the profile: its stack differs by format, and it is not the program's. */
const PROFILE_WRITER = 'runtime/pprof.writeGoroutine';

const signatures = new WeakMap<Session, Map<number, string>>();
const countsCache = new WeakMap<Snapshot, Map<string, number>>();

/**
 * A stack as every format writes it: function and file:line per frame, leaf first, without the
 * runtime frames text dumps leave out (under the blocking call, and runtime.main or runtime.goexit
 * at the root); '' for the goroutine writing the profile.
 */
function signature(session: Session, stack: number): string {
  let bySession = signatures.get(session);
  if (!bySession) {
    bySession = new Map();
    signatures.set(session, bySession);
  }
  let sig = bySession.get(stack);
  if (sig === undefined) {
    const frames = session.stacks.framesOf(stack);
    let start = 0;
    while (start < frames.length - 1 && session.funcName(frames[start]).startsWith('runtime.')) start++;
    let end = frames.length;
    while (end > start + 1 && session.funcName(frames[end - 1]).startsWith('runtime.')) end--;
    const kept = frames.slice(start, end);
    sig = kept.some((f) => session.funcName(f) === PROFILE_WRITER)
      ? ''
      : kept.map((f) => `${session.funcName(f)} ${session.fileName(f)}:${session.frames.line.get(f)}`).join('\n');
    bySession.set(stack, sig);
  }
  return sig;
}

/** Goroutines per stack signature, labels ignored. */
function countsBySignature(session: Session, s: Snapshot): Map<string, number> {
  let counts = countsCache.get(s);
  if (!counts) {
    counts = new Map();
    const values = s.values[s.defaultSampleType];
    for (let i = 0; i < s.groups.length; i++) {
      const sig = signature(session, session.groups.stack.get(s.groups[i]));
      if (sig !== '') counts.set(sig, (counts.get(sig) ?? 0) + Math.abs(values[i]));
    }
    countsCache.set(s, counts);
  }
  return counts;
}

/** Goroutines of the larger of two snapshots that the other does not have on the same stack. */
export function stackMismatch(a: Map<string, number>, b: Map<string, number>): { mismatch: number; total: number } {
  let shared = 0;
  let totalA = 0;
  let totalB = 0;
  for (const [sig, n] of a) {
    totalA += n;
    shared += Math.min(n, b.get(sig) ?? 0);
  }
  for (const n of b.values()) totalB += n;
  const total = Math.max(totalA, totalB);
  return { mismatch: total - shared, total };
}

/**
 * Where a text dump without a capture time of its own stands on the protobuf series: taken with one
 * snapshot (and at its capture time), or between two, without a time of its own.
 */
export type DumpPlace = { takenWith: Snapshot } | { after: Snapshot; before: Snapshot };

const placeCache = new WeakMap<Snapshot, { among: string; place: DumpPlace | null }>();

/** The capture time a place gives a dump: that of the snapshot it was taken with, else none. */
export function placedTime(place: DumpPlace | undefined): number | null {
  return place && 'takenWith' in place ? place.takenWith.timeMs : null;
}

/**
 * The place of each text dump of `kind` without a capture time among the timed protobuf snapshots
 * of the session: taken with the one whose goroutines per stack it matches best, within
 * SAME_CAPTURE_MISMATCH; else between the two consecutive ones whose counts enclose its own, stack
 * for stack, within the same margin. A dump placed nowhere is left out (it has no time).
 */
export function placeDumps(session: Session, kind: string): Map<Snapshot, DumpPlace> {
  const timed = session.snapshots
    .filter((s) => s.kind === kind && s.format === 'pprof' && s.timeMs !== null)
    .sort((a, b) => (a.timeMs as number) - (b.timeMs as number));
  const out = new Map<Snapshot, DumpPlace>();
  if (timed.length === 0) return out;
  const among = timed.map((s) => s.id).join();
  for (const dump of session.snapshots) {
    if (dump.kind !== kind || dump.format === 'pprof' || dump.timeMs !== null) continue;
    let hit = placeCache.get(dump);
    if (hit?.among !== among) {
      hit = { among, place: placeAmong(session, dump, timed) };
      placeCache.set(dump, hit);
    }
    if (hit.place) out.set(dump, hit.place);
  }
  return out;
}

const allowedMismatch = (total: number) => Math.max(SAME_CAPTURE_MISMATCH.goroutines, total * SAME_CAPTURE_MISMATCH.share);

function placeAmong(session: Session, dump: Snapshot, timed: Snapshot[]): DumpPlace | null {
  const counts = countsBySignature(session, dump);
  let best: DumpPlace | null = null;
  let fewest = Infinity;
  for (const pb of timed) {
    const { mismatch, total } = stackMismatch(counts, countsBySignature(session, pb));
    if (mismatch <= allowedMismatch(total) && mismatch < fewest) {
      best = { takenWith: pb };
      fewest = mismatch;
    }
  }
  if (best) return best;
  for (let i = 1; i < timed.length; i++) {
    const [after, before] = [timed[i - 1], timed[i]];
    const { outside, total } = outsideRange(counts, countsBySignature(session, after), countsBySignature(session, before));
    if (outside <= allowedMismatch(total) && outside < fewest) {
      best = { after, before };
      fewest = outside;
    }
  }
  return best;
}

/** Goroutines of `d` beyond the range the two snapshots' counts span, stack by stack. */
function outsideRange(d: Map<string, number>, a: Map<string, number>, b: Map<string, number>): { outside: number; total: number } {
  let outside = 0;
  let total = 0;
  for (const sig of new Set([...d.keys(), ...a.keys(), ...b.keys()])) {
    const [n, x, y] = [d.get(sig) ?? 0, a.get(sig) ?? 0, b.get(sig) ?? 0];
    total += Math.max(n, x, y);
    outside += Math.max(0, n - Math.max(x, y), Math.min(x, y) - n);
  }
  return { outside, total };
}
