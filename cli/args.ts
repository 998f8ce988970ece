import type { Option } from '../src/core/options/option';
import { GRANULARITIES, type Granularity } from '../src/core/options/table';

/**
 * Splits `--name=value`, `--name value` and bare `--flag` options from positional arguments; an
 * option that is neither a flag nor one of `valued`, or a value its row refuses, is a usage error.
 */
export function parseArgs(argv: string[], flags: string[], valued: Option<unknown>[]): { opts: Record<string, string>; positional: string[] } {
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
    const row = valued.find((o) => o.name === key);
    if (!flags.includes(key) && !row) throw new UsageError(`unknown option ${a.slice(0, a.length - name.length)}${key}`);
    if (eq >= 0) opts[key] = name.slice(eq + 1);
    else if (flags.includes(key)) opts[key] = 'true';
    else if (i + 1 < argv.length) opts[key] = argv[++i];
    else throw new UsageError(`option --${key} needs a value`);
    if (row && !accepts(row, opts[key])) throw new UsageError(`--${key} must be ${row.expects}, not "${opts[key]}"`);
  }
  return { opts, positional };
}

/** Whether a row takes the text; an empty text leaves an option whose default is empty unset. */
function accepts(row: Option<unknown>, text: string): boolean {
  return row.parse(text) !== undefined || (text === '' && row.fallback === '');
}

/** An option's value as the arguments give it, or its default. */
export function optionValue<T>(opts: Record<string, string>, row: Option<T>): T {
  const text = opts[row.name];
  return text === undefined ? row.fallback : (row.parse(text) ?? row.fallback);
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

/** The granularity the flags ask for (functions when none does); more than one is a usage error. */
export function granularityOf(opts: Record<string, string>): Granularity {
  const chosen = GRANULARITIES.filter((g) => opts[g]);
  if (chosen.length > 1) throw new UsageError(`choose one of ${GRANULARITIES.map((g) => `--${g}`).join(', ')}`);
  return chosen[0] ?? 'functions';
}
