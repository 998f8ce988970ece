import { useEffect, useState } from 'react';
import type { GraphOptions } from '../../core/query/graph/build';
import type { GraphLayout } from '../../core/query/graph/layout';
import type { ViewQuery } from '../../core/query/view-query';
import { worker } from '../../worker/client';
import type { GraphResult } from '../../worker/graph';
import { layoutDot, warmLayout } from './layout-client';

export interface DrawableGraph {
  graph: GraphResult;
  layout: GraphLayout;
}

export interface GraphState {
  drawn: DrawableGraph | null;
  busy: boolean;
  error: string | null;
}

const NO_LAYOUT: GraphLayout = { width: 0, height: 0, nodes: [], edges: [] };

/** The call graph for a query from the data Worker, laid out by Graphviz in the layout Worker. */
export function useGraph(query: ViewQuery | null, options: GraphOptions): GraphState {
  const [state, setState] = useState<{ drawn: DrawableGraph | null; error: string | null }>({ drawn: null, error: null });
  const [busy, setBusy] = useState(false);
  useEffect(warmLayout, []);
  useEffect(() => {
    if (!query) return;
    let live = true;
    setBusy(true);
    (async () => {
      const graph = await worker.graph(query, options);
      if (!live) return;
      const layout = graph.nodes.length ? await layoutDot(graph.dot, graph.nodes.length, graph.edges.length) : NO_LAYOUT;
      if (live) setState({ drawn: { graph, layout }, error: null });
    })()
      .catch((e: Error) => live && setState({ drawn: null, error: e.message }))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [query, options]);
  return { ...state, busy };
}
