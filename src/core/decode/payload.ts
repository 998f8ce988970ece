import { fromBase64Url } from '../io/base64url';
import { ProfileError } from '../io/errors';
import { gunzip, isGzip } from '../io/gunzip';
import { DEFAULT_LIMITS, type DecodeLimits } from '../io/limits';
import type { Session } from '../model/session';
import { decodeSnapshots, type DecodedShare } from './bundle';

/** Format prefix of the payload: gzip of session encoding 1. */
export const PAYLOAD_PREFIX = '1.';
/** A payload longer than this is refused before any work (it could not have come from a link). */
const MAX_PAYLOAD_CHARS = 64 * 1024 * 1024;

/** Adds the snapshots a link embeds to the session, with a dropped file's limits and checks. */
export async function decodePayload(payload: string, session: Session, limits: DecodeLimits = DEFAULT_LIMITS): Promise<DecodedShare> {
  const what = 'shared link';
  if (payload.length > MAX_PAYLOAD_CHARS) throw new ProfileError(`${what}: the embedded data is larger than any link can be`);
  if (!payload.startsWith(PAYLOAD_PREFIX)) {
    const version = /^(\d+)\./.exec(payload)?.[1];
    throw new ProfileError(version ? `${what}: data format ${version} is newer than this Parkview understands` : `${what}: the embedded data is damaged (unknown format)`);
  }
  const bytes = fromBase64Url(payload.slice(PAYLOAD_PREFIX.length), what);
  if (!isGzip(bytes)) throw new ProfileError(`${what}: the embedded data is damaged (not gzip data)`);
  let raw: Uint8Array;
  try {
    raw = await gunzip(bytes, limits.maxDecompressedBytes);
  } catch (e) {
    throw new ProfileError(`${what}: ${(e as Error).message}; the link is damaged or was cut off when copied`);
  }
  return decodeSnapshots(raw, session, what);
}
