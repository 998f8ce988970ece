import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import type { Label } from '../model/tables';
import { ByteReader } from '../io/bytes';
import { readSnapshots, type SkippedSnapshot } from './read-snapshots';

export type { SkippedSnapshot } from './read-snapshots';

export interface DecodedShare {
  snapshots: Snapshot[];
  /** View state stored with the data (bundles); "" when the address carries it. */
  view: string;
  /** Snapshots left out because their data is damaged; the others are in `snapshots`. */
  skipped: SkippedSnapshot[];
}

/** First bytes of an encoded session (before compression): "PKVW" and the format version. */
export const SESSION_MAGIC = [0x50, 0x4b, 0x56, 0x57];
export const SESSION_VERSION = 1;

export function isEncodedSession(raw: Uint8Array): boolean {
  return raw.length > SESSION_MAGIC.length && SESSION_MAGIC.every((b, i) => raw[i] === b);
}

/**
 * Decodes what encodeSnapshots wrote into new snapshots of the session, checking every count and
 * index against the data: hostile or damaged input fails with a ProfileError, never a crash. A
 * damaged snapshot is skipped, with its reason, and the good ones are kept.
 */
export function decodeSnapshots(raw: Uint8Array, session: Session, what: string): { snapshots: Snapshot[]; view: string; skipped: SkippedSnapshot[] } {
  const r = new ByteReader(raw, what);
  if (!isEncodedSession(raw)) r.fail('not a Parkview session');
  r.pos = SESSION_MAGIC.length;
  const version = r.byte();
  if (version !== SESSION_VERSION) r.fail(`format version ${version} is newer than this Parkview understands (${SESSION_VERSION}); open it with a newer version`);
  const view = r.string();

  const nStrings = r.count('string');
  const lengths = new Array<number>(nStrings);
  for (let i = 0; i < nStrings; i++) lengths[i] = r.uint();
  const texts = new Array<string>(nStrings);
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < nStrings; i++) {
    if (lengths[i] > r.remaining) r.fail('truncated string table');
    texts[i] = utf8.decode(raw.subarray(r.pos, r.pos + lengths[i]));
    r.pos += lengths[i];
  }
  const text = () => texts[r.index(nStrings, 'string')];

  const nFns = r.count('function', 3);
  const fnNames = Array.from({ length: nFns }, text);
  const fnFiles = Array.from({ length: nFns }, text);
  const fnMap = Int32Array.from(fnNames, (name, i) => session.functions.intern(name, fnFiles[i], r.int()));

  const nFrames = r.count('frame', 3);
  const frameFns = Array.from({ length: nFrames }, () => fnMap[r.index(nFns, 'function')]);
  const frameLines = Array.from({ length: nFrames }, () => r.uint());
  const frameMap = Int32Array.from(frameFns, (fn, i) => {
    const inlined = r.byte();
    if (inlined > 1) r.fail('malformed frame');
    return session.frames.intern(fn, frameLines[i], inlined === 1);
  });

  const nNodes = r.count('stack node', 2);
  const parents = new Int32Array(nNodes + 1);
  for (let i = 1; i <= nNodes; i++) {
    const back = r.uint();
    if (back < 1 || back > i) r.fail(`stack node ${i} has no valid parent`);
    parents[i] = i - back;
  }
  const nodeMap = new Int32Array(nNodes + 1);
  for (let i = 1; i <= nNodes; i++) nodeMap[i] = session.stacks.child(nodeMap[parents[i]], frameMap[r.index(nFrames, 'frame')]);

  const nSets = r.count('label set');
  const setMap = new Int32Array(nSets + 1);
  for (let i = 1; i <= nSets; i++) {
    const n = r.count('label', 3);
    const labels: Label[] = [];
    for (let j = 0; j < n; j++) {
      const key = text();
      const kind = r.byte();
      if (kind === 0) labels.push({ key, value: text() });
      else if (kind === 1 || kind === 2) {
        const num = kind === 1 ? r.int() : r.float();
        labels.push({ key, value: String(num), num, unit: text() });
      } else r.fail('malformed label');
    }
    setMap[i] = session.labelSets.intern(labels);
  }

  const nGroups = r.count('group', 2);
  const groupStacks = Array.from({ length: nGroups }, () => nodeMap[r.index(nNodes + 1, 'stack node')]);
  const groupSets = Array.from({ length: nGroups }, () => setMap[r.index(nSets + 1, 'label set')]);

  const { snapshots, skipped } = readSnapshots(r, { texts, frameMap, groupStacks, groupSets }, session);
  return { snapshots, view, skipped };
}

/** Adds a bundle's snapshots; `raw` is its decompressed content (decodeInput sniffs and inflates it). */
export function decodeBundle(raw: Uint8Array, session: Session, name: string): DecodedShare {
  return decodeSnapshots(raw, session, name);
}
