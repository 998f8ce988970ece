import type { KeyEdge } from './edges';
import { compareEdges } from './order';

/**
 * pprof's RemoveRedundantEdges: drops residual edges whose source still reaches their destination
 * another way. Nodes are visited last to first and each node's incoming edges lightest first,
 * stopping at the first real (non-residual) edge.
 */
export function removeRedundantEdges(order: number[], edges: KeyEdge[], nameOf: (key: number) => string): KeyEdge[] {
  const removed = new Set<KeyEdge>();
  const into = new Map<number, KeyEdge[]>();
  for (const e of edges) (into.get(e.dst) ?? into.set(e.dst, []).get(e.dst)!).push(e);
  const liveInto = (key: number) => (into.get(key) ?? []).filter((e) => !removed.has(e));

  /** Whether e.src still reaches e.dst without e: a walk up from e.dst meets e.src. */
  const isRedundant = (e: KeyEdge): boolean => {
    const seen = new Set([e.dst]);
    const queue = [e.dst];
    for (let q = 0; q < queue.length; q++) {
      for (const ie of liveInto(queue[q])) {
        if (ie === e || seen.has(ie.src)) continue;
        if (ie.src === e.src) return true;
        seen.add(ie.src);
        queue.push(ie.src);
      }
    }
    return false;
  };

  for (let i = order.length - 1; i >= 0; i--) {
    const incoming = liveInto(order[i]).sort((a, b) => compareEdges(a, b, nameOf));
    for (let j = incoming.length - 1; j >= 0 && incoming[j].residual; j--) {
      if (isRedundant(incoming[j])) removed.add(incoming[j]);
    }
  }
  return removed.size ? edges.filter((e) => !removed.has(e)) : edges;
}
