import { PARKED_NOT, PARKED_UNKNOWN } from '../model/snapshot';

/** What a goroutine is blocked on, coarse enough to explain and to weigh as a leak signal. */
export type StateCategory =
  | 'chan-send'
  | 'chan-receive'
  | 'nil-chan'
  | 'select'
  | 'select-no-cases'
  | 'mutex'
  | 'rwmutex'
  | 'waitgroup'
  | 'cond'
  | 'semacquire'
  | 'io-wait'
  | 'sleep'
  | 'syscall'
  | 'chan'
  | 'running'
  | 'unknown'
  | 'other';

export interface BlockState {
  /** What to show: the dump's wait reason, or the inferred one in the same words. */
  label: string;
  category: StateCategory;
  /** `dump`: a debug=2 wait reason; `stack`: inferred from the leaf frames. */
  source: 'dump' | 'stack';
}

interface CategoryInfo {
  label: string;
  /** How likely a steadily growing group in this state is a leak (0..1). */
  weight: number;
  explanation: string;
}

export const CATEGORIES: Record<StateCategory, CategoryInfo> = {
  'chan-send': {
    label: 'chan send',
    weight: 1,
    explanation:
      'Blocked sending on a channel that nobody receives from. Check that the receiver is still running and does not return early, give the channel a buffer for every sender (a buffer of 1 for a single result), or send inside a select with case <-ctx.Done().',
  },
  'chan-receive': {
    label: 'chan receive',
    weight: 1,
    explanation:
      'Blocked receiving from a channel that nobody sends on or closes. Close the channel when the producer is done (that also ends for-range loops), or receive inside a select with case <-ctx.Done().',
  },
  chan: {
    label: 'chan send or receive',
    weight: 1,
    explanation:
      'Blocked on a channel: the debug=1 text leaves out the runtime frames that would say whether it sends or receives (a debug=2 dump says). Either nobody receives what it sends or nobody sends on or closes what it receives from; give the operation a select with case <-ctx.Done(), and close channels when the producer is done.',
  },
  'nil-chan': {
    label: 'chan (nil chan)',
    weight: 1,
    explanation:
      'Blocked on a nil channel, which never becomes ready: the goroutine can never continue. The channel was never made with make(chan …) or was set to nil; find where it should have been initialised.',
  },
  select: {
    label: 'select',
    weight: 1,
    explanation:
      'Waiting in a select where no case becomes ready. Add a case <-ctx.Done() (or a done channel) so the goroutine can exit, and make sure somebody cancels that context when the work is abandoned.',
  },
  'select-no-cases': {
    label: 'select (no cases)',
    weight: 1,
    explanation: 'select {} blocks forever by design: fine at the end of main, a leak anywhere else.',
  },
  mutex: {
    label: 'sync.(*Mutex).Lock',
    weight: 1,
    explanation:
      'Waiting to lock a sync.Mutex that another goroutine holds. Find the holder: an Unlock skipped on an early return (use defer mu.Unlock()), or a lock held across a blocking call.',
  },
  rwmutex: {
    label: 'sync.RWMutex',
    weight: 1,
    explanation:
      'Waiting on a sync.RWMutex. Look for a reader or writer that never unlocks, or a goroutine taking RLock twice while a writer waits (a deadlock by design of RWMutex).',
  },
  waitgroup: {
    label: 'sync.(*WaitGroup).Wait',
    weight: 1,
    explanation:
      'Waiting in WaitGroup.Wait for Done calls that never come. Check that every Add has a matching Done (defer wg.Done() first thing in each goroutine) and that the goroutines it waits for are not stuck themselves.',
  },
  cond: {
    label: 'sync.(*Cond).Wait',
    weight: 1,
    explanation:
      'Waiting on a sync.Cond for a Signal or Broadcast that never comes. Broadcast on shutdown too, and re-check the condition in a loop around Wait.',
  },
  semacquire: {
    label: 'semacquire',
    weight: 1,
    explanation:
      'Waiting on a runtime semaphore that the stack ties to no sync type: the frames above the semaphore say what takes it. Find who holds it or who should release it.',
  },
  'io-wait': {
    label: 'IO wait',
    weight: 0.6,
    explanation:
      'Waiting for network I/O. Normal for servers and open connections; a leak when connections are never closed or reads have no deadline: close response bodies, set read deadlines, and give HTTP clients a timeout or a context with a deadline.',
  },
  sleep: {
    label: 'sleep',
    weight: 0.4,
    explanation:
      'Sleeping in time.Sleep. Rarely a leak on its own; if these pile up, a loop sleeps with no way out: use a time.Ticker in a select with case <-ctx.Done().',
  },
  syscall: {
    label: 'syscall',
    weight: 0.5,
    explanation: 'In a system call (file or pipe I/O, cgo). Rarely a leak; check for blocking reads on pipes or devices nobody writes to.',
  },
  running: {
    label: 'running',
    weight: 0.3,
    explanation: 'Running or ready to run: not blocked.',
  },
  unknown: {
    label: 'unknown',
    weight: 0.5,
    explanation: 'The debug=1 text leaves out the runtime frames that would say whether this goroutine waits and on what; a debug=2 dump of the same process says.',
  },
  other: {
    label: 'parked',
    weight: 0.7,
    explanation: 'Parked by the runtime for another reason; the stack shows what it waits for.',
  },
};

/** States only another goroutine can end: nothing in them wakes by itself (no timer, no I/O). */
export const BLOCKS_FOR_GOOD: ReadonlySet<StateCategory> = new Set<StateCategory>(['chan-send', 'chan-receive', 'chan', 'nil-chan', 'select', 'select-no-cases', 'mutex', 'rwmutex', 'waitgroup', 'cond', 'semacquire', 'other']);

/** States that end by themselves: a timer fires, I/O completes, a system call returns, work finishes. */
export const ENDS_BY_ITSELF: ReadonlySet<StateCategory> = new Set<StateCategory>(['sleep', 'io-wait', 'syscall', 'running']);

/** Leaf-side functions that say what a goroutine parks on; the first one found from the leaf wins. */
const BLOCKING_FRAMES = new Map<string, StateCategory>(Object.entries({
  'runtime.chansend': 'chan-send',
  'runtime.chansend1': 'chan-send',
  'runtime.selectnbsend': 'chan-send',
  'runtime.chanrecv': 'chan-receive',
  'runtime.chanrecv1': 'chan-receive',
  'runtime.chanrecv2': 'chan-receive',
  'runtime.selectnbrecv': 'chan-receive',
  'runtime.selectgo': 'select',
  'runtime.block': 'select-no-cases',
  'sync.runtime_SemacquireMutex': 'mutex',
  'internal/sync.runtime_SemacquireMutex': 'mutex',
  'sync.runtime_SemacquireRWMutexR': 'rwmutex',
  'sync.runtime_SemacquireRWMutex': 'rwmutex',
  'sync.runtime_SemacquireWaitGroup': 'waitgroup',
  'sync.runtime_Semacquire': 'semacquire',
  'sync.runtime_notifyListWait': 'cond',
  'runtime.netpollblock': 'io-wait',
  'internal/poll.runtime_pollWait': 'io-wait',
  'time.Sleep': 'sleep',
  'runtime.timeSleep': 'sleep',
  'syscall.Syscall': 'syscall',
  'syscall.Syscall6': 'syscall',
  'syscall.RawSyscall': 'syscall',
  'syscall.RawSyscall6': 'syscall',
  'syscall.syscall': 'syscall',
  'syscall.syscall6': 'syscall',
  'internal/runtime/syscall.Syscall6': 'syscall',
  'runtime.cgocall': 'syscall',
}) as [string, StateCategory][]);

/** The sync calls a program makes that park it, as the stack names them, by what they wait on. */
const SYNC_CALLS = new Map<string, StateCategory>(Object.entries({
  'sync.(*WaitGroup).Wait': 'waitgroup',
  'sync.(*Mutex).Lock': 'mutex',
  'sync.(*RWMutex).RLock': 'rwmutex',
  'sync.(*RWMutex).Lock': 'rwmutex',
  'sync.(*Cond).Wait': 'cond',
}) as [string, StateCategory][]);

/** Categories a sync call from the stack names more precisely than a wait reason or runtime frame does. */
const SYNC_CATEGORIES: ReadonlySet<StateCategory> = new Set<StateCategory>(['mutex', 'rwmutex', 'waitgroup', 'cond', 'semacquire']);

/** Frames from the leaf that can say what a goroutine waits on. */
export const LEAF_SCAN = 12;

/**
 * The sync call the program made that parks the stack (`sync.(*WaitGroup).Wait`, `sync.(*Mutex).Lock`):
 * the outermost one in the run of runtime and sync frames at the leaf, so a Lock rather than the
 * lockSlow it went through. Null when the leaf frames show none.
 */
export function syncCall(namesLeafFirst: string[]): string | null {
  let call: string | null = null;
  const n = Math.min(namesLeafFirst.length, LEAF_SCAN);
  for (let i = 0; i < n; i++) {
    const name = namesLeafFirst[i];
    if (SYNC_CALLS.has(name)) call = name;
    else if (!/^(?:runtime|sync|internal\/sync)\./.test(name)) break;
  }
  return call;
}

/** A runtime semaphore wait made precise by the sync call on the stack, when there is one. */
function refineSemaphore(namesLeafFirst: string[], otherwise: StateCategory): StateCategory {
  const call = syncCall(namesLeafFirst);
  return call ? SYNC_CALLS.get(call)! : otherwise;
}

/** The state a stack (leaf first) is blocked in, judged from its leaf frames as pprof's protobuf leaves them. */
export function inferState(namesLeafFirst: string[]): StateCategory {
  const n = Math.min(namesLeafFirst.length, LEAF_SCAN);
  for (let i = 0; i < n; i++) {
    const c = BLOCKING_FRAMES.get(namesLeafFirst[i]);
    if (c === 'semacquire' || c === 'mutex') return refineSemaphore(namesLeafFirst, c);
    if (c) return c;
  }
  return namesLeafFirst[0] === 'runtime.gopark' || namesLeafFirst[0] === 'runtime.goparkunlock' ? 'other' : 'running';
}

/** The category of a debug=2 wait reason (`chan send`, `chan receive (nil chan)`, `sync.Mutex.Lock`, …). */
export function categoryOfReason(status: string, namesLeafFirst: string[]): StateCategory {
  // Go 1.25+ marks goroutines of a synctest bubble `(durable)`, and goroutineleak dumps `(leaked)`.
  const reason = status.replace(/ \((?:durable|leaked)\)$/, '');
  if (reason.includes('(nil chan)')) return 'nil-chan';
  if (reason.startsWith('chan send')) return 'chan-send';
  if (reason.startsWith('chan receive')) return 'chan-receive';
  if (reason.startsWith('select (no cases)')) return 'select-no-cases';
  if (reason.startsWith('select')) return 'select';
  if (reason.startsWith('sync.Mutex')) return 'mutex';
  if (reason.startsWith('sync.RWMutex')) return 'rwmutex';
  if (reason.startsWith('sync.WaitGroup')) return 'waitgroup';
  if (reason.startsWith('sync.Cond')) return 'cond';
  if (reason.startsWith('semacquire')) return refineSemaphore(namesLeafFirst, 'semacquire');
  if (reason === 'IO wait') return 'io-wait';
  if (reason === 'sleep') return 'sleep';
  if (reason === 'syscall') return 'syscall';
  if (reason === 'running' || reason === 'runnable') return 'running';
  return 'other';
}

/**
 * What a goroutine is blocked on, named as exactly as its stack allows: a sync wait says the call the
 * program made (`sync.(*Mutex).Lock`), whatever the dump printed (`semacquire`, `sync.Mutex.Lock`);
 * any other wait keeps `said`, the dump's reason or the category's label. `mark` is a dump's
 * `(leaked)` or `(durable)`.
 */
function blockedOn(category: StateCategory, said: string, namesLeafFirst: string[], source: BlockState['source'], mark = ''): BlockState {
  const call = SYNC_CATEGORIES.has(category) ? syncCall(namesLeafFirst) : null;
  return { label: call ? `${call}${mark}` : said, category, source };
}

export function stateFromStack(namesLeafFirst: string[]): BlockState {
  const category = inferState(namesLeafFirst);
  return blockedOn(category, CATEGORIES[category].label, namesLeafFirst, 'stack');
}

/** Runtime frames a debug=1 record hides between runtime.gopark and its first shown frame, by what they park on. */
const PARKED_AFTER = new Map<number, StateCategory>([
  [1, 'select'],
  [2, 'chan'],
]);

/**
 * The state of a debug=1 stack, whose text leaves out the leading runtime frames: its shown frames
 * when they name the wait, else what the hidden frames' parking signature says (see Snapshot.parking).
 */
export function stateFromParking(namesLeafFirst: string[], parking: number): BlockState {
  let category = inferState(namesLeafFirst);
  // The goroutine writing the profile hides the runtime's profiling frames beneath runtime/pprof: it runs.
  if (category === 'running' && parking !== PARKED_NOT && !namesLeafFirst[0]?.startsWith('runtime/pprof.')) {
    category = parking === PARKED_UNKNOWN ? 'unknown' : (PARKED_AFTER.get(parking) ?? 'other');
  }
  return blockedOn(category, CATEGORIES[category].label, namesLeafFirst, 'stack');
}

/** A debug=2 wait reason (`semacquire`, `chan send (leaked)`) as a state, the sync call from the stack naming sync waits. */
export function stateFromReason(reason: string, namesLeafFirst: string[]): BlockState {
  const mark = / \((?:durable|leaked)\)$/.exec(reason)?.[0] ?? '';
  return blockedOn(categoryOfReason(reason, namesLeafFirst), reason, namesLeafFirst, 'dump', mark);
}
