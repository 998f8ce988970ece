import { readFixtureText } from '../fixtures';

/** One stack of `go tool pprof -traces`: names root first. */
export interface Trace {
  count: number;
  rootFirst: string[];
  labels: Record<string, string>;
}

/** `go tool pprof -traces` output, the oracle for stacks and counts (pprof's ` (inline)` marks dropped). */
export function readTraces(rel: string): Trace[] {
  const blocks = readFixtureText(rel).split(/^-+\+-+$/m).slice(1);
  return blocks
    .map((block) => {
      const t: Trace = { count: 0, rootFirst: [], labels: {} };
      const leafFirst: string[] = [];
      for (const line of block.split('\n')) {
        const label = /^\s+(\w+):\s+(.*)$/.exec(line);
        const head = /^\s+(\d+)\s+(\S.*)$/.exec(line);
        if (label) t.labels[label[1]] = label[2];
        else if (head) {
          t.count = Number(head[1]);
          leafFirst.push(head[2].replace(/ \(inline\)$/, ''));
        } else if (line.trim()) leafFirst.push(line.trim().replace(/ \(inline\)$/, ''));
      }
      t.rootFirst = leafFirst.reverse();
      return t;
    })
    .filter((t) => t.count > 0);
}

/** A flame graph computed the plain way: a trie of name paths with their summed counts. */
export interface OracleNode {
  name: string;
  value: number;
  children: Map<string, OracleNode>;
}

export function oracleTree(traces: { count: number; rootFirst: string[] }[]): OracleNode {
  const root: OracleNode = { name: '', value: 0, children: new Map() };
  for (const t of traces) {
    root.value += t.count;
    let node = root;
    for (const name of t.rootFirst) {
      let next = node.children.get(name);
      if (!next) node.children.set(name, (next = { name, value: 0, children: new Map() }));
      next.value += t.count;
      node = next;
    }
  }
  return root;
}

/** Every node of an oracle tree with its path of names. */
export function* oracleNodes(node: OracleNode, path: string[] = []): Generator<{ path: string[]; node: OracleNode }> {
  for (const child of node.children.values()) {
    const p = [...path, child.name];
    yield { path: p, node: child };
    yield* oracleNodes(child, p);
  }
}
