import { SMALL_FRAMES, type FlameWindow } from './window';

/** What part of a flame graph is on screen, in pixels. */
export interface Viewport {
  /** Value at the left edge of the screen. */
  x0: number;
  pxPerUnit: number;
  /** Screen width in pixels. */
  width: number;
  /** Rows (depths) on screen: [rowFrom, rowTo). */
  rowFrom: number;
  rowTo: number;
  /** Frames narrower than this merge with their smaller siblings into one box. */
  minPx: number;
}

/** One box to draw. */
export interface Box {
  /** Index of the frame in the window (for a run of small frames, the first of them). */
  frame: number;
  left: number;
  width: number;
  depth: number;
  /** For a run of small frames: how many frames it stands for (0 for one frame). */
  run: number;
  /** The run's value. */
  runValue: number;
}

/**
 * The boxes of a window that are on screen, parents before children, siblings left to right. Runs of
 * siblings narrower than minPx become one box; subtrees off screen are skipped whole, so the cost
 * follows what is drawn, not the size of the graph.
 */
export function visibleBoxes(win: FlameWindow, vp: Viewport, out: Box[] = []): Box[] {
  out.length = 0;
  const { x, width, self, depth, end, parent, key, count, size } = win;
  const ppu = vp.pxPerUnit;
  let i = 0;
  while (i < size) {
    const d = depth[i];
    if (d >= vp.rowTo) {
      i = end[i];
      continue;
    }
    const left = (x[i] - vp.x0) * ppu;
    const w = width[i] * ppu;
    if (left + w <= 0) {
      i = end[i];
      continue;
    }
    const p = parent[i];
    if (left >= vp.width) {
      i = p >= 0 ? end[p] : size;
      continue;
    }
    if (p >= 0 && (w < vp.minPx || key[i] === SMALL_FRAMES)) {
      // This frame and every later sibling (all smaller) as one box.
      const runEnd = x[p] + width[p] - self[p];
      let frames = 0;
      for (let j = i; j < end[p]; j = end[j]) frames += key[j] === SMALL_FRAMES ? count[j] : 1;
      const right = Math.min(vp.width, (runEnd - vp.x0) * ppu);
      const l = Math.max(0, left);
      if (d >= vp.rowFrom && right - l > 0) out.push({ frame: i, left: l, width: right - l, depth: d, run: frames, runValue: runEnd - x[i] });
      i = end[p];
      continue;
    }
    if (d >= vp.rowFrom) {
      const l = Math.max(0, left);
      out.push({ frame: i, left: l, width: Math.min(vp.width, left + w) - l, depth: d, run: 0, runValue: 0 });
    }
    i++;
  }
  return out;
}

/** The box at a point (pixels, row), or undefined. */
export function boxAt(boxes: readonly Box[], px: number, row: number): Box | undefined {
  for (const b of boxes) if (b.depth === row && px >= b.left && px < b.left + b.width) return b;
  return undefined;
}
