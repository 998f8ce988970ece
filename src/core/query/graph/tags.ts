import type { Session } from '../../model/session';
import type { Snapshot } from '../../model/snapshot';
import type { StackRewrite } from '../call-tree';
import type { NodeKeys } from '../granularity';

/** One label tag of a graph node: pprof's label set name, and the value of the samples under it. */
export interface LabelTag {
  /** The sample's string labels as `key:value`, sorted, one per line (pprof's joinLabels). */
  name: string;
  /** Samples whose leaf is the node. */
  flat: number;
  /** Samples passing through the node. */
  cum: number;
}

/** pprof draws at most this many label boxes under a node, and counts as many against -nodecount. */
export const MAX_NODELETS = 4;

/** Label tags of the graph nodes kept, by report key: what pprof draws as boxes under nodes. */
export type TagsOf = (kept: Uint8Array) => Map<number, LabelTag[]>;

/**
 * The label tags of a snapshot's graph for a set of kept report keys, computed as pprof's graph
 * builder does: each kept node of a sample's stack gets its value as cum once, and its leaf, when
 * kept, as flat. Null when no sample has a string label (no node would have a tag).
 */
export function labelTagsOf(session: Session, s: Snapshot, sampleIndex: number, keys: NodeKeys, rewrite?: StackRewrite): TagsOf | null {
  const names = new Map<number, string>();
  const nameOf = (labelSet: number): string => {
    let name = names.get(labelSet);
    if (name === undefined) {
      const labels = session.labelSets.get(labelSet).filter((l) => l.num === undefined);
      name = labels
        .map((l) => `${l.key}:${l.value}`)
        .sort()
        .join('\n');
      names.set(labelSet, name);
    }
    return name;
  };
  if (!Array.from(s.groups).some((g) => nameOf(session.groups.labels.data[g]) !== '')) return null;
  const values = s.values[sampleIndex];
  return (kept) => {
    const out = new Map<number, Map<string, LabelTag>>();
    const seen = new Int32Array(keys.name.length).fill(-1);
    let frames = new Int32Array(256);
    const add = (key: number, name: string, v: number, flat: boolean) => {
      let tags = out.get(key);
      if (!tags) out.set(key, (tags = new Map()));
      let t = tags.get(name);
      if (!t) tags.set(name, (t = { name, flat: 0, cum: 0 }));
      if (flat) t.flat += v;
      else t.cum += v;
    };
    for (let i = 0; i < s.groups.length; i++) {
      const v = values[i];
      const g = s.groups[i];
      const labelSet = session.groups.labels.data[g];
      const name = nameOf(labelSet);
      if (v === 0 || name === '') continue;
      const leaf = session.groups.stack.data[g];
      const depth = session.stacks.depth.data[leaf];
      if (frames.length < depth) frames = new Int32Array(depth * 2);
      const n = session.stacks.writeRootFirst(leaf, frames);
      const stack = rewrite ? rewrite(frames.subarray(0, n), labelSet) : frames.subarray(0, n);
      if (!stack || stack.length === 0) continue;
      for (const f of stack) {
        const key = keys.ofFrame[f];
        if (!kept[key] || seen[key] === i) continue;
        seen[key] = i;
        add(key, name, v, false);
      }
      const leafKey = keys.ofFrame[stack[stack.length - 1]];
      if (kept[leafKey]) add(leafKey, name, v, true);
    }
    return new Map([...out].map(([key, tags]) => [key, [...tags.values()]]));
  };
}

/** The tags worth keeping, as pprof's TrimLowFrequencyTags: flat or cum at least the cutoff. */
export function trimTags(tags: Map<number, LabelTag[]>, cutoff: number): Map<number, LabelTag[]> {
  return new Map([...tags].map(([key, list]) => [key, list.filter((t) => Math.abs(t.flat) >= cutoff || Math.abs(t.cum) >= cutoff)]));
}

/**
 * How many nodes, in drawing order, fit -nodecount when each also counts the label boxes it will
 * have (its tags with a flat value, up to MAX_NODELETS), as pprof selects nodes for a drawing.
 */
export function nodesWithin(keysInOrder: number[], tags: Map<number, LabelTag[]>, nodeCount: number): number {
  let count = 0;
  for (let i = 0; i < keysInOrder.length; i++) {
    const boxes = (tags.get(keysInOrder[i]) ?? []).filter((t) => t.flat !== 0).length;
    count += Math.min(boxes, MAX_NODELETS) + 1;
    if (count >= nodeCount) return i + 1;
  }
  return nodeCount;
}
