import { wrap, type Remote } from 'comlink';
import type { GraphLayout } from '../../core/query/graph/layout';
import type { LayoutApi } from '../../worker/graph-layout';

interface LayoutWorker {
  worker: Worker;
  api: Remote<LayoutApi>;
  pending: number;
}

let current: LayoutWorker | null = null;

function start(): LayoutWorker {
  const worker = new Worker(new URL('../../worker/graph-layout.ts', import.meta.url), { type: 'module' });
  const api = wrap<LayoutApi>(worker);
  void api.warm();
  current = { worker, api, pending: 0 };
  return current;
}

/** Starts the layout Worker and loads Graphviz, so the first graph does not wait for it. */
export function warmLayout(): void {
  if (!current) start();
}

/**
 * Graphviz `dot` layout of a DOT graph, in its own Worker. A layout still running when a new one
 * is asked for is stale: its Worker is stopped rather than waited for.
 */
export async function layoutDot(dot: string, nodes: number, edges: number, nodelets: string[]): Promise<GraphLayout> {
  let w = current ?? start();
  if (w.pending > 0) {
    w.worker.terminate();
    w = start();
  }
  w.pending++;
  try {
    return await w.api.layout(dot, nodes, edges, nodelets);
  } finally {
    w.pending--;
  }
}
