import { useSnapshots } from '../store/snapshots';
import type { InputFile } from '../worker/load';
import { oldestBeyond } from '../core/io/live-limits';

/** What `parkview` announces over /api/events: a captured snapshot, or a target it failed to fetch. */
export interface CapturedEvent {
  id: number;
  name: string;
  /** When the server fetched it, or the modification time of a file given on its command line. */
  timeMs: number;
  fetched: boolean;
}
export interface FailureEvent {
  target: string;
  message: string;
}

/** The per-run token `parkview` put in the page address it opened; null when the app is served statically. */
export function localServerToken(): string | null {
  const token = new URLSearchParams(location.search).get('token');
  return token && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null;
}

/**
 * The address to fetch a profile URL through: the local `parkview` server when the page came from it
 * (it fetches without CORS trouble), else the URL itself.
 */
export function viaLocalServer(url: string): string {
  const token = localServerToken();
  return token ? `api/fetch?token=${token}&url=${encodeURIComponent(url)}` : url;
}

const BATCH_MS = 60;

/**
 * Follows the `parkview` command that served this page: every snapshot it captured (the files and
 * URLs on its command line, and with --every each new fetch) is added as it arrives.
 */
let following = false;

export function followLocalServer(load: (inputs: InputFile[]) => Promise<void>, remove: (id: number) => Promise<void>): void {
  const token = localServerToken();
  if (!token || following) return;
  following = true;
  let queue: CapturedEvent[] = [];
  /** The captures loaded so far, oldest first (the server names each capture once); the page keeps as much as the server. */
  const live: { name: string; bytes: number }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    timer = undefined;
    const batch = queue;
    queue = [];
    const inputs = await Promise.all(
      batch.map(async ({ id, name, timeMs, fetched }): Promise<InputFile | null> => {
        const res = await fetch(`api/snapshot/${id}?token=${token}`, { cache: 'no-store' });
        const when = fetched ? { capturedMs: timeMs } : { fileTimeMs: timeMs };
        return res.ok ? { name, bytes: await res.arrayBuffer(), ...when } : null;
      }),
    );
    const loaded = inputs.filter((i): i is InputFile => i !== null);
    const sizes = loaded.map((i) => ({ name: i.name, bytes: i.bytes.byteLength }));
    await load(loaded);
    live.push(...sizes);
    const old = live.splice(0, oldestBeyond(live.map((c) => c.bytes)));
    for (const { name } of old) {
      const snapshot = useSnapshots.getState().snapshots.find((x) => x.name === name);
      if (snapshot) await remove(snapshot.id);
    }
  };
  const events = new EventSource(`api/events?token=${token}`);
  events.addEventListener('snapshot', (e) => {
    queue.push(JSON.parse((e as MessageEvent<string>).data) as CapturedEvent);
    if (timer === undefined) timer = setTimeout(() => void flush(), BATCH_MS);
  });
  events.addEventListener('failure', (e) => {
    const { target, message } = JSON.parse((e as MessageEvent<string>).data) as FailureEvent;
    useSnapshots.getState().added([], [{ name: target, message }]);
  });
}
