import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { buildCallTree, type CallTree, type StackRewrite } from './call-tree';
import type { Filters } from '../options/filters';
import type { Granularity } from '../options/table';
import { nodeKeys, type NodeKeys } from './granularity';

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

/** Builds the stack rewrite for a set of filters; set once by the filter module. */
export type RewriteFactory = (session: Session, filters: Filters) => StackRewrite | undefined;

let rewriteFactory: RewriteFactory = () => undefined;

export function setRewriteFactory(f: RewriteFactory): void {
  rewriteFactory = f;
}

/** The stack rewrite for a set of filters, for views that build their own trees (undefined: none). */
export function rewriteFor(session: Session, filters: Filters | undefined): StackRewrite | undefined {
  return filters ? rewriteFactory(session, filters) : undefined;
}

/** Memoises call trees and node keys per query, so views switching back and forth cost nothing. */
export class QueryCache {
  private trees = new Map<string, CallTree>();
  private keys = new Map<string, { frames: number; keys: NodeKeys }>();

  constructor(private session: Session) {}

  resolve(q: ViewQuery): ResolvedQuery {
    const snapshot = this.session.get(q.snapshot);
    const sampleIndex = q.sampleIndex !== undefined && q.sampleIndex < snapshot.sampleTypes.length ? q.sampleIndex : snapshot.defaultSampleType;
    const treeKey = JSON.stringify([q.snapshot, sampleIndex, q.filters ?? {}]);
    let tree = this.trees.get(treeKey);
    if (!tree) {
      const rewrite = q.filters ? rewriteFactory(this.session, q.filters) : undefined;
      tree = buildCallTree(this.session, snapshot, sampleIndex, rewrite);
      if (this.trees.size > 16) this.trees.clear();
      this.trees.set(treeKey, tree);
    }
    return { snapshot, sampleIndex, tree, keys: this.keysFor(q.granularity ?? 'functions') };
  }

  keysFor(granularity: Granularity): NodeKeys {
    const cached = this.keys.get(granularity);
    if (cached && cached.frames === this.session.frames.size) return cached.keys;
    const keys = nodeKeys(this.session, granularity);
    this.keys.set(granularity, { frames: this.session.frames.size, keys });
    return keys;
  }

  /** Forget trees of snapshots that are gone. */
  invalidate(): void {
    this.trees.clear();
  }
}
