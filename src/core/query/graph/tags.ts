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
  // Each group's label-set name as a number (-1: no string label), numbered in order of appearance.
  const names: string[] = [];
  const nameIds = new Map<string, number>();
  const idOfSet = new Map<number, number>();
  const nameOfGroup = Int32Array.from(s.groups, (g) => {
    const labelSet = session.groups.labels.data[g];
    let id = idOfSet.get(labelSet);
    if (id === undefined) {
      const name = session.labelSets
        .get(labelSet)
        .filter((l) => l.num === undefined)
        .map((l) => `${l.key}:${l.value}`)
        .sort()
        .join('\n');
      id = name === '' ? -1 : (nameIds.get(name) ?? (names.push(name), nameIds.set(name, names.length - 1), names.length - 1));
      idOfSet.set(labelSet, id);
    }
    return id;
  });
  if (names.length === 0) return null;
  const values = s.values[sampleIndex];
  const { parent, frame } = session.stacks;
  return (kept) => {
    // Tags by key * names + name.
    const tags = new Map<number, LabelTag>();
    const add = (key: number, name: number, v: number, flat: boolean) => {
      const at = key * names.length + name;
      let t = tags.get(at);
      if (!t) tags.set(at, (t = { name: names[name], flat: 0, cum: 0 }));
      if (flat) t.flat += v;
      else t.cum += v;
    };
    const seen = new Int32Array(keys.name.length).fill(-1);
    let frames = new Int32Array(256);
    for (let i = 0; i < s.groups.length; i++) {
      const v = values[i];
      const name = nameOfGroup[i];
      if (v === 0 || name < 0) continue;
      const g = s.groups[i];
      const leaf = session.groups.stack.data[g];
      let leafKey: number;
      if (rewrite) {
        const depth = session.stacks.depth.data[leaf];
        if (frames.length < depth) frames = new Int32Array(depth * 2);
        const n = session.stacks.writeRootFirst(leaf, frames);
        const stack = rewrite(frames.subarray(0, n), session.groups.labels.data[g]);
        if (!stack || stack.length === 0) continue;
        for (const f of stack) {
          const key = keys.ofFrame[f];
          if (kept[key] && seen[key] !== i) {
            seen[key] = i;
            add(key, name, v, false);
          }
        }
        leafKey = keys.ofFrame[stack[stack.length - 1]];
      } else {
        if (leaf === 0) continue;
        for (let node = leaf; node > 0; node = parent.data[node]) {
          const key = keys.ofFrame[frame.data[node]];
          if (kept[key] && seen[key] !== i) {
            seen[key] = i;
            add(key, name, v, false);
          }
        }
        leafKey = keys.ofFrame[frame.data[leaf]];
      }
      if (kept[leafKey]) add(leafKey, name, v, true);
    }
    const out = new Map<number, LabelTag[]>();
    for (const [at, t] of tags) {
      const key = Math.floor(at / names.length);
      const list = out.get(key);
      if (list) list.push(t);
      else out.set(key, [t]);
    }
    return out;
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
