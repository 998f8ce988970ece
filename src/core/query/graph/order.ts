import type { KeyEdge } from './edges';

export interface ScoredNode {
  key: number;
  name: string;
  flat: number;
  cum: number;
}

/** Edges by weight (heaviest first), then by source and destination name: pprof's edge order. */
export function compareEdges(a: KeyEdge, b: KeyEdge, nameOf: (key: number) => string): number {
  if (a.weight !== b.weight) return Math.abs(b.weight) - Math.abs(a.weight);
  return compareText(nameOf(a.src), nameOf(b.src)) || compareText(nameOf(a.dst), nameOf(b.dst));
}

/** Strings in byte order, as Go compares them. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Information carried by a set of edge weights (plus the node's own value): -Σ p·log2 p. */
function edgeEntropy(weights: number[], self: number): number {
  let total = self;
  for (const w of weights) if (w > 0) total += Math.abs(w);
  if (total === 0) return 0;
  let score = 0;
  const add = (v: number) => {
    const frac = Math.abs(v) / total;
    if (frac > 0) score -= frac * Math.log2(frac);
  };
  for (const w of weights) add(w);
  if (self > 0) add(self);
  return score;
}

/**
 * pprof's entropy order for drawn graphs: nodes that merely pass their input on score low, entry
 * and leaf nodes and nodes where paths fork or join score high; then name, then flat.
 */
export function sortByEntropy<T extends ScoredNode>(nodes: T[], edges: KeyEdge[]): T[] {
  const into = new Map<number, number[]>();
  const out = new Map<number, number[]>();
  for (const e of edges) {
    (into.get(e.dst) ?? into.set(e.dst, []).get(e.dst)!).push(e.weight);
    (out.get(e.src) ?? out.set(e.src, []).get(e.src)!).push(e.weight);
  }
  const score = new Map<number, number>();
  for (const n of nodes) {
    const ins = into.get(n.key);
    const outs = out.get(n.key);
    const s = (ins ? edgeEntropy(ins, 0) : 1) + (outs ? edgeEntropy(outs, n.flat) : 1);
    score.set(n.key, Math.trunc(s * n.cum) + n.flat);
  }
  return nodes.sort(
    (a, b) =>
      Math.abs(score.get(b.key)!) - Math.abs(score.get(a.key)!) || compareText(a.name, b.name) || Math.abs(b.flat) - Math.abs(a.flat),
  );
}
