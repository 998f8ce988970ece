import type { MergedTree } from './merge';

/**
 * A merged tree ready to be drawn: children ordered by weight (heaviest first, ties by name, as
 * pprof orders them), sorted lazily the first time a node is opened, so showing the top of a
 * 1,000,000-node graph never sorts the whole of it.
 */
export class FlameModel {
  readonly tree: MergedTree;
  readonly names: readonly string[];
  /** Children of node i are children[first[i] .. first[i + 1]). */
  private first: Int32Array;
  private children: Int32Array;
  private sorted: Uint8Array;
  private rank: Int32Array;

  /** `shape`: the tree's children lists when already built (a skeleton's); they are copied, not changed. */
  constructor(tree: MergedTree, names: readonly string[], shape?: { first: Int32Array; children: Int32Array }) {
    this.tree = tree;
    this.names = names;
    const { size, parent } = tree;
    if (shape) {
      this.first = shape.first;
      this.children = shape.children.slice();
    } else {
      const first = new Int32Array(size + 1);
      for (let i = 1; i < size; i++) first[parent[i] + 1]++;
      for (let i = 0; i < size; i++) first[i + 1] += first[i];
      const fill = first.slice(0, size);
      const children = new Int32Array(size);
      for (let i = 1; i < size; i++) children[fill[parent[i]]++] = i;
      this.first = first;
      this.children = children;
    }
    this.sorted = new Uint8Array(size);
    this.rank = nameRanks(names);
  }

  /** Children of a node, heaviest first. The array is shared: do not modify it. */
  childrenOf(node: number): Int32Array {
    const list = this.children.subarray(this.first[node], this.first[node + 1]);
    if (!this.sorted[node]) {
      this.sorted[node] = 1;
      if (list.length > 1) {
        const { cum, key } = this.tree;
        const rank = this.rank;
        list.sort((a, b) => cum[b] - cum[a] || rank[key[a]] - rank[key[b]] || a - b);
      }
    }
    return list;
  }

  /** The child of `node` with key `k`, or -1. */
  childByKey(node: number, k: number): number {
    const { key } = this.tree;
    for (let c = this.first[node]; c < this.first[node + 1]; c++) if (key[this.children[c]] === k) return this.children[c];
    return -1;
  }

  /** Left edge of a node, in value units from the root's left edge. */
  xOf(node: number): number {
    const { parent, cum } = this.tree;
    let x = 0;
    for (let n = node; n > 0; n = parent[n]) {
      for (const c of this.childrenOf(parent[n])) {
        if (c === n) break;
        x += cum[c];
      }
    }
    return x;
  }

  /** Names from the root's child down to `node`. */
  pathOf(node: number): string[] {
    const out: string[] = [];
    for (let n = node; n > 0; n = this.tree.parent[n]) out.push(this.names[this.tree.key[n]]);
    return out.reverse();
  }

  /** The deepest node along a path of names, and how many of them matched. */
  find(path: readonly string[]): { node: number; matched: number } {
    let node = 0;
    let matched = 0;
    for (const name of path) {
      let next = -1;
      for (const c of this.childrenOf(node)) {
        if (this.tree.cum[c] > 0 && this.names[this.tree.key[c]] === name) {
          next = c;
          break;
        }
      }
      if (next < 0) break;
      node = next;
      matched++;
    }
    return { node, matched };
  }
}

/** Rank of each name in sorted order, so ties sort by name without comparing strings. */
function nameRanks(names: readonly string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
  const rank = new Int32Array(names.length);
  order.forEach((id, r) => (rank[id] = r));
  return rank;
}
