import { describe, expect, it } from 'vitest';
import { baseValues, diffChange, DIFF_SATURATION } from '../../src/core/flame/diff';
import type { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { loadSession } from './load';

/** Goroutines of a snapshot whose stack starts (from the root) with these names: the plain-arithmetic oracle. */
function pathValue(session: Session, snapshot: Snapshot, path: string[]): number {
  let sum = 0;
  snapshot.groups.forEach((g, i) => {
    const rootFirst = session.stackNames(session.groups.stack.data[g]).reverse();
    if (path.every((name, d) => rootFirst[d] === name)) sum += snapshot.values[0][i];
  });
  return sum;
}

describe('flame diff of service 040 against 001', async () => {
  const { session, snapshots, flame } = await loadSession('service/pprof.service.goroutine.001.pb.gz', 'service/pprof.service.goroutine.040.pb.gz');
  const [first, last] = snapshots;
  const base = flame(0).model;
  const current = flame(1).model;
  const before = baseValues(current.tree, base);

  it('gives every frame of 040 its value in 001 by path (0 where 001 lacks the path)', () => {
    expect(before[0]).toBe(first.totals[0]);
    expect(current.tree.total).toBe(last.totals[0]);
    let checked = 0;
    for (let node = 1; node < current.tree.size; node++) {
      if (current.tree.depth[node] > 6) continue;
      const path = current.pathOf(node);
      expect(before[node], path.join(' > ')).toBe(pathValue(session, first, path));
      expect(current.tree.cum[node]).toBe(pathValue(session, last, path));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('shows main.(*exporter).send as grown, and steady frames as unchanged', () => {
    const node = current.find(['main.(*exporter).send']).node;
    expect(current.tree.cum[node]).toBe(13610);
    expect(before[node]).toBeLessThan(13610 / DIFF_SATURATION);
    expect(diffChange(current.tree.cum[node], before[node])).toBe(1);
    const steady = [...current.childrenOf(0)].find((c) => current.tree.cum[c] === before[c] && before[c] > 0);
    expect(steady).toBeDefined();
    expect(diffChange(current.tree.cum[steady!], before[steady!])).toBe(0);
  });

  it('maps growth to [-1, 1] on a log scale', () => {
    expect(diffChange(200, 100)).toBeCloseTo(1 / 3);
    expect(diffChange(100, 200)).toBeCloseTo(-1 / 3);
    expect(diffChange(5, 0)).toBe(1);
    expect(diffChange(0, 5)).toBe(-1);
    expect(diffChange(1000, 1)).toBe(1);
  });
});
