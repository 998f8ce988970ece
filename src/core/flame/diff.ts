import type { MergedTree } from './merge';
import type { FlameModel } from './model';

/** Each node's value in a base snapshot's tree: the node found there by the same path of keys, else 0. */
export function baseValues(tree: MergedTree, base: FlameModel): Float64Array {
  // Trees on one skeleton share node ids.
  if (tree.skeleton !== undefined && tree.skeleton === base.tree.skeleton) return base.tree.cum;
  const { parent, key, size } = tree;
  const baseOf = new Int32Array(size).fill(-1);
  const out = new Float64Array(size);
  baseOf[0] = 0;
  out[0] = base.tree.cum[0] ?? 0;
  for (let i = 1; i < size; i++) {
    const b = baseOf[parent[i]];
    if (b < 0) continue;
    const m = base.childByKey(b, key[i]);
    baseOf[i] = m;
    if (m >= 0) out[i] = base.tree.cum[m];
  }
  return out;
}

/** Growth past which the diff colour saturates: 8x (or an eighth). */
export const DIFF_SATURATION = 8;

/**
 * Change of a frame as a number in [-1, 1]: log of current over base, scaled so that DIFF_SATURATION
 * times the base (or more, or a new frame) is 1 and 1/DIFF_SATURATION of it (or less) is -1.
 */
export function diffChange(current: number, base: number): number {
  if (current <= 0 && base <= 0) return 0;
  if (base <= 0) return 1;
  if (current <= 0) return -1;
  const t = Math.log(current / base) / Math.log(DIFF_SATURATION);
  return Math.max(-1, Math.min(1, t));
}
