import { beforeEach, describe, expect, it } from 'vitest';
import { applyBound, boundAddress } from '../../src/actions/address/bindings';
import { DEFAULT_GRAPH_OPTIONS } from '../../src/core/query/graph/build';
import { useFlame } from '../../src/store/flame';
import { useLeaks } from '../../src/store/leaks';
import { ADDRESS, addressFilters, decodeAddress, encodeAddress, type AddressKey, type AddressState } from '../../src/core/address/address';
import { FILTER_KEYS } from '../../src/core/options/filters';
import { useView } from '../../src/store/view';
import { useGraphSettings } from '../../src/store/graph';
import { useSourceView } from '../../src/store/source';
import { useTopState } from '../../src/store/top';

const initial = {
  view: useView.getState(),
  flame: useFlame.getState(),
  source: useSourceView.getState(),
  graph: useGraphSettings.getState(),
  leaks: useLeaks.getState(),
  top: useTopState.getState(),
};

function reset(): void {
  useView.setState(initial.view, true);
  useFlame.setState(initial.flame, true);
  useSourceView.setState(initial.source, true);
  useGraphSettings.setState(initial.graph, true);
  useLeaks.setState(initial.leaks, true);
  useTopState.setState(initial.top, true);
}

function hashOfStores(partial = false): string {
  return encodeAddress(boundAddress({ partial }));
}

/** What reopening the address does: fresh stores, then every part applied from the decoded hash. */
function reopen(hash: string): void {
  reset();
  const decoded = decodeAddress(`#${hash}`);
  if (!decoded.ok) throw new Error(decoded.error);
  applyBound(decoded.state);
}

/** The address parameters a state sets, other than the filters. */
function paramsOf(state: AddressState): string[] {
  const keys = Object.keys(state) as AddressKey[];
  return keys.filter((k) => !(FILTER_KEYS as string[]).includes(k)).map((k) => ADDRESS[k].param).sort();
}

function snapshotOfStores() {
  const source = useSourceView.getState();
  const leaks = useLeaks.getState();
  return {
    selected: useView.getState().selectedFunction,
    source: { mode: source.mode, regex: source.mode === 'regex' ? source.regex : '', order: source.order },
    graph: useGraphSettings.getState().options,
    leaks: { grouping: leaks.grouping, topBy: leaks.topBy, topN: leaks.topN, showAll: leaks.showAll, selectedKey: leaks.selectedKey },
    goroutines: { text: leaks.goroutineText, state: leaks.goroutineState },
    top: { filter: useTopState.getState().filter, sorting: useTopState.getState().sorting },
  };
}

/** What every part's store holds at its default. */
const DEFAULT_STORES = {
  selected: null,
  source: { mode: 'function', regex: '', order: 'cum' },
  graph: DEFAULT_GRAPH_OPTIONS,
  leaks: { grouping: 'stack', topBy: 'latest', topN: 8, showAll: false, selectedKey: null },
  goroutines: { text: '', state: '' },
  top: { filter: '', sorting: [{ id: 'flat', desc: true }] },
};

/** The address the stores write is `hash`, and reopening it brings the stores back as they were. */
function expectRoundTrip(hash: string): void {
  expect(hashOfStores()).toBe(hash);
  const want = snapshotOfStores();
  reopen(hash);
  expect(snapshotOfStores()).toEqual(want);
}

describe('the view beyond filters in the address', () => {
  beforeEach(reset);

  it('leaves every part out at its default', () => {
    expect(hashOfStores()).toBe('v1');
  });

  it('round-trips the selected function and the Source view’s -list regex and order', () => {
    useView.getState().selectFunction('main.(*exporter).send');
    const source = useSourceView.getState();
    source.setMode('regex');
    source.setRegex('main\\.handle.*');
    source.setOrder('name');
    expectRoundTrip('v1&fn=main.%28*exporter%29.send&list=main%5C.handle.*&listorder=name');
  });

  it('restores a picked function in the Source view without the view switching away from it', () => {
    useView.getState().selectFunction('main.handleRequest.func1');
    const hash = hashOfStores();
    expect(hash).toBe('v1&fn=main.handleRequest.func1');
    reopen(hash);
    expect(useView.getState().selectedFunction).toBe('main.handleRequest.func1');
    // What SourceView does when it mounts: the restored selection is already seen, so a -list regex stays.
    useSourceView.getState().followSelection(useView.getState().selectedFunction);
    expect(useSourceView.getState().mode).toBe('function');

    reopen('v1&fn=main.main&list=%5Emain%5C.');
    useSourceView.getState().followSelection(useView.getState().selectedFunction);
    expect(useSourceView.getState()).toMatchObject({ mode: 'regex', regex: '^main\\.' });
  });

  it('round-trips the graph’s pruning under pprof’s option names', () => {
    useGraphSettings.getState().setOptions({ nodeCount: 25, nodeFraction: 0, edgeFraction: 0.0125 });
    const hash = hashOfStores();
    expect(hash).toBe('v1&nodecount=25&nodefraction=0&edgefraction=0.0125');
    reopen(hash);
    expect(useGraphSettings.getState().options).toEqual({ nodeCount: 25, nodeFraction: 0, edgeFraction: 0.0125 });
    useGraphSettings.getState().setOptions({ nodeFraction: 1e-7 });
    reopen(hashOfStores());
    expect(useGraphSettings.getState().options.nodeFraction).toBe(1e-7);
  });

  it('round-trips the Leaks view’s grouping, chart, rows and selected suspect', () => {
    const leaks = useLeaks.getState();
    leaks.setGrouping('creator');
    leaks.setTopBy('growth');
    leaks.setTopN(10);
    leaks.setShowAll(true);
    leaks.selectKey(17);
    expectRoundTrip('v1&group=creator&chart=growth&areas=10&all=1&suspect=17');
  });

  it('round-trips the Top table’s filter and sort and the Goroutines view’s filters', () => {
    useTopState.getState().setFilter('/^main\\./');
    useTopState.getState().setSorting([{ id: 'cum', desc: true }]);
    useLeaks.getState().filterGoroutines({ text: 'cacheJanitor', state: 'chan receive (nil chan)', wait: 5, sort: 'wait' });
    expectRoundTrip('v1&gfilter=cacheJanitor&gstate=chan+receive+%28nil+chan%29&gwait=5&gsort=wait&topfilter=%2F%5Emain%5C.%2F&topsort=-cum');
    useTopState.getState().setSorting([{ id: 'name', desc: false }]);
    reopen(hashOfStores());
    expect(useTopState.getState().sorting).toEqual([{ id: 'name', desc: false }]);
  });

  it('leaves a suspect out of an address that covers only some of the snapshots', () => {
    useLeaks.getState().setGrouping('function');
    useLeaks.getState().selectKey(3);
    expect(hashOfStores(true)).toBe('v1&group=function');
  });

  it('ignores values it cannot use and keeps the defaults for them', () => {
    const defaults = snapshotOfStores();
    const hostile = [
      'fn=',
      `fn=${'x'.repeat(5000)}`,
      'list=a%00b',
      'listorder=random',
      'nodecount=-4',
      'nodecount=1e3',
      'nodecount=99999999',
      'nodefraction=2',
      'nodefraction=NaN',
      'nodefraction=Infinity',
      'edgefraction=0x1',
      'edgefraction=',
      'group=__proto__',
      'group=toString',
      'chart=everything',
      'areas=7',
      'areas=1e1',
      'suspect=-1',
      'suspect=1.5',
      'suspect=99999999999',
      'all=true',
      'topsort=-constructor',
      'topsort=--cum',
      'topsort=',
      `topfilter=${'y'.repeat(5000)}`,
      'gfilter=a%0Ab',
      'gstate=',
    ].join('&');
    reopen(`v1&${hostile}`);
    expect(snapshotOfStores()).toEqual(defaults);
    expect(useGraphSettings.getState().options).toEqual(DEFAULT_GRAPH_OPTIONS);
  });

  it('takes the good values of an address with some bad ones', () => {
    reopen('v1&nodecount=bogus&nodefraction=0.01&group=labels&suspect=x&fn=main.main');
    expect(useGraphSettings.getState().options).toEqual({ ...DEFAULT_GRAPH_OPTIONS, nodeFraction: 0.01 });
    expect(useLeaks.getState()).toMatchObject({ grouping: 'labels', selectedKey: null });
    expect(useView.getState().selectedFunction).toBe('main.main');
  });

  it('opening another address puts what it leaves out back to the defaults', () => {
    useGraphSettings.getState().setOptions({ nodeCount: 10 });
    useLeaks.getState().setGrouping('labels');
    useView.getState().selectFunction('main.main');
    applyBound({ flameZoom: 'main.main' });
    expect(snapshotOfStores()).toEqual(DEFAULT_STORES);
  });

  it('still opens a link made before these parts existed, as it was', () => {
    // The address of a permalink as the Share button wrote it before the view kept more than filters and flame state.
    const old =
      '#v1&view=flame&snap=12&base=3&si=goroutine&g=lines&f=exporter&tf=tenant%3Dacme&theme=dark&fz=main.main%3Bmain.%28*exporter%29.send&fq=send&fc=state&fo=flame&tagroot=tenant&pv=1.H4sIAAAAAAAAA-VX';
    const decoded = decodeAddress(old);
    expect(decoded).toEqual({
      ok: true,
      state: {
        view: 'flame',
        snapshot: 12,
        base: 3,
        sampleType: 'goroutine',
        granularity: 'lines',
        f: 'exporter',
        tf: 'tenant=acme',
        theme: 'dark',
        flameZoom: 'main.main;main.(*exporter).send',
        flameSearch: 'send',
        flameColour: 'state',
        flameOrientation: 'flame',
        tagroot: 'tenant',
        payload: '1.H4sIAAAAAAAAA-VX',
      },
    });
    reopen(old.slice(1));
    expect(useFlame.getState()).toMatchObject({ zoomPath: ['main.main', 'main.(*exporter).send'], search: 'send', colour: 'state', orientation: 'flame', groupBy: 'tenant' });
    expect(snapshotOfStores()).toEqual(DEFAULT_STORES);
    // Written again, it is the same address: nothing new appears at the defaults.
    const again = encodeAddress({ ...(decoded.ok ? decoded.state : {}), ...boundAddress() });
    expect(`#${again}`).toBe(old);
  });

  it('keeps the new parameters clear of the address’s own and pprof’s filter names', () => {
    useView.getState().selectFunction('main.main');
    useSourceView.getState().setMode('regex');
    useSourceView.getState().setRegex('x');
    useGraphSettings.getState().setOptions({ nodeCount: 1 });
    useLeaks.getState().setGrouping('labels');
    const decoded = decodeAddress(`#${hashOfStores()}&f=exporter`);
    expect(decoded.ok && addressFilters(decoded.state)).toEqual({ f: 'exporter' });
    useTopState.getState().setSorting([{ id: 'name', desc: false }]);
    useLeaks.getState().filterGoroutines({ state: 'select' });
    const more = decodeAddress(`#${hashOfStores()}&f=exporter`);
    expect(more.ok && addressFilters(more.state)).toEqual({ f: 'exporter' });
    expect(decoded.ok && paramsOf(decoded.state)).toEqual(['fn', 'group', 'list', 'nodecount']);
    expect(more.ok && paramsOf(more.state)).toEqual(['fn', 'group', 'gstate', 'list', 'nodecount', 'topsort']);
  });
});
