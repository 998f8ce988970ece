import { ProfileError } from '../src/core/decode';
import { UsageError } from './args';
import { TOP_USAGE, topCommand } from './top';

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => Promise<string> }> = {
  top: { usage: TOP_USAGE, run: topCommand },
};

function usage(): string {
  return ['usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${name && name !== 'help' && name !== '--help' ? `parkview: unknown command "${name}"\n` : ''}${usage()}\n`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
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
