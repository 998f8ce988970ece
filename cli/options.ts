import { durationOption, textOption, wholeOption } from '../src/core/options/option';

/** The command's own options, beside pprof's (src/core/options/table.ts): the same kind of row. */
export const COMMAND_OPTIONS = {
  /** Where a permalink opens: a served Parkview. */
  base: textOption('base', 'base', 'an http:// or https:// address'),
  bundle: textOption('bundle', 'bundle', 'a file name'),
  port: wholeOption('port', 'port', 8081, 'a port number', (n) => n <= 65535),
  host: textOption('host', 'host', 'a host name or address'),
  /** How often `serve` fetches its URLs again. */
  every: durationOption('every', 'every'),
};
