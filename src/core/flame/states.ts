import type { MergedTree } from './merge';

/** What a goroutine is doing, coarsely, for colouring: the usual leaks are chan, select and sync. */
export type StateCategory = 'chan send' | 'chan receive' | 'select' | 'sync' | 'io' | 'sleep' | 'syscall' | 'running' | 'other';

export const STATE_CATEGORIES: readonly StateCategory[] = ['chan send', 'chan receive', 'select', 'sync', 'io', 'sleep', 'syscall', 'running', 'other'];

/** The category of a debug=2 status or wait reason (`chan receive (nil chan)`, `sync.Mutex.Lock`, `IO wait`…). */
export function stateCategory(state: string): StateCategory {
  if (state.startsWith('chan send')) return 'chan send';
  if (state.startsWith('chan receive')) return 'chan receive';
  if (state.startsWith('select')) return 'select';
  if (state.startsWith('sync.') || state.startsWith('semacquire')) return 'sync';
  if (state === 'IO wait') return 'io';
  if (state === 'sleep') return 'sleep';
  if (state === 'syscall') return 'syscall';
  if (state === 'running' || state === 'runnable') return 'running';
  return 'other';
}

export const NO_STATE = 255;

export interface DominantStates {
  /** Per node, the state with the largest value below it (index into the state names; NO_STATE for none). */
  state: Uint8Array;
  /** Its share of the node's value, 0..1. */
  share: Float32Array;
}

/**
 * For each node, the state that most of the value under it is in, from (leaf node, state, value)
 * entries: one bottom-up pass per state.
 */
export function dominantStates(tree: MergedTree, leaf: Int32Array, state: Int32Array, value: Float64Array, stateCount: number): DominantStates {
  const { parent, size, cum } = tree;
  const best = new Float64Array(size);
  const out = new Uint8Array(size).fill(NO_STATE);
  const acc = new Float64Array(size);
  const states = Math.min(stateCount, NO_STATE);
  for (let s = 0; s < states; s++) {
    acc.fill(0);
    let any = false;
    for (let j = 0; j < leaf.length; j++) {
      if (state[j] === s) {
        acc[leaf[j]] += value[j];
        any = true;
      }
    }
    if (!any) continue;
    for (let i = size - 1; i > 0; i--) if (acc[i] !== 0) acc[parent[i]] += acc[i];
    for (let i = 0; i < size; i++) {
      if (acc[i] > best[i]) {
        best[i] = acc[i];
        out[i] = s;
      }
    }
  }
  const share = new Float32Array(size);
  for (let i = 0; i < size; i++) share[i] = cum[i] > 0 ? best[i] / cum[i] : 0;
  return { state: out, share };
}
