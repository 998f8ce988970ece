import type { Session } from '../model/session';
import type { AddressFrames, Snapshot } from '../model/snapshot';
import { StringTable } from '../model/strings';
import { ByteWriter, isSmallInt } from '../io/bytes';
import { SESSION_MAGIC, SESSION_VERSION } from '../decode/bundle';
import type { HeaderJson } from '../decode/read-snapshots';

/** Dense renumbering of the session ids a set of snapshots references, in session order. */
class Subset {
  private local: Int32Array;
  readonly ids: number[] = [];

  constructor(size: number) {
    this.local = new Int32Array(size).fill(-1);
  }

  mark(id: number): void {
    if (this.local[id] === -1) {
      this.local[id] = -2;
      this.ids.push(id);
    }
  }

  /** Fixes the numbering; ids get local numbers in increasing session order. */
  seal(): void {
    this.ids.sort((a, b) => a - b);
    this.ids.forEach((id, i) => (this.local[id] = i));
  }

  of(id: number): number {
    return this.local[id];
  }
}

/** The session ids some snapshots reference, renumbered densely. */
interface Used {
  groups: Subset;
  nodes: Subset;
  frames: Subset;
  fns: Subset;
  labelSets: Subset;
  /** Whether protobuf snapshots keep their addresses' frames: only to read the hidden frames of debug=1 snapshots linked with them. */
  addresses: boolean;
}

function collect(session: Session, snaps: Snapshot[]): Used {
  const used: Used = {
    groups: new Subset(session.groups.size),
    nodes: new Subset(session.stacks.size),
    frames: new Subset(session.frames.size),
    fns: new Subset(session.functions.size),
    labelSets: new Subset(session.labelSets.sets.length),
    addresses: snaps.some((s) => s.hidden),
  };
  const { groups, nodes, frames, fns, labelSets } = used;
  const sParent = session.stacks.parent.data;
  for (const s of snaps) {
    for (const g of s.groups) groups.mark(g);
    if (s.goroutines) for (const f of s.goroutines.createdBy) if (f >= 0) frames.mark(f);
    if (s.goroutines?.ancestors) for (const f of s.goroutines.ancestors.createdBy) if (f >= 0) frames.mark(f);
    if (used.addresses && s.addressFrames) for (const f of s.addressFrames.frame) frames.mark(f);
  }
  groups.seal();
  labelSets.mark(0);
  nodes.mark(0);
  for (const g of groups.ids) {
    labelSets.mark(session.groups.labels.data[g]);
    for (let n = session.groups.stack.data[g]; n > 0 && nodes.of(n) === -1; n = sParent[n]) nodes.mark(n);
  }
  nodes.seal();
  labelSets.seal();
  for (const n of nodes.ids) if (n > 0) frames.mark(session.stacks.frame.data[n]);
  frames.seal();
  for (const f of frames.ids) fns.mark(session.frames.func.data[f]);
  fns.seal();
  return used;
}

/**
 * Encodes the chosen snapshots with only the strings, functions, frames, stack nodes, label sets
 * and groups they reference, each stored once however many snapshots share it. `view` is stored
 * alongside (the view state of a bundle; empty in a link, whose address carries it).
 */
export function encodeSnapshots(session: Session, ids: number[], view = ''): Uint8Array {
  const snaps = ids.map((id) => session.get(id));
  const used = collect(session, snaps);
  // Strings are numbered as the sections below use them, then written ahead of those sections.
  const strings = new StringTable();
  const body = new ByteWriter();
  writeTables(body, session, used, strings);
  body.uint(snaps.length);
  for (const s of snaps) writeSnapshot(body, session, s, used, strings);

  const w = new ByteWriter();
  for (const b of SESSION_MAGIC) w.byte(b);
  w.byte(SESSION_VERSION);
  w.string(view);
  w.uint(strings.size);
  const encoded = strings.values.map((v) => new TextEncoder().encode(v));
  for (const b of encoded) w.uint(b.length);
  for (const b of encoded) w.raw(b);
  w.raw(body.bytes());
  return w.bytes();
}

function writeTables(w: ByteWriter, session: Session, { groups, nodes, frames, fns, labelSets }: Used, strings: StringTable): void {
  const fnTable = session.functions;
  w.uint(fns.ids.length);
  for (const fn of fns.ids) w.uint(strings.intern(session.strings.get(fnTable.name.data[fn])));
  for (const fn of fns.ids) w.uint(strings.intern(session.strings.get(fnTable.file.data[fn])));
  for (const fn of fns.ids) w.int(fnTable.startLine.data[fn]);

  w.uint(frames.ids.length);
  for (const f of frames.ids) w.uint(fns.of(session.frames.func.data[f]));
  for (const f of frames.ids) w.uint(session.frames.line.data[f]);
  for (const f of frames.ids) w.byte(session.frames.inlined.data[f]);

  // Node 0 (the root) is implied; parents precede children, so each parent is a step back.
  const sParent = session.stacks.parent.data;
  const sFrame = session.stacks.frame.data;
  w.uint(nodes.ids.length - 1);
  for (let i = 1; i < nodes.ids.length; i++) w.uint(i - nodes.of(sParent[nodes.ids[i]]));
  for (let i = 1; i < nodes.ids.length; i++) w.uint(frames.of(sFrame[nodes.ids[i]]));

  w.uint(labelSets.ids.length - 1);
  for (const ls of labelSets.ids.slice(1)) {
    const set = session.labelSets.get(ls);
    w.uint(set.length);
    for (const l of set) {
      w.uint(strings.intern(l.key));
      if (l.num === undefined) {
        w.byte(0);
        w.uint(strings.intern(l.value));
      } else {
        w.byte(isSmallInt(l.num) ? 1 : 2);
        if (isSmallInt(l.num)) w.int(l.num);
        else w.float(l.num);
        w.uint(strings.intern(l.unit ?? ''));
      }
    }
  }

  w.uint(groups.ids.length);
  for (const g of groups.ids) w.uint(nodes.of(session.groups.stack.data[g]));
  for (const g of groups.ids) w.uint(labelSets.of(session.groups.labels.data[g]));
}

function writeSnapshot(w: ByteWriter, session: Session, s: Snapshot, used: Used, strings: StringTable): void {
  const header: HeaderJson = {
    name: s.name,
    timeMs: s.timeMs,
    seq: s.seq,
    fileTimeMs: s.fileTimeMs ?? undefined,
    kind: s.kind,
    format: s.format,
    sampleTypes: s.sampleTypes,
    defaultSampleType: s.defaultSampleType,
    periodType: s.periodType,
    period: s.period,
    durationNanos: s.durationNanos,
    comments: s.comments,
    binary: s.binary,
    buildId: s.buildId || undefined,
    warnings: s.warnings,
    parking: s.parking ? Array.from(s.parking) : undefined,
    hidden: s.hidden ? Array.from(s.groups, (_, g) => Array.from(s.hidden!.address.subarray(s.hidden!.start[g], s.hidden!.start[g + 1]))) : undefined,
    addressFrames: used.addresses && s.addressFrames ? addressFramesJson(s.addressFrames, used) : undefined,
  };
  w.string(JSON.stringify(header));
  w.uint(s.groups.length);
  let prev = 0;
  for (const g of s.groups) {
    const local = used.groups.of(g);
    w.int(local - prev);
    prev = local;
  }
  for (const col of s.values) w.numbers(col);
  const facts = s.goroutines;
  // 1: facts; 2: facts with ancestors (links made before ancestors were kept have 0 or 1); +4: with bubbles.
  w.byte(facts ? (facts.ancestors ? 2 : 1) | (facts.bubble ? 4 : 0) : 0);
  if (!facts) return;
  w.uint(facts.id.length);
  w.numbers(facts.id);
  for (const g of facts.group) w.uint(g);
  for (const st of facts.state) w.uint(strings.intern(session.strings.get(st)));
  for (const m of facts.waitMinutes) w.int(m);
  for (const l of facts.locked) w.byte(l);
  const frame = (f: number) => w.uint(f < 0 ? 0 : used.frames.of(f) + 1);
  facts.createdBy.forEach(frame);
  w.numbers(facts.parentId);
  const a = facts.ancestors;
  if (a) {
    w.uint(a.id.length);
    for (let i = 0; i < facts.id.length; i++) w.uint(a.start[i + 1] - a.start[i]);
    w.numbers(a.id);
    a.createdBy.forEach(frame);
  }
  if (facts.bubble) for (const b of facts.bubble) w.int(b);
}

function addressFramesJson(t: AddressFrames, used: Used): NonNullable<HeaderJson['addressFrames']> {
  return { address: Array.from(t.address), frames: Array.from(t.address, (_, i) => Array.from(t.frame.subarray(t.start[i], t.start[i + 1]), (f) => used.frames.of(f))) };
}
