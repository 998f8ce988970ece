import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { buildCallTree, type CallTree } from '../../src/core/query/call-tree';
import type { Granularity } from '../../src/core/options/table';
import { nodeKeys, type NodeKeys } from '../../src/core/query/granularity';
import { buildGraph, DEFAULT_GRAPH_OPTIONS, type CallGraph, type GraphOptions } from '../../src/core/query/graph/build';
import { diffTree } from '../../src/core/query/graph/diff-tree';
import { drawGraph, type DrawnGraph } from '../../src/core/report/graph/present';
import { labelTagsOf } from '../../src/core/query/graph/tags';
import { load } from '../fixtures';

export const SERVICE_001 = 'service/pprof.service.goroutine.001.pb.gz';
export const SERVICE_040 = 'service/pprof.service.goroutine.040.pb.gz';
export const FANOUT_100K = 'fanout-100k/pprof.fanout.goroutine.001.pb.gz';
export const SLOWCLIENT_LAST = 'seed/slowclient/pprof.slowclient.goroutine.010.pb.gz';

export interface Built {
  session: Session;
  snapshot: Snapshot;
  tree: CallTree;
  keys: NodeKeys;
  graph: CallGraph;
  drawn: DrawnGraph;
}

/** A profile's call graph as the app builds it; with `base`, the diff against that profile (pprof -diff_base). */
export async function graphOf(path: string, options: Partial<GraphOptions> = {}, base?: string, granularity: Granularity = 'functions'): Promise<Built> {
  const session = new Session();
  const snapshot = await load(session, path);
  let tree = buildCallTree(session, snapshot, snapshot.defaultSampleType);
  if (base) {
    const b = await load(session, base);
    tree = diffTree(tree, buildCallTree(session, b, b.defaultSampleType));
  }
  const keys = nodeKeys(session, granularity);
  const opts = { ...DEFAULT_GRAPH_OPTIONS, ...options };
  const graph = buildGraph(tree, keys, session.frames, opts, base ? null : labelTagsOf(session, snapshot, snapshot.defaultSampleType, keys));
  return { session, snapshot, tree, keys, graph, drawn: drawGraph(graph, keys, granularity, snapshot, snapshot.defaultSampleType, opts) };
}

/** Edges as `caller -> callee weight [inline] [residual]`, pprof's order and arrows ("..." for residual). */
export function edgeLines(g: CallGraph): string[] {
  return g.edges.map((e) => `${g.nodes[e.src].name} ${e.residual ? '...' : '->'} ${g.nodes[e.dst].name} ${e.weight}${e.inline ? ' inline' : ''}`);
}
