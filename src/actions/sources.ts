import { clear, createStore, get as idbGet, keys as idbKeys, setMany } from 'idb-keyval';
import { splitSourceLines } from '../core/source/lines';
import { goStdPath, goVersionInPath, SuffixIndex } from '../core/source/paths';
import { goSourceUrl, goTag, ruleUrl, sourceFromBody } from '../core/source/templates';
import type { PickedFile } from './drop';
import { HttpError, probeReachability } from './fetch-profile';
import { DEFAULT_GO, useSourceSettings, type SourceSettings } from '../store/source-settings';
import { useSources, type SourcesState } from '../store/sources';

/** Dropped files: Blobs keyed by their path in the dropped folder. */
const droppedDb = createStore('parkview-sources', 'files');

const SOURCE_FILE = /\.(go|s|S|c|h|cc|cpp|hpp|m)$/;
const SKIPPED_DIR = /(^|\/)(node_modules|\.git)\//;
const MAX_FILE_BYTES = 8 << 20;

/** A file's text, where it came from, the network address it would come from once allowed, or why there is none. */
export type SourceText =
  | { kind: 'text'; lines: string[]; origin: string; via: 'folder' | 'url' | 'go' }
  | { kind: 'ask'; url: string; via: 'url' | 'go' }
  | { kind: 'error'; origin: string; message: string }
  | { kind: 'none'; reason: string };

/** Blobs dropped during this page's life; IndexedDB holds them for the next one. */
const memory = new Map<string, Blob>();

function topFolder(path: string): string {
  return path.includes('/') ? path.slice(0, path.indexOf('/')) : 'single files';
}

function publish(paths: Iterable<string>, extra: Partial<SourcesState> = {}): void {
  const index = new SuffixIndex();
  const counts = new Map<string, number>();
  for (const p of paths) {
    index.add(p);
    counts.set(topFolder(p), (counts.get(topFolder(p)) ?? 0) + 1);
  }
  const folders = [...counts].map(([name, files]) => ({ name, files })).sort((a, b) => (a.name < b.name ? -1 : 1));
  useSources.setState((s) => ({ index, folders, version: s.version + 1, ...extra }));
}

let allPaths: string[] = [];

/** Reads the file list kept from earlier visits (the texts stay in IndexedDB until asked for). */
export async function restoreSources(): Promise<void> {
  if (useSources.getState().restored) return;
  try {
    const kept = (await idbKeys(droppedDb)).map(String);
    allPaths = [...new Set([...allPaths, ...kept])];
    // A listing shown before the kept files were known (a reload restoring the picked function) looks again.
    textCache.clear();
    publish(allPaths, { restored: true });
  } catch (e) {
    useSources.setState({ restored: true, persistError: `The browser's storage is not available (${(e as Error).message}): dropped folders last until the page is closed.` });
  }
}

/** Adds the source files of a dropped or picked folder; returns how many were taken. */
export async function addSourceFiles(files: PickedFile[]): Promise<number> {
  const taken = files.filter((f) => SOURCE_FILE.test(f.path) && !SKIPPED_DIR.test(f.path) && f.file.size <= MAX_FILE_BYTES);
  for (const f of taken) memory.set(f.path, f.file);
  allPaths = [...new Set([...allPaths, ...taken.map((f) => f.path)])];
  textCache.clear();
  publish(allPaths, { persistError: null });
  try {
    await setMany(taken.map((f) => [f.path, f.file]), droppedDb);
  } catch (e) {
    useSources.setState({ persistError: `Could not keep the folder for the next visit (${(e as Error).message}); it stays until the page is closed.` });
  }
  return taken.length;
}

/** Forgets every dropped folder, here and in the browser's storage. */
export async function forgetSources(): Promise<void> {
  memory.clear();
  allPaths = [];
  textCache.clear();
  publish([]);
  await clear(droppedDb).catch(() => undefined);
}

/** Forgets cached texts (after the settings change). */
export function sourcesChanged(): void {
  textCache.clear();
  useSources.setState((s) => ({ version: s.version + 1 }));
}

async function droppedText(path: string): Promise<string | null> {
  const blob = memory.get(path) ?? (await idbGet<Blob>(path, droppedDb).catch(() => undefined));
  return blob ? blob.text() : null;
}

async function fetchFailure(url: string, e: unknown): Promise<string> {
  if (e instanceof HttpError) {
    if (e.status === 404) return `${url} answered 404 Not Found: no file at that path and revision. Check the version or commit in the template and the path rewrite.`;
    return `${url}: ${e.message}.`;
  }
  if (e instanceof NotRawFile) return `${url} answered with a web page, not the file itself: use the host's raw file URL (for GitHub, raw.githubusercontent.com/OWNER/REPO/COMMIT/{path}).`;
  const reach = await probeReachability(url);
  if (reach === 'reachable')
    return `The browser blocked reading ${url}: the server does not allow cross-origin requests (no CORS headers). Use a host that does, such as raw.githubusercontent.com, or drop the checkout folder instead.`;
  return `Could not reach ${url}${navigator.onLine ? '' : ' (the browser is offline)'}. Check the address, or drop the checkout folder instead.`;
}

class NotRawFile extends Error {}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok) throw new HttpError(res.status, res.statusText);
  if ((res.headers.get('content-type') ?? '').includes('text/html')) throw new NotRawFile();
  return sourceFromBody(url, await res.text());
}

/** URLs the user let through once, for this page's life. */
const allowedOnce = new Set<string>();

function mayFetch(url: string): boolean {
  return allowedOnce.has(url) || useSourceSettings.getState().origins.includes(new URL(url).origin);
}

/** Lets the view fetch `url`, or with `always` every file from its origin (kept with the settings). */
export function allowFetch(url: string, always: boolean): void {
  if (always) {
    const { origins, update } = useSourceSettings.getState();
    const origin = new URL(url).origin;
    if (!origins.includes(origin)) update({ origins: [...origins, origin] });
  } else {
    allowedOnce.add(url);
  }
  sourcesChanged();
}

/** The Go release to fetch standard library files of: the setting, or the one the path names. */
export function goReleaseFor(path: string, settings: Pick<SourceSettings, 'goVersion'>): string {
  return goTag(settings.goVersion || goVersionInPath(path) || DEFAULT_GO);
}

async function resolve(path: string): Promise<SourceText> {
  const { index } = useSources.getState();
  const dropped = index.match(path);
  if (dropped) {
    const text = await droppedText(dropped);
    if (text !== null) return { kind: 'text', lines: splitSourceLines(text), origin: dropped, via: 'folder' };
  }
  const settings = useSourceSettings.getState();
  const std = goStdPath(path);
  const url = std ? (settings.fetchGo ? goSourceUrl(settings.goTemplate, goReleaseFor(path, settings), std) : null) : ruleUrl(settings.rule, path);
  if (!url) {
    return {
      kind: 'none',
      reason: std ? 'Fetching Go standard library sources is turned off.' : 'No dropped folder has this file and no URL template applies to it.',
    };
  }
  // Nothing leaves the machine until the user has seen the address and allowed it.
  if (!mayFetch(url)) return { kind: 'ask', url, via: std ? 'go' : 'url' };
  try {
    return { kind: 'text', lines: splitSourceLines(await fetchText(url)), origin: url, via: std ? 'go' : 'url' };
  } catch (e) {
    return { kind: 'error', origin: url, message: await fetchFailure(url, e) };
  }
}

const textCache = new Map<string, Promise<SourceText>>();

/** The text of a file named in a profile: a dropped folder first, then the Go source or the user's URL template. */
export function sourceText(path: string): Promise<SourceText> {
  let t = textCache.get(path);
  if (!t) textCache.set(path, (t = resolve(path)));
  return t;
}
