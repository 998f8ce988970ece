import { topText } from '../src/core/report/top-text';
import { Session } from '../src/core/model/session';
import { buildCallTree } from '../src/core/query/call-tree';
import { nodeKeys } from '../src/core/query/granularity';
import { sampleIndexOf } from '../src/core/query/sample-index';
import { topReport } from '../src/core/query/top';
import { withDiffBase } from './diff-base';
import { GRANULARITIES, OPTIONS } from '../src/core/options/table';
import { granularityOf, parseArgs, UsageError } from './args';
import { loadFile } from './load';
import { filtersOf, REFINE_OPTIONS, REFINE_USAGE, rewriteOf } from './refine';

export const TOP_USAGE = `parkview top [--cum] [--functions|--filefunctions|--files|--lines] [--sample_index=NAME] [--diff_base=BASE] ${REFINE_USAGE} FILE|URL`;

export async function topCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, ['cum', ...GRANULARITIES], [OPTIONS.sample_index, OPTIONS.diff_base, ...REFINE_OPTIONS]);
  if (positional.length !== 1) throw new UsageError(`usage: ${TOP_USAGE}`);
  const session = new Session();
  const snapshot = await loadFile(session, positional[0]);
  const si = sampleIndexOf(snapshot, opts.sample_index);
  const filters = filtersOf(opts);
  const { labels, tree } = await withDiffBase(session, opts.diff_base, snapshot, si, filters, buildCallTree(session, snapshot, si, rewriteOf(session, filters, snapshot, si)));
  return topText(labels, si, topReport(tree, nodeKeys(session, granularityOf(opts)), session.frames, opts.cum ? 'cum' : 'flat'), filters);
}
