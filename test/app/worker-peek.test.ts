import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { percentage } from '../../src/core/units/scale';
import { QueryEngine } from '../../src/core/engine/engine';
import { Session } from '../../src/core/model/session';
import { workerApi } from '../../src/worker/api';
import type { LoadResult } from '../../src/worker/load';
import type { PeekEntry } from '../../src/worker/top';
import { PROJECT_FIXTURES, readFixture } from '../fixtures';

// `go tool pprof -peek '^(main|net/http)\.' [-diff_base=BASE] FILE` (Go 1.23), written by scripts/pprof-oracle/regenerate.sh.
const SEPARATOR = `${'-'.repeat(58)}+-------------`;

interface PeekSection {
  name: string;
  flat: number;
  cum: number;
  /** The caller and callee lines as pprof prints them. */
  callers: string[];
  callees: string[];
}

function parsePeek(text: string): PeekSection[] {
  return text
    .split(`${SEPARATOR}\n`)
    .slice(2)
    .filter((section) => section.trim() !== '')
    .map((section) => {
      const lines = section.split('\n').filter(Boolean);
      const at = lines.findIndex((l) => !/^ {20}/.test(l));
      const [, flat, cum, name] = /^\s*(-?\d+)\s+\S+%\s+\S+%\s+(-?\d+)\s+\S+%\s+\| (.*)$/.exec(lines[at])!;
      return { name, flat: Number(flat), cum: Number(cum), callers: lines.slice(0, at), callees: lines.slice(at + 1) };
    });
}

/** pprof's line for a caller or callee: the call's value and its share of the node's cum. */
const callLine = (c: PeekEntry, cum: number) => `${String(c.weight).padStart(50)} ${percentage(c.weight, cum)} |   ${c.name}${c.inline ? ' (inline)' : ''}`;

const snapshot = (n: string) => ({ name: `pprof.service.goroutine.${n}.pb.gz`, bytes: readFixture(`service/pprof.service.goroutine.${n}.pb.gz`) });
const id = (r: LoadResult) => (r.ok ? r.info.id : -1);
const api = workerApi(new QueryEngine(new Session()));

beforeEach(() => api.clear());

describe('Peek: callers and callees of a Top row, as go tool pprof -peek', () => {
  it.each([
    ['040.peek.txt', '040', null],
    ['006-base-005.peek.txt', '006', '005'],
  ])('%s: every main. and net/http. function', async (oracle, current, base) => {
    const loaded = await api.load(base ? [snapshot(current), snapshot(base)] : [snapshot(current)]);
    const q = { snapshot: id(loaded[0]), base: base ? id(loaded[1]) : undefined };
    const expected = parsePeek(readFileSync(`${PROJECT_FIXTURES}/pprof-oracle/service/${oracle}`, 'utf8'));
    expect(expected.length).toBeGreaterThan(15);
    for (const section of expected) {
      const peek = api.peek(q, section.name)!;
      expect(peek, section.name).not.toBeNull();
      expect([peek.flat, peek.cum], section.name).toEqual([section.flat, section.cum]);
      expect(peek.callers.map((c) => callLine(c, peek.cum)), `callers of ${section.name}`).toEqual(section.callers);
      expect(peek.callees.map((c) => callLine(c, peek.cum)), `callees of ${section.name}`).toEqual(section.callees);
    }
  });

  it('gives each call the function selecting it selects', async () => {
    const [svc] = await api.load([snapshot('040')]);
    const peek = api.peek({ snapshot: id(svc), granularity: 'lines' }, api.top({ snapshot: id(svc), granularity: 'lines' }).rows.find((r) => r.func === 'main.(*service).worker')!.name)!;
    expect(peek.func).toBe('main.(*service).worker');
    expect(peek.callers.map((c) => c.func)).toEqual(['main.(*service).startWorkers.func1']);
    expect(peek.callees.map((c) => c.func)).toEqual(['runtime.chanrecv2']);
  });

  it('is null for a name not in the report', async () => {
    const [svc] = await api.load([snapshot('040')]);
    expect(api.peek({ snapshot: id(svc) }, 'main.nothing')).toBeNull();
  });
});
