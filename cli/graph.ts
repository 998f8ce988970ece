import { Session } from '../src/core/model/session';
import { buildCallTree } from '../src/core/query/call-tree';
import { nodeKeys } from '../src/core/query/granularity';
import { buildGraph, DEFAULT_GRAPH_OPTIONS, type GraphOptions } from '../src/core/query/graph/build';
import { toDot } from '../src/core/report/graph/dot';
import { drawGraph } from '../src/core/report/graph/present';
import { labelTagsOf } from '../src/core/query/graph/tags';
import { sampleIndexOf } from '../src/core/query/sample-index';
import { GRANULARITIES, granularityOf, parseArgs, UsageError } from './args';
import { withDiffBase } from './diff-base';
import { loadFile } from './load';
import { filtersOf, REFINE_OPTIONS, REFINE_USAGE, rewriteOf } from './refine';

export const GRAPH_USAGE =
  `parkview graph [--dot|--svg] [--nodecount N] [--nodefraction F] [--edgefraction F] [--functions|--filefunctions|--files|--lines] [--sample_index=NAME] [--diff_base=BASE] ${REFINE_USAGE} FILE|URL`;

function numberOption(opts: Record<string, string>, name: string, fallback: number, integer: boolean): number {
  const text = opts[name];
  if (text === undefined) return fallback;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v)) || (!integer && v > 1)) {
    throw new UsageError(`--${name} must be ${integer ? 'a whole number (0: no limit)' : 'a fraction between 0 and 1'}, not "${text}"`);
  }
  return v;
}

/** pprof's call graph of one profile, as DOT (like `go tool pprof -dot`) or laid out as SVG (`-svg`). */
export async function graphCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, ['dot', 'svg', ...GRANULARITIES], ['nodecount', 'nodefraction', 'edgefraction', 'sample_index', 'diff_base', ...REFINE_OPTIONS]);
  if (positional.length !== 1) throw new UsageError(`usage: ${GRAPH_USAGE}`);
  if (opts.dot && opts.svg) throw new UsageError('choose one of --dot and --svg');
  const granularity = granularityOf(opts);
  const options: GraphOptions = {
    nodeCount: numberOption(opts, 'nodecount', DEFAULT_GRAPH_OPTIONS.nodeCount, true),
    nodeFraction: numberOption(opts, 'nodefraction', DEFAULT_GRAPH_OPTIONS.nodeFraction, false),
    edgeFraction: numberOption(opts, 'edgefraction', DEFAULT_GRAPH_OPTIONS.edgeFraction, false),
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
