import { ProfileError } from '../src/core/decode';
import { UsageError } from './args';
import { SERVE_USAGE, serveCommand } from './serve';
import { TOP_USAGE, topCommand } from './top';

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => Promise<string> }> = {
  serve: { usage: SERVE_USAGE, run: serveCommand },
  top: { usage: TOP_USAGE, run: topCommand },
};

function usage(): string {
  return ['usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const implicitServe = argv.length === 0 || (argv[0].startsWith('-') && argv[0] !== '--help' && argv[0] !== '-h');
  const [name, ...rest] = implicitServe ? ['serve', ...argv] : argv;
  const command = COMMANDS[name] as (typeof COMMANDS)[string] | undefined;
  if (!command) {
    const known = name === 'help' || name === '--help' || name === '-h';
    process.stderr.write(`${known ? '' : `parkview: unknown command "${name}"\n`}${usage()}\n`);
    return known ? 0 : 2;
  }
  try {
    process.stdout.write(await command.run(rest));
    return 0;
  } catch (e) {
    if (e instanceof ProfileError || e instanceof UsageError) {
      process.stderr.write(`parkview: ${e.message}\n`);
      return e instanceof UsageError ? 2 : 1;
    }
    process.stderr.write(`parkview: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}
