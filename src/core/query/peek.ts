import type { FrameTable } from '../model/tables';
import type { CallTree } from './call-tree';
import type { NodeKeys } from './granularity';
import { collectEdges, type KeyEdge } from './graph/edges';
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
 * Every call of the tree between report nodes, heaviest first, as `go tool pprof -peek` lists
 * them: between every function of the tree, also one whose values cancel out in a diff (so it
 * has no row, and its calls weigh 0); each call counted once per sample.
 */
export function callsOf(tree: CallTree, keys: NodeKeys, frames: FrameTable): KeyEdge[] {
  const inTree = new Uint8Array(keys.name.length);
  for (let n = 1; n < tree.frame.length; n++) inTree[keys.ofFrame[tree.frame[n]]] = 1;
  return collectEdges(tree, keys.ofFrame, frames.inlined.data, inTree).sort((a, b) => compareEdges(a, b, (k) => keys.name[k]));
}

/** `go tool pprof -peek` for one report node (a row of topReport), from the tree's callsOf. */
export function peekReport(calls: KeyEdge[], keys: NodeKeys, node: TopRow): PeekReport {
  const call = (e: KeyEdge, k: number): PeekCall => ({ key: k, name: keys.name[k], weight: e.weight, inline: e.inline });
  return {
    node,
    callers: calls.filter((e) => e.dst === node.key).map((e) => call(e, e.src)),
    callees: calls.filter((e) => e.src === node.key).map((e) => call(e, e.dst)),
  };
}
