import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/core/model/session';
import { buildCallTree, type CallTree } from '../../src/core/query/call-tree';
import { nodeKeys } from '../../src/core/query/granularity';
import { listRoutines, type SourceRoutine } from '../../src/core/query/source/list';
import { listBlocks, listRange } from '../../src/core/query/source/range';
import { splitSourceLines } from '../../src/core/source/lines';
import { FIXTURES, load, readFixtureText } from '../fixtures';
import { parseList } from './oracle-list';

const oracle = parseList(readFixtureText('expected/service-040.list-main.txt'));
const serviceMain = splitSourceLines(readFileSync(resolve(FIXTURES, 'src/github.com/acme/leaky/cmd/service/main.go'), 'utf8'));
const num = (s: string) => (s === '.' ? 0 : Number(s));

describe('per-line attribution of service 040 (oracle: go tool pprof -list main\\.)', () => {
  const session = new Session();
  let tree: CallTree;
  let routines: SourceRoutine[];
  beforeAll(async () => {
    const snap = await load(session, 'service/pprof.service.goroutine.040.pb.gz');
    tree = buildCallTree(session, snap, snap.defaultSampleType);
    routines = listRoutines(session, tree, nodeKeys(session, 'lines'), (n) => /main\./.test(n));
  });

  it('lists the same functions in the same order, against the same total', () => {
    expect(String(tree.total)).toBe(oracle.total);
    expect(routines.map((r) => r.name)).toEqual(oracle.routines.map((r) => r.name));
    expect(oracle.routines.length).toBe(16);
  });

  it('has the same flat and cum on every line of every function', () => {
    for (const [i, o] of oracle.routines.entries()) {
      const r = routines[i];
      expect(r.file.endsWith(`/${o.file}`), r.file).toBe(true);
      expect([r.flat, r.cum]).toEqual([num(o.flat), num(o.cum)]);
      const sampled = o.rows.filter((x) => x.flat !== '.' || x.cum !== '.').map((x) => ({ line: x.line, flat: num(x.flat), cum: num(x.cum) }));
      expect(r.lines, o.name).toEqual(sampled);
    }
  });

  it('puts 13,610 goroutines on line 147 of main.(*exporter).send', () => {
    const send = routines.find((r) => r.name === 'main.(*exporter).send');
    expect(send?.lines).toEqual([{ line: 147, flat: 0, cum: 13610 }]);
    expect(serviceMain[146]).toBe('\te.input <- o');
  });

  it('shows the same line ranges as pprof, as one block each', () => {
    for (const [i, o] of oracle.routines.entries()) {
      const want = { start: o.rows[0].line, end: o.rows[o.rows.length - 1].line };
      expect(listRange(routines[i], serviceMain.length), o.name).toEqual(want);
      expect(listBlocks(routines[i], serviceMain.length), o.name).toEqual([want]);
      for (const row of o.rows) expect(serviceMain[row.line - 1]).toBe(row.text);
    }
  });

  it('orders by cum, hottest first, on request', () => {
    const hot = listRoutines(session, tree, nodeKeys(session, 'lines'), (n) => /main\./.test(n), 'cum');
    expect(hot.slice(0, 2).map((r) => [r.name, r.cum])).toEqual([
      ['main.(*exporter).send', 13610],
      ['main.(*service).lookupInventory.func1', 9531],
    ]);
  });
});

describe('inlined frames', () => {
  it('count on the lines of the function they were inlined from', async () => {
    const session = new Session();
    const snap = await load(session, 'edge/inlined.pb.gz');
    const inlined = [...Array(session.frames.size).keys()].filter((f) => session.frames.inlined.get(f)).map((f) => session.funcName(f));
    expect(inlined.sort()).toEqual(['sync.(*Mutex).Lock', 'sync.(*Mutex).lockSlow']);
    const tree = buildCallTree(session, snap, snap.defaultSampleType);
    const routines = listRoutines(session, tree, nodeKeys(session, 'lines'), () => true);
    expect(routines.map((r) => [r.name, r.file, r.lines])).toEqual([
      ['main.update', '/srv/app/main.go', [{ line: 44, flat: 0, cum: 7 }]],
      ['runtime.gopark', '/usr/local/go/src/runtime/proc.go', [{ line: 425, flat: 7, cum: 7 }]],
      ['sync.(*Mutex).Lock', '/usr/local/go/src/sync/mutex.go', [{ line: 90, flat: 0, cum: 7 }]],
      ['sync.(*Mutex).lockSlow', '/usr/local/go/src/sync/mutex.go', [{ line: 171, flat: 0, cum: 7 }]],
    ]);
  });
});

describe('blocks', () => {
  const routine = (startLine: number, lines: number[]): SourceRoutine => ({
    name: 'f',
    file: 'f.go',
    startLine,
    flat: 0,
    cum: lines.length,
    lines: lines.map((line) => ({ line, flat: 0, cum: 1 })),
  });

  it('splits lines 20 or more apart, sharing narrow gaps as context', () => {
    expect(listBlocks(routine(10, [12, 31]))).toEqual([{ start: 10, end: 36 }]);
    expect(listBlocks(routine(10, [12, 60, 70]))).toEqual([
      { start: 10, end: 17 },
      { start: 55, end: 75 },
    ]);
    expect(listBlocks(routine(10, [12, 45]))).toEqual([
      { start: 10, end: 17 },
      { start: 40, end: 50 },
    ]);
  });

  it('starts 5 lines before the first sample when the function start is unknown, never before line 1', () => {
    expect(listRange(routine(0, [40]))).toEqual({ start: 35, end: 45 });
    expect(listRange(routine(0, [3]))).toEqual({ start: 1, end: 8 });
    expect(listBlocks(routine(0, [3, 100]))).toEqual([
      { start: 1, end: 8 },
      { start: 95, end: 105 },
    ]);
  });

  it('stops at the end of the file', () => {
    expect(listRange(routine(10, [12]), 14)).toEqual({ start: 10, end: 14 });
    expect(listBlocks(routine(10, [12, 60]), 58)).toEqual([
      { start: 10, end: 17 },
      { start: 55, end: 58 },
    ]);
  });
});
