import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { notAProfile, SNIFF_BYTES } from '../src/core/decode';
import { DEFAULT_LIMITS } from '../src/core/io/limits';
import { formatBytes } from '../src/core/units/bytes';
import { oldestBeyond } from '../src/core/io/live-limits';

/** One input the server holds for the app: a file read once, or one fetch of a URL. */
export interface Capture {
  id: number;
  name: string;
  /** When a URL was fetched (a capture time), or a file's modification time (which orders files only). */
  timeMs: number;
  fetched: boolean;
  bytes: Uint8Array;
}

export type CaptureEvent = { type: 'snapshot'; capture: Capture } | { type: 'failure'; target: string; message: string };

const FETCH_TIMEOUT_MS = 60_000;

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/** Answers no profile comes as: a web page, JSON, a script, a picture. */
const NOT_PROFILE_TYPE = /^\s*(text\/(html|css|javascript|xml)|application\/(json|xml|xhtml\+xml|javascript)|image\/|audio\/|video\/|font\/)/i;

/** The body of a fetched profile: read as it streams, up to `limit` bytes, given up on as soon as its start shows it is no profile. */
async function readProfileBody(url: string, res: Response, limit: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const reader = res.body.getReader();
  const giveUp = async (reason: string): Promise<never> => {
    await reader.cancel().catch(() => undefined);
    throw new Error(`${url}: ${reason}`);
  };
  if (declared > limit) return giveUp(`the response is larger than ${formatBytes(limit)}`);
  const contentType = res.headers.get('content-type') ?? '';
  if (NOT_PROFILE_TYPE.test(contentType)) return giveUp(`the server answered ${contentType.split(';')[0].trim()}, not a profile`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let sniffed = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (!done) {
      size += value.length;
      if (size > limit) return giveUp(`the response is larger than ${formatBytes(limit)}`);
      chunks.push(value);
    }
    if (!sniffed && (done || size >= SNIFF_BYTES)) {
      sniffed = true;
      const reason = notAProfile(concat(chunks, Math.min(size, SNIFF_BYTES)));
      if (reason) return giveUp(reason);
    }
    if (done) return concat(chunks, size);
  }
}

/** The first `size` bytes of `chunks` in one array. */
function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    if (at >= size) break;
    const part = c.subarray(0, size - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Fetches a profile URL with a time and size limit; errors are one-line messages. */
export async function fetchProfile(url: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const reason = (e as Error).name === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? (e as Error).message);
    throw new Error(`cannot fetch ${url}: ${reason}`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`${url}: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  return readProfileBody(url, res, DEFAULT_LIMITS.maxDecompressedBytes);
}

/** pprof's naming for saved profiles, `pprof.<source>.<profile>.NNN.pb.gz`, so series sort by their number. */
export function captureName(url: string, seq: number, bytes: Uint8Array): string {
  const u = new URL(url);
  const profile = u.pathname.split('/').filter(Boolean).pop() ?? 'profile';
  const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return `pprof.${u.host}.${profile}.${String(seq).padStart(3, '0')}${gz ? '.pb.gz' : '.txt'}`;
}

/**
 * The files and URLs given on the command line, and everything captured from them: files are read
 * once, URLs fetched at start and, with an interval, again and again. Listeners hear each capture.
 */
export class Captures {
  readonly list: Capture[] = [];
  private listeners = new Set<(e: CaptureEvent) => void>();
  private nextId = 1;
  private seq = new Map<string, number>();
  /** Last failure per target, so a target that stays down is reported once. */
  private failing = new Map<string, string>();
  private stopped = false;

  constructor(readonly targets: string[]) {}

  subscribe(listener: (e: CaptureEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id: number): Capture | undefined {
    return this.list.find((c) => c.id === id);
  }

  private emit(e: CaptureEvent): void {
    for (const l of this.listeners) l(e);
  }

  private add(name: string, bytes: Uint8Array, fileTimeMs?: number): void {
    const capture = { id: this.nextId++, name, timeMs: fileTimeMs ?? Date.now(), fetched: fileTimeMs === undefined, bytes };
    this.list.push(capture);
    // Kept for pages that connect later (a reload), within the live limits.
    this.list.splice(0, oldestBeyond(this.list.map((c) => c.bytes.length)));
    this.emit({ type: 'snapshot', capture });
  }

  private fail(target: string, message: string): void {
    if (this.failing.get(target) === message) return;
    this.failing.set(target, message);
    this.emit({ type: 'failure', target, message });
  }

  /** Reads every file (a missing one is an error for the command line) and fetches every URL once. */
  async loadFiles(): Promise<void> {
    for (const t of this.targets) {
      if (isUrl(t)) continue;
      let bytes: Uint8Array;
      let fileTimeMs: number;
      try {
        [bytes, fileTimeMs] = await Promise.all([readFile(t), stat(t).then((s) => s.mtimeMs)]);
      } catch (e) {
        throw new Error(`${t}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      this.add(basename(t), bytes, fileTimeMs);
    }
  }

  private async fetchUrl(url: string): Promise<void> {
    try {
      const bytes = await fetchProfile(url);
      const seq = (this.seq.get(url) ?? 0) + 1;
      this.seq.set(url, seq);
      this.failing.delete(url);
      this.add(captureName(url, seq, bytes), bytes);
    } catch (e) {
      this.fail(url, (e as Error).message);
    }
  }

  /**
   * Fetches each URL now and then every `everyMs`, each on its own: a round starts when that URL's
   * previous one ends, so a slow or hanging target delays only its own captures.
   */
  poll(everyMs: number | null): void {
    for (const url of this.targets.filter(isUrl)) {
      const round = async () => {
        await this.fetchUrl(url);
        if (everyMs !== null && !this.stopped) setTimeout(() => void round(), everyMs).unref();
      };
      void round();
    }
  }

  /** Starts no more rounds (fetches under way still finish). */
  stop(): void {
    this.stopped = true;
  }
}
