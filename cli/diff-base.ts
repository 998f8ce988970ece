import type { Session } from '../src/core/model/session';
import type { Snapshot } from '../src/core/model/snapshot';
import { buildCallTree, type CallTree } from '../src/core/query/call-tree';
import { diffLabels } from '../src/core/query/diff-base';
import type { Filters } from '../src/core/options/filters';
import { diffTree } from '../src/core/query/graph/diff-tree';
import { sampleIndexOf } from '../src/core/query/sample-index';
import { loadFile } from './load';
import { rewriteOf } from './refine';

export interface Report {
  /** The profile the report is labelled with. */
  labels: Snapshot;
  tree: CallTree;
}

/** `--diff_base=BASE`: the report's tree less the base's samples of the same type (pprof -diff_base); as it is without one. */
export async function withDiffBase(session: Session, basePath: string | undefined, snapshot: Snapshot, sampleIndex: number, filters: Filters, tree: CallTree): Promise<Report> {
  if (basePath === undefined) return { labels: snapshot, tree };
  const base = await loadFile(session, basePath);
  const baseTree = buildCallTree(session, base, sampleIndexOf(base, snapshot.sampleTypes[sampleIndex].type), rewriteOf(session, filters));
  return { labels: diffLabels(snapshot, base), tree: diffTree(tree, baseTree) };
}
