import { describe, expect, it } from 'vitest';
import { mergeByKey } from '../../src/core/flame/merge';
import { FlameModel } from '../../src/core/flame/model';

const deepest = new Map<FlameModel, Int32Array>();

/** Depth of the deepest frame under a node. */
function subtreeDepth(model: FlameModel, node: number): number {
  let d = deepest.get(model);
  if (!d) {
    const { parent, depth, size } = model.tree;
    d = Int32Array.from(depth);
    for (let i = size - 1; i > 0; i--) d[parent[i]] = Math.max(d[parent[i]], d[i]);
    deepest.set(model, d);
  }
  return d[node];
}
import { calleesTree, callersTree, targetKeys } from '../../src/core/flame/sandwich';
import { loadSession } from './load';
import { readTraces } from './oracle';

function sumBy<T>(items: T[], key: (t: T) => string | undefined, value: (t: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of items) {
    const k = key(t);
    if (k !== undefined) out.set(k, (out.get(k) ?? 0) + value(t));
  }
  return out;
}

describe('flame sandwich', async () => {
  const { flame } = await loadSession('service/pprof.service.goroutine.040.pb.gz', 'edge/deep-recursion.pb.gz');
  const service = flame(0);
  const traces = readTraces('expected/service-040.traces.txt');
  const sandwich = (fn: string, built = service) => {
    const target = targetKeys(built.funcs, fn);
    return {
      callers: new FlameModel(mergeByKey(callersTree(built.model.tree, target)), built.model.names),
      callees: new FlameModel(mergeByKey(calleesTree(built.model.tree, target)), built.model.names),
    };
  };

  it('callers of runtime.chansend1: its direct callers with the goroutines each sends for', () => {
    const fn = 'runtime.chansend1';
    const { callers, callees } = sandwich(fn);
    const via = traces.filter((t) => t.rootFirst.includes(fn));
    const total = via.reduce((s, t) => s + t.count, 0);
    expect(callers.tree.total).toBe(total);
    expect(callees.tree.total).toBe(total);
    const expected = sumBy(via, (t) => t.rootFirst[t.rootFirst.indexOf(fn) - 1], (t) => t.count);
    const got = new Map([...callers.childrenOf(0)].map((c) => [callers.names[callers.tree.key[c]], callers.tree.cum[c]]));
    expect(got).toEqual(expected);
    expect(got.get('main.(*exporter).send')).toBe(13610);
  });

  it('callees of main.(*service).handle: everything below it, merged over its call sites', () => {
    const fn = 'main.(*service).handle';
    const { callees } = sandwich(fn);
    const via = traces.filter((t) => t.rootFirst.includes(fn));
    const expected = sumBy(via, (t) => t.rootFirst[t.rootFirst.indexOf(fn) + 1], (t) => t.count);
    const got = new Map([...callees.childrenOf(0)].map((c) => [callees.names[callees.tree.key[c]], callees.tree.cum[c]]));
    expect(got).toEqual(expected);
  });

  it('counts a recursive function once per goroutine, not once per level', () => {
    const deep = flame(1);
    const { model } = deep;
    // Follow the deepest path; the recursive function is the name seen most along it.
    const levels = new Map<string, number>();
    let outermostWalk = -1;
    for (let node = 0; model.childrenOf(node).length > 0; ) {
      node = [...model.childrenOf(node)].reduce((a, b) => (subtreeDepth(model, b) > subtreeDepth(model, a) ? b : a));
      const name = model.names[model.tree.key[node]];
      levels.set(name, (levels.get(name) ?? 0) + 1);
      if (name === 'main.walk' && outermostWalk < 0) outermostWalk = node;
    }
    expect(levels.get('main.walk')).toBe(2000);
    const { callees, callers } = sandwich('main.walk', deep);
    const goroutines = model.tree.cum[outermostWalk];
    expect(goroutines).toBe(1);
    expect(callees.tree.total).toBe(goroutines);
    expect(callers.tree.total).toBe(goroutines);
    expect([...callers.childrenOf(0)].map((c) => callers.names[callers.tree.key[c]])).toEqual(['main.main']);
  });
});
