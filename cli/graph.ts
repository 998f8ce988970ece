import { Session } from '../src/core/model/session';
import { buildCallTree } from '../src/core/query/call-tree';
import { nodeKeys } from '../src/core/query/granularity';
import { buildGraph, type GraphOptions } from '../src/core/query/graph/build';
import { GRANULARITIES, OPTIONS } from '../src/core/options/table';
import { toDot } from '../src/core/report/graph/dot';
import { drawGraph } from '../src/core/report/graph/present';
import { labelTagsOf } from '../src/core/query/graph/tags';
import { sampleIndexOf } from '../src/core/query/sample-index';
import { granularityOf, optionValue, parseArgs, UsageError } from './args';
import { withDiffBase } from './diff-base';
import { loadFile } from './load';
import { filtersOf, REFINE_OPTIONS, REFINE_USAGE, rewriteOf } from './refine';

export const GRAPH_USAGE =
  `parkview graph [--dot|--svg] [--nodecount N] [--nodefraction F] [--edgefraction F] [--functions|--filefunctions|--files|--lines] [--sample_index=NAME] [--diff_base=BASE] ${REFINE_USAGE} FILE|URL`;

/** pprof's call graph of one profile, as DOT (like `go tool pprof -dot`) or laid out as SVG (`-svg`). */
export async function graphCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, ['dot', 'svg', ...GRANULARITIES], [
    OPTIONS.nodecount,
    OPTIONS.nodefraction,
    OPTIONS.edgefraction,
    OPTIONS.sample_index,
    OPTIONS.diff_base,
    ...REFINE_OPTIONS,
  ]);
  if (positional.length !== 1) throw new UsageError(`usage: ${GRAPH_USAGE}`);
  if (opts.dot && opts.svg) throw new UsageError('choose one of --dot and --svg');
  const granularity = granularityOf(opts);
  const options: GraphOptions = {
    nodeCount: optionValue(opts, OPTIONS.nodecount),
    nodeFraction: optionValue(opts, OPTIONS.nodefraction),
    edgeFraction: optionValue(opts, OPTIONS.edgefraction),
  };

  const session = new Session();
  const snapshot = await loadFile(session, positional[0]);
  const si = sampleIndexOf(snapshot, opts.sample_index);
  const filters = filtersOf(opts);
  const rewrite = rewriteOf(session, filters, snapshot, si);
  const { labels, tree } = await withDiffBase(session, opts.diff_base, snapshot, si, filters, buildCallTree(session, snapshot, si, rewrite));
  const keys = nodeKeys(session, granularity);
  // A diff has no label boxes: its values are changes, not goroutines under labels.
  const tags = opts.diff_base === undefined ? labelTagsOf(session, snapshot, si, keys, rewrite) : null;
  const drawn = drawGraph(buildGraph(tree, keys, session.frames, options, tags), keys, granularity, labels, si, options, filters);
  const dot = toDot(drawn, { title: snapshot.binary, legend: true });
  if (!opts.svg) return dot;
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  return (await Graphviz.load()).layout(dot, 'svg', 'dot');
}
