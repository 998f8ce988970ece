import type { SnapshotBuilder } from '../model/builder';
import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { nameKey } from '../model/capture-name';
import { decodeDebug1, isDebug1 } from './debug1';
import { decodeDebug2, isDebug2 } from './debug2';
import { debug1Starts, debug2Starts, partsAt, partWarning } from './concatenated';
import { ProfileError } from '../io/errors';
import { gunzip, isGzip, type GunzipStream } from '../io/gunzip';
import { DEFAULT_LIMITS, type DecodeLimits } from '../io/limits';
import { DecodeCancelled, Pace } from '../io/pace';
import { decodePprof } from './pprof';
import { decodeBundle, isEncodedSession, type DecodedShare } from './bundle';

export { ProfileError } from '../io/errors';
export { DEFAULT_LIMITS, type DecodeLimits } from '../io/limits';
export { DecodeCancelled } from '../io/pace';
export type { GunzipStream } from '../io/gunzip';

export interface DecodeOptions extends DecodeLimits {
  /** The gzip decompressor; the platform's DecompressionStream when absent. */
  gunzip?: GunzipStream;
  /** Stops the decode (with DecodeCancelled) at its next pause; a decode given one pauses now and then for it. */
  signal?: AbortSignal;
}

export interface InputMeta {
  name: string;
  /** The file's modification time: orders snapshots that nothing else orders, never their clock. */
  fileTimeMs?: number;
  /** When the input was captured, when the loader knows it (a fetch from a live process): a text dump's capture time. */
  capturedMs?: number;
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

/** One snapshot per dump of a text holding several one after another, each named and warned as a part. */
async function decodeDumps(text: string, starts: number[], name: string, decode: (text: string, name: string) => Promise<SnapshotBuilder>): Promise<SnapshotBuilder[]> {
  if (starts.length === 1) return [await decode(text, name)];
  const parts = partsAt(text, starts);
  const builders: SnapshotBuilder[] = [];
  for (const [i, part] of parts.entries()) {
    const partName = `${name} [${i + 1}/${starts.length}]`;
    let builder: SnapshotBuilder;
    try {
      builder = await decode(part, partName);
    } catch (e) {
      throw e instanceof ProfileError ? new ProfileError(`dump ${i + 1} of ${starts.length}: ${e.message}`) : e;
    }
    builder.warn(partWarning(i, starts.length));
    builders.push(builder);
  }
  return builders;
}

async function decodeRaw(bytes: Uint8Array, session: Session, meta: InputMeta, pace: Pace): Promise<SnapshotBuilder[]> {
  if (bytes.length === 0) throw new ProfileError('empty input file');
  if (isMostlyText(bytes)) {
    const text = decodeText(bytes);
    if (isDebug1(text)) return decodeDumps(text, debug1Starts(text), meta.name, (t, n) => decodeDebug1(t, session, n, pace));
    if (isDebug2(text)) return decodeDumps(text, debug2Starts(text), meta.name, (t, n) => decodeDebug2(t, session, n, pace));
    if (text.trim() === '') throw new ProfileError('empty input file');
    throw new ProfileError(describeUnknown(bytes));
  }
  return [await decodePprof(bytes, session, meta.name, pace)];
}

/** Wire type of each field of pprof's Profile message (13, comment, may be packed or not). */
const PROFILE_WIRE_TYPES: Record<number, number[]> = { 1: [2], 2: [2], 3: [2], 4: [2], 5: [2], 6: [2], 7: [0], 8: [0], 9: [0], 10: [0], 11: [2], 12: [0], 13: [0, 2], 14: [0] };

/** Bytes enough to tell from its start whether an input can be a profile. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Why an input starting with `head` cannot be anything this app reads, or null when it may be: gzip,
 * a bundle, a debug=1 or debug=2 text, or a protobuf whose first field is one of pprof's Profile.
 * Lets a fetch stop at the start of a large wrong answer instead of reading it whole.
 */
export function notAProfile(head: Uint8Array): string | null {
  if (head.length === 0 || isGzip(head) || isEncodedSession(head)) return null;
  if (isMostlyText(head)) {
    const text = decodeText(head);
    return isDebug1(text) || isDebug2(text) || text.trim() === '' ? null : describeUnknown(head);
  }
  const tag = head[0];
  return PROFILE_WIRE_TYPES[tag >> 3]?.includes(tag & 7) ? null : 'unrecognized profile format';
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
  const pace = new Pace(options.signal);
  try {
    const raw = isGzip(bytes) ? await gunzip(bytes, options.maxDecompressedBytes, options.gunzip, pace) : bytes;
    pace.check();
    if (isEncodedSession(raw)) return decodeBundle(raw, session, 'Parkview bundle');
    const fromName = nameKey(meta.name);
    // Every dump of the file is read before any is added: a bad one adds none.
    const snapshots = (await decodeRaw(raw, session, meta, pace)).map((builder) => {
      const snapshot = builder.finish(fromName.seq);
      snapshot.timeMs ??= fromName.timeMs ?? meta.capturedMs ?? null;
      snapshot.fileTimeMs = meta.fileTimeMs ?? null;
      return snapshot;
    });
    return { snapshots: snapshots.map((s) => session.add(s)), view: '', skipped: [] };
  } catch (e) {
    if (e instanceof DecodeCancelled) throw e;
    const reason = e instanceof ProfileError ? e.message : `internal error while decoding (${(e as Error).message})`;
    throw new ProfileError(`${meta.name}: ${reason}`);
  }
}
