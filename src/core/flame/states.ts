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

/** Runtime frames between a blocking call and the scheduler; looked past when inferring. */
const PARKING = new Set(['runtime.gopark', 'runtime.goparkunlock', 'runtime.semacquire1', 'runtime.notetsleepg', 'runtime.park_m', 'runtime.mcall']);

const BLOCKING: ReadonlyMap<string, string> = new Map([
  ['runtime.chansend', 'chan send'],
  ['runtime.chansend1', 'chan send'],
  ['runtime.chanrecv', 'chan receive'],
  ['runtime.chanrecv1', 'chan receive'],
  ['runtime.chanrecv2', 'chan receive'],
  ['runtime.selectgo', 'select'],
  ['runtime.block', 'select (no cases)'],
  ['sync.runtime_SemacquireMutex', 'sync.Mutex.Lock'],
  ['internal/sync.runtime_SemacquireMutex', 'sync.Mutex.Lock'],
  ['sync.runtime_SemacquireRWMutex', 'sync.RWMutex.Lock'],
  ['sync.runtime_SemacquireRWMutexR', 'sync.RWMutex.RLock'],
  ['sync.runtime_SemacquireWaitGroup', 'sync.WaitGroup.Wait'],
  ['sync.runtime_Semacquire', 'semacquire'],
  ['sync.runtime_notifyListWait', 'sync.Cond.Wait'],
  ['runtime.netpollblock', 'IO wait'],
  ['internal/poll.runtime_pollWait', 'IO wait'],
  ['time.Sleep', 'sleep'],
  ['runtime.cgocall', 'syscall'],
  ['runtime.goroutineProfileWithLabels', 'running'],
  ['runtime.pprof_goroutineProfileWithLabels', 'running'],
]);

const INFER_DEPTH = 8;

/**
 * The wait state a protobuf stack implies (debug=0 profiles carry no states): the first blocking
 * call found from the leaf, past the runtime's parking frames. `parked` when the goroutine parks
 * for a reason the frames do not tell; `running` when it does not park at all.
 */
export function inferState(leafFirst: (i: number) => string | undefined): string {
  let parks = false;
  for (let i = 0; i < INFER_DEPTH; i++) {
    const name = leafFirst(i);
    if (name === undefined) break;
    const known = BLOCKING.get(name);
    if (known) return known;
    if (name.startsWith('syscall.') || name.startsWith('internal/runtime/syscall.')) return 'syscall';
    if (PARKING.has(name)) {
      parks = true;
      continue;
    }
    break;
  }
  return parks ? 'parked' : 'running';
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
