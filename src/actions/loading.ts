import { transfer } from 'comlink';
import { formatBytes } from '../core/units/bytes';
import type { SnapshotInfo } from '../core/model/snapshot';
import { useSnapshots, type LoadError, type LoadTask } from '../store/snapshots';
import { worker } from '../worker/client';
import type { InputFile } from '../worker/load';
import type { PickedFile } from './drop';
import { explainFetchFailure, fetchWithProgress } from './fetch-profile';
import { viaLocalServer } from './local-server';
import { applySharedView } from './address/sync';
import { nameFromUrl } from './url-params';
import { openOnTheAnswer } from './opening';

/** One input to decode, read only when its turn comes so a big folder is never all in memory. */
interface Source {
  name: string;
  size: number;
  fileTimeMs?: number;
  capturedMs?: number;
  read(): Promise<ArrayBuffer | Uint8Array>;
}

let nextTaskId = 1;
const aborts = new Map<number, AbortController>();

function startTask(task: Omit<LoadTask, 'id'>, abort?: AbortController): number {
  const id = nextTaskId++;
  if (abort) aborts.set(id, abort);
  useSnapshots.getState().taskStarted({ ...task, id });
  return id;
}

function endTask(id: number): void {
  aborts.delete(id);
  useSnapshots.getState().taskEnded(id);
}

/** Stops a fetch or a decode the user no longer wants. */
export function cancelTask(id: number): void {
  aborts.get(id)?.abort();
}

/** The decoder's messages start with the input's name; the error list shows the name on its own. */
function withoutName(name: string, message: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

/** One entry for every input skipped because the same bytes are loaded, however many there were. */
function alreadyLoaded(names: string[]): Omit<LoadError, 'id'> {
  if (names.length === 1) return { name: names[0], message: 'already loaded; skipped' };
  return { name: `${names.length} inputs`, message: `already loaded; skipped: ${names.join(', ')}` };
}

/** What a cancel left out: the input it stopped at and every one after it. */
function cancelledAt(sources: Source[], i: number): Omit<LoadError, 'id'> {
  if (sources.length === 1) return { name: sources[0].name, message: 'not loaded: cancelled' };
  return { name: `${sources.length - i} of ${sources.length} inputs`, message: `not loaded: cancelled at ${sources[i].name}` };
}

function decodingLabel(s: Source): string {
  return s.size ? `Decoding ${s.name} (${formatBytes(s.size)})` : `Decoding ${s.name}`;
}

/** Decodes the sources one by one in the Worker (reading the next while one decodes), then lists them. */
async function loadSources(sources: Source[]): Promise<void> {
  if (sources.length === 0) return;
  const store = useSnapshots.getState;
  // A cancel stops the decode in the Worker at its next pause and the inputs after it; what is decoded by then stays.
  const abort = new AbortController();
  abort.signal.addEventListener('abort', () => void worker.cancelLoad());
  const task = startTask({ label: decodingLabel(sources[0]), phase: 'decoding', done: 0, total: sources.length, unit: 'files', cancellable: true }, abort);
  const infos: SnapshotInfo[] = [];
  const errors: Omit<LoadError, 'id'>[] = [];
  const twins: string[] = [];
  let sharedView: string | undefined;
  const readAt = (i: number) => sources[i].read().catch((e: Error) => e);
  let next = readAt(0);
  try {
    for (let i = 0; i < sources.length; i++) {
      if (abort.signal.aborted) {
        errors.push(cancelledAt(sources, i));
        break;
      }
      const s = sources[i];
      store().taskUpdated(task, { label: decodingLabel(s), done: i });
      const bytes = await next;
      if (i + 1 < sources.length) next = readAt(i + 1);
      if (bytes instanceof Error) {
        errors.push({ name: s.name, message: `could not read the file (${bytes.message})` });
        continue;
      }
      const input: InputFile = { name: s.name, bytes, fileTimeMs: s.fileTimeMs, capturedMs: s.capturedMs };
      const buffer = bytes instanceof Uint8Array ? bytes.buffer : bytes;
      const results = await worker.load(transfer([input], [buffer as ArrayBuffer]));
      if (results.some((r) => 'cancelled' in r)) {
        errors.push(cancelledAt(sources, i));
        break;
      }
      for (const result of results) {
        if (result.ok) infos.push(result.info);
        else if ('twin' in result) twins.push(result.name === result.twin ? result.name : `${result.name} (as ${result.twin})`);
        else if ('error' in result) errors.push({ name: result.name, message: withoutName(result.name, result.error) });
        if (result.ok && result.view) sharedView = result.view;
      }
    }
  } finally {
    if (twins.length) errors.push(alreadyLoaded(twins));
    store().added(infos, errors);
    if (infos.length) openOnTheAnswer();
    endTask(task);
    if (sharedView) applySharedView(sharedView);
  }
}

/** Loads files and keeps what is already loaded (failed files are listed with their reason). */
export function loadPicked(files: PickedFile[]): Promise<void> {
  return loadSources(files.map(({ path, file }) => ({ name: path, size: file.size, fileTimeMs: file.lastModified, read: () => file.arrayBuffer() })));
}

/** Loads in-memory inputs (e.g. from the `parkview` command or a test). */
export function loadInputs(inputs: InputFile[]): Promise<void> {
  return loadSources(inputs.map((i) => ({ name: i.name, size: i.bytes.byteLength, fileTimeMs: i.fileTimeMs, capturedMs: i.capturedMs, read: async () => i.bytes })));
}

let pastes = 0;

/** Loads pasted text (a debug=1 or debug=2 dump, a panic) as a snapshot; when it was pasted says nothing of when it was taken. */
export function loadText(text: string): Promise<void> {
  const name = `pasted text ${++pastes}`;
  const bytes = new TextEncoder().encode(text);
  return loadSources([{ name, size: bytes.length, read: async () => bytes }]);
}

/** Whether pasted text is a URL to fetch rather than a dump. */
export function looksLikeUrl(text: string): boolean {
  return /^https?:\/\/\S+$/.test(text.trim());
}

/** Fetches a profile with progress and a cancel button; a failure is explained, never silent. */
export async function loadUrl(url: string): Promise<void> {
  const name = nameFromUrl(url);
  const abort = new AbortController();
  const task = startTask({ label: `Fetching ${name}`, phase: 'fetching', done: 0, total: 0, unit: 'bytes', cancellable: true }, abort);
  let bytes: Uint8Array;
  try {
    bytes = await fetchWithProgress(viaLocalServer(url), abort.signal, (done, total) => useSnapshots.getState().taskUpdated(task, { done, total }));
  } catch (e) {
    if (!abort.signal.aborted) {
      const why = await explainFetchFailure(url, e, location.origin);
      useSnapshots.getState().added([], [{ name: url, ...why }]);
    }
    return;
  } finally {
    endTask(task);
  }
  await loadSources([{ name, size: bytes.length, capturedMs: Date.now(), read: async () => bytes }]);
}

export async function loadUrls(urls: string[]): Promise<void> {
  await Promise.all(urls.map(loadUrl));
}

/** The series shipped with the app, listed in demo/index.json. */
export async function loadDemo(): Promise<void> {
  const base = new URL('demo/', document.baseURI);
  const task = startTask({ label: 'Fetching the demo series', phase: 'fetching', done: 0, total: 0, unit: 'files', cancellable: false });
  let files: string[];
  try {
    const res = await fetch(new URL('index.json', base));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    files = ((await res.json()) as { files: string[] }).files;
  } catch (e) {
    useSnapshots.getState().added([], [{ name: 'demo/index.json', message: `could not load the demo (${(e as Error).message})` }]);
    return;
  } finally {
    endTask(task);
  }
  await loadSources(
    files.map((name) => ({
      name,
      size: 0,
      read: async () => {
        const r = await fetch(new URL(name, base));
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      },
    })),
  );
}

/** Forgets every snapshot and error. */
export async function clearAll(): Promise<void> {
  await worker.clear();
  useSnapshots.getState().cleared();
}

export async function removeSnapshot(id: number): Promise<void> {
  await worker.remove(id);
  useSnapshots.getState().removed(id);
}
