import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { buildCallTree, groupFrames, type StackRewrite } from '../query/call-tree';
import { shownSampleIndex } from '../query/sample-index';
import type { QueryContext, ViewQuery } from '../query/view-query';
import { keyedCallTree, mergeByKey } from './merge';
import { FlameModel } from './model';
import { skeletonOf, snapshotTree } from './skeleton';
import { NameTable } from '../model/strings';
import { LEAF_SCAN, stateFromStack } from '../analysis/states';
import { dominantStates, type DominantStates } from './states';
import { LabelRoots } from './tagroot';

/** A flame graph built for one view query, with what later questions about it need. */
export interface BuiltFlame {
  model: FlameModel;
  snapshot: Snapshot;
  sampleIndex: number;
  /** Per name: source file ('' for none), function name (differs from the name below `functions` granularity). */
  files: string[];
  funcs: string[];
  /** Names from this index on are label pseudo-frames. */
  labelFrom: number;
  /** The node a group's goroutines end at in this graph, or -1 (dropped by a filter). */
  nodeOfGroup: (group: number) => number;
}

/** Label pseudo-frames are interned once per session so graphs of different snapshots share them. */
const labelRoots = new WeakMap<Session, LabelRoots>();

function rootsOf(session: Session): LabelRoots {
  let r = labelRoots.get(session);
  if (!r) labelRoots.set(session, (r = new LabelRoots()));
  return r;
}

/**
 * The flame graph of a query's snapshot. With `groupBy`, each stack sits under a pseudo-frame for its
 * value of that label key (pprof's tagroot).
 */
export function buildFlame(queries: QueryContext, q: ViewQuery, groupBy: string | null): BuiltFlame {
  const { session } = queries;
  const snapshot = session.get(q.snapshot);
  const sampleIndex = shownSampleIndex(snapshot, q.sampleIndex);
  const granularity = q.granularity ?? 'functions';
  const keys = queries.keysFor(granularity);
  const filters = queries.rewrite(q.filters);
  const funcs = queries.nodeFunctions(granularity);
  const plain = { snapshot, sampleIndex, labelFrom: keys.name.length, files: keys.file, funcs };
  if (!filters && !groupBy) {
    // The common case: values on the session's skeleton, no call tree needed.
    const skeleton = skeletonOf(session, keys);
    const model = new FlameModel(snapshotTree(session, skeleton, snapshot, sampleIndex), keys.name, skeleton);
    return { ...plain, model, nodeOfGroup: (g) => skeleton.ofStack[session.groups.stack.data[g]] };
  }
  const lines = session.frames.line.data;
  let rewrite = filters;
  let names = keys.name;
  let keyOfFrame = keys.ofFrame;
  let tree = filters && !groupBy ? queries.resolve(q).tree : null;
  if (groupBy) {
    const roots = rootsOf(session);
    const frameBase = session.frames.size;
    rewrite = roots.rewrite(session, groupBy, frameBase, filters);
    tree = buildCallTree(session, snapshot, sampleIndex, rewrite);
    keyOfFrame = roots.extendKeys(keys.ofFrame, frameBase, keys.name.length);
    names = [...keys.name, ...roots.values];
  }
  const model = new FlameModel(mergeByKey(keyedCallTree(tree!, keyOfFrame, lines)), names);
  const pathOf = groupPaths(session, keyOfFrame, rewrite);
  return {
    ...plain,
    model,
    files: names.map((_, i) => (i < plain.labelFrom ? keys.file[i] : '')),
    funcs: names.map((n, i) => (i < plain.labelFrom ? funcs[i] : n)),
    nodeOfGroup: (g) => {
      const path = pathOf(g);
      let node = path ? 0 : -1;
      for (let d = 0; path && d < path.length && node >= 0; d++) node = model.childByKey(node, path[d]);
      return node;
    },
  };
}

function groupPaths(session: Session, keyOfFrame: Int32Array, rewrite: StackRewrite | undefined): (group: number) => Int32Array | null {
  const scratch = { frames: new Int32Array(256) };
  return (group) => {
    const frames = groupFrames(session, group, rewrite, scratch);
    if (!frames) return null;
    const path = new Int32Array(frames.length);
    for (let i = 0; i < frames.length; i++) path[i] = keyOfFrame[frames[i]];
    return path;
  };
}

export interface FlameStates extends DominantStates {
  names: string[];
  /** True when the states come from a debug=2 dump, false when inferred from the stacks' leaf frames. */
  recorded: boolean;
}

/**
 * The wait state of every frame: the one most goroutines under it are in. States are the dump's own
 * (debug=2) when it has them, else inferred from each stack's leaf frames.
 */
export function flameStates(session: Session, built: BuiltFlame): FlameStates {
  const { snapshot, sampleIndex, model } = built;
  const names = new NameTable();
  const groupState = snapshot.goroutines ? recordedStates(session, snapshot, names) : inferredStates(session, snapshot, names);
  const values = snapshot.values[sampleIndex];
  const leaf: number[] = [];
  const state: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < snapshot.groups.length; i++) {
    if (values[i] === 0 || groupState[i] < 0) continue;
    const node = built.nodeOfGroup(snapshot.groups[i]);
    if (node < 0) continue;
    leaf.push(node);
    state.push(groupState[i]);
    value.push(values[i]);
  }
  const dominant = dominantStates(model.tree, Int32Array.from(leaf), Int32Array.from(state), Float64Array.from(value), names.size);
  return { ...dominant, names: names.values, recorded: snapshot.goroutines !== null };
}

/** Per group of the snapshot, the state most of its goroutines are in (majority vote), or -1. */
function recordedStates(session: Session, snapshot: Snapshot, names: NameTable): Int32Array {
  const facts = snapshot.goroutines!;
  const out = new Int32Array(snapshot.groups.length).fill(-1);
  const votes = new Int32Array(snapshot.groups.length);
  for (let g = 0; g < facts.group.length; g++) {
    const i = facts.group[g];
    const s = names.intern(session.strings.get(facts.state[g]) || 'unknown');
    if (votes[i] === 0) {
      out[i] = s;
      votes[i] = 1;
    } else votes[i] += out[i] === s ? 1 : -1;
  }
  return out;
}

function inferredStates(session: Session, snapshot: Snapshot, names: NameTable): Int32Array {
  const { stacks, groups } = session;
  const out = new Int32Array(snapshot.groups.length);
  const byLeaf = new Map<number, number>();
  for (let i = 0; i < snapshot.groups.length; i++) {
    const leaf = groups.stack.data[snapshot.groups[i]];
    let s = byLeaf.get(leaf);
    if (s === undefined) {
      const leafFirst: string[] = [];
      for (let node = leaf; node > 0 && leafFirst.length < LEAF_SCAN; node = stacks.parent.data[node]) leafFirst.push(session.funcName(stacks.frame.data[node]));
      // Protobuf profiles carry no states: the label the Leaks and Goroutines views give the same stack.
      s = names.intern(stateFromStack(leafFirst).label);
      byLeaf.set(leaf, s);
    }
    out[i] = s;
  }
  return out;
}
