import type { KeyEdge } from './edges';
import { compareEdges } from './order';

/**
 * pprof's RemoveRedundantEdges: drops residual edges whose destination stays reachable from a
 * common ancestor without them. Nodes are visited last to first and each node's incoming edges
 * lightest first, stopping at the first real (non-residual) edge.
 */
export function removeRedundantEdges(order: number[], edges: KeyEdge[], nameOf: (key: number) => string): KeyEdge[] {
  const removed = new Set<KeyEdge>();
  const into = new Map<number, KeyEdge[]>();
  for (const e of edges) (into.get(e.dst) ?? into.set(e.dst, []).get(e.dst)!).push(e);
  const liveInto = (key: number) => (into.get(key) ?? []).filter((e) => !removed.has(e));

  const predecessors = (skip: KeyEdge, from: number): Set<number> => {
    const seen = new Set([from]);
    const queue = [from];
    for (let q = 0; q < queue.length; q++) {
      for (const e of liveInto(queue[q])) {
        if (e === skip || seen.has(e.src)) continue;
        seen.add(e.src);
        queue.push(e.src);
      }
    }
    return seen;
  };

  const isRedundant = (e: KeyEdge): boolean => {
    const destPred = predecessors(e, e.dst);
    if (destPred.size === 1) return false;
    for (const n of predecessors(e, e.src)) if (n !== e.dst && destPred.has(n)) return true;
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
