import type { FlameWindow } from '../../src/core/flame/window';

/** Window indexes of the direct children of frame i, left to right. */
export function childrenOfWindow(w: FlameWindow, i: number): number[] {
  const out: number[] = [];
  for (let c = i + 1; c < w.end[i]; c = w.end[c]) out.push(c);
  return out;
}
