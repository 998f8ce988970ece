import { buildGraph, type GraphOptions } from '../core/query/graph/build';
import { diffTree } from '../core/query/graph/diff-tree';
import { toDot } from '../core/query/graph/dot';
import { drawGraph, type DrawnGraph } from '../core/query/graph/present';
import { labelTagsOf } from '../core/query/graph/tags';
import { rewriteFor, type ViewQuery } from '../core/query/view-query';
import { queries, session } from './state';

/**
 * Above this many edges, labels are placed after the layout (Graphviz `xlabel`): laying out
 * pprof's 346-edge graph of fanout-100k takes seconds with labels in the layout, a fifth of a
 * second without.
 */
const LAYOUT_LABEL_LIMIT = 120;

export interface GraphResult extends DrawnGraph {
  /** DOT for the layout (no legend: the view draws its own). */
  dot: string;
  /** The base snapshot the values are changes from (pprof's -diff_base), when diffing. */
  base: { name: string } | null;
  /** Why there is no diff although a base was chosen. */
  baseError: string | null;
}

export const graphApi = {
  graph(q: ViewQuery, options: GraphOptions): GraphResult {
    const current = queries.resolve({ ...q, base: undefined });
    let tree = current.tree;
    let base: GraphResult['base'] = null;
    let baseError: string | null = null;
    if (q.base !== undefined && q.base !== q.snapshot) {
      const snapshot = session.snapshots.find((s) => s.id === q.base);
      const type = current.snapshot.sampleTypes[current.sampleIndex].type;
      const sampleIndex = snapshot ? snapshot.sampleTypes.findIndex((t) => t.type === type) : -1;
      if (!snapshot) baseError = 'the base snapshot is no longer loaded';
      else if (sampleIndex < 0) baseError = `${snapshot.name} has no "${type}" samples to compare with`;
      else {
        tree = diffTree(tree, queries.resolve({ ...q, snapshot: snapshot.id, sampleIndex, base: undefined }).tree);
        base = { name: snapshot.name };
      }
    }
    // A diff has no label boxes: its values are changes, not goroutines under labels.
    const tags = base ? null : labelTagsOf(session, current.snapshot, current.sampleIndex, current.keys, rewriteFor(session, q.filters));
    const graph = buildGraph(tree, current.keys, session.frames, options, tags);
    const drawn = drawGraph(graph, current.keys, q.granularity ?? 'functions', current.snapshot, current.sampleIndex, options);
    return { ...drawn, dot: toDot(drawn, { externalEdgeLabels: drawn.edges.length > LAYOUT_LABEL_LIMIT }), base, baseError };
  },
};
