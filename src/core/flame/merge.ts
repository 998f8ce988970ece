import { PairTable } from '../model/pair-table';
import type { CallTree } from '../query/call-tree';

/** A tree to merge: nodes as (parent, key) with self values, every parent before its children. */
export interface KeyedTree {
  parent: ArrayLike<number>;
  key: ArrayLike<number>;
  self: ArrayLike<number>;
  /** Source line of each node (0 when unknown). */
  line: ArrayLike<number>;
}

/**
 * The flame graph's tree: one node per distinct path of report keys (a function, at `functions`
 * granularity). Node 0 is the root (key -1); parents come before their children.
 */
export interface MergedTree {
  parent: Int32Array;
  key: Int32Array;
  self: Float64Array;
  /** Value of the samples through the node: its width. */
  cum: Float64Array;
  depth: Int32Array;
  /** Line of the heaviest call merged into the node. */
  line: Int32Array;
  size: number;
  total: number;
  maxDepth: number;
  /** Set when the tree is a snapshot's values on a session-wide skeleton (see skeleton.ts). */
  skeleton?: object;
}

/** A call tree's nodes keyed by report node (see query/granularity.ts). */
export function keyedCallTree(tree: CallTree, keyOfFrame: ArrayLike<number>, lineOfFrame: ArrayLike<number>): KeyedTree {
  const n = tree.parent.length;
  const key = new Int32Array(n);
  const line = new Int32Array(n);
  key[0] = -1;
  for (let i = 1; i < n; i++) {
    key[i] = keyOfFrame[tree.frame[i]];
    line[i] = lineOfFrame[tree.frame[i]] ?? 0;
  }
  return { parent: tree.parent, key, self: tree.self, line };
}

/**
 * Merges siblings with the same key (two lines of one function under one caller become one frame),
 * recursively. One pass in input order keeps memory access mostly sequential: children of a merged
 * node that stands for one input node are told apart by a per-key stamp; the rare node standing for
 * several uses a hash table.
 */
export function mergeByKey(input: KeyedTree): MergedTree {
  return mergeKeyed(input).tree;
}

/** mergeByKey, also giving the merged node of each input node. */
export function mergeKeyed(input: KeyedTree): { tree: MergedTree; ofInput: Int32Array } {
  const inParent = input.parent;
  const inKey = input.key;
  const inSelf = input.self;
  const inLine = input.line;
  const n = inParent.length;
  let maxKey = 0;
  for (let i = 1; i < n; i++) if (inKey[i] > maxKey) maxKey = inKey[i];
  const inStart = new Int32Array(n + 1);
  for (let i = 1; i < n; i++) inStart[inParent[i] + 1]++;
  for (let i = 0; i < n; i++) inStart[i + 1] += inStart[i];
  const inFill = inStart.slice(0, n);
  const inChildren = new Int32Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) inChildren[inFill[inParent[i]]++] = i;
  // With values, each merged node takes the line of its heaviest member (by the input's own cum);
  // without (a skeleton), the line of its first.
  let weighted = false;
  for (let i = 0; i < n && !weighted; i++) weighted = inSelf[i] !== 0;
  const inCum = weighted ? Float64Array.from(inSelf) : null;
  if (inCum) for (let i = n - 1; i > 0; i--) inCum[inParent[i]] += inCum[i];
  const best = weighted ? new Float64Array(n) : null;

  const merged = new Int32Array(n);
  const parent = new Int32Array(n);
  const key = new Int32Array(n);
  const self = new Float64Array(n);
  const line = new Int32Array(n);
  const depth = new Int32Array(n);
  // How many input nodes each merged node stands for, counted up to 2.
  const members = new Uint8Array(n);
  const firstMember = new Int32Array(n);
  const stamp = new Int32Array(maxKey + 1).fill(-1);
  const slot = new Int32Array(maxKey + 1);
  let shared: PairTable | null = null;
  parent[0] = -1;
  key[0] = -1;
  self[0] = n > 0 ? inSelf[0] : 0;
  members[0] = 1;
  let size = 1;
  let maxDepth = 0;
  for (let u = 0; u < n; u++) {
    const m = merged[u];
    const multi = members[m] > 1;
    for (let c = inStart[u]; c < inStart[u + 1]; c++) {
      const v = inChildren[c];
      const k = inKey[v];
      let id = multi ? shared!.get(m, k) : stamp[k] === u ? slot[k] : -1;
      if (id < 0) {
        id = size++;
        parent[id] = m;
        key[id] = k;
        const d = depth[m] + 1;
        depth[id] = d;
        if (d > maxDepth) maxDepth = d;
        firstMember[id] = v;
        if (multi) shared!.set(m, k, id);
        else {
          stamp[k] = u;
          slot[k] = id;
        }
      } else if (members[id] === 1) {
        // It now stands for several input nodes; if its first one's children were merged already
        // (as if it stood alone), make them findable.
        shared ??= new PairTable();
        const f = firstMember[id];
        if (f < u) for (let cc = inStart[f]; cc < inStart[f + 1]; cc++) shared.set(id, inKey[inChildren[cc]], merged[inChildren[cc]]);
      }
      if (members[id] === 0) {
        line[id] = inLine[v];
        if (best) best[id] = inCum![v];
      } else if (best && inCum![v] > best[id]) {
        best[id] = inCum![v];
        line[id] = inLine[v];
      }
      if (members[id] < 2) members[id]++;
      merged[v] = id;
      self[id] += inSelf[v];
    }
  }
  const cum = self.slice(0, size);
  for (let i = size - 1; i > 0; i--) cum[parent[i]] += cum[i];
  const tree: MergedTree = {
    parent: parent.subarray(0, size),
    key: key.subarray(0, size),
    self: self.subarray(0, size),
    cum,
    depth: depth.subarray(0, size),
    line: line.subarray(0, size),
    size,
    total: size > 0 ? cum[0] : 0,
    maxDepth,
  };
  return { tree, ofInput: merged };
}
