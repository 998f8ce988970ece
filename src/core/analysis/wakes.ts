import { captureOrder } from '../model/order';
import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
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

const cache = new WeakMap<Snapshot, Map<Snapshot, Map<string, WakeEvidence>>>();

/** The debug=2 dumps of a kind, oldest first. */
export function dumpsOf(session: Session, kind: string): Snapshot[] {
  return session.snapshots.filter((s) => s.kind === kind && s.goroutines && s.goroutines.id.length > 0).sort(captureOrder);
}

/** Wake evidence per portable stack key of the latest of `dumps` (oldest first). */
export function wakeEvidence(session: Session, dumps: Snapshot[], names: StackNames): Map<string, WakeEvidence> {
  const latest = dumps.at(-1);
  if (!latest) return new Map();
  const first = dumps[0];
  let byFirst = cache.get(latest);
  const hit = byFirst?.get(first);
  if (hit) return hit;
  const keyOf = (dump: Snapshot, i: number) => names.portable(session.groups.stack.get(dump.groups[(dump.goroutines as NonNullable<Snapshot['goroutines']>).group[i]]));
  const out = new Map<string, WakeEvidence>();
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
  const latestKey = new Map<number, string>();
  for (let i = 0; i < g.id.length; i++) {
    const key = keyOf(latest, i);
    latestKey.set(g.id[i], key);
    let e = out.get(key);
    if (!e) {
      e = { latest: latest.name, count: 0, waited: 0, waitMin: -1, leaked: 0, earlier: null, earlierCount: 0, stayed: 0, stayedAwake: 0, gapMinutes: null };
      out.set(key, e);
    }
    e.count++;
    if (isLeaked(g.state[i])) e.leaked++;
    const w = g.waitMinutes[i];
    if (w >= 1) {
      e.waited++;
      e.waitMin = e.waitMin < 0 ? w : Math.min(e.waitMin, w);
    }
  }
  const latestWait = new Map<number, number>();
  for (let i = 0; i < g.id.length; i++) latestWait.set(g.id[i], g.waitMinutes[i]);
  for (const dump of dumps) {
    if (dump === latest) break;
    const d = dump.goroutines as NonNullable<Snapshot['goroutines']>;
    const gap = dump.timeMs !== null && latest.timeMs !== null ? (latest.timeMs - dump.timeMs) / 60000 : null;
    const seenHere = new Set<WakeEvidence>();
    for (let i = 0; i < d.id.length; i++) {
      const key = keyOf(dump, i);
      const e = out.get(key);
      // Each group is compared with the earliest dump that lists it.
      if (!e || (e.earlier !== null && !seenHere.has(e))) continue;
      if (e.earlier === null) {
        e.earlier = dump.name;
        e.gapMinutes = gap;
        seenHere.add(e);
      }
      e.earlierCount++;
      const id = d.id[i];
      if (latestKey.get(id) !== key) continue;
      e.stayed++;
      if ((latestWait.get(id) ?? -1) < 1) e.stayedAwake++;
    }
  }
  if (!byFirst) {
    byFirst = new Map();
    cache.set(latest, byFirst);
  }
  byFirst.set(first, out);
  return out;
}
