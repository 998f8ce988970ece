import type { Session } from '../model/session';
import { toBase64Url } from '../io/base64url';
import { PAYLOAD_PREFIX } from '../decode/payload';
import { encodeSnapshots } from './session-codec';

/** Hash parameter holding the embedded profile data. */
export const PAYLOAD_PARAM = 'pv';
/** Longest address Chromium opens; larger shares become a bundle file. */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;
export const BUNDLE_EXTENSION = '.parkview';

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The `pv` value for a link embedding the snapshots: version prefix + base64url of the gzipped session. */
export async function encodePayload(session: Session, ids: number[]): Promise<string> {
  return PAYLOAD_PREFIX + toBase64Url(await gzip(encodeSnapshots(session, ids)));
}

/** A `.parkview` file: the same encoding as a link, with the view state inside. */
export async function encodeBundle(session: Session, ids: number[], view: string): Promise<Uint8Array> {
  return gzip(encodeSnapshots(session, ids, view));
}
