import type { SnapshotBuilder } from '../model/builder';
import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { decodeDebug1, isDebug1 } from './debug1';
import { decodeDebug2, isDebug2 } from './debug2';
import { ProfileError } from './errors';
import { gunzip, isGzip, type GunzipStream } from './gunzip';
import { DEFAULT_LIMITS, type DecodeLimits } from './limits';
import { decodePprof } from './pprof';
import { decodeBundle, isEncodedSession, type DecodedShare } from '../permalink';

export { ProfileError } from './errors';
export { DEFAULT_LIMITS, type DecodeLimits } from './limits';
export type { GunzipStream } from './gunzip';

export interface DecodeOptions extends DecodeLimits {
  /** The gzip decompressor; the platform's DecompressionStream when absent. */
  gunzip?: GunzipStream;
}

export interface InputMeta {
  name: string;
  /** The file's modification time, used as capture time by text dumps that carry none. */
  fileTimeMs?: number;
}

/** The NNN of `pprof.<binary>.goroutine.NNN.pb.gz`-style names. */
export function seqFromName(name: string): number | null {
  const m = /(?:^|[._-])(\d+)(?:\.[A-Za-z][A-Za-z0-9]*)*$/.exec(name.split('/').pop() ?? name);
  const seq = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(seq) ? seq : null;
}

const TEXT_PREFIX_BYTES = 4096;

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function describeUnknown(bytes: Uint8Array): string {
  const head = decodeText(bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'unrecognized profile format (this is JSON, perhaps an error response, not a profile)';
  if (/^<(!doctype|html|\?xml|svg)/i.test(head)) return 'unrecognized profile format (this is an HTML page, not a profile: fetch /debug/pprof/goroutine rather than /debug/pprof/)';
  return 'unrecognized profile format';
}

function isMostlyText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, TEXT_PREFIX_BYTES);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 9 || (b > 13 && b < 32)) bad++;
  }
  return bad === 0 || bad / n < 0.01;
}

function decodeRaw(bytes: Uint8Array, session: Session, meta: InputMeta): SnapshotBuilder {
  if (bytes.length === 0) throw new ProfileError('empty input file');
  if (isMostlyText(bytes)) {
    const text = decodeText(bytes);
    if (isDebug1(text)) return decodeDebug1(text, session, meta.name);
    if (isDebug2(text)) return decodeDebug2(text, session, meta.name);
    if (text.trim() === '') throw new ProfileError('empty input file');
    throw new ProfileError(describeUnknown(bytes));
  }
  return decodePprof(bytes, session, meta.name);
}

/**
 * Decodes one input of any supported format (gzip or not; pprof protobuf, debug=1 or debug=2 text)
 * into a snapshot added to the session. Errors are ProfileErrors whose message starts with the name.
 */
export async function decodeInput(bytes: Uint8Array, session: Session, meta: InputMeta, options: DecodeOptions = DEFAULT_LIMITS): Promise<Snapshot> {
  return (await decodeInputs(bytes, session, meta, options)).snapshots[0];
}

/** Like decodeInput, but a `.parkview` bundle (sniffed by content) yields all its snapshots and its view state. */
export async function decodeInputs(bytes: Uint8Array, session: Session, meta: InputMeta, options: DecodeOptions = DEFAULT_LIMITS): Promise<DecodedShare> {
  try {
    const raw = isGzip(bytes) ? await gunzip(bytes, options.maxDecompressedBytes, options.gunzip) : bytes;
    if (isEncodedSession(raw)) return decodeBundle(raw, session, 'Parkview bundle');
    const builder = decodeRaw(raw, session, meta);
    const snapshot = builder.finish(seqFromName(meta.name));
    if (snapshot.timeMs === null && snapshot.format !== 'pprof' && meta.fileTimeMs !== undefined) snapshot.timeMs = meta.fileTimeMs;
    return { snapshots: [session.add(snapshot)], view: '' };
  } catch (e) {
    const reason = e instanceof ProfileError ? e.message : `internal error while decoding (${(e as Error).message})`;
    throw new ProfileError(`${meta.name}: ${reason}`);
  }
}
