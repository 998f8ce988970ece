import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLeaks, type GroupReport, type LeakAnalysis } from '../../src/core/analysis/analyze';
import { MARKED_REASON, PROVEN_REASON, UNDECIDED_PLATEAU } from '../../src/core/analysis/verdict';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { suspectsCommand } from '../../cli/suspects';

// One real process (test/fixtures/src/stuck): a failing path ran for 5 s and left 40 senders of
// main.lookupQuota blocked; 12 pool workers filled in 24 s and keep serving; a refresher
// (main.refresh, a 20 s ticker) starts every 6 s all through. Protobuf profiles at 0, 30, 100 and
// 200 s; debug=2 dumps at 30, 100 and 200 s; times.json has each file's capture time.
const DIR = resolve(import.meta.dirname, '../fixtures/stuck');
const TIMES = JSON.parse(readFileSync(`${DIR}/times.json`, 'utf8')) as Record<string, number>;

/** Loads the files matching `pattern`; text dumps get their capture time as a live capture records it, when `timed`. */
async function analyze(pattern: RegExp, timed = true): Promise<LeakAnalysis> {
  const session = new Session();
  for (const f of readdirSync(DIR).filter((x) => pattern.test(x)).sort()) {
    await decodeInput(new Uint8Array(readFileSync(`${DIR}/${f}`)), session, { name: f, capturedMs: timed ? TIMES[f] : undefined });
  }
  return analyzeLeaks(session);
}

const group = (a: LeakAnalysis, fn: string): GroupReport => {
  const g = a.groups.find((x) => x.function === fn);
  if (!g) throw new Error(`no group ${fn}`);
  return g;
};

const PB_AND_DUMPS = /^pprof\.|\.debug2\.txt$/;
const SINCE = new Date(TIMES['pprof.stuck.goroutine.002.pb.gz']).toISOString().slice(11, 19);

describe('goroutines stuck since a burst', () => {
  it('with debug=2 dumps, the burst\'s 40 senders are the top suspect: stuck since the second snapshot', async () => {
    const a = await analyze(PB_AND_DUMPS);
    expect(a.series.snapshots).toHaveLength(4);
    const top = a.groups[0];
    expect(top.function).toBe('main.lookupQuota');
    expect(Array.from(a.keyed.counts.subarray(top.key * 4, top.key * 4 + 4))).toEqual([0, 40, 40, 40]);
    expect(top.verdict.suspect).toBe(true);
    expect(top.verdict.reason).toBe(`stuck since ${SINCE} UTC, 40 goroutines, none has left since`);
    expect(top.verdict.evidence[0]).toMatch(/^every one of its 40 goroutines in goroutine\.stuck\.004\.debug2\.txt has waited [1-3] minutes or more: none has woken since$/);
    expect(top.verdict.evidence[1]).toBe('the same 40 goroutine ids as in goroutine.stuck.002.debug2.txt, 3 minutes earlier: none has left');
    expect(a.groups.filter((g) => g.verdict.suspect).map((g) => g.function)).toEqual(['main.lookupQuota']);
  });

  it('the refreshers grow all along, but keep waking: not suspects, with the dumps that show it', async () => {
    const a = await analyze(PB_AND_DUMPS);
    const refresh = group(a, 'main.refresh');
    expect(refresh.trend.last - refresh.trend.first).toBeGreaterThan(25);
    expect(refresh.trend.monotonic).toBe(1);
    expect(refresh.verdict.suspect).toBe(false);
    expect(refresh.verdict.reason).toBe('grows, but its goroutines keep waking up (workers or refreshers, not stuck)');
    expect(refresh.verdict.evidence[0]).toMatch(/^its \d+ goroutines alive since goroutine\.stuck\.002\.debug2\.txt, 3 minutes before goroutine\.stuck\.004\.debug2\.txt, all woke within the last minute/);
    expect(group(a, 'main.worker').verdict.suspect).toBe(false);
  });

  it('without debug=2 dumps the plateau cannot be told apart, and the verdict says to capture them', async () => {
    const a = await analyze(/^pprof\./);
    const senders = group(a, 'main.lookupQuota');
    expect(senders.verdict.suspect).toBe(false);
    expect(senders.verdict.evidence).toEqual([UNDECIDED_PLATEAU[0]]);
    // The refreshers grow steadily, and without dumps nothing says they wake.
    expect(group(a, 'main.refresh').verdict.suspect).toBe(true);
  });

  it('with a dump taken before any wait reached a minute, the verdict asks for a later one', async () => {
    const a = await analyze(/^pprof\.|\.002\.debug2\.txt$/);
    const senders = group(a, 'main.lookupQuota');
    expect(senders.verdict.suspect).toBe(false);
    expect(senders.verdict.evidence).toEqual([UNDECIDED_PLATEAU[1]]);
  });

  it('parkview suspects prints the stuck verdict with its evidence', async () => {
    const out = await suspectsCommand([`${DIR}/pprof.stuck.goroutine.001.pb.gz`, `${DIR}/pprof.stuck.goroutine.002.pb.gz`, `${DIR}/pprof.stuck.goroutine.003.pb.gz`, `${DIR}/pprof.stuck.goroutine.004.pb.gz`, `${DIR}/goroutine.stuck.002.debug2.txt`, `${DIR}/goroutine.stuck.004.debug2.txt`]);
    expect(out).toMatch(/^main\.lookupQuota: stuck since \d\d:\d\d:\d\d UTC, 40 goroutines, none has left since$/m);
    expect(out).toMatch(/^ {2}- every one of its 40 goroutines in goroutine\.stuck\.004\.debug2\.txt has waited/m);
    expect(out).toMatch(/^ {2}- the same 40 goroutine ids as in goroutine\.stuck\.002\.debug2\.txt/m);
  });

  it('parkview suspects on protobuf profiles alone notes the plateau it cannot decide', async () => {
    const out = await suspectsCommand([1, 2, 3, 4].map((i) => `${DIR}/pprof.stuck.goroutine.00${i}.pb.gz`));
    expect(out).toContain(`rose, then stayed flat in a blocking state (main.lookupQuota`);
    expect(out).toContain(`: ${UNDECIDED_PLATEAU[0]}.`);
  });
});

describe('goroutines the runtime marked leaked', () => {
  // Go 1.27 (test/fixtures/src/marked): 6 senders left at once; after a goroutineleak profile, the
  // debug=2 dump shows them as `[chan send (leaked)]`.
  const MARKED = resolve(import.meta.dirname, '../fixtures/marked');
  async function load(files: string[]): Promise<LeakAnalysis> {
    const session = new Session();
    for (const f of files) await decodeInput(new Uint8Array(readFileSync(`${MARKED}/${f}`)), session, { name: f });
    return analyzeLeaks(session);
  }
  const PB = [1, 2, 3].map((i) => `pprof.marked.goroutine.00${i}.pb.gz`);

  it('a dump marking them (leaked) proves them, though their count stopped rising', async () => {
    const a = await load([...PB, 'goroutine.marked.debug2.txt']);
    const top = a.groups[0];
    expect(top.function).toBe('main.publish');
    expect(top.trend.last).toBe(6);
    expect(top.verdict).toMatchObject({ suspect: true, reason: MARKED_REASON, evidence: ['the runtime marked 6 goroutines of 6 "(leaked)" in goroutine.marked.debug2.txt'] });
    expect(top.verdict.score).toBeGreaterThanOrEqual(90);
  });

  it('the goroutineleak profile proves them too', async () => {
    const a = await load([...PB, 'goroutineleak.marked.txt']);
    expect(a.groups[0].function).toBe('main.publish');
    expect(a.groups[0].verdict).toMatchObject({ suspect: true, reason: PROVEN_REASON });
  });
});

describe('goroutines that come and go', () => {
  // test/fixtures/src/churn: requests whose goroutine lives 2 s, arriving faster every second;
  // debug=2 dumps 10 s apart.
  const CHURN = resolve(import.meta.dirname, '../fixtures/churn');

  it('a group growing in every dump whose goroutines are all new each time is churn, not a suspect', async () => {
    const session = new Session();
    for (const f of readdirSync(CHURN).sort()) await decodeInput(new Uint8Array(readFileSync(`${CHURN}/${f}`)), session, { name: f });
    const a = analyzeLeaks(session);
    const g = group(a, 'main.awaitReply');
    expect(g.trend.monotonic).toBe(1);
    expect(g.trend.last - g.trend.first).toBeGreaterThan(20);
    expect(g.verdict.suspect).toBe(false);
    expect(g.verdict.reason).toBe('grows, but its goroutines come and go (churn, not a leak)');
    expect(g.verdict.evidence).toEqual([`none of its ${g.trend.first} goroutines in goroutine.churn.001.debug2.txt is still there in goroutine.churn.004.debug2.txt: every one is new`]);
  });
});
