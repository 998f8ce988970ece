import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { CreationChains } from './ancestry';
import { creatorLabel } from './ancestry';
import type { StackNames } from './functions';
import { labelSetText } from './grouping';
import { refinedStack, type RefinedStacks } from './refined';
import { captureOrder } from '../model/order';
import { categoryOfReason, type StateCategory } from './states';

/** Goroutines of one dump with the same stack, state and creator, the way panicparse buckets them. */
export interface GoroutineBucket {
  /** Index in the dump's bucket list. */
  index: number;
  stack: number;
  function: string;
  /** The own function that called it, telling apart buckets of the same function. */
  caller: string;
  state: string;
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
  /** Goroutine indexes in the dump. */
  members: number[];
}

export interface GoroutineDump {
  snapshot: Snapshot;
  buckets: GoroutineBucket[];
  /** Goroutines per state, most first. */
  states: { state: string; count: number }[];
  /** Per goroutine, how many consecutive earlier dumps held its id. */
  age: Int32Array;
  /** Earlier dumps in the series. */
  earlier: number;
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
  const states = new Map<string, number>();
  const n = g?.id.length ?? 0;
  const chains = g ? new CreationChains(session, g) : null;
  for (let i = 0; g && i < n; i++) {
    const group = snapshot.groups[g.group[i]];
    const stack = refinedStack(session, refined, group);
    if (stack < 0) continue;
    const key = `${stack} ${g.state[i]} ${g.createdBy[i]}`;
    let b = byKey.get(key);
    const state = session.strings.get(g.state[i]);
    if (!b) {
      b = {
        index: 0,
        stack,
        function: names.representative(stack),
        caller: names.caller(stack),
        state,
        // The state's category reads the whole stack's leaf frames, whatever a filter hides.
        category: categoryOfReason(state, names.of(session.groups.stack.get(group))),
        count: 0,
        waitMin: -1,
        waitMax: -1,
        creator: creatorLabel(session, g.createdBy[i]),
        chain: chains!.of(i).map((l) => l.site),
        locked: 0,
        labels: [],
        stuck: 0,
        stuckDumps: 0,
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
    states.set(state, (states.get(state) ?? 0) + 1);
  }
  const buckets = [...byKey.values()].sort((a, b) => b.count - a.count || b.waitMax - a.waitMax || a.stack - b.stack);
  buckets.forEach((b, i) => {
    b.index = i;
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
    text = [b.state, b.creator, ...b.labels, ...names.of(b.stack)].join('\n').toLowerCase();
    searchTexts.set(b, text);
  }
  return text.includes(needle.toLowerCase());
}
