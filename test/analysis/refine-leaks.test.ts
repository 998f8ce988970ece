import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLeaks, countsOf } from '../../src/core/analysis/analyze';
import { DEFAULT_BENIGN } from '../../src/core/analysis/benign';
import type { Grouping } from '../../src/core/options/table';
import { Session } from '../../src/core/model/session';
import type { Filters } from '../../src/core/options/filters';
import { Refiner, reportSteps, runToEnd } from '../../src/core/query/refine';
import { QueryEngine } from '../../src/core/engine/engine';
import { workerApi } from '../../src/worker/api';
import type { LeakRequest } from '../../src/worker/leaks';
import { listFixtures, load } from '../fixtures';

const SERVICE = listFixtures('service', /^pprof\./);

/** What the refine bar reports for one snapshot: the goroutines the filters keep. */
function keptBy(session: Session, refiner: Refiner, filters: Filters, snapshot: number): number {
  const plan = refiner.planFor(filters);
  if (!plan) throw new Error('no filters');
  return runToEnd(reportSteps(session, snapshot, 0, plan)).kept;
}

describe('leak analysis with refine filters (service, 40 snapshots)', () => {
  const session = new Session();
  let refiner: Refiner;
  beforeAll(async () => {
    for (const f of SERVICE) await load(session, f);
    refiner = new Refiner(session);
  });
  const analyze = (filters: Filters, grouping: Grouping = 'stack') => analyzeLeaks(session, { grouping, rewrite: refiner.rewrite(filters) });
  const suspects = (a: ReturnType<typeof analyze>) => a.groups.filter((g) => g.verdict.suspect).map((g) => g.function);

  it('focus=exporter: the totals are what the filters keep, 13,610 in snapshot 040, and only exporter.send is a suspect', () => {
    const a = analyze({ f: 'exporter' });
    expect(a.filtered).toBe(true);
    expect(a.totals.at(-1)).toBe(13610);
    expect(suspects(a)).toEqual(['main.(*exporter).send']);
    expect(a.groups.every((g) => g.function === 'main.(*exporter).send')).toBe(true);
    // Shares stay of every goroutine, as pprof's percentages do (13,610 of 23,697).
    expect(a.groups[0].share).toBeCloseTo(13610 / 23697, 9);
    const unfiltered = analyzeLeaks(session);
    expect(unfiltered.filtered).toBe(false);
    expect(unfiltered.totals.at(-1)).toBe(23697);
  });

  it.each<[string, Filters]>([
    ['focus', { f: 'exporter' }],
    ['focus + tagfocus', { f: 'exporter', tf: 'tenant=acme' }],
    ['tagfocus', { tf: 'tenant=acme' }],
    ['tagignore', { ti: 'tenant=acme|globex' }],
    ['ignore', { i: 'exporter|lookupInventory' }],
    ['hide', { h: '^runtime\\.' }],
    ['show', { s: '^main\\.' }],
    ['show_from', { sf: 'lookupInventory' }],
  ])('%s: every snapshot counts what the refine report keeps, in every grouping', (_, filters) => {
    for (const grouping of ['stack', 'labels', 'function', 'creator'] as Grouping[]) {
      const a = analyze(filters, grouping);
      const kept = a.series.snapshots.map((s) => keptBy(session, refiner, filters, s.id));
      expect(a.totals).toEqual(kept);
      // The groups add up to the totals.
      const sums = a.series.snapshots.map((_, i) => a.groups.reduce((n, g) => n + countsOf(a.keyed, g.key)[i], 0));
      expect(sums).toEqual(kept);
    }
  });

  it('focus=exporter with tagfocus tenant=acme keeps 3,402 in snapshot 040, as the refine bar says', () => {
    const a = analyze({ f: 'exporter', tf: 'tenant=acme' });
    expect(a.totals.at(-1)).toBe(3402);
    expect(suspects(a)).toEqual(['main.(*exporter).send']);
    expect(a.groups.find((g) => g.function === 'main.(*service).lookupInventory.func1')).toBeUndefined();
  });

  it('tag filters drop goroutines by label set; the leaks stay suspects with their share of the tenant', () => {
    const acme = analyze({ tf: 'tenant=acme' });
    expect(suspects(acme)).toEqual(['main.(*exporter).send', 'main.(*service).lookupInventory.func1']);
    expect(acme.groups[0].trend.last).toBe(3402);
    const rest = analyze({ ti: 'tenant=acme' });
    // Any filter drops the odd sample without frames, as the refine report does: compare with one that drops nothing else.
    expect(acme.totals.map((t, i) => t + rest.totals[i])).toEqual(analyze({ ti: 'tenant=nobody' }).totals);
  });

  it('ignore drops the stacks through a function: the other leak remains', () => {
    expect(suspects(analyze({ i: 'exporter' }))).toEqual(['main.(*service).lookupInventory.func1']);
    expect(suspects(analyze({ i: 'exporter|lookupInventory' }))).toEqual([]);
  });

  it('hide trims the frames off the stacks; the state still comes from the whole stack', () => {
    const a = analyze({ h: '^runtime\\.' });
    const send = a.groups[0];
    expect(send.function).toBe('main.(*exporter).send');
    expect(session.stackNames(send.stack)).toEqual(['main.(*exporter).send']);
    expect(send.state.label).toBe('chan send');
    expect(suspects(a)).toEqual(['main.(*exporter).send', 'main.(*service).lookupInventory.func1']);
  });

  it('a filter that matches nothing leaves an empty series, not an error', () => {
    const a = analyze({ f: 'no-such-function' });
    expect(a.totals.every((t) => t === 0)).toBe(true);
    expect(a.groups).toEqual([]);
  });
});

describe('Leaks and Goroutines Worker API with refine filters', () => {
  // The command's refiner, which checks filters in place: the Worker's own has them checked by `refine` first.
  const workerSession = new Session();
  const api = workerApi(new QueryEngine(workerSession, new Refiner(workerSession)));
  let req: LeakRequest;
  beforeAll(async () => {
    for (const f of SERVICE) await load(workerSession, f);
    await load(workerSession, 'service/goroutine.service.debug2.txt');
    req = { anchor: workerSession.snapshots[0].id, grouping: 'stack', benign: [...DEFAULT_BENIGN] };
  });

  it('the timeline and suspects follow the filters and say so', () => {
    const plain = api.timeline(req, 'latest', 5);
    expect(plain.summary).toBe('40 goroutine snapshots over 3m17s, 1 text dump placed among them');
    expect(plain.placed.map((p) => [p.name, p.after, p.before, p.total])).toEqual([['goroutine.service.debug2.txt', 39, 39, 23459]]);
    expect(plain.filtered).toBe('');
    const focused = { ...req, filters: { f: 'exporter', tf: 'tenant=acme' } };
    const t = api.timeline(focused, 'latest', 5);
    expect(t.points.at(-1)?.total).toBe(3402);
    expect(t.filtered).toBe('focus=exporter tagfocus=tenant=acme');
    expect(t.summary).toBe('40 goroutine snapshots over 3m17s, 1 text dump placed among them, filtered: focus=exporter tagfocus=tenant=acme');
    // Go 1.23's debug=2 text prints no labels: tagfocus keeps none of the dump's goroutines.
    expect([t.points.at(-1)?.total, t.placed.map((p) => p.total)]).toEqual([3402, [0]]);
    expect(t.bands.map((b) => b.label)).toEqual(['main.(*exporter).send']);
    const s = api.suspects(focused);
    expect(s.rows.map((r) => [r.function, r.last, r.suspect])).toEqual([['main.(*exporter).send', 3402, true]]);
    expect(s.filtered).toBe('focus=exporter tagfocus=tenant=acme');
    expect(api.suspects({ ...req, filters: { f: 'exporter' } }).rows[0].last).toBe(13610);
    // Empty filters are no filters.
    expect(api.timeline({ ...req, filters: { f: '' } }, 'latest', 5).points.at(-1)?.total).toBe(23697);
  });

  it('the goroutines of a dump follow the filters: dropped ones go, hidden frames leave the stacks', () => {
    const dump = workerSession.snapshots.find((s) => s.format === 'debug2')!;
    const all = api.goroutines({ snapshot: dump.id });
    expect(all).toMatchObject({ total: 23459, kept: 23459, filtered: '' });
    const filters = { f: 'exporter' };
    const kept = keptBy(workerSession, new Refiner(workerSession), filters, dump.id);
    const r = api.goroutines({ snapshot: dump.id, filters });
    expect(r.kept).toBe(kept);
    expect(r.shown).toBe(kept);
    expect(r.total).toBe(23459);
    expect(r.filtered).toBe('focus=exporter');
    expect(r.filters).toEqual(filters);
    expect(new Set(r.buckets.map((b) => b.function))).toEqual(new Set(['main.(*exporter).send']));
    expect(r.states.reduce((n, s) => n + s.count, 0)).toBe(kept);
    const acme = api.goroutines({ snapshot: dump.id, filters: { tf: 'tenant=acme' } });
    expect(acme.kept).toBe(keptBy(workerSession, new Refiner(workerSession), { tf: 'tenant=acme' }, dump.id));
    expect(acme.buckets.every((b) => b.labels.every((l) => l.includes('tenant=acme')))).toBe(true);
    const shown = { f: 'readLoop', s: '^main\\.' };
    const trimmed = api.goroutines({ snapshot: dump.id, filters: shown });
    const whole = all.buckets.find((b) => b.function === 'main.readLoop')!;
    expect(trimmed.buckets.map((b) => [b.function, b.state, b.category, b.count])).toEqual([['main.readLoop', 'IO wait', whole.category, whole.count]]);
    const full = api.goroutineBucket(dump.id, whole.index)!.frames.map((f) => f.name);
    const left = api.goroutineBucket(dump.id, trimmed.buckets[0].index, shown)!.frames.map((f) => f.name);
    expect(left).toEqual(full.filter((n) => n.startsWith('main.')));
    expect(left.length).toBeLessThan(full.length);
  });
});
