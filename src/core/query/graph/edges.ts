import type { CallTree } from '../call-tree';
import { PairTable } from '../../model/pair-table';

/** A call between two report nodes, in report-key ids. */
export interface KeyEdge {
  src: number;
  dst: number;
  /** Value of the samples through this call, counted once per sample. */
  weight: number;
  /** The call skips one or more dropped nodes. */
  residual: boolean;
  /** Every call behind the edge was inlined into the caller. */
  inline: boolean;
}

/** Edge ids by (source, destination) slot: a flat matrix for the usual few hundred kept nodes, else a hash. */
class EdgeIndex {
  private matrix: Int32Array | null;
  private table: PairTable | null;

  constructor(private slots: number) {
    this.matrix = slots <= 1024 ? new Int32Array(slots * slots).fill(-1) : null;
    this.table = this.matrix ? null : new PairTable(1024);
  }

  get(a: number, b: number): number {
    return this.matrix ? this.matrix[a * this.slots + b] : this.table!.get(a, b);
  }

  set(a: number, b: number, e: number): void {
    if (this.matrix) this.matrix[a * this.slots + b] = e;
    else this.table!.set(a, b, e);
  }
}

/** Per-node children of a call tree, as offsets into one list (CSR). */
function childLists(parent: Int32Array): { start: Int32Array; child: Int32Array } {
  const n = parent.length;
  const start = new Int32Array(n + 1);
  for (let i = 1; i < n; i++) start[parent[i] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const child = new Int32Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) child[fill[parent[i]]++] = i;
  return { start, child };
}

/**
 * pprof's graph edges between the kept report nodes: for each sample, an edge from each kept node
 * to the next kept node below it (residual when dropped nodes lie between), counted once per
 * sample even under recursion, never from a node to itself.
 */
export function collectEdges(tree: CallTree, keyOfFrame: Int32Array, inlined: Int32Array, kept: Uint8Array): KeyEdge[] {
  const { parent, frame, self } = tree;
  const n = parent.length;
  // Value of the samples through each tree node: an edge's first appearance on a path carries all of them.
  const through = Float64Array.from(self);
  for (let i = n - 1; i > 0; i--) through[parent[i]] += through[i];
  const { start, child } = childLists(parent);
  const lastKept = new Int32Array(n).fill(-1);
  const skipped = new Uint8Array(n);
  const pathEdge = new Int32Array(n).fill(-1);
  const edges: KeyEdge[] = [];
  let onPath = new Int32Array(256);
  const slot = new Int32Array(kept.length);
  let slots = 0;
  for (let k = 0; k < kept.length; k++) slot[k] = kept[k] ? slots++ : -1;
  const index = new EdgeIndex(slots);
  // Depth-first, so that each edge knows whether it is already on the path (recursion); ~i marks leaving node i.
  const stack = new Int32Array(2 * n);
  let top = 0;
  for (let c = start[0]; c < start[1]; c++) stack[top++] = child[c];
  while (top > 0) {
    const i = stack[--top];
    if (i < 0) {
      const e = pathEdge[~i];
      if (e >= 0) onPath[e]--;
      continue;
    }
    const f = frame[i];
    const k = keyOfFrame[f];
    const above = parent[i];
    if (kept[k]) {
      const from = lastKept[above];
      if (from >= 0 && from !== k) {
        let e = index.get(slot[from], slot[k]);
        if (e < 0) {
          e = edges.length;
          index.set(slot[from], slot[k], e);
          edges.push({ src: from, dst: k, weight: 0, residual: false, inline: true });
          if (e === onPath.length) {
            const grown = new Int32Array(e * 2);
            grown.set(onPath);
            onPath = grown;
          }
        }
        if (onPath[e] === 0) {
          const edge = edges[e];
          edge.weight += through[i];
          if (skipped[above]) edge.residual = true;
          if (!inlined[f]) edge.inline = false;
        }
        onPath[e]++;
        pathEdge[i] = e;
      }
      lastKept[i] = k;
    } else {
      lastKept[i] = lastKept[above];
      skipped[i] = 1;
    }
    stack[top++] = ~i;
    for (let c = start[i]; c < start[i + 1]; c++) stack[top++] = child[c];
  }
  return edges;
}
