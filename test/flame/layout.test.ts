import { describe, expect, it } from 'vitest';
import { buildFlame } from '../../src/core/flame/build';
import { childrenOfWindow } from './window-helpers';
import { extractWindow, ROOT } from '../../src/core/flame/window';
import { loadSession } from './load';
import { oracleNodes, oracleTree, readTraces } from './oracle';

describe('flame layout of seed/timeout, last snapshot', async () => {
  const { flame } = await loadSession('seed/timeout/pprof.timeout.goroutine.010.pb.gz');
  const { model } = flame(0);
  const oracle = oracleTree(readTraces('expected/seed-timeout-last.traces.txt'));
  const win = extractWindow(model, 0, model.tree.total, 0);

  it('has one frame per distinct path of function names, as wide as pprof counts it', () => {
    const paths = [...oracleNodes(oracle)];
    expect(model.tree.cum.filter((v) => v > 0).length - 1).toBe(paths.length);
    expect(model.tree.total).toBe(oracle.value);
    for (const { path, node } of paths) {
      const found = model.find(path);
      expect(found.matched, path.join(' > ')).toBe(path.length);
      expect(model.tree.cum[found.node], path.join(' > ')).toBe(node.value);
    }
  });

  it('lays siblings out left to right, heaviest first, inside their parent', () => {
    expect(win.size).toBe(model.tree.size);
    expect(win.key[0]).toBe(ROOT);
    expect(win.width[0]).toBe(209);
    for (let i = 0; i < win.size; i++) {
      const kids = childrenOfWindow(win, i);
      let x = win.x[i];
      for (let j = 0; j < kids.length; j++) {
        const c = kids[j];
        expect(win.x[c]).toBe(x);
        expect(win.depth[c]).toBe(win.depth[i] + 1);
        if (j > 0) expect(win.width[c]).toBeLessThanOrEqual(win.width[kids[j - 1]]);
        x += win.width[c];
      }
      expect(x + win.self[i]).toBe(win.x[i] + win.width[i]);
    }
  });

  it('puts the leak first: 203 goroutines under main.handleRequest.func1 at x=0', () => {
    const first = childrenOfWindow(win, 0)[0];
    expect(model.names[win.key[first]]).toBe('main.handleRequest.func1');
    expect(win.x[first]).toBe(0);
    expect(win.width[first]).toBe(203);
    const [send, sleep] = childrenOfWindow(win, first).map((c) => [model.names[win.key[c]], win.x[c], win.width[c]]);
    expect(send).toEqual(['runtime.chansend1', 0, 201]);
    expect(sleep).toEqual(['main.foo', 201, 2]);
  });

  it('merges siblings below the resolution into one frame that keeps their total', () => {
    const coarse = extractWindow(model, 0, model.tree.total, 5);
    const rootKids = childrenOfWindow(coarse, 0);
    const small = rootKids[rootKids.length - 1];
    expect(coarse.key[small]).toBe(-2);
    const expectedSmall = [...oracle.children.values()].filter((c) => c.value < 5);
    expect(coarse.count[small]).toBe(expectedSmall.length);
    expect(coarse.width[small]).toBe(expectedSmall.reduce((s, c) => s + c.value, 0));
    expect(coarse.x[small] + coarse.width[small]).toBe(209);
  });
});

describe('flame layout with filters (built from the filtered call tree)', async () => {
  const { snapshots, engine } = await loadSession('seed/timeout/pprof.timeout.goroutine.010.pb.gz');
  const hide = /^runtime\./;
  const { model } = buildFlame(engine, { snapshot: snapshots[0].id, filters: { h: '^runtime\\.' } }, null);
  const traces = readTraces('expected/seed-timeout-last.traces.txt').map((t) => ({ ...t, rootFirst: t.rootFirst.filter((n) => !hide.test(n)) }));
  const oracle = oracleTree(traces.filter((t) => t.rootFirst.length > 0));

  it('drops hidden frames and attaches their callees to their callers', () => {
    const paths = [...oracleNodes(oracle)];
    expect(model.tree.size - 1).toBe(paths.length);
    for (const { path, node } of paths) {
      const found = model.find(path);
      expect(found.matched, path.join(' > ')).toBe(path.length);
      expect(model.tree.cum[found.node]).toBe(node.value);
    }
    expect(model.names.filter((n, k) => hide.test(n) && [...model.tree.key].includes(k))).toEqual([]);
  });
});
