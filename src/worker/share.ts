import { transfer } from 'comlink';
import type { DecodeLimits } from '../core/decode';
import type { QueryEngine } from '../core/engine/engine';
import { snapshotInfo, type SnapshotInfo } from '../core/model/snapshot';
import { decodePayload } from '../core/decode/payload';
import { encodeBundle, encodePayload } from '../core/permalink';
import type { PlanRefresher } from './refine';

/** The snapshots a link opened, and the damaged ones it left out (by snapshot name). */
export type OpenShareResult = { ok: true; infos: SnapshotInfo[]; errors: { name: string; message: string }[] } | { ok: false; error: string };

export function shareApi({ session }: QueryEngine, plans: PlanRefresher, decodeLimits: () => DecodeLimits) {
  return {
    /** The `pv` value of a link embedding these snapshots. */
    sharePayload(ids: number[]): Promise<string> {
      return encodePayload(session, ids);
    },

    /** A `.parkview` file with these snapshots and the view state `view` (an address hash). */
    async shareBundle(ids: number[], view: string): Promise<Uint8Array> {
      const bytes = await encodeBundle(session, ids, view);
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },

    /** Adds the snapshots a link embeds, checked like a dropped file; a damaged link or snapshot yields its error. */
    async openPayload(payload: string): Promise<OpenShareResult> {
      try {
        const { snapshots, skipped } = await decodePayload(payload, session, decodeLimits());
        await plans.refresh();
        return { ok: true, infos: snapshots.map(snapshotInfo), errors: skipped.map((s) => ({ name: s.name, message: s.reason })) };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    },
  };
}
