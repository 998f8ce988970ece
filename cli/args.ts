import type { Granularity } from '../src/core/query/granularity';

/**
 * Splits `--name=value`, `--name value` and bare `--flag` options from positional arguments; an
 * option that is neither a flag nor one of `valued` is a usage error.
 */
export function parseArgs(argv: string[], flags: string[], valued: string[]): { opts: Record<string, string>; positional: string[] } {
  // Option names are the user's text: no prototype to collide with.
  const opts: Record<string, string> = Object.create(null) as Record<string, string>;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const name = a.replace(/^--?/, '');
    const eq = name.indexOf('=');
    const key = eq >= 0 ? name.slice(0, eq) : name;
    if (!flags.includes(key) && !valued.includes(key)) throw new UsageError(`unknown option ${a.slice(0, a.length - name.length)}${key}`);
    if (eq >= 0) opts[key] = name.slice(eq + 1);
    else if (flags.includes(key)) opts[key] = 'true';
    else if (i + 1 < argv.length) opts[key] = argv[++i];
    else throw new UsageError(`option --${key} needs a value`);
  }
  return { opts, positional };
}

/** True when the arguments ask for the command's usage. */
export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

export class UsageError extends Error {}

/** Output made without some inputs: printed, with one stderr line per input left out, and exit status 1. */
export class Incomplete extends Error {
  constructor(
    readonly output: string,
    readonly problems: string[],
  ) {
    super(problems.join('; '));
  }
}

/** pprof's granularity flags. */
export const GRANULARITIES: Granularity[] = ['functions', 'filefunctions', 'files', 'lines'];

/** The granularity the flags ask for (functions when none does); more than one is a usage error. */
export function granularityOf(opts: Record<string, string>): Granularity {
  const chosen = GRANULARITIES.filter((g) => opts[g]);
  if (chosen.length > 1) throw new UsageError(`choose one of ${GRANULARITIES.map((g) => `--${g}`).join(', ')}`);
  return chosen[0] ?? 'functions';
}
