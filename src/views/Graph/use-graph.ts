import { useEffect } from 'react';
import { useWorkerResult, type WorkerResult } from '../../ui/use-worker-result';
import type { GraphOptions } from '../../core/query/graph/build';
import type { GraphLayout } from '../../core/report/graph/layout';
import type { ViewQuery } from '../../core/query/view-query';
import { currentViewQuery } from '../../store/query';
import { worker } from '../../worker/client';
import type { GraphResult } from '../../worker/graph';
import { useGraphSettings } from '../../store/graph';
import { layoutDot, warmLayout } from './layout-client';

export interface DrawableGraph {
  graph: GraphResult;
  layout: GraphLayout;
}

const NO_LAYOUT: GraphLayout = { width: 0, height: 0, nodes: [], edges: [], nodelets: [] };

/** The latest graph asked for: asking again for the same one (reopening the view) costs nothing. */
let latest: { key: string; graph: Promise<DrawableGraph>; abort: AbortController } | null = null;

/** The message of a graph whose layout the user cancelled. */
export const LAYOUT_CANCELLED = 'layout cancelled';

/**
 * The call graph for a query from the data Worker, laid out by Graphviz in the layout Worker. A
 * graph superseded before its layout starts is not laid out (it would stop the newer one's layout).
 */
function requestGraph(query: ViewQuery, options: GraphOptions): Promise<DrawableGraph> {
  const key = JSON.stringify([query, options]);
  if (latest?.key === key) return latest.graph;
  const abort = new AbortController();
  const graph = (async () => {
    const result = await worker.graph(query, options);
    if (latest?.key !== key) throw new Error('superseded by a newer graph');
    const layout = result.nodes.length ? await layoutDot(result.dot, result.nodes.length, result.edges.length, result.nodelets.map((n) => n.id), abort.signal) : NO_LAYOUT;
    return { graph: result, layout };
  })();
  latest = { key, graph, abort };
  graph.catch(() => {
    if (latest?.graph === graph) latest = null;
  });
  return graph;
}

/** Stops the graph being built or laid out; the view says so and offers to start again. */
export function cancelGraph(): void {
  latest?.abort.abort(new Error(LAYOUT_CANCELLED));
}

/** Starts Graphviz and the current graph before the view is on screen (React shows it a little later). */
export function prefetchGraph(): void {
  warmLayout();
  const query = currentViewQuery();
  if (query) requestGraph(query, useGraphSettings.getState().options).catch(() => {});
}

/** The graph of `query`; a new `attempt` asks again for one whose layout was cancelled. */
export function useGraph(query: ViewQuery | null, options: GraphOptions, attempt: number): WorkerResult<DrawableGraph> {
  useEffect(warmLayout, []);
  return useWorkerResult(query && (() => requestGraph(query, options)), [query, options, attempt]);
}
