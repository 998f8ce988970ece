import { selectedSnapshot, useSnapshots } from '../../store/snapshots';
import { addressFilters, decodeAddress, encodeAddress, type AddressState } from '../../core/address/address';
import { useView, viewNamed } from '../../store/view';
import { worker } from '../../worker/client';
import { applyFilters } from '../refine';
import { applyBound, boundAddress, BOUND_STORES, type AddressScope } from './bindings';

const WRITE_DELAY_MS = 250;
/** Task id shown while a shared link's snapshots decode (the loader's own ids are positive). */
const OPEN_LINK_TASK = -8;

/** The shared link this page opened: its payload and the snapshots it gave. */
let embedded: { payload: string; ids: number[] } | null = null;

function positionOf(ids: number[], id: number | null): number | undefined {
  const i = id === null ? -1 : ids.indexOf(id);
  return i < 0 ? undefined : i + 1;
}

/**
 * The address state of what is on screen; with `only`, positions count within those snapshots (what
 * a link embedding just them needs). The latest snapshot is the default selection, so it is left out.
 * An opened link's data stays in the address while any of its snapshots is loaded, so adding or
 * removing a snapshot never leaves a reload with nothing: positions then count within the link's.
 */
export function currentAddress(only?: number[]): AddressState {
  const view = useView.getState();
  const snaps = useSnapshots.getState();
  const loaded = snaps.snapshots.map((s) => s.id);
  const link = !only && embedded?.ids.some((id) => loaded.includes(id)) ? embedded : null;
  const ids = link ? link.ids : only ? loaded.filter((id) => only.includes(id)) : loaded;
  const shown = selectedSnapshot(snaps);
  const snapshot = positionOf(ids, snaps.selectedId);
  const scope: AddressScope = { partial: loaded.some((id) => !ids.includes(id)) };
  const state: AddressState = {
    view: view.view,
    snapshot: snapshot === ids.length ? undefined : snapshot,
    base: positionOf(ids, snaps.baseId),
    sampleType: view.sampleIndex !== null && shown ? shown.sampleTypes[view.sampleIndex]?.type : undefined,
    granularity: view.granularity,
    ...view.filters,
    theme: view.theme,
    payload: link?.payload ?? (embedded && embedded.ids.join() === ids.join() ? embedded.payload : undefined),
  };
  return { ...state, ...boundAddress(scope) };
}

function reportError(message: string): void {
  useSnapshots.getState().added([], [{ name: 'shared link', message }]);
}

/** What applies at once: view, granularity, theme and other views' parameters. */
function applyImmediate(state: AddressState): void {
  const view = useView.getState();
  const shown = state.view && viewNamed(state.view);
  if (shown) view.setView(shown);
  if (state.granularity) view.setGranularity(state.granularity);
  if (state.theme) view.setTheme(state.theme);
  applyBound(state);
}

/** What needs the snapshots: selection, diff base, sample type and filters (checked by the Worker first). */
async function applyToSnapshots(state: AddressState): Promise<void> {
  const snaps = useSnapshots.getState();
  const list = snaps.snapshots;
  const at = (pos: number | undefined) => (pos === undefined ? undefined : list[Math.min(pos, list.length) - 1]);
  const shown = at(state.snapshot);
  if (shown) snaps.select(shown.id);
  const base = at(state.base);
  snaps.setBase(base && base.id !== (shown ?? list.at(-1))?.id ? base.id : null);
  const current = shown ?? list.at(-1);
  const si = state.sampleType;
  if (si && current) {
    // pprof's si names a sample type; a number is accepted too.
    const byName = current.sampleTypes.findIndex((t) => t.type === si);
    const i = byName >= 0 ? byName : /^\d+$/.test(si) && Number(si) < current.sampleTypes.length ? Number(si) : -1;
    useView.getState().setSampleIndex(i >= 0 && i !== current.defaultSampleType ? i : null);
  }
  const filters = addressFilters(state);
  if (Object.keys(filters).length) await applyFilters(filters);
}

/** Resolves once snapshots are listed and no load is running (the page's sources have arrived). */
function loadsSettled(): Promise<void> {
  const settled = () => {
    const s = useSnapshots.getState();
    return s.snapshots.length > 0 && s.tasks.length === 0;
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useSnapshots.subscribe(() => {
      if (!settled()) return;
      stop();
      resolve();
    });
  });
}

async function openPayload(payload: string): Promise<boolean> {
  const store = useSnapshots.getState();
  store.taskStarted({ id: OPEN_LINK_TASK, label: 'Opening the shared link', phase: 'decoding', done: 0, total: 0, unit: 'files', cancellable: false });
  try {
    const result = await worker.openPayload(payload);
    if (!result.ok) {
      reportError(result.error.replace(/^shared link: /, ''));
      return false;
    }
    useSnapshots.getState().added(result.infos, result.errors);
    embedded = { payload, ids: useSnapshots.getState().snapshots.map((s) => s.id) };
    return true;
  } finally {
    useSnapshots.getState().taskEnded(OPEN_LINK_TASK);
  }
}

/** Whether any snapshot of the opened link is still loaded. */
function linkLoaded(): boolean {
  const loaded = useSnapshots.getState().snapshots;
  return !!embedded?.ids.some((id) => loaded.some((s) => s.id === id));
}

async function applyAddress(hash: string): Promise<void> {
  const decoded = decodeAddress(hash);
  if (!decoded.ok) {
    reportError(decoded.error);
    return;
  }
  const { state } = decoded;
  applyImmediate(state);
  if (state.payload && !(state.payload === embedded?.payload && linkLoaded()) && !(await openPayload(state.payload))) return;
  if (state.snapshot || state.base || state.sampleType || Object.keys(addressFilters(state)).length) {
    await loadsSettled();
    await applyToSnapshots(state);
  }
}

/** Applies the view a `.parkview` bundle was shared with, once its snapshots are listed. */
export function applySharedView(hash: string): void {
  void applyAddress(hash);
}

let started = false;

/**
 * Keeps the view in the page address: restores it at startup (after the snapshots arrive, opening
 * an embedded profile first), then writes every change back with history.replaceState.
 */
export function startAddressSync(): void {
  if (started) return;
  started = true;
  let written = location.hash.replace(/^#/, '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    if (useSnapshots.getState().snapshots.length === 0) return;
    const address = currentAddress();
    const next = encodeAddress(address);
    if (next === written) return;
    // Leaving an opened link's data (every one of its snapshots removed) gets its own history entry: Back reopens it.
    const leavesLink = !address.payload && embedded !== null && written.includes(embedded.payload);
    written = next;
    if (leavesLink) history.pushState(history.state, '', `#${next}`);
    else history.replaceState(history.state, '', `#${next}`);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(write, WRITE_DELAY_MS);
  };
  void applyAddress(location.hash).finally(() => {
    useView.subscribe(schedule);
    useSnapshots.subscribe(schedule);
    for (const store of BOUND_STORES) store.subscribe(schedule);
    schedule();
  });
  window.addEventListener('hashchange', () => {
    const hash = location.hash.replace(/^#/, '');
    if (hash === written) return;
    written = hash;
    void applyAddress(hash);
  });
}
