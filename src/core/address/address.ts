import { FILTER_KEYS, normalizeFilters, type Filters } from '../query/filters';
import type { Granularity } from '../query/granularity';

/**
 * The view as the page address holds it (in the hash, so nothing reaches a server), with pprof's
 * parameter names where pprof has one: `#v1&view=flame&snap=40&base=1&si=goroutine&g=lines&f=…`.
 */
export interface AddressState {
  view?: string;
  /** 1-based position of the shown snapshot in the capture-ordered list. */
  snapshot?: number;
  /** 1-based position of the diff base. */
  base?: number;
  /** Sample type by name, like pprof's `si`. */
  sampleType?: string;
  granularity?: Granularity;
  filters: Filters;
  theme?: 'light' | 'dark';
  /**
   * Parameters other stores keep in the address (see actions/address/*-part.ts), passed through as they are:
   * the flame graph's `fz` `fq` `ff` `fc` `fo` `tagroot`, the selected function `fn`, the Source view's
   * `list` (pprof's command) and `listorder`, the graph's `nodecount` `nodefraction` `edgefraction`
   * (pprof's options), the Leaks view's `group` `chart` `areas` `all` `suspect` `interval`, the Goroutines view's
   * `gfilter` `gstate` `gwait` `gsort`, the Top table's `topfilter` `topsort`. New ones join format
   * v1: an address without them reads as before, and an older Parkview ignores them.
   */
  extra: Record<string, string>;
  /** Embedded snapshots (`pv`), when the address is a permalink. */
  payload?: string;
}

export const ADDRESS_VERSION = 'v1';

const GRANULARITIES: readonly Granularity[] = ['functions', 'filefunctions', 'files', 'lines'];
const OWN_PARAMS = new Set<string>(['view', 'snap', 'base', 'si', 'g', 'theme', 'pv', ...FILTER_KEYS]);

export function emptyAddress(): AddressState {
  return { filters: {}, extra: {} };
}

/** `v1&…` without the leading `#`; parameters at their defaults are left out. */
export function encodeAddress(state: AddressState): string {
  const params = new URLSearchParams();
  if (state.view) params.set('view', state.view);
  if (state.snapshot) params.set('snap', String(state.snapshot));
  if (state.base) params.set('base', String(state.base));
  if (state.sampleType) params.set('si', state.sampleType);
  if (state.granularity && state.granularity !== 'functions') params.set('g', state.granularity);
  const filters = normalizeFilters(state.filters);
  for (const k of FILTER_KEYS) if (filters[k] !== undefined) params.set(k, filters[k]);
  if (state.theme) params.set('theme', state.theme);
  for (const [k, v] of Object.entries(state.extra)) if (!OWN_PARAMS.has(k) && v !== '') params.set(k, v);
  // The payload goes last so the readable part of the address comes first.
  if (state.payload) params.set('pv', state.payload);
  const rest = params.toString();
  return rest ? `${ADDRESS_VERSION}&${rest}` : ADDRESS_VERSION;
}

function position(v: string | null): number | undefined {
  if (v === null || !/^\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 ? n : undefined;
}

function decodeV1(params: URLSearchParams): AddressState {
  const state = emptyAddress();
  const view = params.get('view');
  if (view && /^[a-z][a-z0-9-]{0,31}$/.test(view)) state.view = view;
  state.snapshot = position(params.get('snap'));
  state.base = position(params.get('base'));
  const si = params.get('si');
  if (si) state.sampleType = si;
  const g = params.get('g');
  if (g && (GRANULARITIES as string[]).includes(g)) state.granularity = g as Granularity;
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  state.filters = filters;
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') state.theme = theme;
  const pv = params.get('pv');
  if (pv) state.payload = pv;
  for (const [k, v] of params) if (!OWN_PARAMS.has(k) && k !== ADDRESS_VERSION) state.extra[k] = v;
  return state;
}

/** Decoders by format version; every version ever written stays here so old links keep opening. */
const DECODERS: Record<string, (params: URLSearchParams) => AddressState> = { v1: decodeV1 };

export type DecodedAddress = { ok: true; state: AddressState } | { ok: false; error: string };

/** Reads a page hash (with or without `#`). An empty hash is an empty state; an unknown version is an error. */
export function decodeAddress(hash: string): DecodedAddress {
  const text = hash.replace(/^#/, '');
  if (text === '') return { ok: true, state: emptyAddress() };
  const first = text.split('&', 1)[0];
  const version = /^v\d+$/.test(first) ? first : null;
  if (version && !DECODERS[version]) {
    return { ok: false, error: `this address was made by a newer Parkview (view format ${version}); open it with an up-to-date Parkview` };
  }
  // A hash without a version (hand-written, or pprof-style `f=…&i=…`) reads as the current format.
  return { ok: true, state: DECODERS[version ?? ADDRESS_VERSION](new URLSearchParams(version ? text.slice(first.length) : text)) };
}
