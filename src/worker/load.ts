import { decodeInput, DEFAULT_LIMITS, type DecodeLimits } from '../core/decode';
import { snapshotInfo, type SnapshotInfo } from '../core/model/snapshot';
import { queries, session } from './state';

export interface InputFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
  fileTimeMs?: number;
}

export type LoadResult = { ok: true; info: SnapshotInfo } | { ok: false; name: string; error: string };

let limits: DecodeLimits = DEFAULT_LIMITS;

export const loadApi = {
  /** Decodes each input on its own: one bad file yields its error and leaves the rest loaded. */
  async load(files: InputFile[]): Promise<LoadResult[]> {
    const out: LoadResult[] = [];
    for (const f of files) {
      try {
        const bytes = f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(f.bytes);
        const s = await decodeInput(bytes, session, { name: f.name, fileTimeMs: f.fileTimeMs }, limits);
        out.push({ ok: true, info: snapshotInfo(s) });
      } catch (e) {
        out.push({ ok: false, name: f.name, error: (e as Error).message });
      }
    }
    return out;
  },

  remove(id: number): void {
    session.remove(id);
    queries.invalidate();
  },

  clear(): void {
    session.clear();
    queries.invalidate();
  },

  setLimits(next: Partial<DecodeLimits>): void {
    limits = { ...limits, ...next };
  },
};
