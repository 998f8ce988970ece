/** Splits `--name=value`, `--name value` and bare `--flag` options from positional arguments. */
export function parseArgs(argv: string[], flags: string[]): { opts: Record<string, string>; positional: string[] } {
  const opts: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const name = a.replace(/^--?/, '');
    const eq = name.indexOf('=');
    if (eq >= 0) opts[name.slice(0, eq)] = name.slice(eq + 1);
    else if (flags.includes(name)) opts[name] = 'true';
    else if (i + 1 < argv.length) opts[name] = argv[++i];
    else throw new UsageError(`option --${name} needs a value`);
  }
  return { opts, positional };
}

export class UsageError extends Error {}
