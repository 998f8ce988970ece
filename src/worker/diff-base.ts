import type { CallTree } from '../core/query/call-tree';
import { baseSampleIndex } from '../core/query/diff-base';
import { diffTree } from '../core/query/graph/diff-tree';
import type { ResolvedQuery, ViewQuery } from '../core/query/view-query';
import { queries, session } from './state';

export interface BaseInfo {
  /** The base snapshot the values are changes from (pprof's -diff_base), when diffing. */
  base: { name: string } | null;
  /** Why there is no diff although a base was chosen. */
  baseError: string | null;
}

export interface DiffResolved extends BaseInfo {
  /** The query without its base. */
  current: ResolvedQuery;
  /** The current tree, less the base's samples when diffing. */
  tree: CallTree;
}

/** A view's query with its `base` applied, when it names one other than the shown snapshot. */
export function resolveWithBase(q: ViewQuery): DiffResolved {
  const current = queries.resolve({ ...q, base: undefined });
  if (q.base === undefined || q.base === q.snapshot) return { current, tree: current.tree, base: null, baseError: null };
  const snapshot = session.snapshots.find((s) => s.id === q.base);
  if (!snapshot) return { current, tree: current.tree, base: null, baseError: 'the base snapshot is no longer loaded' };
  const sampleIndex = baseSampleIndex(current.snapshot, current.sampleIndex, snapshot);
  if (sampleIndex < 0) {
    const type = current.snapshot.sampleTypes[current.sampleIndex].type;
    return { current, tree: current.tree, base: null, baseError: `${snapshot.name} has no "${type}" samples to compare with` };
  }
  const baseTree = queries.resolve({ ...q, snapshot: snapshot.id, sampleIndex, base: undefined }).tree;
  return { current, tree: diffTree(current.tree, baseTree), base: { name: snapshot.name }, baseError: null };
}
