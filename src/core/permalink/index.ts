import { ProfileError } from '../decode/errors';
import { gunzip, isGzip } from '../decode/gunzip';
import { DEFAULT_LIMITS, type DecodeLimits } from '../decode/limits';
import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { fromBase64Url, toBase64Url } from './base64url';
import type { SkippedSnapshot } from './read-snapshots';
import { decodeSnapshots, encodeSnapshots } from './session-codec';

export type { SkippedSnapshot } from './read-snapshots';

export { isEncodedSession } from './session-codec';

/** Hash parameter holding the embedded profile data. */
export const PAYLOAD_PARAM = 'pv';
/** Format prefix of the payload: gzip of session encoding 1. */
const PAYLOAD_PREFIX = '1.';
/** Longest address Chromium opens; larger shares become a bundle file. */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;
/** A payload longer than this is refused before any work (it could not have come from a link). */
const MAX_PAYLOAD_CHARS = 64 * 1024 * 1024;
export const BUNDLE_EXTENSION = '.parkview';

export interface DecodedShare {
  snapshots: Snapshot[];
  /** View state stored with the data (bundles); "" when the address carries it. */
  view: string;
  /** Snapshots left out because their data is damaged; the others are in `snapshots`. */
  skipped: SkippedSnapshot[];
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The `pv` value for a link embedding the snapshots: version prefix + base64url of the gzipped session. */
export async function encodePayload(session: Session, ids: number[]): Promise<string> {
  return PAYLOAD_PREFIX + toBase64Url(await gzip(encodeSnapshots(session, ids)));
}

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

/** A `.parkview` file: the same encoding as a link, with the view state inside. */
export async function encodeBundle(session: Session, ids: number[], view: string): Promise<Uint8Array> {
  return gzip(encodeSnapshots(session, ids, view));
}

/** Adds a bundle's snapshots; `raw` is its decompressed content (decodeInput sniffs and inflates it). */
export function decodeBundle(raw: Uint8Array, session: Session, name: string): DecodedShare {
  return decodeSnapshots(raw, session, name);
}
