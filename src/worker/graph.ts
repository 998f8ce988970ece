import { buildGraph, type GraphOptions } from '../core/query/graph/build';
import { toDot } from '../core/report/graph/dot';
import { drawGraph, type DrawnGraph } from '../core/report/graph/present';
import { labelTagsOf } from '../core/query/graph/tags';
import { rewriteFor, type ViewQuery } from '../core/query/view-query';
import { resolveWithBase, type BaseInfo } from './diff-base';
import { session } from './state';

/**
 * Above this many edges, labels are placed after the layout (Graphviz `xlabel`): laying out
 * pprof's 346-edge graph of fanout-100k takes seconds with labels in the layout, a fifth of a
 * second without.
 */
const LAYOUT_LABEL_LIMIT = 120;

export interface GraphResult extends DrawnGraph, BaseInfo {
  /** DOT for the layout (no legend: the view draws its own). */
  dot: string;
}

export const graphApi = {
  graph(q: ViewQuery, options: GraphOptions): GraphResult {
    const { current, tree, base, baseError } = resolveWithBase(q);
    // A diff has no label boxes: its values are changes, not goroutines under labels.
    const tags = base ? null : labelTagsOf(session, current.snapshot, current.sampleIndex, current.keys, rewriteFor(session, q.filters));
    const graph = buildGraph(tree, current.keys, session.frames, options, tags);
    const drawn = drawGraph(graph, current.keys, q.granularity ?? 'functions', current.snapshot, current.sampleIndex, options);
    return { ...drawn, dot: toDot(drawn, { externalEdgeLabels: drawn.edges.length > LAYOUT_LABEL_LIMIT }), base, baseError };
  },
};
