import type { FrameTable } from '../model/tables';
import type { CallTree } from './call-tree';
import type { NodeKeys } from './granularity';
import { collectEdges } from './graph/edges';
import { compareEdges } from './graph/order';
import type { TopRow } from './top';

/** One caller or callee of the peeked node, with the value of the samples through that call. */
export interface PeekCall {
  key: number;
  name: string;
  weight: number;
  /** Every call behind it was inlined into the caller. */
  inline: boolean;
}

export interface PeekReport {
  node: TopRow;
  /** Heaviest first, as `go tool pprof -peek` lists them above the node. */
  callers: PeekCall[];
  /** Heaviest first, as listed below the node. */
  callees: PeekCall[];
}

/**
 * `go tool pprof -peek` for one report node (a row of topReport): its callers and callees, each
 * call counted once per sample. As in pprof, calls are between every function of the tree, also
 * one whose values cancel out in a diff (so it has no row, and its calls weigh 0).
 */
export function peekReport(tree: CallTree, keys: NodeKeys, frames: FrameTable, node: TopRow): PeekReport {
  const inTree = new Uint8Array(keys.name.length);
  for (let n = 1; n < tree.frame.length; n++) inTree[keys.ofFrame[tree.frame[n]]] = 1;
  const nameOf = (k: number) => keys.name[k];
  const edges = collectEdges(tree, keys.ofFrame, frames.inlined.data, inTree).sort((a, b) => compareEdges(a, b, nameOf));
  const call = (k: number, weight: number, inline: boolean): PeekCall => ({ key: k, name: nameOf(k), weight, inline });
  return {
    node,
    callers: edges.filter((e) => e.dst === node.key).map((e) => call(e.src, e.weight, e.inline)),
    callees: edges.filter((e) => e.src === node.key).map((e) => call(e.dst, e.weight, e.inline)),
  };
}
