import { beforeEach, describe, expect, test } from 'vitest';
import { Session } from '../../src/core/model/session';
import { snapshotInfo, type SnapshotInfo } from '../../src/core/model/snapshot';
import { captureOrder } from '../../src/core/model/order';
import { goroutineSeries, openingSnapshot, openingView } from '../../src/core/model/opening';
import { MAX_ERRORS, selectedSnapshot, useSnapshots } from '../../src/store/snapshots';
import { load } from '../fixtures';

async function infos(paths: string[]): Promise<SnapshotInfo[]> {
  const session = new Session();
  const out: SnapshotInfo[] = [];
  for (const p of paths) out.push(snapshotInfo(await load(session, p)));
  return out;
}

const names = (list: SnapshotInfo[]) => list.map((s) => s.name);

describe('captureOrder', () => {
  test('orders by capture time whatever the load order', async () => {
    const list = await infos(['service/pprof.service.goroutine.003.pb.gz', 'service/pprof.service.goroutine.001.pb.gz', 'service/pprof.service.goroutine.002.pb.gz']);
    expect(names([...list].sort(captureOrder))).toEqual(['pprof.service.goroutine.001.pb.gz', 'pprof.service.goroutine.002.pb.gz', 'pprof.service.goroutine.003.pb.gz']);
  });

  test('the number in the name comes first, then capture time, then load order; snapshots with a key sort before those without', async () => {
    const list = await infos(['service/goroutine.service.debug2.txt', 'service/pprof.service.goroutine.040.pb.gz', 'service/goroutine.service.debug1.txt']);
    expect(list.map((s) => s.timeMs === null)).toEqual([true, false, true]);
    const renamed = [
      { ...list[0], name: 'dump.7.txt', seq: 7 },
      { ...list[2], name: 'dump.3.txt', seq: 3 },
      { ...list[2], name: 'later', seq: null, loadOrder: 9 },
      { ...list[2], name: 'earlier', seq: null, loadOrder: 8 },
    ];
    expect(names([...renamed, list[1]].sort(captureOrder))).toEqual(['dump.3.txt', 'dump.7.txt', 'pprof.service.goroutine.040.pb.gz', 'earlier', 'later']);
  });
});

describe('snapshot store', () => {
  let list: SnapshotInfo[];
  beforeEach(async () => {
    useSnapshots.getState().cleared();
    list = await infos(['seed/timeout/pprof.timeout.goroutine.002.pb.gz', 'seed/timeout/pprof.timeout.goroutine.004.pb.gz', 'seed/timeout/pprof.timeout.goroutine.001.pb.gz', 'seed/timeout/pprof.timeout.goroutine.003.pb.gz']);
  });

  test('loading more adds to the list in capture order and selects the latest', () => {
    const store = useSnapshots.getState;
    store().added(list.slice(0, 2), [{ name: 'bad.pb.gz', message: 'empty input file' }]);
    expect(selectedSnapshot(store())?.name).toBe('pprof.timeout.goroutine.004.pb.gz');
    store().select(list[0].id);
    store().added(list.slice(2), []);
    expect(names(store().snapshots)).toEqual(['001', '002', '003', '004'].map((n) => `pprof.timeout.goroutine.${n}.pb.gz`));
    expect(selectedSnapshot(store())?.name).toBe('pprof.timeout.goroutine.004.pb.gz');
    expect(store().errors).toMatchObject([{ name: 'bad.pb.gz', message: 'empty input file' }]);
  });

  test('stepping stays within the list; removing the selected one selects its neighbour', () => {
    const store = useSnapshots.getState;
    store().added(list, []);
    store().step(1);
    expect(selectedSnapshot(store())?.name).toMatch(/004/);
    store().step(-2);
    expect(selectedSnapshot(store())?.name).toMatch(/002/);
    store().removed(store().selectedId!);
    expect(selectedSnapshot(store())?.name).toMatch(/003/);
    store().step(-5);
    expect(selectedSnapshot(store())?.name).toMatch(/001/);
    store().removed(store().selectedId!);
    expect(names(store().snapshots)).toEqual(['pprof.timeout.goroutine.003.pb.gz', 'pprof.timeout.goroutine.004.pb.gz']);
    expect(selectedSnapshot(store())?.name).toMatch(/003/);
  });

  test('errors are dismissed one by one (even with the same name) or all at once', () => {
    const store = useSnapshots.getState;
    store().added([], [
      { name: 'a.pb.gz', message: 'one' },
      { name: 'a.pb.gz', message: 'two' },
      { name: 'b.pb.gz', message: 'three' },
    ]);
    store().dismissError(store().errors[0].id);
    expect(store().errors.map((e) => e.message)).toEqual(['two', 'three']);
    store().dismissErrors();
    expect(store().errors).toEqual([]);
  });

  test('the error list stays bounded: a repeated failure is listed once, the oldest go past the limit', () => {
    const store = useSnapshots.getState;
    for (let i = 0; i < 3; i++) store().added([], [{ name: 'http://127.0.0.1:6060/debug/pprof/goroutine', message: 'cannot fetch: ECONNREFUSED' }]);
    expect(store().errors).toHaveLength(1);
    for (let i = 0; i < MAX_ERRORS + 20; i++) store().added([], [{ name: `target ${i}`, message: `failure ${i}` }]);
    expect(store().errors).toHaveLength(MAX_ERRORS);
    expect(store().errors.at(-1)!.message).toBe(`failure ${MAX_ERRORS + 19}`);
    expect(store().olderErrors).toBe(21);
    store().dismissErrors();
    expect(store().olderErrors).toBe(0);
  });
});

describe('opening on the answer', () => {
  test('a folder with a protobuf series and its text dumps selects the newest protobuf snapshot and opens Leaks', async () => {
    const list = await infos(['service/pprof.service.goroutine.039.pb.gz', 'service/goroutine.service.debug1.txt', 'service/pprof.service.goroutine.040.pb.gz', 'service/goroutine.service.debug2.txt']);
    expect(openingSnapshot(list)?.name).toBe('pprof.service.goroutine.040.pb.gz');
    expect(names(goroutineSeries(list))).toEqual(['pprof.service.goroutine.039.pb.gz', 'pprof.service.goroutine.040.pb.gz']);
    expect(openingView(list)).toBe('leaks');
    useSnapshots.getState().cleared();
    useSnapshots.getState().added(list, []);
    expect(selectedSnapshot(useSnapshots.getState())?.name).toBe('pprof.service.goroutine.040.pb.gz');
  });

  test('one profile, or one of each format, opens the flame graph', async () => {
    const list = await infos(['service/pprof.service.goroutine.040.pb.gz', 'service/goroutine.service.debug2.txt', 'other-types/pprof.service.heap.001.pb.gz']);
    expect(openingView(list.slice(0, 1))).toBe('flame');
    expect(openingView(list)).toBe('flame');
    expect(openingSnapshot(list.slice(2))?.name).toBe('pprof.service.heap.001.pb.gz');
  });
});
