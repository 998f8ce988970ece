import { choiceOption, durationOption, fractionOption, nameOption, textOption, wholeOption, type Option } from './option';

/** pprof's granularities: what one node of a report stands for. */
export const GRANULARITIES = ['functions', 'filefunctions', 'files', 'lines'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** How the Leaks analysis groups goroutines: by stack, labels, creator or function. */
export const GROUPINGS = ['stack', 'labels', 'creator', 'function'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/**
 * Every option with a name of pprof's (or, for the leak analysis, Parkview's own), read by the
 * command's flags, the page address and the refine bar. The address keys are pprof's web UI ones.
 */
export const OPTIONS = {
  focus: textOption('focus', 'f'),
  ignore: textOption('ignore', 'i'),
  hide: textOption('hide', 'h'),
  show: textOption('show', 's'),
  show_from: textOption('show_from', 'sf'),
  tagfocus: textOption('tagfocus', 'tf', 'key=regexp, or a numeric range like bytes=1kb:'),
  tagignore: textOption('tagignore', 'ti', 'key=regexp, or a numeric range like bytes=1kb:'),
  granularity: choiceOption('granularity', 'g', GRANULARITIES, 'functions'),
  sample_index: textOption('sample_index', 'si', 'a sample type name or index'),
  nodecount: wholeOption('nodecount', 'nodecount', 80, 'a whole number (0: no limit)'),
  nodefraction: fractionOption('nodefraction', 'nodefraction', 0.005),
  edgefraction: fractionOption('edgefraction', 'edgefraction', 0.001),
  /** On the command line a profile; in the address, the 1-based position of a loaded snapshot. */
  diff_base: textOption('diff_base', 'base', 'a profile file or URL'),
  list: nameOption('list', 'list', 'a regular expression'),
  tagroot: nameOption('tagroot', 'tagroot', 'a label key'),
  source_path: textOption('source_path', 'source_path', 'a folder'),
  trim_path: textOption('trim_path', 'trim_path', 'a path prefix'),
  group: choiceOption('group', 'group', GROUPINGS, 'stack'),
  /** Time between snapshots, for a series without capture times. */
  interval: durationOption('interval', 'interval'),
} satisfies Record<string, Option<unknown>>;

export type OptionId = keyof typeof OPTIONS;
