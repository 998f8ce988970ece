/** What orders snapshots in a series. */
export interface CaptureKeys {
  seq: number | null;
  timeMs: number | null;
  lastGoroutineId: number | null;
  fileTimeMs: number | null;
  loadOrder: number;
}

/** Orders known values ascending and unknown ones after them (so the order stays transitive). */
function byKnown(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

/**
 * The number or timestamp in the file name, then the capture time, then the newest goroutine id of
 * text dumps, then the file's date, then load order; a snapshot lacking a key sorts after those having it.
 */
export function captureOrder(a: CaptureKeys, b: CaptureKeys): number {
  return (
    byKnown(a.seq, b.seq) ||
    byKnown(a.timeMs, b.timeMs) ||
    byKnown(a.lastGoroutineId, b.lastGoroutineId) ||
    byKnown(a.fileTimeMs, b.fileTimeMs) ||
    a.loadOrder - b.loadOrder
  );
}
