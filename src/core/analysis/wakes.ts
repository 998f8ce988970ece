import { captureOrder } from '../model/order';
import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { placedTime, type DumpPlace } from './dump-times';
import type { StackNames } from './functions';

/**
 * Whether a group's goroutines ever wake, as debug=2 dumps tell it: their wait minutes in the latest
 * dump, and which goroutine ids of an earlier dump are still there on the same stack.
 */
export interface WakeEvidence {
  /** The latest dump and how many of the group's goroutines it lists. */
  latest: string;
  count: number;
  /** Of those, how many show a wait of a minute or more, and the smallest such wait. */
  waited: number;
  waitMin: number;
  /** Of those, how many the runtime marked `(leaked)` (Go 1.27, after a goroutineleak collection): proven leaks. */
  leaked: number;
  /** The earliest other dump listing the group, or null when only the latest does. */
  earlier: string | null;
  /** Goroutines the earlier dump lists on this stack. */
  earlierCount: number;
  /** Of those, how many the latest dump still lists on this stack (same ids). */
  stayed: number;
  /** Of those that stayed, how many show no wait of a minute in the latest dump: they woke since. */
  stayedAwake: number;
  /** Minutes from the earlier dump to the latest, when both have capture times; else null. */
  gapMinutes: number | null;
}

const cache = new WeakMap<Snapshot, Map<Snapshot, { times: string; out: Map<string, WakeEvidence> }>>();

/** The debug=2 dumps of a kind, oldest first. */
export function dumpsOf(session: Session, kind: string): Snapshot[] {
  return session.snapshots.filter((s) => s.kind === kind && s.goroutines && s.goroutines.id.length > 0).sort(captureOrder);
}

/**
 * Wake evidence per portable stack key of the latest of `dumps` (oldest first). A dump's capture
 * time is its own, else the one its place on the protobuf series gives it.
 */
export function wakeEvidence(session: Session, dumps: Snapshot[], names: StackNames, places: Map<Snapshot, DumpPlace> = new Map()): Map<string, WakeEvidence> {
  const latest = dumps.at(-1);
  if (!latest) return new Map();
  const first = dumps[0];
  const timeOf = (s: Snapshot) => s.timeMs ?? placedTime(places.get(s));
  const times = dumps.map(timeOf).join();
  let byFirst = cache.get(latest);
  const hit = byFirst?.get(first);
  if (hit?.times === times) return hit.out;
  // One evidence record per stack key; each dump's groups resolve to theirs once, not per goroutine.
  const out = new Map<string, WakeEvidence>();
  const recordsOf = (dump: Snapshot, create: boolean): (WakeEvidence | undefined)[] =>
    Array.from(dump.groups, (group) => {
      const key = names.portable(session.groups.stack.get(group));
      let e = out.get(key);
      if (!e && create) {
        e = { latest: latest.name, count: 0, waited: 0, waitMin: -1, leaked: 0, earlier: null, earlierCount: 0, stayed: 0, stayedAwake: 0, gapMinutes: null };
        out.set(key, e);
      }
      return e;
    });
  const leakedStates = new Map<number, boolean>();
  const isLeaked = (state: number) => {
    let v = leakedStates.get(state);
    if (v === undefined) {
      v = session.strings.get(state).endsWith(' (leaked)');
      leakedStates.set(state, v);
    }
    return v;
  };
  const g = latest.goroutines as NonNullable<Snapshot['goroutines']>;
  const latestRecords = recordsOf(latest, true);
  /** Goroutine id to its index in the latest dump. */
  const latestIndex = new Map<number, number>();
  const compared = dumps.length > 1;
  for (let i = 0; i < g.id.length; i++) {
    if (compared) latestIndex.set(g.id[i], i);
    const e = latestRecords[g.group[i]] as WakeEvidence;
    e.count++;
    if (isLeaked(g.state[i])) e.leaked++;
    const w = g.waitMinutes[i];
    if (w >= 1) {
      e.waited++;
      e.waitMin = e.waitMin < 0 ? w : Math.min(e.waitMin, w);
    }
  }
  for (const dump of dumps) {
    if (dump === latest) break;
    const d = dump.goroutines as NonNullable<Snapshot['goroutines']>;
    const [from, to] = [timeOf(dump), timeOf(latest)];
    const gap = from !== null && to !== null ? (to - from) / 60000 : null;
    const records = recordsOf(dump, false);
    const seenHere = new Set<WakeEvidence>();
    for (let i = 0; i < d.id.length; i++) {
      const e = records[d.group[i]];
      // Each group is compared with the earliest dump that lists it.
      if (!e || (e.earlier !== null && !seenHere.has(e))) continue;
      if (e.earlier === null) {
        e.earlier = dump.name;
        e.gapMinutes = gap;
        seenHere.add(e);
      }
      e.earlierCount++;
      const j = latestIndex.get(d.id[i]);
      if (j === undefined || latestRecords[g.group[j]] !== e) continue;
      e.stayed++;
      if (g.waitMinutes[j] < 1) e.stayedAwake++;
    }
  }
  if (!byFirst) {
    byFirst = new Map();
    cache.set(latest, byFirst);
  }
  byFirst.set(first, { times, out });
  return out;
}
