import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import type { StackNames } from './functions';
import { captureOrder } from '../model/order';
import { LEAK_PROFILE_KIND } from './series';
import { CreationChains, creatorLabel } from './ancestry';

/** What a debug=2 dump says about the goroutines on one code path. */
export interface DumpFacts {
  count: number;
  /** Goroutines per wait reason. */
  reasons: Map<string, number>;
  /** Smallest and largest wait in minutes; -1 when the dump gives none (waits under a minute). */
  waitMin: number;
  waitMax: number;
  /** Goroutines per `created by` site. */
  creators: Map<string, number>;
  /** Goroutines per creation chain: its sites, nearest first, one a line (see CreationChains). */
  chains: Map<string, number>;
  /** The synctest bubbles its goroutines are in (Go 1.25+), ascending. */
  bubbles: number[];
}

function bump(m: Map<string, number>, k: string, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

/** The entry with the highest count. */
export function dominant(m: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, v] of m) {
    if (v > n) {
      best = k;
      n = v;
    }
  }
  return best;
}

/** Dump facts per portable stack key (see portableStackKey), so protobuf snapshots can look them up. */
export function dumpFacts(session: Session, dump: Snapshot, names: StackNames): Map<string, DumpFacts> {
  const out = new Map<string, DumpFacts>();
  const g = dump.goroutines;
  if (!g) return out;
  const creators = new Map<number, string>();
  const chains = new CreationChains(session, g);
  for (let i = 0; i < g.id.length; i++) {
    const stack = session.groups.stack.get(dump.groups[g.group[i]]);
    const key = names.portable(stack);
    let f = out.get(key);
    if (!f) {
      f = { count: 0, reasons: new Map(), waitMin: -1, waitMax: -1, creators: new Map(), chains: new Map(), bubbles: [] };
      out.set(key, f);
    }
    f.count++;
    bump(f.reasons, session.strings.get(g.state[i]));
    const bubble = g.bubble?.[i] ?? -1;
    if (bubble >= 0 && !f.bubbles.includes(bubble)) f.bubbles = [...f.bubbles, bubble].sort((a, b) => a - b);
    const w = g.waitMinutes[i];
    if (w >= 0) {
      f.waitMin = f.waitMin < 0 ? w : Math.min(f.waitMin, w);
      f.waitMax = Math.max(f.waitMax, w);
    }
    const by = g.createdBy[i];
    if (by >= 0) {
      let label = creators.get(by);
      if (label === undefined) {
        label = creatorLabel(session, by);
        creators.set(by, label);
      }
      bump(f.creators, label);
      bump(f.chains, chains.of(i).map((l) => l.site).join('\n'));
    }
  }
  return out;
}

/** The latest debug=2 dump of a kind: the freshest wait reasons and creators. */
export function latestDump(session: Session, kind: string): Snapshot | undefined {
  return session.snapshots
    .filter((s) => s.kind === kind && s.goroutines && s.goroutines.id.length > 0)
    .sort(captureOrder)
    .at(-1);
}

/** Portable keys of every stack in the loaded goroutineleak profiles: leaks the runtime proved. */
export function provenLeakKeys(session: Session, names: StackNames): Set<string> {
  const keys = new Set<string>();
  for (const s of session.snapshots) {
    if (s.kind !== LEAK_PROFILE_KIND) continue;
    const v = s.values[s.defaultSampleType];
    for (let i = 0; i < s.groups.length; i++) if (v[i] > 0) keys.add(names.portable(session.groups.stack.get(s.groups[i])));
  }
  return keys;
}

/** `in synctest bubble 1`, `in synctest bubbles 1, 3`: where testing/synctest ran the goroutines (Go 1.25+). */
export function bubblesText(bubbles: readonly number[]): string {
  return `in synctest bubble${bubbles.length === 1 ? '' : 's'} ${bubbles.join(', ')}`;
}
