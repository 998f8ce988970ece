import type { LeakAnalysis } from './analyze';
import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { CreationChains } from './ancestry';
import { creatorLabel } from './ancestry';
import type { StackNames } from './functions';
import { labelSetText } from './grouping';
import { refinedStack, type RefinedStacks } from './refined';
import { captureOrder } from '../model/order';
import { stateFromReason, type StateCategory } from './states';

export type BucketFlag = 'stuck' | 'long wait' | null;

/** Goroutines of one dump with the same stack, state and creator, the way panicparse buckets them. */
export interface GoroutineBucket {
  /** Index in the dump's bucket list. */
  index: number;
  stack: number;
  function: string;
  /** The own function that called it, telling apart buckets of the same function. */
  caller: string;
  /** The wait reason as the dump prints it (`semacquire`, `chan send (leaked)`). */
  state: string;
  /** What it is blocked on, as exactly as the stack says (`sync.(*WaitGroup).Wait` for a `semacquire`). */
  label: string;
  category: StateCategory;
  count: number;
  /** Wait minutes (-1 when the dump gives none). */
  waitMin: number;
  waitMax: number;
  creator: string;
  /** Creation chain of its first goroutine: the creator, the creator's creator… as `pkg.F at file.go:89`. */
  chain: string[];
  locked: number;
  /** Distinct label sets, as `key=value` text. */
  labels: string[];
  /** Goroutines also present in the previous dump of the series (ids are never reused). */
  stuck: number;
  /** Most consecutive earlier dumps any of its goroutines was in. */
  stuckDumps: number;
  /** Session stack id of its whole stack, whatever the refine filters leave of it. */
  origin: number;
  /** Goroutine indexes in the dump. */
  members: number[];
}

export interface GoroutineDump {
  snapshot: Snapshot;
  buckets: GoroutineBucket[];
  /** Goroutines per blocked-on label, most first. */
  states: { state: string; count: number }[];
  /** Per goroutine, how many consecutive earlier dumps held its id. */
  age: Int32Array;
  /** Earlier dumps in the series. */
  earlier: number;
}

/**
 * How the list flags a bucket: `stuck` when its goroutines were already in the previous dump and
 * the series' leak analysis finds its stack growing (a suspect); `long wait` when they waited a
 * minute or more (what Go prints) without that, or with one dump to tell. Healthy long-lived
 * goroutines (main, pools, accept loops, tickers) wait long without growing.
 */
export function bucketFlag(b: Pick<GoroutineBucket, 'stuck' | 'waitMin'>, growing: boolean): BucketFlag {
  if (b.stuck > 0 && growing) return 'stuck';
  return b.waitMin >= 1 ? 'long wait' : null;
}

/** Portable keys of the stacks the leak analysis finds growing: its suspects, grouped by stack. */
export function growingStacks(a: LeakAnalysis, names: StackNames): Set<string> {
  return new Set(a.groups.filter((g) => g.verdict.suspect).map((g) => names.portable(a.keyed.origin[g.key])));
}

/** Debug=2 dumps of the snapshot's kind, in capture order. */
export function dumpSeries(session: Session, snapshot: Snapshot): Snapshot[] {
  return session.snapshots.filter((s) => s.kind === snapshot.kind && s.goroutines && s.goroutines.id.length > 0).sort(captureOrder);
}

/** For each goroutine of the dump, how many consecutive earlier dumps (going back) contain its id. */
function ages(dumps: Snapshot[], at: number): Int32Array {
  const ids = dumps[at].goroutines?.id ?? new Float64Array();
  const age = new Int32Array(ids.length);
  const alive = new Uint8Array(ids.length).fill(1);
  for (let d = at - 1; d >= 0; d--) {
    const earlier = new Set(dumps[d].goroutines?.id ?? []);
    let any = false;
    for (let i = 0; i < ids.length; i++) {
      if (alive[i] && earlier.has(ids[i])) {
        age[i]++;
        any = true;
      } else alive[i] = 0;
    }
    if (!any) break;
  }
  return age;
}

/**
 * Buckets a debug=2 dump's goroutines by identical stack, state and creator, biggest first. With
 * `refined`, only the goroutines the refine filters keep, bucketed by the stacks they leave.
 */
export function bucketGoroutines(session: Session, snapshot: Snapshot, names: StackNames, refined: RefinedStacks | null = null): GoroutineDump {
  const g = snapshot.goroutines;
  const dumps = dumpSeries(session, snapshot);
  const at = dumps.indexOf(snapshot);
  const age = at > 0 ? ages(dumps, at) : new Int32Array(g?.id.length ?? 0);
  const byKey = new Map<string, GoroutineBucket>();
  const labelSets = new Map<GoroutineBucket, Set<number>>();
  const n = g?.id.length ?? 0;
  const chains = g ? new CreationChains(session, g) : null;
  for (let i = 0; g && i < n; i++) {
    const group = snapshot.groups[g.group[i]];
    const stack = refinedStack(session, refined, group);
    if (stack < 0) continue;
    const key = `${stack} ${g.state[i]} ${g.createdBy[i]}`;
    let b = byKey.get(key);
    if (!b) {
      const state = session.strings.get(g.state[i]);
      // The state reads the whole stack's leaf frames, whatever a filter hides.
      const blocked = stateFromReason(state, names.of(session.groups.stack.get(group)));
      b = {
        index: 0,
        stack,
        function: names.representative(stack),
        caller: names.caller(stack),
        state,
        label: blocked.label,
        category: blocked.category,
        count: 0,
        waitMin: -1,
        waitMax: -1,
        creator: creatorLabel(session, g.createdBy[i]),
        chain: chains!.of(i).map((l) => l.site),
        locked: 0,
        labels: [],
        stuck: 0,
        stuckDumps: 0,
        origin: session.groups.stack.get(group),
        members: [],
      };
      byKey.set(key, b);
      labelSets.set(b, new Set());
    }
    b.count++;
    b.members.push(i);
    b.locked += g.locked[i];
    const w = g.waitMinutes[i];
    if (w >= 0) {
      b.waitMin = b.waitMin < 0 ? w : Math.min(b.waitMin, w);
      b.waitMax = Math.max(b.waitMax, w);
    }
    if (age[i] > 0) b.stuck++;
    b.stuckDumps = Math.max(b.stuckDumps, age[i]);
    labelSets.get(b)?.add(session.groups.labels.get(group));
  }
  const buckets = [...byKey.values()].sort((a, b) => b.count - a.count || b.waitMax - a.waitMax || a.stack - b.stack);
  const states = new Map<string, number>();
  buckets.forEach((b, i) => {
    b.index = i;
    states.set(b.label, (states.get(b.label) ?? 0) + b.count);
    b.labels = [...(labelSets.get(b) ?? [])].filter((l) => l > 0).map((l) => labelSetText(session, l));
  });
  return {
    snapshot,
    buckets,
    states: [...states].map(([state, count]) => ({ state, count })).sort((a, b) => b.count - a.count),
    age,
    earlier: Math.max(0, at),
  };
}

const searchTexts = new WeakMap<GoroutineBucket, string>();

/** Whether a bucket matches a case-insensitive text in its functions, state, creator or labels. */
export function bucketMatches(names: StackNames, b: GoroutineBucket, needle: string): boolean {
  if (!needle) return true;
  let text = searchTexts.get(b);
  if (text === undefined) {
    text = [b.state, b.label, b.creator, ...b.labels, ...names.of(b.stack)].join('\n').toLowerCase();
    searchTexts.set(b, text);
  }
  return text.includes(needle.toLowerCase());
}
