import { describe, expect, it } from 'vitest';
import { stackNamesOf } from '../../src/core/analysis/analyze';
import { bucketGoroutines, bucketMatches } from '../../src/core/analysis/goroutines';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { load } from '../fixtures';

function dump(ids: number[], minutes: number): string {
  const blocks = ids.map(
    (id) => `goroutine ${id} [chan send, ${minutes} minutes]:\nmain.leak()\n\t/src/main.go:20 +0x1d\ncreated by main.main in goroutine 1\n\t/src/main.go:12 +0x25\n`,
  );
  return [`goroutine 1 [chan receive]:\nmain.main()\n\t/src/main.go:14 +0x3c\n`, ...blocks].join('\n');
}

describe('goroutines of a debug=2 dump', () => {
  it('service: buckets by stack, state and creator, with wait minutes', async () => {
    const session = new Session();
    const s = await load(session, 'service/goroutine.service.debug2.txt');
    const d = bucketGoroutines(session, s, stackNamesOf(session));
    expect(d.buckets.reduce((n, b) => n + b.count, 0)).toBe(23459);
    expect(d.states[0]).toEqual({ state: 'chan send', count: 23158 });
    expect(d.states.find((x) => x.state === 'IO wait')?.count).toBe(36);
    const send = d.buckets[0];
    expect(send.function).toBe('main.(*exporter).send');
    expect(send.category).toBe('chan-send');
    expect(send.creator).toBe('main.(*exporter).record at main.go:143');
    expect(send.waitMin).toBeGreaterThanOrEqual(1);
    expect(send.waitMax).toBeLessThanOrEqual(3);
    expect(send.stuck).toBe(0);
    expect(d.earlier).toBe(0);
    const janitor = d.buckets.find((b) => b.function === 'main.(*service).cacheJanitor');
    expect(janitor).toMatchObject({ count: 1, state: 'sync.Cond.Wait', category: 'cond' });
  });

  it('filters buckets by text in functions, creators and states', async () => {
    const session = new Session();
    const s = await load(session, 'service/goroutine.service.debug2.txt');
    const names = stackNamesOf(session);
    const d = bucketGoroutines(session, s, names);
    const hits = d.buckets.filter((b) => bucketMatches(names, b, 'LOOKUPINVENTORY'));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((b) => names.of(b.stack).some((f) => f.includes('lookupInventory')) || b.creator.includes('lookupInventory'))).toBe(true);
    expect(d.buckets.filter((b) => bucketMatches(names, b, 'no such thing'))).toEqual([]);
  });

  it('marks goroutine ids that persist across a series of dumps as stuck', async () => {
    const session = new Session();
    const enc = (t: string) => new TextEncoder().encode(t);
    await decodeInput(enc(dump([7, 8], 1)), session, { name: 'a.txt', fileTimeMs: 1000 });
    await decodeInput(enc(dump([7, 9, 10], 2)), session, { name: 'b.txt', fileTimeMs: 2000 });
    const last = await decodeInput(enc(dump([7, 10, 11], 3)), session, { name: 'c.txt', fileTimeMs: 3000 });
    const d = bucketGoroutines(session, last, stackNamesOf(session));
    expect(d.earlier).toBe(2);
    const leak = d.buckets.find((b) => b.function === 'main.leak');
    expect(leak).toMatchObject({ count: 3, stuck: 2, stuckDumps: 2, waitMin: 3, waitMax: 3 });
    const ids = leak?.members.map((i) => last.goroutines?.id[i]);
    expect(ids).toEqual([7, 10, 11]);
    expect(leak?.members.map((i) => d.age[i])).toEqual([2, 1, 0]);
    // main.main is the same goroutine 1 in all three dumps.
    expect(d.buckets.find((b) => b.function === 'main.main')?.stuckDumps).toBe(2);
  });
});
