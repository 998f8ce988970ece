/**
 * How much of a live series is kept, by `parkview` for pages that connect later and by the page
 * itself: the newest captures within both bounds (a few large ones go sooner than many small ones).
 */
export const LIVE_LIMITS = { maxSnapshots: 2000, maxBytes: 512 * 1024 * 1024 };

/** How many of the oldest captures (`sizes` in bytes, oldest first) go so the rest fit; the newest always stays. */
export function oldestBeyond(sizes: readonly number[], limits = LIVE_LIMITS): number {
  let bytes = sizes.reduce((sum, n) => sum + n, 0);
  let drop = 0;
  while (drop < sizes.length - 1 && (sizes.length - drop > limits.maxSnapshots || bytes > limits.maxBytes)) bytes -= sizes[drop++];
  return drop;
}
