import { ProfileError } from '../src/core/decode';
import { visibleText } from '../src/core/report/visible';
import { existsSync } from 'node:fs';
import { Incomplete, UsageError, wantsHelp } from './args';
import { isUrl } from './captures';
import { GRAPH_USAGE, graphCommand } from './graph';
import { LINK_USAGE, linkCommand } from './link';
import { LIST_USAGE, listCommand } from './list';
import { SERVE_USAGE, serveCommand } from './serve';
import { tagsCommand, tracesCommand } from './samples';
import { LeaksFound, SUSPECTS_USAGE, suspectsCommand } from './suspects';
import { TOP_USAGE, topCommand } from './top';

const COMMANDS = new Map<string, { usage: string; run: (argv: string[]) => Promise<string> }>(Object.entries({
  serve: { usage: SERVE_USAGE, run: serveCommand },
  link: { usage: LINK_USAGE, run: linkCommand },
  top: { usage: TOP_USAGE, run: topCommand },
  graph: { usage: GRAPH_USAGE, run: graphCommand },
  list: { usage: LIST_USAGE, run: listCommand },
  traces: tracesCommand,
  tags: tagsCommand,
  suspects: { usage: SUSPECTS_USAGE, run: suspectsCommand },
}));

function usage(): string {
  return ['usage:', ...[...COMMANDS.values()].map((c) => `  ${c.usage}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const first = argv[0] ?? '';
  // `parkview [options] [FILE|URL]...` serves; a bare word names a command.
  const implicitServe = argv.length === 0 || (first.startsWith('-') && first !== '--help' && first !== '-h') || isUrl(first) || /[./\\]/.test(first) || (!COMMANDS.has(first) && existsSync(first));
  const [name, ...rest] = implicitServe ? ['serve', ...argv] : argv;
  const command = COMMANDS.get(name);
  if (!command) {
    const known = name === 'help' || name === '--help' || name === '-h';
    process.stderr.write(`${known ? '' : `parkview: unknown command "${visibleText(name)}"\n`}${usage()}\n`);
    return known ? 0 : 2;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(`usage: ${command.usage}\n`);
    return 0;
  }
  try {
    // Profile text reaches the terminal with its control and bidi characters escaped, never acted on.
    process.stdout.write(visibleText(await command.run(rest)));
    return 0;
  } catch (e) {
    if (e instanceof LeaksFound) {
      process.stdout.write(visibleText(e.output));
      return 1;
    }
    if (e instanceof Incomplete) {
      process.stdout.write(e.output);
      for (const p of e.problems) process.stderr.write(`parkview: ${p}\n`);
      return 1;
    }
    if (e instanceof ProfileError || e instanceof UsageError) {
      process.stderr.write(`parkview: ${visibleText(e.message)}\n`);
      return e instanceof UsageError ? 2 : 1;
    }
    process.stderr.write(`parkview: internal error: ${visibleText((e as Error).message)}\n`);
    return 1;
  }
}
