import { PairTable } from '../../model/pair-table';
import type { CallTree } from '../call-tree';

/**
 * pprof's -diff_base as a call tree: the base's samples subtracted from the current ones, stack
 * by stack. Values may be negative; the total stays the base's, which is what pprof's
 * percentages of a diff are of.
 */
export function diffTree(current: CallTree, base: CallTree): CallTree {
  const parent = Array.from(current.parent);
  const frame = Array.from(current.frame);
  const self = Array.from(current.self);
  const child = new PairTable(parent.length + base.parent.length);
  for (let i = 1; i < parent.length; i++) child.set(parent[i], frame[i], i);
  const mapped = new Int32Array(base.parent.length);
  for (let b = 1; b < base.parent.length; b++) {
    const p = mapped[base.parent[b]];
    let m = child.get(p, base.frame[b]);
    if (m < 0) {
      m = parent.length;
      parent.push(p);
      frame.push(base.frame[b]);
      self.push(0);
      child.set(p, base.frame[b], m);
    }
    mapped[b] = m;
    self[m] -= base.self[b];
  }
  return { parent: Int32Array.from(parent), frame: Int32Array.from(frame), self: Float64Array.from(self), total: base.total, kept: current.kept - base.kept };
}
