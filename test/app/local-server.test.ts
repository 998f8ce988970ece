import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SnapshotInfo } from '../../src/core/model/snapshot';
import { followLocalServer, type CapturedEvent } from '../../src/actions/local-server';
import { LIVE_LIMITS, oldestBeyond } from '../../src/core/io/live-limits';
import { useSnapshots } from '../../src/store/snapshots';
import type { InputFile } from '../../src/worker/load';

/** The server's event stream, driven by the test. */
class FakeEvents {
  static last: FakeEvents;
  private handlers = new Map<string, (e: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEvents.last = this;
  }
  addEventListener(type: string, handler: (e: MessageEvent<string>) => void): void {
    this.handlers.set(type, handler);
  }
  emit(type: string, data: unknown): void {
    this.handlers.get(type)?.({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('following a live parkview server', () => {
  it('keeps the newest live snapshots, as many as the server keeps, and removes the oldest', async () => {
    vi.stubGlobal('location', { search: '?token=abcdefghijklmnopqrstuvwx' });
    vi.stubGlobal('EventSource', FakeEvents);
    vi.stubGlobal('fetch', async () => ({ ok: true, arrayBuffer: async () => new ArrayBuffer(8) }));
    let nextId = 1;
    const load = async (inputs: InputFile[]) => {
      const infos = inputs.map((i) => ({ id: nextId++, name: i.name, timeMs: i.capturedMs ?? null, seq: null, loadOrder: nextId }) as unknown as SnapshotInfo);
      useSnapshots.getState().added(infos, []);
    };
    const removed: number[] = [];
    const remove = async (id: number) => {
      removed.push(id);
      useSnapshots.getState().removed(id);
    };
    followLocalServer(load, remove);
    const extra = 3;
    for (let i = 1; i <= LIVE_LIMITS.maxSnapshots + extra; i++) {
      const event: CapturedEvent = { id: i, name: `pprof.localhost:6060.goroutine.${String(i).padStart(3, '0')}.pb.gz`, timeMs: 1_700_000_000_000 + i * 1000, fetched: true };
      FakeEvents.last.emit('snapshot', event);
    }
    await vi.waitFor(() => expect(useSnapshots.getState().snapshots).toHaveLength(LIVE_LIMITS.maxSnapshots), { timeout: 5000 });
    expect(removed).toEqual([1, 2, 3]);
    expect(useSnapshots.getState().snapshots[0].name).toBe('pprof.localhost:6060.goroutine.004.pb.gz');
  });
});

describe('live limits', () => {
  it('keep the newest captures within a count and a byte budget, and always the newest one', () => {
    const limits = { maxSnapshots: 3, maxBytes: 100 };
    expect(oldestBeyond([10, 10, 10], limits)).toBe(0);
    expect(oldestBeyond([10, 10, 10, 10, 10], limits)).toBe(2);
    expect(oldestBeyond([60, 30, 30], limits)).toBe(1);
    expect(oldestBeyond([10, 10, 95], limits)).toBe(2);
    expect(oldestBeyond([10, 500], limits)).toBe(1);
    expect(oldestBeyond([], limits)).toBe(0);
    expect(LIVE_LIMITS.maxBytes).toBeLessThanOrEqual(1024 * 1024 * 1024);
  });
});
