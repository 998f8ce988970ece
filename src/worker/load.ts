import { DecodeCancelled, decodeInputs, DEFAULT_LIMITS, type DecodeLimits } from '../core/decode';
import type { QueryEngine } from '../core/engine/engine';
import { snapshotInfo, type SnapshotInfo } from '../core/model/snapshot';
import type { PlanRefresher } from './refine';

export interface InputFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
  /** The file's modification time (see InputMeta). */
  fileTimeMs?: number;
  /** When a live capture was fetched (see InputMeta). */
  capturedMs?: number;
}

export type LoadResult =
  | { ok: true; info: SnapshotInfo; view?: string }
  | { ok: false; name: string; error: string }
  /** The same bytes are already loaded, as `twin`. */
  | { ok: false; name: string; twin: string }
  /** Stopped by `cancelLoad` while it decoded; nothing of it was added. */
  | { ok: false; name: string; cancelled: true };

function fingerprint(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}

export function loadApi(engine: QueryEngine, plans: PlanRefresher) {
  const { session } = engine;
  let limits: DecodeLimits = DEFAULT_LIMITS;
  /** Content fingerprint -> snapshot id, so loading the same input twice does not add it twice. */
  const loaded = new Map<string, number>();
  /** Stops the decode in progress (at its next pause) when the user cancels it. */
  let decoding: AbortController | null = null;

  return {
    /** Decodes each input on its own: one bad file yields its error and leaves the rest loaded. */
    async load(files: InputFile[]): Promise<LoadResult[]> {
      const out: LoadResult[] = [];
      for (const f of files) {
        const bytes = f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(f.bytes);
        const key = fingerprint(bytes);
        const twin = loaded.get(key);
        if (twin !== undefined) {
          out.push({ ok: false, name: f.name, twin: session.get(twin).name });
          continue;
        }
        decoding = new AbortController();
        try {
          // A .parkview bundle holds several snapshots and the view they were shared with.
          const meta = { name: f.name, fileTimeMs: f.fileTimeMs, capturedMs: f.capturedMs };
          const { snapshots, view, skipped } = await decodeInputs(bytes, session, meta, { ...limits, signal: decoding.signal });
          loaded.set(key, snapshots[0].id);
          snapshots.forEach((s, i) => out.push({ ok: true, info: snapshotInfo(s), view: i === 0 && view ? view : undefined }));
          for (const s of skipped) out.push({ ok: false, name: `${f.name}: ${s.name}`, error: s.reason });
        } catch (e) {
          if (e instanceof DecodeCancelled) {
            out.push({ ok: false, name: f.name, cancelled: true });
            break;
          }
          out.push({ ok: false, name: f.name, error: (e as Error).message });
        } finally {
          decoding = null;
        }
      }
      if (out.some((r) => r.ok)) await plans.refresh();
      return out;
    },

    /** Stops the decode in progress; what is loaded stays. */
    cancelLoad(): void {
      decoding?.abort();
    },

    remove(id: number): void {
      engine.remove(id);
      for (const [key, sid] of loaded) if (sid === id) loaded.delete(key);
    },

    clear(): void {
      engine.clear();
      loaded.clear();
    },

    setLimits(next: Partial<DecodeLimits>): void {
      limits = { ...limits, ...next };
    },

    /** The limits every input is decoded with (shared links too). */
    decodeLimits(): DecodeLimits {
      return limits;
    },
  };
}
