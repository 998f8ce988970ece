import type { FlameModel } from './model';

/** Key of a frame that stands for a run of siblings too small to draw one by one. */
export const SMALL_FRAMES = -2;
/** Key of the root frame. */
export const ROOT = -1;

/**
 * The frames of a flame graph that a view of the value range [x0, x1) can show at a resolution of
 * `minWidth` value units: in depth-first order (a frame's subtree is [i, end[i])), heaviest child
 * first. Siblings narrower than minWidth merge into one SMALL_FRAMES frame.
 */
export interface FlameWindow {
  /** Model node of each frame (-1 for a run of small frames). */
  node: Int32Array;
  /** Name id, ROOT or SMALL_FRAMES. */
  key: Int32Array;
  depth: Int32Array;
  x: Float64Array;
  width: Float64Array;
  self: Float64Array;
  parent: Int32Array;
  end: Int32Array;
  line: Int32Array;
  /** How many frames a run of small frames stands for (0 for other frames). */
  count: Int32Array;
  size: number;
  x0: number;
  x1: number;
  minWidth: number;
}

class Growable {
  node: number[] = [];
  key: number[] = [];
  depth: number[] = [];
  x: number[] = [];
  width: number[] = [];
  self: number[] = [];
  parent: number[] = [];
  line: number[] = [];
  count: number[] = [];

  push(node: number, key: number, depth: number, x: number, width: number, self: number, parent: number, line: number, count: number): number {
    this.node.push(node);
    this.key.push(key);
    this.depth.push(depth);
    this.x.push(x);
    this.width.push(width);
    this.self.push(self);
    this.parent.push(parent);
    this.line.push(line);
    this.count.push(count);
    return this.node.length - 1;
  }
}

interface Pending {
  /** Model node, or -1 for a run of small frames. */
  node: number;
  x: number;
  parent: number;
  /** For a run of small frames: its width and how many frames it stands for. */
  width: number;
  count: number;
}

export function extractWindow(model: FlameModel, x0: number, x1: number, minWidth: number): FlameWindow {
  const { cum, self, key, depth, line } = model.tree;
  const out = new Growable();
  // Depth-first with an explicit stack (stacks can be thousands of frames deep).
  const stack: Pending[] = [{ node: 0, x: 0, parent: -1, width: 0, count: 0 }];
  const visit: Pending[] = [];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p.node < 0) {
      out.push(-1, SMALL_FRAMES, depth[out.node[p.parent]] + 1, p.x, p.width, 0, p.parent, 0, p.count);
      continue;
    }
    const node = p.node;
    const at = out.push(node, node === 0 ? ROOT : key[node], depth[node], p.x, cum[node], self[node], p.parent, line[node], 0);
    const children = model.childrenOf(node);
    visit.length = 0;
    let cx = p.x;
    for (let i = 0; i < children.length && cx < x1; i++) {
      const c = children[i];
      const w = cum[c];
      if (w <= 0) continue;
      if (w < minWidth) {
        const rest = p.x + cum[node] - self[node] - cx;
        if (cx + rest > x0) visit.push({ node: -1, x: cx, parent: at, width: rest, count: children.length - i });
        break;
      }
      if (cx + w > x0) visit.push({ node: c, x: cx, parent: at, width: 0, count: 0 });
      cx += w;
    }
    for (let i = visit.length - 1; i >= 0; i--) stack.push(visit[i]);
  }
  return finish(out, x0, x1, minWidth);
}

function finish(g: Growable, x0: number, x1: number, minWidth: number): FlameWindow {
  const size = g.node.length;
  const parent = Int32Array.from(g.parent);
  const end = new Int32Array(size);
  for (let i = 0; i < size; i++) end[i] = i + 1;
  for (let i = size - 1; i > 0; i--) if (end[i] > end[parent[i]]) end[parent[i]] = end[i];
  return {
    node: Int32Array.from(g.node),
    key: Int32Array.from(g.key),
    depth: Int32Array.from(g.depth),
    x: Float64Array.from(g.x),
    width: Float64Array.from(g.width),
    self: Float64Array.from(g.self),
    parent,
    end,
    line: Int32Array.from(g.line),
    count: Int32Array.from(g.count),
    size,
    x0,
    x1,
    minWidth,
  };
}
