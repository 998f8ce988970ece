import type { GraphOptions } from '../src/core/query/graph/build';
import { GRANULARITIES, OPTIONS } from '../src/core/options/table';
import { toDot } from '../src/core/report/graph/dot';
import { granularityOf, optionValue, parseArgs, UsageError } from './args';
import { REFINE_OPTIONS, REFINE_USAGE } from './refine';
import { checkBase, reportQuery } from './report-query';

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

  const { engine, snapshot, query } = await reportQuery(opts, positional[0], granularity);
  const graph = engine.graph(query, options);
  checkBase(graph);
  const dot = toDot(graph.drawn, { title: snapshot.binary, legend: true });
  if (!opts.svg) return dot;
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  return (await Graphviz.load()).layout(dot, 'svg', 'dot');
}
