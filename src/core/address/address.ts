import { FILTER_OPTIONS, normalizeFilters, type Filters } from '../options/filters';
import { choiceOption, isDefault, nameOption, positionOption, switchOption, textOption, wholeOption, type Option, type OptionValue } from '../options/option';
import { OPTIONS } from '../options/table';

/** How many areas the Leaks chart may draw. */
export const TOP_N_CHOICES = [5, 8, 10];

/** The Top table's sortable columns. */
const TOP_COLUMNS = ['flat', 'flatPct', 'sumPct', 'cum', 'cumPct', 'name'];

/** A view id as addresses carry it. */
const viewOption: Option<string | undefined> = {
  name: 'view',
  param: 'view',
  fallback: undefined,
  expects: 'a view name',
  parse: (t) => (/^[a-z][a-z0-9-]{0,31}$/.test(t) ? t : undefined),
  format: (v) => v ?? '',
};

/**
 * Every parameter the page address holds, in the order it writes them, with pprof's names where pprof
 * has one: `#v1&view=flame&snap=40&base=1&si=goroutine&g=lines&f=…`. New ones join format v1: an
 * address without them reads as before, and an older Parkview ignores them.
 */
export const ADDRESS = {
  view: viewOption,
  /** 1-based position of the shown snapshot in the capture-ordered list. */
  snapshot: positionOption('snapshot', 'snap'),
  /** 1-based position of the diff base. */
  base: positionOption('diff_base', OPTIONS.diff_base.param),
  /** Sample type by name, like pprof's `si`. */
  sampleType: OPTIONS.sample_index,
  granularity: OPTIONS.granularity,
  ...FILTER_OPTIONS,
  theme: choiceOption('theme', 'theme', ['system', 'light', 'dark'] as const, 'system'),
  /** The flame graph's zoomed stack, names from the root joined like collapsed stacks: `main.main;main.serve`. */
  flameZoom: textOption('zoom', 'fz', 'names joined by ;'),
  flameSearch: textOption('search', 'fq', 'a substring or /regexp/'),
  /** Function the flame graph shows as a sandwich. */
  flameFocus: nameOption('sandwich', 'ff', 'a function name'),
  flameColour: choiceOption('colour', 'fc', ['package', 'state'] as const, 'package'),
  flameOrientation: choiceOption('orientation', 'fo', ['icicle', 'flame'] as const, 'icicle'),
  tagroot: OPTIONS.tagroot,
  /** The function selected in any view (a Top row, a graph node, a flame frame). */
  selected: nameOption('function', 'fn', 'a function name'),
  /** The Source view's `-list` regex, under pprof's command name. */
  list: OPTIONS.list,
  listOrder: choiceOption('listorder', 'listorder', ['cum', 'name'] as const, 'cum'),
  nodecount: OPTIONS.nodecount,
  nodefraction: OPTIONS.nodefraction,
  edgefraction: OPTIONS.edgefraction,
  group: OPTIONS.group,
  /** What ranks the Leaks chart's areas. */
  chart: choiceOption('chart', 'chart', ['latest', 'growth'] as const, 'latest'),
  areas: wholeOption('areas', 'areas', 8, `one of ${TOP_N_CHOICES.join(', ')}`, (n) => TOP_N_CHOICES.includes(n)),
  /** The Leaks table lists every group, not only suspects. */
  all: switchOption('all', 'all'),
  interval: OPTIONS.interval,
  /** Key of the selected suspect; keys are numbered per grouping over the whole series. */
  suspect: {
    name: 'suspect',
    param: 'suspect',
    fallback: undefined,
    expects: 'a group key',
    parse: (t) => (/^\d{1,9}$/.test(t) ? Number(t) : undefined),
    format: (v) => (v === undefined ? '' : String(v)),
  } satisfies Option<number | undefined>,
  /** The Goroutines view's text filter (function, file or label) and wait reason (`chan receive`). */
  goroutineText: nameOption('gfilter', 'gfilter', 'a function, file or label'),
  goroutineState: nameOption('gstate', 'gstate', 'a wait reason'),
  /** The Goroutines view's least wait, in minutes, and its order when not by count. */
  goroutineWait: wholeOption('gwait', 'gwait', 0, 'whole minutes'),
  goroutineSort: choiceOption('gsort', 'gsort', ['count', 'wait'] as const, 'count'),
  /** The Top table's filter box, as typed (`/regex/` or a substring). */
  topFilter: nameOption('topfilter', 'topfilter', 'a substring or /regexp/'),
  /** The Top table's sort column, `-` first when descending: `-cum`, `name`. */
  topSort: {
    name: 'topsort',
    param: 'topsort',
    fallback: '-flat',
    expects: `a column (${TOP_COLUMNS.join(', ')}), - first when descending`,
    parse: (t) => {
      const m = /^(-?)([A-Za-z]{1,16})$/.exec(t);
      return m && TOP_COLUMNS.includes(m[2]) ? t : undefined;
    },
    format: (v) => v,
  } satisfies Option<string>,
} satisfies Record<string, Option<unknown>>;

export type AddressKey = keyof typeof ADDRESS;
export type AddressValue<K extends AddressKey> = OptionValue<(typeof ADDRESS)[K]>;

/** The view as the page address holds it (in the hash, so nothing reaches a server); unset parameters are at their defaults. */
export type AddressState = { [K in AddressKey]?: AddressValue<K> } & {
  /** Embedded snapshots (`pv`), when the address is a permalink. */
  payload?: string;
};

export const ADDRESS_VERSION = 'v1';
const PAYLOAD = 'pv';
const KEYS = Object.keys(ADDRESS) as AddressKey[];

/** The filters an address holds. */
export function addressFilters(state: AddressState): Filters {
  return normalizeFilters({ f: state.f, i: state.i, h: state.h, s: state.s, sf: state.sf, tf: state.tf, ti: state.ti });
}

function setParam<K extends AddressKey>(params: URLSearchParams, key: K, value: AddressValue<K> | undefined): void {
  const option = ADDRESS[key] as Option<AddressValue<K>>;
  if (value !== undefined && !isDefault(option, value)) params.set(option.param, option.format(value));
}

/** `v1&…` without the leading `#`; parameters at their defaults are left out. */
export function encodeAddress(state: AddressState): string {
  const params = new URLSearchParams();
  for (const key of KEYS) setParam(params, key, state[key]);
  // The payload goes last so the readable part of the address comes first.
  if (state.payload) params.set(PAYLOAD, state.payload);
  const rest = params.toString();
  return rest ? `${ADDRESS_VERSION}&${rest}` : ADDRESS_VERSION;
}

function decodeV1(params: URLSearchParams): AddressState {
  const state: Record<string, unknown> = {};
  for (const key of KEYS) {
    const option = ADDRESS[key] as Option<unknown>;
    const text = params.get(option.param);
    if (text === null) continue;
    const value = option.parse(text);
    if (value !== undefined && !isDefault(option, value)) state[key] = value;
  }
  const pv = params.get(PAYLOAD);
  if (pv) state.payload = pv;
  return state as AddressState;
}

/** Decoders by format version; every version ever written stays here so old links keep opening. */
const DECODERS: Record<string, (params: URLSearchParams) => AddressState> = { v1: decodeV1 };

export type DecodedAddress = { ok: true; state: AddressState } | { ok: false; error: string };

/** Reads a page hash (with or without `#`). An empty hash is an empty state; an unknown version is an error. */
export function decodeAddress(hash: string): DecodedAddress {
  const text = hash.replace(/^#/, '');
  if (text === '') return { ok: true, state: {} };
  const first = text.split('&', 1)[0];
  const version = /^v\d+$/.test(first) ? first : null;
  if (version && !DECODERS[version]) {
    return { ok: false, error: `this address was made by a newer Parkview (view format ${version}); open it with an up-to-date Parkview` };
  }
  // A hash without a version (hand-written, or pprof-style `f=…&i=…`) reads as the current format.
  return { ok: true, state: DECODERS[version ?? ADDRESS_VERSION](new URLSearchParams(version ? text.slice(first.length) : text)) };
}
