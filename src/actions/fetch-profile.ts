import { DEFAULT_LIMITS } from '../core/io/limits';
import { formatBytes } from '../core/units/bytes';
import type { LoadError } from '../store/snapshots';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    statusText: string,
  ) {
    super(`the server answered HTTP ${status}${statusText ? ` ${statusText}` : ''}`);
  }
}

export class TooLargeError extends Error {}

/** Fetches a URL's body, reporting bytes as they arrive; `total` is 0 when the size is unknown. */
export async function fetchWithProgress(url: string, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  const res = await fetch(url, { signal, credentials: 'omit', cache: 'no-store' });
  if (!res.ok) throw new HttpError(res.status, res.statusText);
  // A compressed transfer reports the compressed length while the stream yields decompressed bytes.
  const declared = res.headers.get('content-encoding') ? 0 : Number(res.headers.get('content-length')) || 0;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let done = 0;
  onProgress(0, declared);
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    chunks.push(value);
    done += value.length;
    if (done > DEFAULT_LIMITS.maxDecompressedBytes) {
      await reader.cancel();
      throw new TooLargeError(`the response is larger than ${formatBytes(DEFAULT_LIMITS.maxDecompressedBytes)}, more than any profile Parkview accepts`);
    }
    onProgress(done, declared >= done ? declared : 0);
  }
  const out = new Uint8Array(done);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Whether a server answers at all, asked without CORS: 'unknown' when it is too slow to tell. */
export type Reachability = 'reachable' | 'unreachable' | 'unknown';

const PROBE_TIMEOUT_MS = 4000;

/** An opaque (no-cors) request succeeds whenever the server answers, CORS headers or not. */
export async function probeReachability(url: string): Promise<Reachability> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: controller.signal });
    return 'reachable';
  } catch {
    return controller.signal.aborted ? 'unknown' : 'unreachable';
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, '%27')}'`;
}

export function corsRemedy(url: string): NonNullable<LoadError['remedy']> {
  return {
    text: 'Fetch it outside the browser instead: the parkview command downloads it and opens it here; or save it with curl and drop the file on this page.',
    commands: [`npx parkview ${shellQuote(url)}`, `curl -o profile.pb.gz ${shellQuote(url)}`],
  };
}

/**
 * Explains why fetching `url` from a page at `pageOrigin` failed. Browsers report a CORS refusal and
 * an unreachable server as the same TypeError, so `probe` tells them apart.
 */
export async function explainFetchFailure(
  url: string,
  error: unknown,
  pageOrigin: string,
  probe: (url: string) => Promise<Reachability> = probeReachability,
): Promise<Omit<LoadError, 'id' | 'name'>> {
  if (error instanceof HttpError || error instanceof TooLargeError) return { message: error.message };
  if (!(error instanceof TypeError)) return { message: `could not fetch it (${String((error as Error)?.message ?? error)})` };
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { message: 'this is not a valid URL' };
  }
  const page = new URL(pageOrigin);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { message: `cannot fetch ${target.protocol} URLs; open the file instead` };
  if (page.protocol === 'https:' && target.protocol === 'http:') {
    return { message: 'the browser blocks plain http:// requests from this https:// page (mixed content)', remedy: corsRemedy(url) };
  }
  if (target.origin === page.origin) return { message: `network error: could not reach ${target.host} (${error.message})` };
  const reach = await probe(url);
  if (reach === 'unreachable') {
    return { message: `could not connect to ${target.host}: the server is not running, the address or port is wrong, or the network blocks it` };
  }
  return {
    message: `${reach === 'unknown' ? 'most likely, ' : ''}the server at ${target.origin} sends no CORS headers (Access-Control-Allow-Origin), so the browser does not let this page read its answer. This is normal for net/http/pprof.`,
    remedy: corsRemedy(url),
  };
}
