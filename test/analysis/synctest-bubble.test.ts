import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLeaks } from '../../src/core/analysis/analyze';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { QueryEngine } from '../../src/core/engine/engine';
import { goroutinesApi } from '../../src/worker/goroutines';
import { suspectsCommand } from '../../cli/suspects';
import { decodeSnapshots } from '../../src/core/decode/bundle';
import { encodeSnapshots } from '../../src/core/permalink/session-codec';

const BUBBLE = resolve(import.meta.dirname, '../fixtures/go127/goroutine.parkfix.bubble.debug2.txt');
const OLD_LINK = resolve(import.meta.dirname, '../fixtures/go127/goroutine.parkfix.bubble.link-before-bubbles.bin');

describe('synctest bubbles of a real Go 1.27 dump', () => {
  it('each goroutine keeps its `synctest bubble N`, -1 outside a bubble', async () => {
    const session = new Session();
    const s = await decodeInput(new Uint8Array(readFileSync(BUBBLE)), session, { name: 'bubble.debug2.txt' });
    const g = s.goroutines!;
    const byId = new Map(Array.from(g.id, (id, i) => [id, g.bubble![i]]));
    // Goroutine 1 runs the test binary's main, outside the bubble; 5 runs synctest.Test, 7 the test inside it.
    expect([byId.get(1), byId.get(5), byId.get(7)]).toEqual([-1, 1, 1]);
    const a = analyzeLeaks(session);
    const sleeper = a.groups.find((x) => x.state.label === 'sleep (durable)');
    expect(sleeper?.bubbles).toEqual([1]);
    expect(a.groups.find((x) => x.function === 'main.main')?.bubbles).toEqual([]);
  });

  it('the Goroutines view\'s bucket detail names the bubble', async () => {
    const engine = new QueryEngine(new Session());
    const api = goroutinesApi(engine);
    const s = await decodeInput(new Uint8Array(readFileSync(BUBBLE)), engine.session, { name: 'bubble.debug2.txt' });
    const list = api.goroutines({ snapshot: s.id });
    const of = (fn: string) => api.goroutineBucket(s.id, list.buckets.findIndex((b) => b.function === fn))?.bubbles;
    expect(of('example.com/parkfix.TestBubble.func1')).toEqual([1]);
    expect(of('main.main')).toEqual([]);
  });

  it('parkview suspects --all prints the bubble of the groups in one', async () => {
    const out = await suspectsCommand(['--all', BUBBLE]);
    expect(out).toMatch(/^example\.com\/parkfix\.TestBubble\.func1.*: goroutines in synctest bubble 1$/m);
    expect(out).not.toMatch(/^main\.main: goroutines in synctest bubble/m);
  });

  it('a link keeps each goroutine\'s bubble; a link made before bubbles were kept opens without them', async () => {
    const session = new Session();
    const s = await decodeInput(new Uint8Array(readFileSync(BUBBLE)), session, { name: 'bubble.debug2.txt' });
    const copy = new Session();
    const [restored] = decodeSnapshots(encodeSnapshots(session, [s.id]), copy, 'link').snapshots;
    expect(restored.goroutines!.bubble).toEqual(s.goroutines!.bubble);
    expect(analyzeLeaks(copy).groups.find((x) => x.state.label === 'sleep (durable)')?.bubbles).toEqual([1]);

    const old = new Session();
    const [opened] = decodeSnapshots(new Uint8Array(readFileSync(OLD_LINK)), old, 'link').snapshots;
    expect(opened.goroutines!.bubble).toBeUndefined();
    expect(Array.from(opened.goroutines!.id)).toEqual(Array.from(s.goroutines!.id));
    expect(analyzeLeaks(old).groups.find((x) => x.state.label === 'sleep (durable)')?.bubbles).toEqual([]);
  });
});
