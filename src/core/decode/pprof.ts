import { SnapshotBuilder } from '../model/builder';
import { IntList } from '../model/int-list';
import { PairTable } from '../model/pair-table';
import { keepAlive } from '../model/keep-alive';
import type { Session } from '../model/session';
import type { AddressFrames, SampleType } from '../model/snapshot';
import type { Label } from '../model/tables';
import { ProfileError } from '../io/errors';
import { UNCANCELLABLE, type Pace } from '../io/pace';
import { ROUNDED_WARNING } from './numbers';
import { pprofFunctionName } from './pprof-names';
import { Reader, readInt64 } from './protobuf-reader';

/** Field numbers of perftools.profiles.Profile (proto/profile.proto). */
const enum F {
  SampleType = 1,
  Sample = 2,
  Mapping = 3,
  Location = 4,
  Function = 5,
  StringTable = 6,
  DropFrames = 7,
  KeepFrames = 8,
  TimeNanos = 9,
  DurationNanos = 10,
  PeriodType = 11,
  Period = 12,
  Comment = 13,
  DefaultSampleType = 14,
  DocUrl = 15,
}

/** Wire types a field may have (varint, 64-bit, length-delimited, 32-bit), as a bit set. */
const WIRE_TYPES = 0b100111;
const EXPECTED_WIRE: Record<number, number> = { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 0, 8: 0, 9: 0, 10: 0, 11: 2, 12: 0, 13: -1, 14: 0, 15: 0 };

interface Layout {
  strings: string[];
  sampleTypes: number[];
  samples: IntList;
  /** Bytes of the samples' location ids, at least one each: about the frames they hold, to size the stack tables once. */
  locationBytes: number;
  locations: number[];
  functions: number[];
  periodType: number;
  mappings: number[];
  timeNanos: number;
  durationNanos: number;
  period: number;
  comments: number[];
  defaultSampleType: number;
}

/** True when the bytes start like a pprof Profile message. */
export function looksLikeProfile(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const tag = bytes[0];
  const field = tag >>> 3;
  const wire = tag & 7;
  return field >= 1 && field <= 15 && (EXPECTED_WIRE[field] === wire || (field === 13 && (wire === 0 || wire === 2)));
}

/** Pass one: find where each repeated message starts, read scalars and the string table. */
function scan(r: Reader): Layout {
  const l: Layout = {
    strings: [],
    sampleTypes: [],
    samples: new IntList(4096),
    locationBytes: 0,
    locations: [],
    functions: [],
    periodType: -1,
    mappings: [],
    timeNanos: 0,
    durationNanos: 0,
    period: 0,
    comments: [],
    defaultSampleType: 0,
  };
  const exact = { inexact: false };
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (((WIRE_TYPES >> wire) & 1) === 0 || field === 0) throw new Error(`invalid wire type ${wire} for field ${field}`);
    switch (field) {
      case F.SampleType:
      case F.Sample:
      case F.Location:
      case F.Function:
      case F.PeriodType: {
        const start = r.pos;
        const len = r.uint32();
        if (r.pos + len > r.len) throw new RangeError('index out of range');
        if (field === F.Sample) {
          l.samples.push(start);
          l.locationBytes += locationBytes(r.buf, r.pos, r.pos + len);
        } else {
          const list = field === F.SampleType ? l.sampleTypes : field === F.Location ? l.locations : field === F.Function ? l.functions : null;
          if (list) list.push(start);
          else l.periodType = start;
        }
        r.pos += len;
        break;
      }
      case F.Mapping: {
        l.mappings.push(r.pos);
        r.skipType(wire);
        break;
      }
      case F.StringTable:
        l.strings.push(r.string());
        break;
      case F.TimeNanos:
        l.timeNanos = readInt64(r, exact);
        break;
      case F.DurationNanos:
        l.durationNanos = readInt64(r, exact);
        break;
      case F.Period:
        l.period = readInt64(r, exact);
        break;
      case F.DefaultSampleType:
        l.defaultSampleType = readInt64(r, exact);
        break;
      case F.Comment:
        if (wire === 2) {
          const end = r.uint32() + r.pos;
          while (r.pos < end) l.comments.push(readInt64(r, exact));
        } else l.comments.push(readInt64(r, exact));
        break;
      default:
        r.skipType(wire);
    }
  }
  if (r.pos !== r.len) throw new RangeError('index out of range');
  return l;
}

/**
 * Bytes of the location ids of the sample in buf[pos..end), read from the fields' tags and lengths
 * alone. Malformed bytes end the count early; reading the sample itself reports them.
 */
function locationBytes(buf: Uint8Array, pos: number, end: number): number {
  let n = 0;
  while (pos < end) {
    const tag = buf[pos++];
    if (tag === 0x08) n++;
    const wire = tag & 7;
    if (tag >= 0x80 || (wire !== 0 && wire !== 2)) break;
    // Lengths past 2^28 cannot be real (inputs stop at 256 MiB); reading no further keeps v positive.
    let v = 0;
    for (let shift = 0; pos < end && shift < 28; shift += 7) {
      const b = buf[pos++];
      v |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    if (wire === 0) continue;
    // A length past the sample's end is malformed: counting it would size the tables by a lie.
    if (v > end - pos) break;
    if (tag === 0x0a) n += v;
    pos += v;
  }
  return n;
}

function str(l: Layout, i: number): string {
  if (i < 0 || i >= l.strings.length || !Number.isInteger(i)) {
    throw new ProfileError(`malformed profile: string index ${i} out of range (the table has ${l.strings.length} strings)`);
  }
  return l.strings[i];
}

/** A mapping's id, file and build id (string indexes). */
function readMapping(r: Reader, start: number): { id: number; file: number; buildId: number } {
  r.pos = start;
  const end = r.uint32() + r.pos;
  const m = { id: 0, file: 0, buildId: 0 };
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === 0x08) m.id = r.uint64() as unknown as number;
    else if (tag === 0x28) m.file = r.uint32();
    else if (tag === 0x30) m.buildId = r.uint32();
    else r.skipType(tag & 7);
  }
  return m;
}

const baseName = (path: string) => path.split('/').pop() ?? '';

/** The main binary's base name and build id, from the first mapping, as pprof's `File:` and `Build ID:` lines show them. */
function readBinary(r: Reader, l: Layout): { binary: string; buildId: string } {
  if (l.mappings.length === 0) return { binary: '', buildId: '' };
  const m = readMapping(r, l.mappings[0]);
  return { binary: baseName(str(l, m.file)), buildId: str(l, m.buildId) };
}

/**
 * pprof's name for a frame without a function name, by mapping id: `[file]` after the mapping's
 * file (`[demo-server]`, `[[vdso]]`), else `<unknown>`. All of a mapping's unnamed frames are one node.
 */
function unnamedFrames(r: Reader, l: Layout): Map<number, string> {
  const out = new Map<number, string>();
  for (const start of l.mappings) {
    const m = readMapping(r, start);
    const file = str(l, m.file);
    if (file) out.set(m.id, `[${baseName(file)}]`);
  }
  return out;
}

function readValueType(r: Reader, l: Layout, start: number): SampleType {
  r.pos = start;
  const end = r.uint32() + r.pos;
  let type = 0;
  let unit = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === 0x08) type = r.uint32();
    else if (tag === 0x10) unit = r.uint32();
    else r.skipType(tag & 7);
  }
  return { type: str(l, type), unit: str(l, unit) };
}

/** Session function ids by pprof function id. */
function readFunctions(r: Reader, l: Layout, session: Session): Map<number, number> {
  const out = new Map<number, number>();
  for (const start of l.functions) {
    r.pos = start;
    const end = r.uint32() + r.pos;
    let id = 0;
    let name = 0;
    let system = 0;
    let file = 0;
    let startLine = 0;
    while (r.pos < end) {
      const tag = r.uint32();
      switch (tag) {
        case 0x08:
          id = r.uint64() as unknown as number;
          break;
        case 0x10:
          name = r.uint32();
          break;
        case 0x18:
          system = r.uint32();
          break;
        case 0x20:
          file = r.uint32();
          break;
        case 0x28:
          startLine = r.int64() as unknown as number;
          break;
        default:
          r.skipType(tag & 7);
      }
    }
    if (id === 0) throw new ProfileError('malformed profile: function with id 0');
    if (out.has(id)) throw new ProfileError(`malformed profile: multiple functions with same id: ${id}`);
    out.set(id, session.functions.intern(pprofFunctionName(str(l, name), str(l, system)), str(l, file), startLine, str(l, system)));
  }
  return out;
}

/**
 * Frames of each location, root-most (the real caller) first, as in a stack walk from the root.
 * Most locations are one frame, held in `single`; the others have -1 there and their frames in
 * `inlined`, starting at `start` (count, then the frames).
 */
interface Locations {
  single: number[];
  start: number[];
  inlined: number[];
  /** Location id and address of each location with an address, in pairs. */
  addressed: number[];
}

function readLocations(r: Reader, l: Layout, session: Session, funcs: Map<number, number>): Locations {
  const out: Locations = { single: [], start: [], inlined: [], addressed: [] };
  const frames: number[] = [];
  const unnamed = unnamedFrames(r, l);
  const noName = session.strings.intern('');
  for (const start of l.locations) {
    r.pos = start;
    const end = r.uint32() + r.pos;
    let id = 0;
    let mapping = 0;
    let address = 0;
    frames.length = 0;
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag === 0x08) id = r.uint64() as unknown as number;
      else if (tag === 0x10) mapping = r.uint64() as unknown as number;
      else if (tag === 0x18) address = r.uint64() as unknown as number;
      else if (tag === 0x22) {
        const lineEnd = r.uint32() + r.pos;
        let fn = 0;
        let line = 0;
        while (r.pos < lineEnd) {
          const t = r.uint32();
          if (t === 0x08) fn = r.uint64() as unknown as number;
          else if (t === 0x10) line = r.int64() as unknown as number;
          else r.skipType(t & 7);
        }
        const f = funcs.get(fn);
        if (f === undefined) throw new ProfileError(`malformed profile: location id: ${id} has a line with nil function (function id ${fn} not found)`);
        frames.push(f, line);
      } else r.skipType(tag & 7);
    }
    if (id === 0) throw new ProfileError('malformed profile: location with id 0');
    if (out.single[id] !== undefined) throw new ProfileError(`malformed profile: multiple locations with same id: ${id}`);
    if (frames.length === 0) frames.push(-1, 0);
    for (let i = 0; i < frames.length; i += 2) {
      if (frames[i] < 0 || session.functions.name.get(frames[i]) === noName) frames[i] = session.functions.intern(unnamed.get(mapping) ?? '<unknown>', '');
    }
    if (address) out.addressed.push(id, address);
    // frames holds (function, line) pairs innermost first; every line but the last was inlined.
    const n = frames.length / 2;
    if (n === 1) {
      out.single[id] = session.frames.intern(frames[0], frames[1]);
      continue;
    }
    out.single[id] = -1;
    const at = out.inlined.length;
    out.start[id] = at;
    out.inlined.push(n);
    for (let i = 0; i < n; i++) out.inlined[at + n - i] = session.frames.intern(frames[2 * i], frames[2 * i + 1], i < n - 1);
  }
  return out;
}

/** The frames at each location's address (see AddressFrames). */
function addressFramesOf(locs: Locations): AddressFrames {
  const { single, start: inlinedAt, inlined, addressed } = locs;
  const n = addressed.length / 2;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => addressed[2 * a + 1] - addressed[2 * b + 1]);
  const out: AddressFrames = { address: new Float64Array(n), start: new Int32Array(n + 1), frame: new Int32Array(0) };
  const frame: number[] = [];
  order.forEach((k, i) => {
    const id = addressed[2 * k];
    out.address[i] = addressed[2 * k + 1];
    if (single[id] >= 0) frame.push(single[id]);
    else for (let at = inlinedAt[id], j = inlined[at]; j >= 1; j--) frame.push(inlined[at + j]);
    out.start[i + 1] = frame.length;
  });
  out.frame = Int32Array.from(frame);
  return out;
}

/**
 * Label sets of one profile keyed by their string-table indexes: each (key, value) pair gets a
 * number and each sample's sequence of pairs a chain id, so repeated sets are found without strings.
 */
class LabelSets {
  private pairs = new PairTable();
  private chains = new PairTable();
  private setOfChain: number[] = [];

  /** Session label set of the string labels held as (key, str) index pairs in raw[0..n). */
  intern(raw: number[], n: number, session: Session, l: Layout): number {
    let chain = 0;
    for (let i = 0; i < n; i += 2) {
      const pair = this.pairs.intern(raw[i], raw[i + 1], this.pairs.size);
      chain = this.chains.intern(chain, pair, this.chains.size + 1);
    }
    let set = this.setOfChain[chain];
    if (set === undefined) {
      const labels: Label[] = [];
      for (let i = 0; i < n; i += 2) labels.push({ key: str(l, raw[i]), value: str(l, raw[i + 1]) });
      set = this.setOfChain[chain] = session.labelSets.intern(labels);
    }
    return set;
  }
}

/** Appends the packed varints up to `end` to out[n…]; returns the new count. Ids and counts are mostly one or two bytes. */
function readPacked(r: Reader, end: number, out: number[], n: number, exact: { inexact: boolean }): number {
  const buf = r.buf;
  let p = r.pos;
  while (p < end) {
    const b0 = buf[p];
    if (b0 < 0x80) {
      out[n++] = b0;
      p++;
      continue;
    }
    const b1 = buf[p + 1];
    if (b1 < 0x80 && p + 1 < end) {
      out[n++] = (b0 & 0x7f) | (b1 << 7);
      p += 2;
      continue;
    }
    r.pos = p;
    out[n++] = readInt64(r, exact);
    p = r.pos;
  }
  if (p !== end) throw new RangeError('index out of range');
  r.pos = p;
  return n;
}

async function readSamples(r: Reader, l: Layout, builder: SnapshotBuilder, locs: Locations, nTypes: number, pace: Pace): Promise<void> {
  const session = builder.session;
  const stacks = session.stacks;
  // A session's first profile brings only new stacks, nearly all of them once (pprof merged its
  // samples): size the tables for all of them at once, and leave whole-stack lookups to later loads.
  const fresh = stacks.size === 1;
  if (fresh) stacks.reserve(l.locationBytes);
  builder.reserve(l.samples.length, stacks.size + (fresh ? l.locationBytes : 0));
  const labelSets = new LabelSets();
  const { single, start: inlinedAt, inlined } = locs;
  const locIds: number[] = [];
  const stack: number[] = [];
  const values: number[] = [];
  const raw: number[] = [];
  const numeric: Label[] = [];
  const exact = { inexact: false };
  const starts = l.samples.data;
  for (let i = 0; i < l.samples.length; i++) {
    if ((i & 1023) === 0 && pace.due()) await pace.pause();
    r.pos = starts[i];
    const end = r.uint32() + r.pos;
    let nLocs = 0;
    let nValues = 0;
    let nRaw = 0;
    if (numeric.length) numeric.length = 0;
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag === 0x0a) nLocs = readPacked(r, r.uint32() + r.pos, locIds, nLocs, exact);
      else if (tag === 0x08) locIds[nLocs++] = readInt64(r, exact);
      else if (tag === 0x12) nValues = readPacked(r, r.uint32() + r.pos, values, nValues, exact);
      else if (tag === 0x10) values[nValues++] = readInt64(r, exact);
      else if (tag === 0x1a) {
        const e = r.uint32() + r.pos;
        let key = 0;
        let s = 0;
        let num = 0;
        let unit = 0;
        while (r.pos < e) {
          const t = r.uint32();
          if (t === 0x08) key = r.uint32();
          else if (t === 0x10) s = r.uint32();
          else if (t === 0x18) num = readInt64(r, exact);
          else if (t === 0x20) unit = r.uint32();
          else r.skipType(t & 7);
        }
        // As pprof reads labels: a string when it has one, else a number when it has a value or a
        // unit; a label with neither is no label.
        if (s !== 0) {
          raw[nRaw++] = key;
          raw[nRaw++] = s;
        } else if (num !== 0 || unit !== 0) numeric.push({ key: str(l, key), value: String(num), num, unit: str(l, unit) });
        else str(l, key); // its key must still be in the string table, as pprof checks
      } else r.skipType(tag & 7);
    }
    if (r.pos !== end) throw new RangeError('index out of range');
    if (nValues !== nTypes) throw new ProfileError(`mismatch: sample has ${nValues} values vs. ${nTypes} types`);
    let depth = 0;
    for (let i = nLocs - 1; i >= 0; i--) {
      const frame = single[locIds[i]];
      if (frame >= 0) stack[depth++] = frame;
      else if (frame === -1) {
        const at = inlinedAt[locIds[i]];
        for (let j = 1; j <= inlined[at]; j++) stack[depth++] = inlined[at + j];
      } else throw new ProfileError(`malformed profile: sample has nil location (location id ${locIds[i]} not found)`);
    }
    const node = stacks.intern(stack, depth, !fresh);
    let labelSet = 0;
    if (numeric.length) {
      for (let i = 0; i < nRaw; i += 2) numeric.push({ key: str(l, raw[i]), value: str(l, raw[i + 1]) });
      labelSet = session.labelSets.intern(numeric.slice());
    } else if (nRaw) labelSet = labelSets.intern(raw, nRaw, session, l);
    builder.add(node, labelSet, values);
  }
  if (exact.inexact) builder.warn(ROUNDED_WARNING);
  keepAlive(labelSets);
}

export function profileKind(sampleTypes: SampleType[], periodType: SampleType | null, defaultType: string, nameHint: string): string {
  const types = sampleTypes.map((t) => t.type);
  for (const k of ['goroutineleak', 'goroutine', 'threadcreate']) if (types.includes(k)) return k;
  if (periodType?.type === 'cpu') return 'cpu';
  if (periodType?.type === 'space') return defaultType.startsWith('alloc') ? 'allocs' : 'heap';
  if (types.includes('contentions')) return /\bmutex\b/.test(nameHint) ? 'mutex' : /\bblock\b/.test(nameHint) ? 'block' : 'contentions';
  return defaultType || 'profile';
}

/** The protobuf reader's own complaints about the bytes; anything else is a fault of the decoder, not of the input. */
function isReaderError(e: unknown): boolean {
  return e instanceof Error && /^(index out of range|invalid (varint|tag|length) encoding|invalid wire type|invalid end group tag|illegal tag|max depth exceeded)/.test(e.message);
}

/** Decodes a pprof protobuf (already decompressed) into a snapshot builder. */
export async function decodePprof(bytes: Uint8Array, session: Session, name: string, pace = UNCANCELLABLE): Promise<SnapshotBuilder> {
  const r = Reader.create(bytes);
  try {
    return await decodeWith(r, session, name, pace);
  } finally {
    r.buf = new Uint8Array(0);
    r.len = r.pos = 0;
    keepAlive(r);
  }
}

async function decodeWith(r: Reader, session: Session, name: string, pace: Pace): Promise<SnapshotBuilder> {
  let layout: Layout;
  try {
    layout = scan(r);
  } catch (e) {
    if (e instanceof ProfileError || !isReaderError(e)) throw e;
    throw new ProfileError(looksLikeProfile(r.buf) ? `malformed profile: truncated or corrupt protobuf (${(e as Error).message})` : 'unrecognized profile format');
  }
  // Every pprof profile has a string table (its first string is ''): protobuf without one is
  // another format, such as an OpenTelemetry (OTLP) profile, and pprof says so.
  if (layout.strings.length === 0) throw new ProfileError('unrecognized profile format');
  if (layout.sampleTypes.length === 0) throw new ProfileError('malformed profile: no sample types');
  if (layout.strings[0] !== '') throw new ProfileError("malformed profile: string_table[0] must be ''");
  try {
    const sampleTypes = layout.sampleTypes.map((s) => readValueType(r, layout, s));
    const periodType = layout.periodType >= 0 ? readValueType(r, layout, layout.periodType) : null;
    const defaultName = layout.defaultSampleType ? str(layout, layout.defaultSampleType) : '';
    let defaultIdx = sampleTypes.findIndex((t) => t.type === defaultName);
    if (defaultIdx < 0) defaultIdx = sampleTypes.length - 1;
    const kind = profileKind(sampleTypes, periodType, sampleTypes[defaultIdx].type, name);
    const builder = new SnapshotBuilder(session, {
      name,
      format: 'pprof',
      kind,
      sampleTypes,
      defaultSampleType: defaultIdx,
      timeMs: layout.timeNanos ? layout.timeNanos / 1e6 : null,
      periodType,
      period: layout.period,
      durationNanos: layout.durationNanos,
      comments: layout.comments.map((c) => str(layout, c)),
      ...readBinary(r, layout),
    });
    const funcs = readFunctions(r, layout, session);
    const locs = readLocations(r, layout, session, funcs);
    await readSamples(r, layout, builder, locs, sampleTypes.length, pace);
    if (kind.startsWith('goroutine') && locs.addressed.length) builder.addressFrames = addressFramesOf(locs);
    return builder;
  } catch (e) {
    if (e instanceof ProfileError || !isReaderError(e)) throw e;
    throw new ProfileError(`malformed profile: truncated or corrupt protobuf (${(e as Error).message})`);
  }
}
