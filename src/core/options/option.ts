import { parseDuration } from '../units/duration';

/**
 * One option, one row: its name as a command-line flag, its key in the page address, its default,
 * and how it reads and writes text. The command, the address and the refine bar all read the rows.
 */
export interface Option<T> {
  /** The flag and the name in messages: pprof's where pprof has one (`nodecount`, `focus`). */
  readonly name: string;
  /** Key in the page address: pprof's web UI key where it has one (`f` for focus). */
  readonly param: string;
  readonly fallback: T;
  /** What a value must be, for usage errors: `a whole number (0: no limit)`. */
  readonly expects: string;
  /** The value the text stands for; undefined when it stands for none (the text is untrusted). */
  parse(text: string): T | undefined;
  format(value: T): string;
}

export type OptionValue<O> = O extends Option<infer T> ? T : never;

/** Whether the value is the option's default (defaults stay out of addresses). */
export function isDefault<T>(option: Option<T>, value: T): boolean {
  return option.format(value) === option.format(option.fallback);
}

/** Longest name taken from untrusted text; real Go names are far shorter. */
export const MAX_NAME = 4096;

/** A name untrusted text may carry: not empty, not huge, no control characters. */
export function plausibleName(v: string | undefined): v is string {
  return v !== undefined && v.length > 0 && v.length <= MAX_NAME && !/[\u0000-\u001f\u007f]/.test(v);
}

/** Free text (a regex, a search): any non-empty text; the empty default means unset. */
export function textOption(name: string, param: string, expects = 'a regular expression'): Option<string> {
  return { name, param, fallback: '', expects, parse: (t) => (t === '' ? undefined : t), format: (v) => v };
}

/** A function, label or state name: plausible names only; null when unset. */
export function nameOption(name: string, param: string, expects = 'a name'): Option<string | null> {
  return { name, param, fallback: null, expects, parse: (t) => (plausibleName(t) ? t : undefined), format: (v) => v ?? '' };
}

/** A whole number of at most seven digits that `accept` takes. */
export function wholeOption(name: string, param: string, fallback: number, expects: string, accept: (n: number) => boolean = () => true): Option<number> {
  return {
    name,
    param,
    fallback,
    expects,
    parse: (t) => (/^\d{1,7}$/.test(t) && accept(Number(t)) ? Number(t) : undefined),
    format: String,
  };
}

/** A 1-based position in a list (`snap`, `base`); undefined when unset. */
export function positionOption(name: string, param: string): Option<number | undefined> {
  return {
    name,
    param,
    fallback: undefined,
    expects: 'a position from 1',
    parse: (t) => (/^\d{1,6}$/.test(t) && Number(t) >= 1 ? Number(t) : undefined),
    format: (v) => (v === undefined ? '' : String(v)),
  };
}

/** A fraction between 0 and 1, written as pprof's flags take it (`0.005`, `5e-3`). */
export function fractionOption(name: string, param: string, fallback: number): Option<number> {
  return {
    name,
    param,
    fallback,
    expects: 'a fraction between 0 and 1',
    parse(t) {
      if (!/^\d{0,3}(\.\d{1,20})?(e-\d{1,3})?$/i.test(t) || t === '' || t === '.') return undefined;
      const n = Number(t);
      return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
    },
    format: String,
  };
}

/** One of a fixed set of words. */
export function choiceOption<T extends string>(name: string, param: string, choices: readonly T[], fallback: T): Option<T> {
  return {
    name,
    param,
    fallback,
    expects: `one of ${choices.join(', ')}`,
    parse: (t) => ((choices as readonly string[]).includes(t) ? (t as T) : undefined),
    format: (v) => v,
  };
}

/** On or off: `1` in an address, a bare flag on the command line. */
export function switchOption(name: string, param: string): Option<boolean> {
  return { name, param, fallback: false, expects: 'a flag without a value', parse: (t) => (t === '1' ? true : undefined), format: (v) => (v ? '1' : '') };
}

/** A Go duration (`15s`, `1m30s`), kept as written; empty when unset. */
export function durationOption(name: string, param: string): Option<string> {
  return {
    name,
    param,
    fallback: '',
    expects: 'a duration such as 15s, 1m or 1m30s',
    parse: (t) => (parseDuration(t) === null ? undefined : t),
    format: (v) => v,
  };
}
