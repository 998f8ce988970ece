import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import type { NodeKeys } from '../query/granularity';
import { mergeKeyed, type MergedTree } from './merge';

/**
 * The session's stack tree merged by report key once, shared by the flame graphs of every snapshot:
 * a snapshot's graph is then its values on this skeleton (a pass over its groups and one over the
 * nodes), and two snapshots' graphs have the same node ids, so a diff is a lookup.
 */
export interface Skeleton {
  tree: MergedTree;
  /** Skeleton node of each session stack node. */
  ofStack: Int32Array;
  /** Children of node i: children[first[i] .. first[i + 1]). */
  first: Int32Array;
  children: Int32Array;
  stacks: number;
  keys: NodeKeys;
}

const skeletons = new WeakMap<Session, Skeleton[]>();

/** The skeleton for these keys, rebuilt when the session has gained stacks since. */
export function skeletonOf(session: Session, keys: NodeKeys): Skeleton {
  const list = skeletons.get(session) ?? [];
  skeletons.set(session, list);
  const stacks = session.stacks.size;
  const hit = list.find((s) => s.keys === keys && s.stacks === stacks);
  if (hit) return hit;
  const { parent, frame } = session.stacks;
  const key = new Int32Array(stacks);
  const line = new Int32Array(stacks);
  const lines = session.frames.line.data;
  key[0] = -1;
  for (let s = 1; s < stacks; s++) {
    key[s] = keys.ofFrame[frame.data[s]];
    line[s] = lines[frame.data[s]];
  }
  const { tree, ofInput } = mergeKeyed({ parent: parent.data.subarray(0, stacks), key, self: new Float64Array(stacks), line });
  const size = tree.size;
  const first = new Int32Array(size + 1);
  for (let i = 1; i < size; i++) first[tree.parent[i] + 1]++;
  for (let i = 0; i < size; i++) first[i + 1] += first[i];
  const fill = first.slice(0, size);
  const children = new Int32Array(size);
  for (let i = 1; i < size; i++) children[fill[tree.parent[i]]++] = i;
  const skeleton: Skeleton = { tree, ofStack: ofInput, first, children, stacks, keys };
  // Keep one per key set (granularity); older ones are stale.
  const others = list.filter((s) => s.keys !== keys && s.stacks === stacks);
  skeletons.set(session, [...others, skeleton]);
  return skeleton;
}

/** A snapshot's values on the skeleton: its flame tree. */
export function snapshotTree(session: Session, skeleton: Skeleton, snapshot: Snapshot, sampleIndex: number): MergedTree {
  const { tree, ofStack } = skeleton;
  const size = tree.size;
  const self = new Float64Array(size);
  const values = snapshot.values[sampleIndex];
  const groupStack = session.groups.stack.data;
  for (let i = 0; i < snapshot.groups.length; i++) {
    const v = values[i];
    if (v !== 0) self[ofStack[groupStack[snapshot.groups[i]]]] += v;
  }
  const cum = self.slice();
  const parent = tree.parent;
  for (let i = size - 1; i > 0; i--) if (cum[i] !== 0) cum[parent[i]] += cum[i];
  let maxDepth = 0;
  const depth = tree.depth;
  for (let i = 0; i < size; i++) if (cum[i] !== 0 && depth[i] > maxDepth) maxDepth = depth[i];
  return { ...tree, self, cum, total: cum[0] ?? 0, maxDepth, skeleton };
}
