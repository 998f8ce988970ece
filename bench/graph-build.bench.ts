// The call graph in Node: pprof's pruning, label boxes, labels and DOT for fanout-100k and fanout-200k
// from their call trees (what the Worker does when the Graph view opens; the tree itself is shared with Top).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeInput } from '../src/core/decode';
import { Session } from '../src/core/model/session';
import { buildCallTree } from '../src/core/query/call-tree';
import { nodeKeys } from '../src/core/query/granularity';
import { buildGraph, DEFAULT_GRAPH_OPTIONS } from '../src/core/query/graph/build';
import { toDot } from '../src/core/report/graph/dot';
import { drawGraph } from '../src/core/report/graph/present';
import { labelTagsOf } from '../src/core/query/graph/tags';

const FIXTURES = resolve(import.meta.dirname, '../../shared/fixtures');
const RUNS = 5;

for (const [name, path] of [
  ['100k', 'fanout-100k/pprof.fanout.goroutine.001.pb.gz'],
  ['200k', 'fanout-200k/pprof.fanout.goroutine.001.pb.gz'],
]) {
  const session = new Session();
  const snapshot = await decodeInput(readFileSync(resolve(FIXTURES, path)), session, { name: path });
  const si = snapshot.defaultSampleType;
  const tree = buildCallTree(session, snapshot, si);
  const keys = nodeKeys(session, 'functions');
  const times: number[] = [];
  let edges = 0;
  let boxes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const tags = labelTagsOf(session, snapshot, si, keys);
    const drawn = drawGraph(buildGraph(tree, keys, session.frames, DEFAULT_GRAPH_OPTIONS, tags), keys, 'functions', snapshot, si, DEFAULT_GRAPH_OPTIONS);
    toDot(drawn);
    times.push(performance.now() - t);
    edges = drawn.edges.length;
    boxes = drawn.nodelets.length;
  }
  times.sort((a, b) => a - b);
  console.log(`BENCH graph-build-${name} median_ms=${Math.round(times[RUNS >> 1])} tree_nodes=${tree.parent.length} edges=${edges} label_boxes=${boxes}`);
}
