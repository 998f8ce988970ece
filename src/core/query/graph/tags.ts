import type { Session } from '../../model/session';
import type { Snapshot } from '../../model/snapshot';
import { StringTable } from '../../model/strings';
import { groupFrames, type StackRewrite } from '../call-tree';
import type { NodeKeys } from '../granularity';
import { numLabelUnits } from '../label-units';
import { scaledLabel } from '../../units/scale';
import { compareText } from './order';

/** One label tag of a graph node: pprof's label set name, and the value of the samples under it. */
export interface LabelTag {
  /** The sample's string labels as `key:value`, sorted, one per line (pprof's joinLabels). */
  name: string;
  /** Samples whose leaf is the node. */
  flat: number;
  /** Samples passing through the node. */
  cum: number;
}

/** A numeric label of a node's samples (pprof keeps only `bytes`, the size of allocations). */
export interface NumericTag extends LabelTag {
  /** The first value seen under this name, in `unit`. */
  value: number;
  unit: string;
}

/** A node's tags: its label sets, and the numeric labels under each label set ('' for none). */
export interface NodeTags {
  labels: LabelTag[];
  numeric: Map<string, NumericTag[]>;
}

/** pprof's SortTags: by flat value, or cum first when not `flat`, heaviest first, then by name. */
export function byWeight(flat: boolean): (a: LabelTag, b: LabelTag) => number {
  return (a, b) => (!flat && Math.abs(b.cum) - Math.abs(a.cum)) || Math.abs(b.flat) - Math.abs(a.flat) || compareText(a.name, b.name);
}

/** pprof draws at most this many label boxes under a node, and counts as many against -nodecount. */
export const MAX_NODELETS = 4;

/** The one numeric label pprof's graph keeps. */
const NUMERIC_KEY = 'bytes';

/** Tags of the graph nodes kept, by report key: what pprof draws as boxes under nodes. */
export type TagsOf = (kept: Uint8Array) => Map<number, NodeTags>;

/** What one group brings to the tags: its label set's name and its `bytes` values, formatted as pprof names them. */
interface GroupTags {
  name: number;
  numeric: { name: string; value: number }[];
}

/**
 * The tags of a snapshot's graph for a set of kept report keys, computed as pprof's graph builder
 * does: each kept node of a sample's stack gets its value as cum once, and its leaf, when kept, as
 * flat. Null when the samples have neither string labels nor a `bytes` label (no node has tags).
 */
export function labelTagsOf(session: Session, s: Snapshot, sampleIndex: number, keys: NodeKeys, rewrite?: StackRewrite): TagsOf | null {
  // Label-set names, numbered in order of appearance; 0 is '' (no string label).
  const names = new StringTable();
  const unit = numLabelUnits(session, s).get(NUMERIC_KEY) ?? NUMERIC_KEY;
  const ofSet = new Map<number, GroupTags>();
  const groupTags = Array.from(s.groups, (g) => {
    const labelSet = session.groups.labels.data[g];
    let t = ofSet.get(labelSet);
    if (!t) {
      const labels = session.labelSets.get(labelSet);
      const name = labels
        .filter((l) => l.num === undefined)
        .map((l) => `${l.key}:${l.value}`)
        .sort()
        .join('\n');
      const id = names.intern(name);
      const numeric = labels.filter((l) => l.num !== undefined && l.key === NUMERIC_KEY).map((l) => ({ name: scaledLabel(l.num ?? 0, unit, 'minimum'), value: l.num ?? 0 }));
      ofSet.set(labelSet, (t = { name: id, numeric }));
    }
    return t;
  });
  if (!groupTags.some((t) => t.name > 0 || t.numeric.length > 0)) return null;
  const values = s.values[sampleIndex];
  const { parent, frame } = session.stacks;
  return (kept) => {
    const out = new Map<number, { labels: Map<number, LabelTag>; numeric: Map<string, Map<string, NumericTag>> }>();
    const add = (key: number, t: GroupTags, v: number, flat: boolean) => {
      let tags = out.get(key);
      if (!tags) out.set(key, (tags = { labels: new Map(), numeric: new Map() }));
      if (t.name > 0) {
        let tag = tags.labels.get(t.name);
        if (!tag) tags.labels.set(t.name, (tag = { name: names.get(t.name), flat: 0, cum: 0 }));
        if (flat) tag.flat += v;
        else tag.cum += v;
      }
      for (const n of t.numeric) {
        let byName = tags.numeric.get(names.get(t.name));
        if (!byName) tags.numeric.set(names.get(t.name), (byName = new Map()));
        let tag = byName.get(n.name);
        if (!tag) byName.set(n.name, (tag = { name: n.name, value: n.value, unit, flat: 0, cum: 0 }));
        if (flat) tag.flat += v;
        else tag.cum += v;
      }
    };
    const seen = new Int32Array(keys.name.length).fill(-1);
    const scratch = { frames: new Int32Array(256) };
    // The sample being added: each kept node of its stack gets its value as cum, once.
    let i = 0;
    const visit = (key: number) => {
      if (kept[key] && seen[key] !== i) {
        seen[key] = i;
        add(key, groupTags[i], values[i], false);
      }
    };
    for (; i < s.groups.length; i++) {
      const t = groupTags[i];
      if (values[i] === 0 || (t.name === 0 && t.numeric.length === 0)) continue;
      let leafKey: number;
      if (rewrite) {
        const stack = groupFrames(session, s.groups[i], rewrite, scratch);
        if (!stack || stack.length === 0) continue;
        for (const f of stack) visit(keys.ofFrame[f]);
        leafKey = keys.ofFrame[stack[stack.length - 1]];
      } else {
        // Unfiltered, the stack is walked in place, without copying it out.
        const leaf = session.groups.stack.data[s.groups[i]];
        if (leaf === 0) continue;
        for (let node = leaf; node > 0; node = parent.data[node]) visit(keys.ofFrame[frame.data[node]]);
        leafKey = keys.ofFrame[frame.data[leaf]];
      }
      if (kept[leafKey]) add(leafKey, t, values[i], true);
    }
    return new Map(
      [...out].map(([key, tags]) => [
        key,
        { labels: [...tags.labels.values()], numeric: new Map([...tags.numeric].map(([name, byName]) => [name, [...byName.values()]])) },
      ]),
    );
  };
}

/** The tags worth keeping, as pprof's TrimLowFrequencyTags: flat or cum at least the cutoff. */
export function trimTags(tags: Map<number, NodeTags>, cutoff: number): Map<number, NodeTags> {
  const keep = <T extends LabelTag>(list: T[]) => list.filter((t) => Math.abs(t.flat) >= cutoff || Math.abs(t.cum) >= cutoff);
  return new Map([...tags].map(([key, t]) => [key, { labels: keep(t.labels), numeric: new Map([...t.numeric].map(([name, list]) => [name, keep(list)])) }]));
}

/**
 * How many nodes, in drawing order, fit -nodecount when each also counts the boxes it will have
 * (its tags with a flat value, up to MAX_NODELETS), as pprof selects nodes for a drawing.
 */
export function nodesWithin(keysInOrder: number[], tags: Map<number, NodeTags>, nodeCount: number): number {
  let count = 0;
  for (let i = 0; i < keysInOrder.length; i++) {
    const t = tags.get(keysInOrder[i]);
    let boxes = 0;
    if (t) for (const list of [t.labels, ...t.numeric.values()]) for (const tag of list) if (tag.flat !== 0) boxes++;
    count += Math.min(boxes, MAX_NODELETS) + 1;
    if (count >= nodeCount) return i + 1;
  }
  return nodeCount;
}
