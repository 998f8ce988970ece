import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/decode';
import { SnapshotBuilder } from '../../src/core/model/builder';
import { Session } from '../../src/core/model/session';
import { Refiner } from '../../src/core/query/refine';
import { RefineError } from '../../src/core/query/refine-regex';
import { functionNames, listRegex, nameMatcher } from '../../src/core/query/source/list';
import { Superseded, TimedMatchRunner, TimedNameMatcher, type MatchWorker } from '../../src/core/query/timed-match';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
const live = new Set<Worker>();
/**
 * The time limit of the runners here. The clock starts before the Worker thread is up, and a healthy
 * regex must finish within it on a busy machine too; a catastrophic one never finishes anyway.
 */
const LIMIT_MS = 3000;

/** A worker_threads Worker behind the browser Worker shape the runner drives. */
function spawnNodeWorker(): MatchWorker {
  const w = new Worker(resolve(__dirname, 'node-match-worker.mjs'));
  live.add(w);
  const mw: MatchWorker = {
    postMessage: (jobs) => w.postMessage(jobs),
    terminate: () => {
      live.delete(w);
      void w.terminate();
    },
    onmessage: null,
    onerror: null,
  };
  w.on('message', (data) => mw.onmessage?.({ data } as MessageEvent));
  w.on('error', (e) => mw.onerror?.(e as unknown as ErrorEvent));
  return mw;
}

afterEach(async () => {
  await Promise.all([...live].map((w) => w.terminate()));
  live.clear();
});

describe('regexes run in a separate worker with a time limit', () => {
  async function service() {
    const session = new Session();
    await decodeInput(readFileSync(resolve(FIXTURES, 'service/pprof.service.goroutine.040.pb.gz')), session, { name: '040' });
    return session;
  }

  it('a catastrophic regex is stopped and named, and the next filter still works', async () => {
    const session = await service();
    const refiner = new Refiner(session);
    const runner = new TimedMatchRunner(spawnNodeWorker, LIMIT_MS);
    const started = Date.now();
    const err = await refiner.prepare({ f: 'exporter', h: '^(/|[a-z]+|[a-z0-9./-])+\\.(?!go$)$' }, runner.run).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err).toBeInstanceOf(RefineError);
    expect((err as RefineError).filter).toBe('h');
    expect((err as Error).message).toMatch(/^hide: regex took too long/);
    expect(live.size).toBe(0);
    const plan = await refiner.prepare({ f: 'exporter' }, runner.run);
    expect(plan?.frameBits.some((b) => b !== 0)).toBe(true);
  });

  it('a newer request supersedes the one in flight', async () => {
    const session = await service();
    const refiner = new Refiner(session);
    const runner = new TimedMatchRunner(spawnNodeWorker, 20_000);
    const slow = refiner.prepare({ f: '^(/|[a-z]+|[a-z0-9./-])+\\.(?!go$)$' }, runner.run).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    const fast = refiner.prepare({ f: 'exporter' }, runner.run);
    expect(await slow).toBeInstanceOf(Superseded);
    expect((await fast)?.filters).toEqual({ f: 'exporter' });
  });
});

describe('in the Worker, filter regexes run only with the time limit', () => {
  /** A snapshot of one goroutine parked in a function named `name`, added to the session. */
  function addOne(session: Session, name: string): void {
    const b = new SnapshotBuilder(session, { name: 'added', format: 'pprof', kind: 'goroutine', sampleTypes: [{ type: 'goroutine', unit: 'count' }] });
    b.add(b.stack([session.frames.intern(session.functions.intern(name, 'added.go'), 1)]), 0, [1]);
    session.add(b.finish(null));
  }

  it('a plan outgrown by a new snapshot serves the old ones as it is, and refresh renews it for the new names', async () => {
    const session = new Session();
    await decodeInput(readFileSync(resolve(FIXTURES, 'service/pprof.service.goroutine.040.pb.gz')), session, { name: '040' });
    const refiner = new Refiner(session, 'checked-only');
    const runner = new TimedMatchRunner(spawnNodeWorker, 5000);
    const first = await refiner.prepare({ f: 'exporter' }, runner.run);
    expect(() => refiner.planFor({ h: 'x' })).toThrow(/^these filters were not checked yet/);
    addOne(session, 'main.exporterRetry');
    expect(refiner.planFor({ f: 'exporter' })).toBe(first);
    expect(first!.frameBits.length).toBeLessThan(session.frames.size);
    await refiner.refresh(runner.run);
    const renewed = refiner.planFor({ f: 'exporter' })!;
    expect(renewed).not.toBe(first);
    expect(renewed.frameBits.length).toBe(session.frames.size);
    expect(renewed.frameBits[session.frames.size - 1]).not.toBe(0);
  });

  it('a regex that runs out of time on a name added later is dropped with its error, never run in place', async () => {
    const session = new Session();
    await decodeInput(readFileSync(resolve(FIXTURES, 'service/pprof.service.goroutine.040.pb.gz')), session, { name: '040' });
    const refiner = new Refiner(session, 'checked-only');
    const runner = new TimedMatchRunner(spawnNodeWorker, LIMIT_MS);
    // Fails at once on every name of service 040; backtracks for ever on a long run of a's.
    const filters = { f: '^(a+)+$' };
    expect(await refiner.prepare(filters, runner.run)).not.toBeNull();
    addOne(session, `${'a'.repeat(40)}!`);
    const started = Date.now();
    await refiner.refresh(runner.run);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(() => refiner.planFor(filters)).toThrow(/^focus: regex took too long/);
    expect(live.size).toBe(0);
  });
});

describe('search boxes match distinct names through the same time-limited runner', () => {
  const CATASTROPHIC = '^(([a-z.()*/]|[^Z])+)+Z$';

  async function names() {
    const session = new Session();
    await decodeInput(readFileSync(resolve(FIXTURES, 'service/pprof.service.goroutine.040.pb.gz')), session, { name: '040' });
    return functionNames(session);
  }

  it('lists each function name once', async () => {
    const list = await names();
    expect(new Set(list).size).toBe(list.length);
    expect(list).toContain('main.(*exporter).send');
  });

  it('a catastrophic regex is stopped with a one-line message, remembered, and the next regex still works', async () => {
    const list = await names();
    const matcher = new TimedNameMatcher(new TimedMatchRunner(spawnNodeWorker, LIMIT_MS));
    const started = Date.now();
    const err = await matcher.match(list, listRegex(CATASTROPHIC)).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err).toBeInstanceOf(RefineError);
    expect((err as RefineError).filter).toBeUndefined();
    expect((err as Error).message).toMatch(/^regex took too long \(stopped after 3 s\)/);
    expect((err as Error).message).not.toContain('\n');
    expect(live.size).toBe(0);
    // The same names and regex answer at once, without another second in a Worker.
    const again = Date.now();
    await expect(matcher.match(list, listRegex(CATASTROPHIC))).rejects.toBe(err);
    expect(Date.now() - again).toBeLessThan(100);
    expect(live.size).toBe(0);
    const match = await matcher.match(list, listRegex('main\\.'));
    const inPlace = nameMatcher('main\\.');
    expect(list.filter((_, i) => match[i] === 1)).toEqual(list.filter(inPlace));
    expect(match.some((m) => m === 1)).toBe(true);
  });

  it('translates Go syntax as the refine filters do, and explains a bad pattern before any Worker runs', () => {
    expect(listRegex('(?i)\\Amain\\.')).toEqual({ source: '^main\\.', flags: 'i' });
    expect(() => listRegex('main.(')).toThrow(/^parsing regexp main\.\(: /);
    expect(live.size).toBe(0);
  });
});
