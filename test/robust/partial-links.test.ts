import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeInputs } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { encodeBundle, encodePayload } from '../../src/core/permalink';
import { decodePayload } from '../../src/core/decode/payload';
import { encodeSnapshots } from '../../src/core/permalink/session-codec';
import { decodeSnapshots } from '../../src/core/decode/bundle';
import { decodeAddress } from '../../src/core/address/address';
import { QueryEngine } from '../../src/core/engine/engine';
import { workerApi } from '../../src/worker/api';

const api = workerApi(new QueryEngine(new Session()));
import { runCli } from '../cli/run';
import { FIXTURES, load, readFixtureText } from '../fixtures';

const DUMPS = ['seed/timeout/goroutine.timeout.debug2.txt', 'seed/heartbeat/goroutine.heartbeat.debug2.txt', 'seed/fixed/goroutine.fixed.debug2.txt'];

/** Three real dumps in a session; the middle one damaged the way links made before numbers were checked carried NaN. */
async function sessionWithBadMiddle(damage: (s: Session, id: number) => void): Promise<Session> {
  const session = new Session();
  for (const d of DUMPS) await load(session, d);
  damage(session, session.snapshots[1].id);
  return session;
}

const nanParent = (s: Session, id: number) => (s.get(id).goroutines!.parentId[0] = NaN);
const infiniteValue = (s: Session, id: number) => (s.get(id).values[0][0] = Infinity);

describe('a shared link keeps every good snapshot and names the bad one', () => {
  it('a NaN parent goroutine id leaves out that snapshot only', async () => {
    const session = await sessionWithBadMiddle(nanParent);
    const target = new Session();
    const { snapshots, skipped } = await decodePayload(await encodePayload(session, session.snapshots.map((s) => s.id)), target);
    expect(snapshots.map((s) => s.name)).toEqual(['goroutine.timeout.debug2.txt', 'goroutine.fixed.debug2.txt']);
    expect(snapshots.map((s) => s.totals[0])).toEqual([session.snapshots[0].totals[0], session.snapshots[2].totals[0]]);
    expect(skipped).toEqual([{ name: 'goroutine.heartbeat.debug2.txt', reason: 'parent goroutine id NaN is not a number' }]);
    expect(target.snapshots).toHaveLength(2);
  });

  it('an infinite value in a bundle leaves out that snapshot only', async () => {
    const session = await sessionWithBadMiddle(infiniteValue);
    const bundle = await encodeBundle(session, session.snapshots.map((s) => s.id), 'v1');
    const { snapshots, skipped } = await decodeInputs(bundle, new Session(), { name: 'series.parkview' });
    expect(snapshots).toHaveLength(2);
    expect(skipped).toEqual([{ name: 'goroutine.heartbeat.debug2.txt', reason: 'value Infinity is not a number' }]);
  });

  it('data cut inside the last snapshot keeps the ones before it', async () => {
    const session = await sessionWithBadMiddle(() => {});
    const raw = encodeSnapshots(session, session.snapshots.map((s) => s.id));
    const { snapshots, skipped } = decodeSnapshots(raw.subarray(0, raw.length - 20), new Session(), 'shared link');
    expect(snapshots.map((s) => s.name)).toEqual(['goroutine.timeout.debug2.txt', 'goroutine.heartbeat.debug2.txt']);
    expect(skipped).toEqual([{ name: 'snapshot 3 of 3', reason: expect.stringMatching(/^(truncated|goroutine count \d+ exceeds the data)/) }]);
  });

  it('with no good snapshot it is still an error, naming the reason', async () => {
    const session = new Session();
    await load(session, DUMPS[0]);
    nanParent(session, session.snapshots[0].id);
    await expect(decodePayload(await encodePayload(session, [session.snapshots[0].id]), new Session())).rejects.toThrow(
      'shared link: goroutine.timeout.debug2.txt: parent goroutine id NaN is not a number',
    );
  });
});

describe('the page gets the good snapshots and an error for the bad one', () => {
  beforeEach(() => api.clear());

  it('opening a link', async () => {
    const session = await sessionWithBadMiddle(nanParent);
    const result = await api.openPayload(await encodePayload(session, session.snapshots.map((s) => s.id)));
    if (!result.ok) throw new Error(result.error);
    expect(result.infos.map((i) => i.name)).toEqual(['goroutine.timeout.debug2.txt', 'goroutine.fixed.debug2.txt']);
    expect(result.errors).toEqual([{ name: 'goroutine.heartbeat.debug2.txt', message: 'parent goroutine id NaN is not a number' }]);
  });

  it('dropping a bundle', async () => {
    const session = await sessionWithBadMiddle(infiniteValue);
    const bytes = await encodeBundle(session, session.snapshots.map((s) => s.id), 'v1');
    const results = await api.load([{ name: 'series.parkview', bytes }]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toEqual({ ok: false, name: 'series.parkview: goroutine.heartbeat.debug2.txt', error: 'value Infinity is not a number' });
  });
});

describe('parkview link', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parkview-link-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it('links the good files, names the bad one on stderr and exits 1', async () => {
    const bad = join(dir, 'goroutine.bad.debug2.txt');
    writeFileSync(bad, readFixtureText(DUMPS[1]).replace('created by main.main in goroutine 1\n', 'created by main.main in goroutine x\n'));
    const r = await runCli(['link', join(FIXTURES, DUMPS[0]), bad, join(FIXTURES, DUMPS[2])]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^parkview: goroutine\.bad\.debug2\.txt: malformed debug=2 text: line \d+: the parent goroutine id "x" is not a number; left out of the link\n$/);
    const decoded = decodeAddress(r.stdout.trim().split('#')[1]);
    if (!decoded.ok) throw new Error(decoded.error);
    const { snapshots } = await decodePayload(decoded.state.payload!, new Session());
    expect(snapshots.map((s) => s.name)).toEqual(['goroutine.timeout.debug2.txt', 'goroutine.fixed.debug2.txt']);
  });

  it('with no good file it fails without a link', async () => {
    const r = await runCli(['link', join(FIXTURES, 'bad/truncated.pb.gz')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^parkview: truncated\.pb\.gz: decompressing profile: unexpected EOF/);
  });
});
