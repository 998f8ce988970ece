import type { BaseInfo, QueryEngine } from '../core/engine/engine';
import type { GraphOptions } from '../core/query/graph/build';
import { toDot } from '../core/report/graph/dot';
import type { DrawnGraph } from '../core/report/graph/present';
import type { ViewQuery } from '../core/query/view-query';

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

export function graphApi(engine: QueryEngine) {
  return {
    graph(q: ViewQuery, options: GraphOptions): GraphResult {
      const { drawn, base, baseError } = engine.graph(q, options);
      return { ...drawn, dot: toDot(drawn, { externalEdgeLabels: drawn.edges.length > LAYOUT_LABEL_LIMIT }), base, baseError };
    },
  };
}
