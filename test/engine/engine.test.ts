import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/decode';
import { QueryEngine } from '../../src/core/engine/engine';
import { Session } from '../../src/core/model/session';
import { load } from '../fixtures';

const SERVICE_001 = 'service/pprof.service.goroutine.001.pb.gz';
const SERVICE_040 = 'service/pprof.service.goroutine.040.pb.gz';
const HEAP = 'other-types/pprof.service.heap.001.pb.gz';

async function engineWith(...files: string[]) {
  const engine = new QueryEngine(new Session());
  const snapshots = [];
  for (const f of files) snapshots.push(await load(engine.session, f));
  return { engine, snapshots };
}

describe('query engine over service', () => {
  it('answers the same query from its cache, filters compared without their empty fields', async () => {
    const { engine, snapshots } = await engineWith(SERVICE_040);
    const q = { snapshot: snapshots[0].id };
    const tree = engine.resolve(q).tree;
    expect(tree.total).toBe(23697);
    expect(engine.resolve({ ...q, filters: { f: '', h: '' } }).tree).toBe(tree);
    expect(engine.cache.size('tree')).toBe(1);
    // pprof's total stays the snapshot's; the 13,610 exporter senders are what the focus keeps.
    const focused = engine.top({ ...q, filters: { f: 'exporter' } });
    expect(focused.total).toBe(23697);
    expect(focused.rows.find((r) => r.name === 'main.(*exporter).send')?.cum).toBe(13610);
    expect(engine.cache.size('tree')).toBe(2);
  });

  it('takes the profile default for a sample type the snapshot lacks', async () => {
    const { engine, snapshots } = await engineWith(HEAP);
    const heap = snapshots[0];
    expect(engine.resolve({ snapshot: heap.id, sampleIndex: 99 }).sampleIndex).toBe(heap.defaultSampleType);
    expect(engine.resolve({ snapshot: heap.id, sampleIndex: 0 }).sampleIndex).toBe(0);
  });

  it('diffs against a base of the same sample type and says why it cannot otherwise', async () => {
    const { engine, snapshots } = await engineWith(SERVICE_040, SERVICE_001, HEAP);
    const [current, base, heap] = snapshots;
    const diff = engine.top({ snapshot: current.id, base: base.id });
    expect(diff.base).toEqual({ name: base.name });
    // As `go tool pprof -diff_base=001 040` reports it: "of 888 total".
    expect(diff.total).toBe(888);
    const wrongType = engine.top({ snapshot: current.id, base: heap.id });
    expect(wrongType.baseError).toBe(`${heap.name} has no "goroutine" samples to compare with`);
    expect(wrongType.total).toBe(23697);
    engine.remove(base.id);
    expect(engine.top({ snapshot: current.id, base: base.id }).baseError).toBe('the base snapshot is no longer loaded');
  });

  it('names the active filters in the graph legend, as pprof does', async () => {
    const { engine, snapshots } = await engineWith(SERVICE_040);
    const { drawn } = engine.graph({ snapshot: snapshots[0].id, filters: { f: 'exporter' } }, { nodeCount: 80, nodeFraction: 0.005, edgeFraction: 0.001 });
    expect(drawn.header).toContain('Active filters:');
    expect(drawn.header).toContain('   focus=exporter');
  });
});

describe('query engine cache and the session', () => {
  // Three debug=2 dumps of one process (test/fixtures/stuck): a goroutine counts the earlier dumps it was in.
  const STUCK = resolve(import.meta.dirname, '../fixtures/stuck');
  const DUMPS = ['goroutine.stuck.002.debug2.txt', 'goroutine.stuck.003.debug2.txt', 'goroutine.stuck.004.debug2.txt'];

  it('drops what it holds when a snapshot is removed: the last dump no longer counts the removed one as earlier', async () => {
    const engine = new QueryEngine(new Session());
    const TIMES = JSON.parse(readFileSync(`${STUCK}/times.json`, 'utf8')) as Record<string, number>;
    for (const f of DUMPS) await decodeInput(new Uint8Array(readFileSync(`${STUCK}/${f}`)), engine.session, { name: f, capturedMs: TIMES[f] });
    const [first, , last] = engine.session.snapshots;
    expect(engine.goroutineDump(last).earlier).toBe(2);
    engine.resolve({ snapshot: last.id });
    expect(engine.cache.size('dump')).toBe(1);
    expect(engine.cache.size('tree')).toBe(1);
    engine.remove(first.id);
    expect(engine.goroutineDump(last).earlier).toBe(1);
    expect(engine.cache.size('tree')).toBe(0);
  });

  it('rebuilds a tree once a snapshot is added', async () => {
    const { engine, snapshots } = await engineWith(SERVICE_040);
    const before = engine.resolve({ snapshot: snapshots[0].id }).tree;
    await load(engine.session, SERVICE_001);
    const after = engine.resolve({ snapshot: snapshots[0].id }).tree;
    expect(after).not.toBe(before);
    expect(after.total).toBe(before.total);
  });

  it('keeps at most the declared number of trees', async () => {
    const { engine, snapshots } = await engineWith(SERVICE_040);
    for (let i = 0; i < 20; i++) engine.resolve({ snapshot: snapshots[0].id, filters: { f: `f${i}` } });
    expect(engine.cache.size('tree')).toBe(16);
  });
});
