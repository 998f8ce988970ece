import { tagsText } from '../src/core/report/tags-text';
import { tracesText } from '../src/core/report/traces-text';
import type { Session } from '../src/core/model/session';
import type { Snapshot } from '../src/core/model/snapshot';
import type { StackRewrite } from '../src/core/query/call-tree';
import { OPTIONS } from '../src/core/options/table';
import { parseArgs, UsageError } from './args';
import { REFINE_OPTIONS, REFINE_USAGE } from './refine';
import { reportQuery } from './report-query';

type Render = (session: Session, snapshot: Snapshot, sampleIndex: number, rewrite?: StackRewrite) => string;

/** A command printing one profile's samples as a pprof report does, after pprof's filters. */
function samplesCommand(name: string, render: Render): { usage: string; run: (argv: string[]) => Promise<string> } {
  const usage = `parkview ${name} [--sample_index=NAME] ${REFINE_USAGE} FILE|URL`;
  return {
    usage,
    async run(argv) {
      const { opts, positional } = parseArgs(argv, [], [OPTIONS.sample_index, ...REFINE_OPTIONS]);
      if (positional.length !== 1) throw new UsageError(`usage: ${usage}`);
      const { engine, snapshot, query } = await reportQuery(opts, positional[0]);
      return render(engine.session, snapshot, query.sampleIndex, engine.rewrite(query.filters));
    },
  };
}

/** `go tool pprof -traces`: every sample's stack with its value and labels. */
export const tracesCommand = samplesCommand('traces', tracesText);
/** `go tool pprof -tags`: each label key with the total of its values. */
export const tagsCommand = samplesCommand('tags', tagsText);
