import type { Grouping } from '../options/table';
import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { creatorLabel } from './ancestry';
import type { StackNames } from './functions';
import { refinedStack, type RefinedStacks } from './refined';

/**
 * What makes goroutines one group on the timeline: the same stack (labels ignored, so a leak spread
 * over tenants is one leak), the same stack and labels, the same creation site, or the same
 * representative function.
 */


/** Counts per group key per snapshot, with what stands for each key. */
export interface KeyedCounts {
  keys: number;
  snapshots: number;
  /** counts[key * snapshots + i]: goroutines of the key in snapshot i. */
  counts: Float64Array;
  /** Per key, its biggest stack in the latest snapshot it appears in (as the refine filters leave it). */
  stack: Int32Array;
  /** Per key, that stack before the filters trimmed it (the same as `stack` without filters). */
  origin: Int32Array;
  /** Per key, the label set (for `labels`) or the creating frame (for `creator` on dumps), else -1. */
  extra: Int32Array;
  /** Per key, what the table calls it. */
  label: string[];
  /** Per snapshot, the goroutines counted: all of them, or those the refine filters keep. */
  kept: Float64Array;
  /** Per key, 1 when one of its stacks is a proven leak (see CountOptions.provenGroups). */
  proven: Uint8Array;
}

export interface CountOptions {
  /** Stacks as the refine filters leave them: dropped groups are not counted, trimmed ones group by what is left. */
  refined?: RefinedStacks | null;
  /** Per session group, 1 when its stack is a proven leak; marks the keys it counts towards. */
  provenGroups?: Uint8Array | null;
}

/** Dense ids for arbitrary keys, in order of first sight. */
class KeyIds<K> {
  private ids = new Map<K, number>();
  get size(): number {
    return this.ids.size;
  }
  id(k: K): number {
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(k, id);
    }
    return id;
  }
}

export function labelSetText(session: Session, labelSet: number): string {
  return session.labelSets
    .get(labelSet)
    .map((l) => `${l.key}=${l.num === undefined ? l.value : `${l.num}${l.unit ? ` ${l.unit}` : ''}`}`)
    .join(' ');
}

export function keyLabel(session: Session, names: StackNames, grouping: Grouping, stack: number, extra: number): string {
  if (grouping === 'creator') return extra >= 0 ? `created by ${creatorLabel(session, extra)}` : `go ${names.entry(stack)}`;
  const fn = names.representative(stack);
  if (grouping === 'function') return fn;
  const caller = names.caller(stack);
  const where = caller ? `${fn} ← ${caller}` : fn;
  return grouping === 'labels' && extra > 0 ? `${where} {${labelSetText(session, extra)}}` : where;
}

const UNSEEN = -1;
/** Key of an entry the refine filters drop. */
const DROPPED = -2;

/**
 * Sums each snapshot's counts (its default sample type) by group key. Creation sites come from
 * `created by` lines of debug=2 dumps, else from the goroutine's entry function.
 */
export function countByKey(session: Session, snapshots: Snapshot[], grouping: Grouping, names: StackNames, opts: CountOptions = {}): KeyedCounts {
  const n = snapshots.length;
  const groupStack = session.groups.stack.data;
  const groupLabels = session.groups.labels.data;
  const refined = opts.refined ?? null;
  const provenGroups = opts.provenGroups ?? null;
  const ids = new KeyIds<number | string>();
  const keyOf = new Int32Array(session.groups.size).fill(UNSEEN);
  const keyOfGroup = (g: number): number => {
    let k = keyOf[g];
    if (k === UNSEEN) {
      const stack = refinedStack(session, refined, g);
      if (stack < 0) k = DROPPED;
      else {
        // A group is one stack and label set; once filters trim stacks, two groups can meet on one.
        const labels = grouping === 'labels' ? (refined ? `${stack} ${groupLabels[g]}` : g) : 0;
        k = ids.id(grouping === 'labels' ? labels : grouping === 'function' ? names.representative(stack) : grouping === 'creator' ? `go ${names.entry(stack)}` : stack);
      }
      keyOf[g] = k;
    }
    return k;
  };
  const byCreator = new Map<number, number>();
  const keyOfCreator = (frame: number): number => {
    let k = byCreator.get(frame);
    if (k === undefined) {
      k = ids.id(`by ${creatorLabel(session, frame)}`);
      byCreator.set(frame, k);
    }
    return k;
  };
  // Pass 1: the key of every entry (group, or goroutine when grouping dumps by creator).
  const perGoroutine = snapshots.map((s) => grouping === 'creator' && s.goroutines !== null);
  const entryKeys = snapshots.map((s, i) => {
    const facts = s.goroutines;
    const byGoroutine = perGoroutine[i] && facts;
    const out = new Int32Array(byGoroutine ? facts.id.length : s.groups.length);
    for (let j = 0; j < out.length; j++) {
      if (!byGoroutine) out[j] = keyOfGroup(s.groups[j]);
      else {
        const g = s.groups[facts.group[j]];
        if (refined && !refined.keeps(g)) out[j] = DROPPED;
        else out[j] = facts.createdBy[j] >= 0 ? keyOfCreator(facts.createdBy[j]) : keyOfGroup(g);
      }
    }
    return out;
  });
  // Pass 2, latest snapshot first: sum into the matrix; a key's stack is its biggest in its latest snapshot.
  const keys = ids.size;
  // Summed snapshot-major (entries of a snapshot hit nearby keys), then transposed to one row per key.
  const byShot = new Float64Array(keys * n);
  const stack = new Int32Array(keys);
  const origin = refined ? new Int32Array(keys) : stack;
  const extra = new Int32Array(keys).fill(-1);
  const bestAt = new Int32Array(keys).fill(-1);
  const bestValue = new Float64Array(keys);
  const kept = new Float64Array(n);
  const proven = new Uint8Array(keys);
  for (let i = n - 1; i >= 0; i--) {
    const s = snapshots[i];
    const ek = entryKeys[i];
    const facts = perGoroutine[i] ? s.goroutines : null;
    const values = s.values[s.defaultSampleType];
    let sum = 0;
    for (let j = 0; j < ek.length; j++) {
      const v = facts ? 1 : values[j];
      const k = ek[j];
      if (v === 0 || k < 0) continue;
      byShot[i * keys + k] += v;
      sum += v;
      if (provenGroups && provenGroups[s.groups[facts ? facts.group[j] : j]]) proven[k] = 1;
      if (bestAt[k] < 0 || (bestAt[k] === i && v > bestValue[k])) {
        const g = s.groups[facts ? facts.group[j] : j];
        bestAt[k] = i;
        bestValue[k] = v;
        stack[k] = refinedStack(session, refined, g);
        origin[k] = groupStack[g];
        extra[k] = facts ? facts.createdBy[j] : grouping === 'labels' ? groupLabels[g] : -1;
      }
    }
    kept[i] = sum;
  }
  const counts = transpose(byShot, n, keys);
  const label: string[] = [];
  for (let k = 0; k < keys; k++) label.push(keyLabel(session, names, grouping, stack[k], extra[k]));
  return { keys, snapshots: n, counts, stack, origin, extra, label, kept, proven };
}

/** Rows x cols row-major -> cols x rows row-major, in cache-sized tiles. */
function transpose(m: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(m.length);
  const TILE = 64;
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out[c * rows + r] = m[r * cols + c];
    }
  }
  return out;
}
