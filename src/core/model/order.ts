/** What orders snapshots in a series. */
export interface CaptureKeys {
  timeMs: number | null;
  seq: number | null;
  loadOrder: number;
}

/** Orders known values ascending and unknown ones after them (so the order stays transitive). */
function byKnown(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

/** Capture time, then the NNN of the file name, then load order; a snapshot lacking a key sorts after those having it. */
export function captureOrder(a: CaptureKeys, b: CaptureKeys): number {
  return byKnown(a.timeMs, b.timeMs) || byKnown(a.seq, b.seq) || a.loadOrder - b.loadOrder;
}
