import { topText } from '../src/core/report/top-text';
import { GRANULARITIES, OPTIONS } from '../src/core/options/table';
import { granularityOf, parseArgs, UsageError } from './args';
import { REFINE_OPTIONS, REFINE_USAGE } from './refine';
import { checkBase, reportQuery } from './report-query';

export const TOP_USAGE = `parkview top [--cum] [--functions|--filefunctions|--files|--lines] [--sample_index=NAME] [--diff_base=BASE] ${REFINE_USAGE} FILE|URL`;

export async function topCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, ['cum', ...GRANULARITIES], [OPTIONS.sample_index, OPTIONS.diff_base, ...REFINE_OPTIONS]);
  if (positional.length !== 1) throw new UsageError(`usage: ${TOP_USAGE}`);
  const { engine, query } = await reportQuery(opts, positional[0], granularityOf(opts));
  const report = engine.top(query, opts.cum ? 'cum' : 'flat');
  checkBase(report);
  return topText(report.labels, query.sampleIndex, report, query.filters);
}
