import { ProfileError } from '../io/errors';
import { SnapshotBuilder, type SnapshotHeader } from '../model/builder';
import type { Session } from '../model/session';
import { PARKED_UNKNOWN, type Ancestors, type GoroutineFacts, type SampleType, type Snapshot } from '../model/snapshot';
import type { ByteReader } from '../io/bytes';

/** A snapshot's header as a link stores it; links made before build ids and file dates were kept have none. */
export type HeaderJson = Pick<
  Snapshot,
  'name' | 'timeMs' | 'seq' | 'kind' | 'format' | 'sampleTypes' | 'defaultSampleType' | 'periodType' | 'period' | 'durationNanos' | 'comments' | 'binary' | 'warnings'
> &
  Partial<Pick<Snapshot, 'buildId' | 'fileTimeMs'>> & {
    /** The debug=1 parking signature of each group, in the snapshot's group order (see Snapshot.parking). */
    parking?: number[];
    /** Each group's hidden addresses, in the snapshot's group order (see Snapshot.hidden). */
    hidden?: number[][];
    /** A protobuf snapshot's addresses and their frames (link frame numbers), when debug=1 snapshots are linked with it (see Snapshot.addressFrames). */
    addressFrames?: { address: number[]; frames: number[][] };
  };

/** A snapshot of a link or bundle that could not be opened, and why; the others still open. */
export interface SkippedSnapshot {
  name: string;
  reason: string;
}

/** The shared tables the snapshots index into, already added to the session. */
export interface SharedTables {
  texts: string[];
  frameMap: Int32Array;
  groupStacks: number[];
  groupSets: number[];
}

/** The first reason a snapshot's data is unusable, noted while reading on to the next snapshot. */
class Flaw {
  reason = '';

  check(ok: boolean, reason: () => string): void {
    if (!ok && !this.reason) this.reason = reason();
  }

  /** An index below `limit`, or 0 with the flaw noted. */
  index(r: ByteReader, limit: number, what: string): number {
    const i = r.uint();
    this.check(i < limit, () => `${what} index ${i} out of range (${limit} entries)`);
    return i < limit ? i : 0;
  }

  finite(values: ArrayLike<number>, what: string): void {
    for (let i = 0; i < values.length && !this.reason; i++) this.check(Number.isFinite(values[i]), () => `${what} ${values[i]} is not a number`);
  }
}

function isSampleType(v: unknown): v is SampleType {
  return !!v && typeof (v as SampleType).type === 'string' && typeof (v as SampleType).unit === 'string';
}

function readHeader(r: ByteReader): HeaderJson {
  let h: HeaderJson;
  try {
    h = JSON.parse(r.string()) as HeaderJson;
  } catch {
    return r.fail('malformed snapshot header');
  }
  const strs = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const numOrNull = (v: unknown) => v === null || Number.isFinite(v);
  const ok =
    !!h &&
    typeof h.name === 'string' &&
    typeof h.kind === 'string' &&
    ['pprof', 'debug1', 'debug2'].includes(h.format) &&
    Array.isArray(h.sampleTypes) &&
    h.sampleTypes.length > 0 &&
    h.sampleTypes.length <= 64 &&
    h.sampleTypes.every(isSampleType) &&
    Number.isInteger(h.defaultSampleType) &&
    h.defaultSampleType >= 0 &&
    h.defaultSampleType < h.sampleTypes.length &&
    (h.periodType === null || isSampleType(h.periodType)) &&
    numOrNull(h.timeMs) &&
    numOrNull(h.seq) &&
    (h.fileTimeMs === undefined || Number.isFinite(h.fileTimeMs)) &&
    typeof h.period === 'number' &&
    typeof h.durationNanos === 'number' &&
    typeof h.binary === 'string' &&
    (h.buildId === undefined || typeof h.buildId === 'string') &&
    strs(h.comments) &&
    strs(h.warnings);
  if (!ok) r.fail('malformed snapshot header');
  return h;
}

/** One snapshot's data as stored, checked but not yet added to the session. */
interface StoredSnapshot {
  header: HeaderJson;
  local: Int32Array;
  columns: Float64Array[];
  goroutines: Omit<GoroutineFacts, 'group'> & { groupIndex: Int32Array } | null;
}

function readGoroutines(r: ByteReader, flaw: Flaw, groups: number, tables: SharedTables, session: Session, flags: number): StoredSnapshot['goroutines'] {
  const n = r.count('goroutine', 6);
  const id = r.numbers(n, new Float64Array(n)) as Float64Array;
  flaw.finite(id, 'goroutine id');
  const groupIndex = Int32Array.from({ length: n }, () => flaw.index(r, groups, 'goroutine group'));
  const state = Int32Array.from({ length: n }, () => session.strings.intern(tables.texts[flaw.index(r, tables.texts.length, 'string')]));
  const waitMinutes = Int32Array.from({ length: n }, () => {
    const m = r.int();
    flaw.check(m >= -1 && m <= 0x7fffffff, () => `a wait of ${m} minutes is out of range`);
    return m;
  });
  const locked = Uint8Array.from({ length: n }, () => r.byte());
  const frame = () => {
    const f = flaw.index(r, tables.frameMap.length + 1, 'frame');
    return f === 0 ? -1 : tables.frameMap[f - 1];
  };
  const createdBy = Int32Array.from({ length: n }, frame);
  const parentId = r.numbers(n, new Float64Array(n)) as Float64Array;
  flaw.finite(parentId, 'parent goroutine id');
  const facts: NonNullable<StoredSnapshot['goroutines']> = { id, groupIndex, state, waitMinutes, locked, createdBy, parentId };
  if (flags & 2) facts.ancestors = readAncestors(r, flaw, n, frame);
  if (flags & 4) {
    facts.bubble = Int32Array.from({ length: n }, () => r.int());
    flaw.check(facts.bubble.every((b) => b >= -1 && b <= 0x7fffffff), () => 'synctest bubble out of range');
  }
  return facts;
}

/** The ancestor columns written after a snapshot's goroutines (facts byte 2). */
function readAncestors(r: ByteReader, flaw: Flaw, goroutines: number, frame: () => number): Ancestors {
  const total = r.count('ancestor', 2);
  const start = new Int32Array(goroutines + 1);
  for (let i = 0; i < goroutines; i++) start[i + 1] = start[i] + r.uint();
  flaw.check(start[goroutines] === total, () => `ancestor counts add up to ${start[goroutines]}, not ${total}`);
  const id = r.numbers(total, new Float64Array(total)) as Float64Array;
  flaw.finite(id, 'ancestor goroutine id');
  const createdBy = Int32Array.from({ length: total }, frame);
  return { start, id, createdBy };
}

function readSnapshot(r: ByteReader, flaw: Flaw, tables: SharedTables, session: Session): StoredSnapshot {
  const header = readHeader(r);
  const nGroups = tables.groupStacks.length;
  const n = r.count('snapshot group');
  const local = new Int32Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev += r.int();
    flaw.check(prev >= 0 && prev < nGroups, () => `group index ${prev} out of range (${nGroups} groups)`);
    local[i] = prev;
  }
  const columns = header.sampleTypes.map(() => {
    const col = r.numbers(n, new Float64Array(n)) as Float64Array;
    flaw.finite(col, 'value');
    return col;
  });
  const p = header.parking;
  flaw.check(p === undefined || (Array.isArray(p) && p.length === n && p.every((v) => Number.isInteger(v) && v >= PARKED_UNKNOWN && v <= 127)), () => 'malformed parking signatures');
  const addresses = (a: unknown) => Array.isArray(a) && a.every((v) => Number.isSafeInteger(v) && v > 0);
  const hidden = header.hidden;
  flaw.check(hidden === undefined || (Array.isArray(hidden) && hidden.length === n && hidden.every(addresses)), () => 'malformed hidden addresses');
  const t = header.addressFrames;
  const nFrames = tables.frameMap.length;
  const frameList = (a: unknown) => Array.isArray(a) && a.every((f) => Number.isInteger(f) && f >= 0 && f < nFrames);
  flaw.check(t === undefined || (!!t && addresses(t.address) && Array.isArray(t.frames) && t.frames.length === t.address.length && t.frames.every(frameList) && t.address.every((v, i) => i === 0 || v > t.address[i - 1])), () => 'malformed address frames');
  // 1: goroutine facts; 2: facts with ancestors; +4: with synctest bubbles.
  const facts = r.byte();
  const goroutines = [1, 2, 5, 6].includes(facts) ? readGoroutines(r, flaw, n, tables, session, facts) : null;
  return { header, local, columns, goroutines };
}

function build(stored: StoredSnapshot, tables: SharedTables, session: Session): Snapshot {
  const { header: h, local, columns, goroutines } = stored;
  const header: SnapshotHeader = { ...h };
  const builder = new SnapshotBuilder(session, header);
  for (const warning of h.warnings) builder.warn(warning);
  const values = new Float64Array(columns.length);
  const index = new Int32Array(local.length);
  for (let i = 0; i < local.length; i++) {
    for (let t = 0; t < columns.length; t++) values[t] = columns[t][i];
    index[i] = builder.add(tables.groupStacks[local[i]], tables.groupSets[local[i]], values);
  }
  if (h.parking) {
    const parking = new Int8Array(local.length);
    h.parking.forEach((p, i) => (parking[index[i]] = p));
    builder.parking = parking;
  }
  if (h.hidden) {
    const byGroup: number[][] = [];
    h.hidden.forEach((a, i) => (byGroup[index[i]] = a));
    const start = new Int32Array(byGroup.length + 1);
    byGroup.forEach((a, g) => (start[g + 1] = start[g] + a.length));
    builder.hidden = { start, address: Float64Array.from(byGroup.flat()) };
  }
  if (h.addressFrames) {
    const { address, frames } = h.addressFrames;
    const start = new Int32Array(address.length + 1);
    frames.forEach((f, i) => (start[i + 1] = start[i] + f.length));
    builder.addressFrames = { address: Float64Array.from(address), start, frame: Int32Array.from(frames.flat(), (f) => tables.frameMap[f]) };
  }
  if (goroutines) {
    const { groupIndex, ...facts } = goroutines;
    builder.goroutines = { ...facts, group: groupIndex.map((g) => index[g]) };
  }
  const snapshot = builder.finish(h.seq);
  snapshot.fileTimeMs = h.fileTimeMs ?? null;
  return snapshot;
}

/**
 * Reads the snapshots section into new snapshots of the session. A snapshot whose numbers or
 * indexes are wrong is skipped with its reason and the others are kept; data too damaged to find
 * the next snapshot ends the reading there, keeping those before. With none kept, it throws.
 */
export function readSnapshots(r: ByteReader, tables: SharedTables, session: Session): { snapshots: Snapshot[]; skipped: SkippedSnapshot[] } {
  const nSnaps = r.count('snapshot');
  if (nSnaps === 0) r.fail('no snapshots');
  const snapshots: Snapshot[] = [];
  const skipped: SkippedSnapshot[] = [];
  for (let s = 0; s < nSnaps; s++) {
    const flaw = new Flaw();
    let stored: StoredSnapshot;
    try {
      stored = readSnapshot(r, flaw, tables, session);
    } catch (e) {
      if (!(e instanceof ProfileError) || snapshots.length === 0) throw e;
      const rest = nSnaps - s - 1;
      skipped.push({ name: `snapshot ${s + 1} of ${nSnaps}`, reason: `${e.message.replace(`${r.what}: `, '')}${rest ? `; it and the ${rest} after it are left out` : ''}` });
      break;
    }
    if (flaw.reason) skipped.push({ name: stored.header.name, reason: flaw.reason });
    else snapshots.push(build(stored, tables, session));
  }
  if (snapshots.length === 0) r.fail(`${skipped[0].name}: ${skipped[0].reason}`);
  if (r.remaining !== 0 && skipped.length === 0) r.fail('unexpected data after the last snapshot');
  for (const s of snapshots) session.add(s);
  return { snapshots, skipped };
}
