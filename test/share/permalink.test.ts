import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput, ProfileError } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { encodeBundle, encodePayload, gzip } from '../../src/core/permalink';
import { decodePayload } from '../../src/core/decode/payload';
import { ByteWriter } from '../../src/core/io/bytes';
import { encodeSnapshots } from '../../src/core/permalink/session-codec';
import { decodeSnapshots } from '../../src/core/decode/bundle';
import { allocSizesProfile } from '../graph/alloc-sizes';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
const SERIES = [...readdirSync(resolve(FIXTURES, 'seed')).map((d) => `seed/${d}`), 'service', 'fanout-series'];

async function loadFolder(rel: string): Promise<Session> {
  const session = new Session();
  const dir = resolve(FIXTURES, rel);
  for (const f of readdirSync(dir).sort()) await decodeInput(readFileSync(resolve(dir, f)), session, { name: f, fileTimeMs: 1_700_000_000_000 });
  return session;
}

const groupKeys = new WeakMap<Session, Map<number, string>>();

/** Everything a view can read from a snapshot, by names rather than session ids. */
function describeSnapshot(session: Session, s: Snapshot) {
  const frame = (f: number) => `${session.funcName(f)} ${session.fileName(f)}:${session.frames.line.get(f)}${session.frames.inlined.get(f) ? ' inl' : ''}`;
  if (!groupKeys.has(session)) groupKeys.set(session, new Map());
  const keys = groupKeys.get(session)!;
  const groupKey = (g: number) => {
    let key = keys.get(g);
    if (key === undefined) {
      const labels = session.labelSets.get(session.groups.labels.get(g)).map((l) => `${l.key}=${l.value}${l.unit ?? ''}`);
      key = `${session.stacks.framesOf(session.groups.stack.get(g)).map(frame).join(' < ')} {${labels.join(',')}}`;
      keys.set(g, key);
    }
    return key;
  };
  const groups = new Map<string, number[]>();
  s.groups.forEach((g, i) => groups.set(groupKey(g), s.values.map((v) => v[i])));
  const facts = s.goroutines;
  const goroutines = facts
    ? Array.from(facts.id, (id, i) => [id, groupKey(s.groups[facts.group[i]]), session.strings.get(facts.state[i]), facts.waitMinutes[i], facts.locked[i], facts.createdBy[i] < 0 ? '' : frame(facts.createdBy[i]), facts.parentId[i]])
    : null;
  const t = s.addressFrames;
  const addressFrames = t ? Array.from(t.address, (a, i) => `${a.toString(16)} ${Array.from(t.frame.subarray(t.start[i], t.start[i + 1]), frame).join(' < ')}`) : null;
  const { id: _id, loadOrder: _lo, groups: _g, values: _v, goroutines: _f, addressFrames: _a, ...header } = s;
  return { header, groups, goroutines, addressFrames };
}

describe('permalink round trip on every shared fixture series', () => {
  it.each(SERIES)('%s: same snapshots, totals, stacks, labels and goroutines after encode and decode', async (rel) => {
    const source = await loadFolder(rel);
    const payload = await encodePayload(source, source.snapshots.map((s) => s.id));
    const target = new Session();
    const { snapshots } = await decodePayload(payload, target);
    expect(snapshots.length).toBe(source.snapshots.length);
    snapshots.forEach((s, i) => {
      const want = describeSnapshot(source, source.snapshots[i]);
      const got = describeSnapshot(target, s);
      expect(got.header).toEqual(want.header);
      expect(got.groups).toEqual(want.groups);
      expect(got.goroutines).toEqual(want.goroutines);
      // Protobuf addresses serve only to read linked debug=1 snapshots' hidden frames.
      expect(got.addressFrames).toEqual(source.snapshots.some((x) => x.hidden) ? want.addressFrames : null);
    });
  });

  it('keeps the 40-snapshot service series small: shared strings and stacks are stored once', async () => {
    const session = await loadFolder('service');
    const pb = session.snapshots.filter((s) => s.format === 'pprof').map((s) => s.id);
    expect(pb.length).toBe(40);
    const payload = await encodePayload(session, pb);
    const one = await encodePayload(session, pb.slice(-1));
    console.log(`service: 40-snapshot link payload ${payload.length} chars; one snapshot ${one.length} chars`);
    expect(payload.length).toBeLessThan(12_000);
    expect(payload.length).toBeLessThan(one.length * 8);
  });

  it('encodes only what the chosen snapshots reference', async () => {
    const session = await loadFolder('service');
    const last = session.snapshots.find((s) => s.name === 'pprof.service.goroutine.040.pb.gz')!;
    const target = new Session();
    decodeSnapshots(encodeSnapshots(session, [last.id]), target, 'x');
    expect(target.groups.size).toBe(last.groups.length);
    expect(target.functions.size).toBeLessThan(session.functions.size);
    expect(target.snapshots[0].totals).toEqual([23_697]);
  });

  it('keeps the binary’s name and build id', async () => {
    const session = new Session();
    const s = await decodeInput(allocSizesProfile(), session, { name: 'allocs.pb' });
    const target = new Session();
    decodeSnapshots(encodeSnapshots(session, [s.id]), target, 'x');
    expect([target.snapshots[0].binary, target.snapshots[0].buildId]).toEqual(['allocator', '6f1e2c3b4a5d']);
  });

  it('carries the view state inside a bundle file, which decodeInput opens like any profile', async () => {
    const session = await loadFolder('seed/timeout');
    const ids = session.snapshots.map((s) => s.id);
    const bundle = await encodeBundle(session, ids, 'v1&view=flame&f=handleRequest');
    const target = new Session();
    const first = await decodeInput(bundle, target, { name: 'timeout.parkview' });
    expect(target.snapshots.length).toBe(ids.length);
    expect(first.totals).toEqual(target.snapshots[0].totals);
  });
});

describe('hostile or damaged links are rejected with a clear message', () => {
  async function servicePayload() {
    const session = await loadFolder('seed/timeout');
    return encodePayload(session, session.snapshots.map((s) => s.id));
  }

  async function rejects(payload: string, message: RegExp, limits?: { maxDecompressedBytes: number }) {
    const session = new Session();
    const err = await decodePayload(payload, session, limits).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProfileError);
    expect((err as Error).message).toMatch(message);
    expect(session.snapshots.length).toBe(0);
  }

  it('a link cut in half', async () => {
    const p = await servicePayload();
    // Cut on a whole base64url quantum, so the gzip data is what ends early.
    await rejects(p.slice(0, Math.floor(p.length / 8) * 4), /^shared link: .*(truncated|EOF).*cut off/);
  });

  it('characters that are not base64url, and an unknown format', async () => {
    await rejects('1.<script>alert(1)</script>', /not base64url/);
    await rejects('9.AAAA', /format 9 is newer/);
    await rejects('garbage', /unknown format/);
  });

  it('gzip data that is not a Parkview session', async () => {
    const junk = await gzip(new TextEncoder().encode('goroutine profile: total 1'));
    await rejects(`1.${Buffer.from(junk).toString('base64url')}`, /not a Parkview session/);
  });

  it('a decompression bomb stops at the limit', async () => {
    const bomb = await gzip(new Uint8Array(4 * 1024 * 1024));
    await rejects(`1.${Buffer.from(bomb).toString('base64url')}`, /limit/, { maxDecompressedBytes: 1024 * 1024 });
  });

  it('counts larger than the data and indexes out of range', async () => {
    const w = new ByteWriter();
    for (const b of [0x50, 0x4b, 0x56, 0x57, 1]) w.byte(b);
    w.string('');
    w.uint(2 ** 40);
    expect(() => decodeSnapshots(w.bytes(), new Session(), 'x')).toThrow(/string count \d+ exceeds the data/);
  });

  it('every single-byte corruption of a valid encoding is either decoded or rejected as a ProfileError', async () => {
    const session = await loadFolder('seed/timeout');
    const raw = encodeSnapshots(session, session.snapshots.slice(0, 3).map((s) => s.id));
    let seed = 7;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let rejected = 0;
    for (let trial = 0; trial < 400; trial++) {
      const bad = raw.slice();
      bad[Math.floor(rand() * bad.length)] = Math.floor(rand() * 256);
      const cut = trial % 4 === 0 ? bad.subarray(0, Math.floor(rand() * bad.length)) : bad;
      try {
        decodeSnapshots(cut, new Session(), 'x');
      } catch (e) {
        expect(e).toBeInstanceOf(ProfileError);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(100);
  });
});
