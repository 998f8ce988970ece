import { ADDRESS, type AddressKey, type AddressState, type AddressValue } from '../../core/address/address';
import type { GraphOptions } from '../../core/query/graph/build';
import { useFlame } from '../../store/flame';
import { useGraphSettings } from '../../store/graph';
import { useLeaks } from '../../store/leaks';
import { useSourceView } from '../../store/source';
import { sortingOf, sortParam, useTopState } from '../../store/top';
import { useView } from '../../store/view';

/** What an address is for: `partial` when it covers only some of the loaded snapshots (a link embedding just them). */
export interface AddressScope {
  partial: boolean;
}

/**
 * Where an address parameter lives in the stores: `read` gives its value, `write` restores it (the
 * default when the address leaves it out; some keep what is on screen then).
 */
interface Binding<K extends AddressKey> {
  read(scope: AddressScope): AddressValue<K> | undefined;
  write(value: AddressValue<K> | undefined): void;
}

type Bindings = { [K in AddressKey]?: Binding<K> };

const flame = () => useFlame.getState();
const leaks = () => useLeaks.getState();
const source = () => useSourceView.getState();
const graph = () => useGraphSettings.getState();
const top = () => useTopState.getState();

/**
 * The stores' parameters, in the order they are restored: grouping and sandwich focus reset the flame
 * graph's zoom, the Source view follows the selection, a suspect key means something only under its
 * grouping. The flame graph keeps what it shows when an address leaves its parameters out.
 */
export const BINDINGS: Bindings = {
  tagroot: { read: () => flame().groupBy, write: (v) => v && flame().setGroupBy(v) },
  flameFocus: { read: () => flame().focus, write: (v) => v && flame().setFocus(v) },
  flameColour: { read: () => flame().colour, write: (v) => v && flame().setColour(v) },
  flameOrientation: { read: () => flame().orientation, write: (v) => v && flame().setOrientation(v) },
  flameSearch: { read: () => flame().search, write: (v) => v && flame().setSearch(v) },
  flameZoom: { read: () => flame().zoomPath?.join(';'), write: (v) => v && flame().zoomTo(v.split(';')) },
  selected: {
    read: () => useView.getState().selectedFunction,
    write: (v = null) => v !== useView.getState().selectedFunction && useView.getState().selectFunction(v),
  },
  list: {
    read: () => (source().mode === 'regex' && source().regex ? source().regex : null),
    write(v) {
      // The view switches to a new shared selection when it next shows up; this one is already seen.
      source().followSelection(useView.getState().selectedFunction);
      if (v) {
        source().setRegex(v);
        source().setMode('regex');
      } else if (source().mode !== 'function') {
        source().setMode('function');
      }
    },
  },
  listOrder: { read: () => source().order, write: (v = ADDRESS.listOrder.fallback) => source().setOrder(v) },
  nodecount: { read: () => graph().options.nodeCount, write: (v = ADDRESS.nodecount.fallback) => graphOption('nodeCount', v) },
  nodefraction: { read: () => graph().options.nodeFraction, write: (v = ADDRESS.nodefraction.fallback) => graphOption('nodeFraction', v) },
  edgefraction: { read: () => graph().options.edgeFraction, write: (v = ADDRESS.edgefraction.fallback) => graphOption('edgeFraction', v) },
  group: { read: () => leaks().grouping, write: (v = ADDRESS.group.fallback) => v !== leaks().grouping && leaks().setGrouping(v) },
  chart: { read: () => leaks().topBy, write: (v = ADDRESS.chart.fallback) => v !== leaks().topBy && leaks().setTopBy(v) },
  areas: { read: () => leaks().topN, write: (v = ADDRESS.areas.fallback) => v !== leaks().topN && leaks().setTopN(v) },
  all: { read: () => leaks().showAll, write: (v = ADDRESS.all.fallback) => v !== leaks().showAll && leaks().setShowAll(v) },
  interval: { read: () => leaks().interval, write: (v = ADDRESS.interval.fallback) => v !== leaks().interval && leaks().setInterval(v) },
  suspect: {
    // A suspect's key means the same group only over the same series: a link with fewer snapshots leaves it out.
    read: (scope) => (scope.partial ? undefined : (leaks().selectedKey ?? undefined)),
    write: (v) => (v ?? null) !== leaks().selectedKey && leaks().selectKey(v ?? null),
  },
  goroutineText: {
    read: () => (leaks().goroutineText.trim() ? leaks().goroutineText : null),
    write: (v) => (v ?? '') !== leaks().goroutineText && leaks().filterGoroutines({ text: v ?? '' }),
  },
  goroutineState: {
    read: () => leaks().goroutineState || null,
    write: (v) => (v ?? '') !== leaks().goroutineState && leaks().filterGoroutines({ state: v ?? '' }),
  },
  goroutineWait: { read: () => leaks().goroutineWait, write: (v = ADDRESS.goroutineWait.fallback) => v !== leaks().goroutineWait && leaks().filterGoroutines({ wait: v }) },
  goroutineSort: { read: () => leaks().goroutineSort, write: (v = ADDRESS.goroutineSort.fallback) => v !== leaks().goroutineSort && leaks().filterGoroutines({ sort: v }) },
  topFilter: { read: () => (top().filter.trim() ? top().filter : null), write: (v) => (v ?? '') !== top().filter && top().setFilter(v ?? '') },
  topSort: {
    read: () => sortParam(top().sorting),
    write(v = ADDRESS.topSort.fallback) {
      if (v === sortParam(top().sorting)) return;
      top().setSorting(sortingOf(v));
    },
  },
};

function graphOption(key: keyof GraphOptions, value: number): void {
  if (graph().options[key] !== value) graph().setOptions({ [key]: value });
}

/** The stores whose changes rewrite the address. */
export const BOUND_STORES = [useFlame, useView, useSourceView, useGraphSettings, useLeaks, useTopState];

const BOUND_KEYS = Object.keys(BINDINGS) as AddressKey[];

function readBound<K extends AddressKey>(state: AddressState, key: K, scope: AddressScope): void {
  const value = BINDINGS[key]?.read(scope);
  if (value !== undefined && value !== null) (state as Record<K, AddressValue<K>>)[key] = value;
}

/** The stores' share of the address. */
export function boundAddress(scope: AddressScope = { partial: false }): AddressState {
  const state: AddressState = {};
  for (const key of BOUND_KEYS) readBound(state, key, scope);
  return state;
}

function writeBound<K extends AddressKey>(state: AddressState, key: K): void {
  BINDINGS[key]?.write(state[key] as AddressValue<K> | undefined);
}

/** Restores the stores' share of an address (untrusted values were dropped when it was decoded). */
export function applyBound(state: AddressState): void {
  for (const key of BOUND_KEYS) writeBound(state, key);
}
