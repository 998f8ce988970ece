import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/decode';
import { QueryEngine } from '../../src/core/engine/engine';
import { Session } from '../../src/core/model/session';
import { goroutinesApi, type GoroutinesResult } from '../../src/worker/goroutines';

// One real process (test/fixtures/src/stuck): 40 senders of main.lookupQuota left blocked by a burst
// in the first 5 s; a pool of 12 main.worker goroutines; a main.refresh ticker started every 6 s.
// Protobuf profiles at 0, 30, 100 and 200 s, debug=2 dumps at 30, 100 and 200 s.
const DIR = resolve(import.meta.dirname, '../fixtures/stuck');
const TIMES = JSON.parse(readFileSync(`${DIR}/times.json`, 'utf8')) as Record<string, number>;

const session = new Session();
const api = goroutinesApi(new QueryEngine(session));

async function loadStuck(pattern: RegExp): Promise<number> {
  session.clear();
  for (const f of readdirSync(DIR).filter((x) => pattern.test(x)).sort()) {
    await decodeInput(new Uint8Array(readFileSync(`${DIR}/${f}`)), session, { name: f, capturedMs: TIMES[f] });
  }
  return session.snapshots.find((s) => s.name === 'goroutine.stuck.004.debug2.txt')!.id;
}

const bucket = (r: GoroutinesResult, fn: string) => {
  const b = r.buckets.find((x) => x.function === fn);
  if (!b) throw new Error(`no bucket ${fn}`);
  return b;
};

describe('Goroutines view: stuck means surviving dumps in a growing series', () => {
  it('flags the burst’s 40 senders stuck, and neither the pool, the tickers nor main', async () => {
    const snapshot = await loadStuck(/^pprof\.|\.debug2\.txt$/);
    const r = api.goroutines({ snapshot });
    expect(r.earlier).toBe(2);
    expect(bucket(r, 'main.lookupQuota')).toMatchObject({ count: 40, stuck: 40, flag: 'stuck', label: 'chan send', waitMin: 3 });
    // The workers and refreshers were in the earlier dumps too, but they keep waking up.
    expect(bucket(r, 'main.worker')).toMatchObject({ count: 12, stuck: 12, flag: null });
    expect(bucket(r, 'main.refresh').flag).toBeNull();
    expect(r.buckets.filter((b) => b.flag === 'stuck').map((b) => b.function)).toEqual(['main.lookupQuota']);
    expect(r.stuck).toBe(40);
  });

  it('with dumps only, the 40 senders do not grow: a neutral long wait, nothing stuck', async () => {
    const snapshot = await loadStuck(/\.debug2\.txt$/);
    const r = api.goroutines({ snapshot });
    expect(bucket(r, 'main.lookupQuota')).toMatchObject({ count: 40, stuck: 40, flag: 'long wait' });
    expect(r.buckets.some((b) => b.flag === 'stuck')).toBe(false);
    expect(r.stuck).toBe(0);
  });

  it('filters by least wait and sorts by wait, the header counting what the list holds', async () => {
    const snapshot = await loadStuck(/^pprof\.|\.debug2\.txt$/);
    const all = api.goroutines({ snapshot });
    expect(all.shown).toBe(90);
    expect(all.shown).toBe(all.buckets.reduce((n, b) => n + b.count, 0));
    const waiting = api.goroutines({ snapshot, minWait: 3 });
    expect(waiting.buckets.map((b) => [b.function, b.count])).toEqual([['main.lookupQuota', 40]]);
    expect(waiting).toMatchObject({ shown: 40, total: 90, matched: 1, stuck: 40 });
    expect(api.goroutines({ snapshot, minWait: 4 }).buckets).toEqual([]);
    const byWait = api.goroutines({ snapshot, sort: 'wait' });
    expect(byWait.buckets[0].function).toBe('main.lookupQuota');
    const waits = byWait.buckets.map((b) => b.waitMax);
    expect(waits).toEqual([...waits].sort((x, y) => y - x));
    expect(byWait.buckets.map((b) => b.index).sort((x, y) => x - y)).toEqual(all.buckets.map((b) => b.index));
    const receivers = api.goroutines({ snapshot, state: 'chan receive' });
    expect(receivers.shown).toBe(receivers.buckets.reduce((n, b) => n + b.count, 0));
    expect(receivers.stuck).toBe(0);
  });
});

describe('Goroutines view on one dump', () => {
  let snapshot: number;
  beforeAll(async () => {
    session.clear();
    const path = resolve(import.meta.dirname, '../../../shared/fixtures/service/goroutine.service.debug2.txt');
    snapshot = (await decodeInput(new Uint8Array(readFileSync(path)), session, { name: 'goroutine.service.debug2.txt' })).id;
  });

  it('names sync waits by the call on the stack, and lists states by those names', () => {
    const r = api.goroutines({ snapshot });
    // Go 1.23 prints `semacquire` for goroutine 31's WaitGroup.Wait.
    expect(bucket(r, 'main.(*service).burstyImports')).toMatchObject({ state: 'semacquire', label: 'sync.(*WaitGroup).Wait', category: 'waitgroup' });
    expect(bucket(r, 'main.(*service).lockContention.func1')).toMatchObject({ state: 'sync.Mutex.Lock', label: 'sync.(*Mutex).Lock', category: 'mutex', count: 5 });
    expect(bucket(r, 'main.(*service).cacheJanitor')).toMatchObject({ label: 'sync.(*Cond).Wait', category: 'cond' });
    expect(r.states).toContainEqual({ state: 'sync.(*WaitGroup).Wait', count: 1 });
    expect(r.states.map((s) => s.state)).not.toContain('semacquire');
    // The address may hold either name.
    expect(api.goroutines({ snapshot, state: 'sync.(*WaitGroup).Wait' }).shown).toBe(1);
    expect(api.goroutines({ snapshot, state: 'semacquire' }).shown).toBe(1);
  });

  it('says long wait, never stuck, with a single dump; the header counts the filtered list', () => {
    const r = api.goroutines({ snapshot });
    expect(r.earlier).toBe(0);
    expect(r.buckets.some((b) => b.flag === 'stuck')).toBe(false);
    expect(bucket(r, 'main.(*service).cacheJanitor').flag).toBe('long wait');
    expect(r.shown).toBe(23459);
    const threeMinutes = api.goroutines({ snapshot, minWait: 3 });
    // 2,620 senders, 33 connections in IO wait and the janitor waited 3 minutes.
    expect(threeMinutes.shown).toBe(2620 + 33 + 1);
    expect(threeMinutes.shown).toBe(threeMinutes.buckets.reduce((n, b) => n + b.count, 0));
    expect(threeMinutes.buckets.every((b) => b.waitMin >= 3)).toBe(true);
    const first = threeMinutes.buckets[0];
    const detail = api.goroutineBucket(snapshot, first.index, undefined, 3);
    expect(detail?.goroutines.length).toBe(Math.min(first.count, 1000));
    expect(detail?.goroutines.every((g) => g.waitMinutes >= 3)).toBe(true);
  });
});
