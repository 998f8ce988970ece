import type { CallTree } from './call-tree';
import type { FrameTable } from '../model/tables';
import type { NodeKeys } from './granularity';
import { compareText } from './graph/order';
import { PairTable } from '../model/pair-table';

const INLINE_MARK = ['', 'inline', '', 'partial-inline'] as const;

export interface TopRow {
  key: number;
  name: string;
  file: string;
  flat: number;
  cum: number;
  /** pprof's marker: every call into this node was inlined, or only some were. */
  inline: '' | 'inline' | 'partial-inline';
}

export interface TopReport {
  rows: TopRow[];
  total: number;
}

/**
 * pprof's flat and cum per report node: flat counts samples whose leaf is the node, cum counts
 * samples whose stack contains it, once per sample even under recursion.
 */
export function topReport(tree: CallTree, keys: NodeKeys, frames: FrameTable, sortBy: 'flat' | 'cum' = 'flat'): TopReport {
  const nKeys = keys.name.length;
  const flat = new Float64Array(nKeys);
  const cum = new Float64Array(nKeys);
  const seen = new Int32Array(nKeys).fill(-1);
  const { parent, frame, self } = tree;
  const callKinds = callKindsOf(tree, keys, frames.inlined.data, nKeys);
  for (let n = 1; n < parent.length; n++) {
    const v = self[n];
    if (v === 0) continue;
    flat[keys.ofFrame[frame[n]]] += v;
    for (let s = n; s > 0; s = parent[s]) {
      const k = keys.ofFrame[frame[s]];
      if (seen[k] === n) continue;
      seen[k] = n;
      cum[k] += v;
    }
  }
  const rows: TopRow[] = [];
  // As pprof's graph, which drops nodes whose values cancel out (a diff's unchanged functions).
  for (let k = 0; k < nKeys; k++) {
    if (flat[k] !== 0 || cum[k] !== 0) rows.push({ key: k, name: keys.name[k], file: keys.file[k], flat: flat[k], cum: cum[k], inline: INLINE_MARK[callKinds[k]] });
  }
  rows.sort(sortBy === 'flat' ? byFlat : byCum);
  return { rows, total: tree.total };
}

/**
 * Per report node, bit 1: some call edge into it is inlined; bit 2: some is not. As in pprof's
 * graph, an edge from one caller is inlined only when every call along it is, so a caller that
 * reaches the node both inlined and through a real call makes a real call edge. A call within one
 * report node (a file calling itself, at file granularity) is no edge.
 */
function callKindsOf(tree: CallTree, keys: NodeKeys, inlined: Int32Array, nKeys: number): Uint8Array {
  const { parent, frame } = tree;
  const edgeOf = new PairTable();
  const callee: number[] = [];
  const allInlined: boolean[] = [];
  for (let n = 1; n < parent.length; n++) {
    if (parent[n] <= 0) continue;
    const key = keys.ofFrame[frame[n]];
    const caller = keys.ofFrame[frame[parent[n]]];
    if (caller === key) continue;
    const e = edgeOf.intern(caller, key, callee.length);
    if (e === callee.length) {
      callee.push(key);
      allInlined.push(inlined[frame[n]] === 1);
    } else if (!inlined[frame[n]]) allInlined[e] = false;
  }
  const kinds = new Uint8Array(nKeys);
  for (let e = 0; e < callee.length; e++) kinds[callee[e]] |= allInlined[e] ? 1 : 2;
  return kinds;
}

function byName(a: TopRow, b: TopRow): number {
  return compareText(a.name, b.name);
}

/** pprof's FlatNameOrder: by magnitude (a diff's shrinking -5 before a growing +1), then name. */
function byFlat(a: TopRow, b: TopRow): number {
  return Math.abs(b.flat) - Math.abs(a.flat) || byName(a, b) || Math.abs(b.cum) - Math.abs(a.cum);
}

function byCum(a: TopRow, b: TopRow): number {
  return Math.abs(b.cum) - Math.abs(a.cum) || byName(a, b) || Math.abs(b.flat) - Math.abs(a.flat);
}
