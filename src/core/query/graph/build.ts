import { OPTIONS } from '../../options/table';
import type { FrameTable } from '../../model/tables';
import type { CallTree } from '../call-tree';
import type { NodeKeys } from '../granularity';
import { topReport, type TopRow } from '../top';
import { collectEdges, type KeyEdge } from './edges';
import { compareEdges, sortByEntropy } from './order';
import { removeRedundantEdges } from './redundant';
import { nodesWithin, trimTags, type NodeTags, type TagsOf } from './tags';

/** pprof's graph pruning: `-nodecount`, `-nodefraction`, `-edgefraction`. */
export interface GraphOptions {
  /** At most this many nodes; 0 for no limit. */
  nodeCount: number;
  /** Drop nodes whose cum is below this fraction of the total. */
  nodeFraction: number;
  /** Drop edges whose weight is below this fraction of the total. */
  edgeFraction: number;
}

export const DEFAULT_GRAPH_OPTIONS: GraphOptions = {
  nodeCount: OPTIONS.nodecount.fallback,
  nodeFraction: OPTIONS.nodefraction.fallback,
  edgeFraction: OPTIONS.edgefraction.fallback,
};

export type GraphNode = TopRow;

export interface GraphEdge {
  /** Indexes into the graph's nodes. */
  src: number;
  dst: number;
  weight: number;
  residual: boolean;
  inline: boolean;
}

export interface CallGraph {
  /** In pprof's drawing order (entropy order). */
  nodes: GraphNode[];
  /** Heaviest first. */
  edges: GraphEdge[];
  /** What percentages are of: the report total. */
  total: number;
  /** Nodes left after the node fraction, before the node count. */
  origCount: number;
  droppedNodes: number;
  droppedEdges: number;
  nodeCutoff: number;
  edgeCutoff: number;
  /** Each node's tags, when the samples have labels. */
  tags: NodeTags[] | null;
}

/**
 * pprof's call graph (report.newTrimmedGraph for dot output): report nodes with their flat and
 * cum, calls between them, pruned by cum, count and edge weight, with residual edges bridging
 * dropped nodes and redundant residual edges removed.
 */
export function buildGraph(tree: CallTree, keys: NodeKeys, frames: FrameTable, options: GraphOptions = DEFAULT_GRAPH_OPTIONS, tagsOf: TagsOf | null = null): CallGraph {
  const all = topReport(tree, keys, frames).rows;
  let flatSum = 0;
  for (const r of all) flatSum += r.flat;
  const nodeCutoff = Math.abs(Math.trunc(flatSum * options.nodeFraction));
  const edgeCutoff = Math.abs(Math.trunc(flatSum * options.edgeFraction));
  const keptOf = (nodes: GraphNode[]) => {
    const kept = new Uint8Array(keys.name.length);
    for (const n of nodes) kept[n.key] = 1;
    return kept;
  };
  const edgesOf = (nodes: GraphNode[]) => collectEdges(tree, keys.ofFrame, frames.inlined.data, keptOf(nodes));
  const tagsFor = (nodes: GraphNode[]) => (tagsOf ? trimTags(tagsOf(keptOf(nodes)), nodeCutoff) : null);
  const heavyEnough = (e: KeyEdge) => Math.abs(e.weight) >= edgeCutoff;

  let nodes = nodeCutoff > 0 ? all.filter((r) => Math.abs(r.cum) >= nodeCutoff) : all;
  const droppedNodes = all.length - nodes.length;
  const origCount = nodes.length;
  let edges = edgesOf(nodes);
  sortByEntropy(nodes, edges);
  let tags = tagsFor(nodes);
  if (options.nodeCount > 0) {
    edges = edges.filter(heavyEnough);
    const limit = tags ? nodesWithin(nodes.map((n) => n.key), tags, options.nodeCount) : options.nodeCount;
    if (limit < nodes.length) {
      nodes = nodes.slice(0, limit);
      edges = edgesOf(nodes);
      sortByEntropy(nodes, edges);
      // Fewer nodes kept: flat values of dropped leaves no longer reach a tag.
      tags = tagsFor(nodes);
    }
  }
  const beforeTrim = edges.length;
  edges = edges.filter(heavyEnough);
  const droppedEdges = beforeTrim - edges.length;
  const nameOf = (key: number) => keys.name[key];
  edges = removeRedundantEdges(
    nodes.map((n) => n.key),
    edges,
    nameOf,
  ).sort((a, b) => compareEdges(a, b, nameOf));

  const indexOf = new Map(nodes.map((n, i) => [n.key, i]));
  return {
    nodes,
    edges: edges.map((e) => ({ ...e, src: indexOf.get(e.src)!, dst: indexOf.get(e.dst)! })),
    total: tree.total,
    origCount,
    droppedNodes,
    droppedEdges,
    nodeCutoff,
    edgeCutoff,
    tags: tags && nodes.map((n) => tags?.get(n.key) ?? { labels: [], numeric: new Map() }),
  };
}
