import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/decode';
import { SnapshotBuilder } from '../../src/core/model/builder';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { buildCallTree } from '../../src/core/query/call-tree';
import type { Filters } from '../../src/core/options/filters';
import { nodeKeys } from '../../src/core/query/granularity';
import { Refiner, reportSteps, runToEnd, unmatchedMessage } from '../../src/core/query/refine';
import { RefineError } from '../../src/core/query/refine-regex';
import { parseTagRange } from '../../src/core/query/refine-tags';
import { topReport } from '../../src/core/query/top';
import { readTraces } from '../flame/oracle';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');

interface Trace {
  count: number;
  /** Function names, leaf first. */
  names: string[];
  labels: Record<string, string>;
}

/** The -traces oracle with names leaf first, the order pprof's filters read them in. */
function leafFirstTraces(rel: string): Trace[] {
  return readTraces(rel).map((t) => ({ count: t.count, names: [...t.rootFirst].reverse(), labels: t.labels }));
}

/** pprof's name filters applied to the oracle's stacks (names only: the regexes used here match no file). */
function oracle(traces: Trace[], f: Filters): Map<string, { flat: number; cum: number }> {
  const re = (s?: string) => (s ? new RegExp(s) : null);
  const [focus, ignore, hide, show, showFrom] = [re(f.f), re(f.i), re(f.h), re(f.s), re(f.sf)];
  const out = new Map<string, { flat: number; cum: number }>();
  for (const t of traces) {
    if (focus && !t.names.some((n) => focus.test(n))) continue;
    if (ignore && t.names.some((n) => ignore.test(n))) continue;
    let names = t.names.filter((n) => !hide?.test(n) && (!show || show.test(n)));
    if (showFrom) {
      const last = names.findLastIndex((n) => showFrom.test(n));
      names = last < 0 ? [] : names.slice(0, last + 1);
    }
    if (names.length === 0) continue;
    names.forEach((n, i) => {
      const row = out.get(n) ?? { flat: 0, cum: 0 };
      if (i === 0) row.flat += t.count;
      if (names.indexOf(n) === i) row.cum += t.count;
      out.set(n, row);
    });
  }
  return out;
}

describe('refine filters on service 040, against pprof', () => {
  const session = new Session();
  const refiner = new Refiner(session);
  let snap: Snapshot;
  const traces = leafFirstTraces('expected/service-040.traces.txt');

  beforeAll(async () => {
    snap = await decodeInput(readFileSync(resolve(FIXTURES, 'service/pprof.service.goroutine.040.pb.gz')), session, { name: '040' });
  });

  function top(filters: Filters) {
    const tree = buildCallTree(session, snap, 0, refiner.rewrite(filters));
    const report = topReport(tree, nodeKeys(session, 'functions'), session.frames);
    return { total: report.total, kept: tree.kept, rows: new Map(report.rows.map((r) => [r.name, { flat: r.flat, cum: r.cum }])) };
  }

  function report(filters: Filters) {
    return runToEnd(reportSteps(session, snap.id, 0, refiner.planFor(filters)!));
  }

  it('focus keeps the stacks through a match: focus=exporter totals the cum of main.(*exporter).send', () => {
    const r = top({ f: 'exporter' });
    expect(r.kept).toBe(13_610);
    // Percentages stay of the whole profile, as pprof's "13610, 57.43% of 23697 total".
    expect(r.total).toBe(23_697);
    expect(r.rows.get('main.(*exporter).send')).toEqual({ flat: 0, cum: 13_610 });
    expect(r.rows.has('main.(*service).lookupInventory.func1')).toBe(false);
  });

  it('ignore drops the stacks through a match', () => {
    const r = top({ i: 'exporter' });
    expect(r.kept).toBe(23_697 - 13_610);
    expect(r.rows.has('main.(*exporter).send')).toBe(false);
  });

  it('hide removes matching frames, so the caller becomes the leaf', () => {
    const r = top({ h: '^runtime\\.' });
    expect(r.rows.get('main.(*exporter).send')).toEqual({ flat: 13_610, cum: 13_610 });
    expect([...r.rows.keys()].some((n) => n.startsWith('runtime.'))).toBe(false);
  });

  it('show keeps only matching frames and drops stacks left empty', () => {
    const r = top({ s: '^main\\.' });
    expect([...r.rows.keys()].every((n) => n.startsWith('main.'))).toBe(true);
    expect(r.rows.get('main.(*service).lookupInventory.func1')?.flat).toBe(9_530);
  });

  it('show_from cuts every stack above its root-most match and drops stacks without one', () => {
    const r = top({ sf: 'exporter' });
    expect(r.kept).toBe(13_610);
    // Percentages stay of the whole profile, as pprof's "13610, 57.43% of 23697 total".
    expect(r.total).toBe(23_697);
    expect(r.rows.get('main.(*exporter).send')).toEqual({ flat: 0, cum: 13_610 });
    expect(r.rows.get('runtime.gopark')).toEqual({ flat: 13_610, cum: 13_610 });
    expect(r.rows.size).toBe(4);
  });

  it.each<Filters>([
    { f: 'exporter' },
    { i: 'Sleep|chanrecv' },
    { h: '^runtime\\.|^sync\\.' },
    { s: '^main\\.|^net/http\\.' },
    { sf: 'Read$' },
    { f: 'poll', h: 'runtime_pollWait', sf: '^net\\.' },
    { f: 'main\\.\\(\\*service\\)', i: 'lookupInventory', s: '\\(\\*service\\)|gopark' },
  ])('every function flat and cum equal pprof semantics on the -traces oracle for %j', (filters) => {
    const want = oracle(traces, filters);
    const got = top(filters).rows;
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });

  it('tagfocus tenant=acme equals the acme total of -tags (5,775); tagignore keeps the rest', () => {
    expect(top({ tf: 'tenant=acme' }).kept).toBe(5_775);
    expect(top({ ti: 'tenant=acme' }).kept).toBe(23_697 - 5_775);
    expect(top({ tf: 'tenant=acme,globex' }).kept).toBe(5_775 + 5_787);
    expect(top({ tf: 'tenant:acme' }).kept).toBe(5_775);
    expect(top({ tf: 'pool=orders' }).kept).toBe(8);
  });

  it('combines name and tag filters', () => {
    const want = traces.filter((t) => t.labels.tenant === 'acme' && t.names.includes('main.(*exporter).send')).reduce((a, t) => a + t.count, 0);
    expect(top({ f: 'exporter', tf: 'tenant=acme' }).kept).toBe(want);
  });

  it('accepts Go regexp syntax: (?i), \\Q…\\E and POSIX classes', () => {
    expect(top({ f: '(?i)EXPORTER' }).kept).toBe(13_610);
    expect(top({ f: '\\Qmain.(*exporter).send\\E' }).kept).toBe(13_610);
    expect(top({ f: 'lookupInventory\\.func[[:digit:]]' }).kept).toBe(9_531);
  });

  it('matches file names as well as function names', () => {
    expect(top({ f: 'cmd/service/main\\.go$' }).kept).toBe(oracleTotal(traces, (n) => n.startsWith('main.')));
  });

  it('reports which filter matched nothing, as pprof warns', () => {
    expect(report({ f: 'exporter' })).toEqual({ unmatched: [], total: 23_697, kept: 13_610 });
    expect(report({ f: 'nosuchfunction', h: 'gopark' })).toEqual({ unmatched: ['f'], total: 23_697, kept: 0 });
    expect(report({ h: 'nosuchfunction', tf: 'tenant=nobody' }).unmatched).toEqual(['h', 'tf']);
    expect(report({ f: 'exporter', ti: 'pool=orders' }).unmatched).toEqual(['ti']);
    expect(unmatchedMessage('f')).toBe('Focus expression matched no samples');
    expect(unmatchedMessage('sf')).toBe('ShowFrom expression matched no samples');
  });

  it('rejects a bad regexp naming the filter, like pprof', () => {
    expect(() => refiner.planFor({ f: 'send(' })).toThrow(RefineError);
    expect(() => refiner.planFor({ tf: 'tenant=(' })).toThrow(/parsing tagfocus regexp/);
  });
});

function oracleTotal(traces: Trace[], pick: (name: string) => boolean): number {
  return traces.filter((t) => t.names.some(pick)).reduce((a, t) => a + t.count, 0);
}

describe('numeric tag ranges', () => {
  /** Three stacks labelled with a request size of 512 B, 4 kB and 2 MB, counted 1, 10 and 100. */
  function sized() {
    const session = new Session();
    const b = new SnapshotBuilder(session, { name: 'sized', format: 'pprof', kind: 'heap', sampleTypes: [{ type: 'objects', unit: 'count' }] });
    const fn = session.functions.intern('main.alloc', 'main.go');
    const stack = b.stack([session.frames.intern(fn, 1)]);
    for (const [bytes, n] of [[512, 1], [4096, 10], [2 * 1024 * 1024, 100]]) {
      b.add(stack, session.labelSets.intern([{ key: 'bytes', value: String(bytes), num: bytes, unit: 'bytes' }]), [n]);
    }
    const snap = session.add(b.finish(null));
    const refiner = new Refiner(session);
    return (f: Filters) => buildCallTree(session, snap, 0, refiner.rewrite(f)).kept;
  }

  it('parses pprof ranges with units: exact, at least, at most, between', () => {
    const total = sized();
    expect(total({ tf: 'bytes=4kb' })).toBe(10);
    expect(total({ tf: 'bytes=4kb:' })).toBe(110);
    expect(total({ tf: 'bytes=:4kb' })).toBe(11);
    expect(total({ tf: 'bytes=1kb:1mb' })).toBe(10);
    expect(total({ tf: '1mb:' })).toBe(100);
    expect(total({ ti: 'bytes=:4kb' })).toBe(100);
  });

  it('reads a value without a unit suffix as a regexp, as pprof does', () => {
    expect(parseTagRange('4096')).toBeNull();
    expect(parseTagRange('4kb:x')).toBeNull();
  });
});
