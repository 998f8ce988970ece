import { wrap, type Remote } from 'comlink';
import type { GraphLayout } from '../../core/report/graph/layout';
import type { LayoutApi } from '../../worker/graph-layout';

interface LayoutWorker {
  worker: Worker;
  api: Remote<LayoutApi>;
  /** Rejects the layout in progress, if any: its Worker is stopped and will never answer. */
  abandon: ((why: Error) => void) | null;
}

let current: LayoutWorker | null = null;

function start(): LayoutWorker {
  const worker = new Worker(new URL('../../worker/graph-layout.ts', import.meta.url), { type: 'module' });
  const api = wrap<LayoutApi>(worker);
  void api.warm();
  current = { worker, api, abandon: null };
  return current;
}

/** Stops the Worker and its layout; the next layout starts a fresh one. */
function stop(w: LayoutWorker, why: Error): void {
  w.worker.terminate();
  w.abandon?.(why);
  if (current === w) current = null;
}

/** Starts the layout Worker and loads Graphviz, so the first graph does not wait for it. */
export function warmLayout(): void {
  if (!current) start();
}

/**
 * Graphviz `dot` layout of a DOT graph, in its own Worker. A layout still running when a new one
 * is asked for is stale, and one whose signal is aborted is unwanted: its Worker is stopped rather
 * than waited for (Graphviz cannot be interrupted otherwise).
 */
export async function layoutDot(dot: string, nodes: number, edges: number, nodelets: string[], signal: AbortSignal): Promise<GraphLayout> {
  signal.throwIfAborted();
  if (current?.abandon) stop(current, new Error('superseded by a newer graph'));
  const w = current ?? start();
  const onAbort = () => stop(w, signal.reason as Error);
  signal.addEventListener('abort', onAbort);
  try {
    return await new Promise<GraphLayout>((resolve, reject) => {
      w.abandon = reject;
      w.api.layout(dot, nodes, edges, nodelets).then(resolve, reject);
    });
  } finally {
    signal.removeEventListener('abort', onAbort);
    w.abandon = null;
  }
}
