import { NameTable } from '../model/strings';
import type { Label } from '../model/tables';
import type { Session } from '../model/session';
import type { StackRewrite } from '../query/call-tree';

/** The pseudo-frame text for a label set: `tenant=acme`, or `tenant unset` when the set lacks the key. */
export function labelRootName(labels: readonly Label[], key: string): string {
  const l = labels.find((x) => x.key === key);
  if (!l) return `${key} unset`;
  return l.num === undefined ? `${key}=${l.value}` : `${key}=${l.num}${l.unit ? ` ${l.unit}` : ''}`;
}

/**
 * Pseudo-frames for pprof's `tagroot`: one per label value, interned for the whole session so that two
 * snapshots grouped by the same key share them (the diff matches frames by path).
 */
export class LabelRoots extends NameTable {
  /**
   * A rewrite that puts each stack under its label value's pseudo-frame, numbered from `frameBase`
   * (past the session's real frames), after `inner` (the view's filters) has run.
   */
  rewrite(session: Session, key: string, frameBase: number, inner?: StackRewrite): StackRewrite {
    const ofSet = new Map<number, number>();
    return (frames, labelSet) => {
      const kept = inner ? inner(frames, labelSet) : frames;
      if (!kept) return null;
      let root = ofSet.get(labelSet);
      if (root === undefined) {
        root = this.intern(labelRootName(session.labelSets.get(labelSet), key));
        ofSet.set(labelSet, root);
      }
      const out = new Int32Array(kept.length + 1);
      out[0] = frameBase + root;
      out.set(kept, 1);
      return out;
    };
  }

  /** Frame -> key table extended with the pseudo-frames, whose keys follow the `keyCount` real ones. */
  extendKeys(ofFrame: Int32Array, frameBase: number, keyCount: number): Int32Array {
    const out = new Int32Array(frameBase + this.size);
    out.set(ofFrame.subarray(0, frameBase));
    for (let i = 0; i < this.size; i++) out[frameBase + i] = keyCount + i;
    return out;
  }
}

/** Label keys present in the given label sets, sorted. */
export function labelKeys(session: Session, labelSetIds: Iterable<number>): string[] {
  const keys = new Set<string>();
  for (const id of labelSetIds) for (const l of session.labelSets.get(id)) keys.add(l.key);
  return [...keys].sort();
}
