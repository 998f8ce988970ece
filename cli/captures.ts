import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DEFAULT_LIMITS, formatBytes } from '../src/core/decode/limits';

/** One input the server holds for the app: a file read once, or one fetch of a URL. */
export interface Capture {
  id: number;
  name: string;
  timeMs: number;
  bytes: Uint8Array;
}

export type CaptureEvent = { type: 'snapshot'; capture: Capture } | { type: 'failure'; target: string; message: string };

/** Kept for pages that connect later (a reload); older captures are dropped past these bounds. */
const MAX_CAPTURES = 2000;
const MAX_BYTES = 1024 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 60_000;

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
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
  if (!res.ok) throw new Error(`${url}: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  const limit = DEFAULT_LIMITS.maxDecompressedBytes;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`${url}: the response is larger than ${formatBytes(limit)}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
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
  private bytes = 0;
  /** Last failure per target, so a target that stays down is reported once. */
  private failing = new Map<string, string>();

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

  private add(name: string, bytes: Uint8Array): void {
    const capture = { id: this.nextId++, name, timeMs: Date.now(), bytes };
    this.list.push(capture);
    this.bytes += bytes.length;
    while (this.list.length > MAX_CAPTURES || this.bytes > MAX_BYTES) this.bytes -= this.list.shift()!.bytes.length;
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
      try {
        bytes = await readFile(t);
      } catch (e) {
        throw new Error(`${t}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      this.add(basename(t), bytes);
    }
  }

  async fetchUrls(): Promise<void> {
    await Promise.all(
      this.targets.filter(isUrl).map(async (url) => {
        try {
          const bytes = await fetchProfile(url);
          const seq = (this.seq.get(url) ?? 0) + 1;
          this.seq.set(url, seq);
          this.failing.delete(url);
          this.add(captureName(url, seq, bytes), bytes);
        } catch (e) {
          this.fail(url, (e as Error).message);
        }
      }),
    );
  }

  /** Fetches the URLs now and then every `everyMs` (each round starts when the previous one ends). */
  poll(everyMs: number | null): void {
    const round = async () => {
      await this.fetchUrls();
      if (everyMs !== null) setTimeout(() => void round(), everyMs).unref();
    };
    void round();
  }
}

/** Go-style durations: `15s`, `1m`, `500ms`, `1m30s`. */
export function parseDuration(text: string): number | null {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return null;
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0);
  return ms > 0 ? ms : null;
}
