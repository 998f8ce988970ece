import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import type { CallTree, StackRewrite } from './call-tree';
import type { Filters } from '../options/filters';
import type { Granularity } from '../options/table';
import type { NodeKeys } from './granularity';

/** What every view asks about: which snapshot, which value, which refinements. */
export interface ViewQuery {
  snapshot: number;
  /** Index into the snapshot's sample types; default: the profile's default. */
  sampleIndex?: number;
  granularity?: Granularity;
  filters?: Filters;
  /** Snapshot to compare against, for diff views. */
  base?: number;
}

export interface ResolvedQuery {
  snapshot: Snapshot;
  sampleIndex: number;
  tree: CallTree;
  keys: NodeKeys;
}

/** What builders above the call tree (flame graphs) ask of the query engine. */
export interface QueryContext {
  readonly session: Session;
  resolve(q: ViewQuery): ResolvedQuery;
  keysFor(granularity: Granularity): NodeKeys;
  nodeFunctions(granularity: Granularity): string[];
  /** The stack rewrite of the filters (undefined: none). */
  rewrite(filters: Filters | undefined): StackRewrite | undefined;
}
