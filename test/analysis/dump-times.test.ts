import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLeaks } from '../../src/core/analysis/analyze';
import { placeDumps, placedTime } from '../../src/core/analysis/dump-times';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { suspectsCommand } from '../../cli/suspects';

const SERVICE = resolve(import.meta.dirname, '../../../shared/fixtures/service');
const DRIP = resolve(import.meta.dirname, '../fixtures/drip');
const STUCK = resolve(import.meta.dirname, '../fixtures/stuck');

/** Loads the files of `dir` matching `pattern` as dropped files: no capture time given. */
async function load(dir: string, pattern: RegExp): Promise<Session> {
  const session = new Session();
  for (const f of readdirSync(dir).filter((x) => pattern.test(x)).sort()) {
    await decodeInput(new Uint8Array(readFileSync(`${dir}/${f}`)), session, { name: f });
  }
  return session;
}

/** Each text dump's name with the name of the protobuf snapshot it was taken with, or the two it stands between. */
function placements(session: Session): Record<string, string> {
  return Object.fromEntries([...placeDumps(session, 'goroutine')].map(([dump, p]) => [dump.name, 'takenWith' in p ? p.takenWith.name : `${p.after.name} < ${p.before.name}`]));
}

describe('text dumps on the protobuf series\' timeline', () => {
  it('service: the debug=1 and debug=2 dumps taken after the last snapshot stand at its capture time', async () => {
    const session = await load(SERVICE, /\.(pb\.gz|txt)$/);
    expect(placements(session)).toEqual({ 'goroutine.service.debug1.txt': 'pprof.service.goroutine.040.pb.gz', 'goroutine.service.debug2.txt': 'pprof.service.goroutine.040.pb.gz' });
    const series = analyzeLeaks(session).series;
    expect(series.snapshots).toHaveLength(40);
    const last = series.snapshots.at(-1)?.timeMs;
    expect(last).not.toBeNull();
    for (const place of placeDumps(session, 'goroutine').values()) expect(placedTime(place)).toBe(last);
    expect(series.excluded).toEqual([]);
    expect(series.placed.map((p) => [p.snapshot.name, p.after, p.before])).toEqual([
      ['goroutine.service.debug1.txt', 39, 39],
      ['goroutine.service.debug2.txt', 39, 39],
    ]);
    expect(series.placed[1].how).toMatch(/^debug=2 text taken with pprof\.service\.goroutine\.040\.pb\.gz \(the same goroutines on the same stacks\): it stands at that snapshot's capture time/);
  });

  it('drip: each of nine debug=1 and debug=2 captures, 30 s apart, stands at its own protobuf snapshot', async () => {
    const session = await load(DRIP, /./);
    const expected: Record<string, string> = {};
    for (let i = 1; i <= 9; i++) {
      for (const form of ['debug1', 'debug2']) expected[`goroutine.drip.00${i}.${form}.txt`] = `pprof.drip.goroutine.00${i}.pb.gz`;
    }
    expect(placements(session)).toEqual(expected);
  });

  it('drip: dumps of a capture whose protobuf snapshot is not loaded stand between its neighbours, without a time', async () => {
    const session = await load(DRIP, /^pprof\.drip\.goroutine\.00[13]\.|\.002\.debug[12]\.txt$/);
    const between = 'pprof.drip.goroutine.001.pb.gz < pprof.drip.goroutine.003.pb.gz';
    expect(placements(session)).toEqual({ 'goroutine.drip.002.debug1.txt': between, 'goroutine.drip.002.debug2.txt': between });
    for (const place of placeDumps(session, 'goroutine').values()) expect(placedTime(place)).toBeNull();
    const a = analyzeLeaks(session);
    expect(a.series.excluded).toEqual([]);
    expect(a.series.placed.map((p) => [p.snapshot.name, p.after, p.before])).toEqual([
      ['goroutine.drip.002.debug1.txt', 0, 1],
      ['goroutine.drip.002.debug2.txt', 0, 1],
    ]);
    expect(a.series.placed[1].how).toMatch(
      /^debug=2 text taken between pprof\.drip\.goroutine\.001\.pb\.gz and pprof\.drip\.goroutine\.003\.pb\.gz \(its goroutines per stack lie between theirs\), placed without a capture time/,
    );
    // Each dump counts its own goroutines, between those of the snapshots it stands between.
    expect(a.placedTotals).toEqual(a.series.placed.map((p) => p.snapshot.totals[p.snapshot.defaultSampleType]));
    expect([a.totals[0] < a.placedTotals[0], a.placedTotals[0] < a.totals[1]]).toEqual([true, true]);
  });

  it('a dump that matches no protobuf snapshot gets no time', async () => {
    const session = await load(STUCK, /^pprof\.stuck\.goroutine\.00[12]\.|\.004\.debug2\.txt$/);
    expect(placements(session)).toEqual({});
  });

  it('stuck, loaded as dropped files: the dumps take their protobuf snapshots\' times, and the refreshers are judged waking', async () => {
    const a = analyzeLeaks(await load(STUCK, /^pprof\.|\.debug2\.txt$/));
    const refresh = a.groups.find((g) => g.function === 'main.refresh');
    expect(refresh?.verdict.suspect).toBe(false);
    expect(refresh?.verdict.reason).toBe('grows, but its goroutines keep waking up (workers or refreshers, not stuck)');
    expect(refresh?.verdict.evidence[0]).toMatch(/^its \d+ goroutines alive since goroutine\.stuck\.002\.debug2\.txt, 3 minutes before goroutine\.stuck\.004\.debug2\.txt, all woke within the last minute/);
    expect(a.groups.filter((g) => g.verdict.suspect).map((g) => g.function)).toEqual(['main.lookupQuota']);
    expect(a.groups[0].verdict.evidence[1]).toBe('the same 40 goroutine ids as in goroutine.stuck.002.debug2.txt, 3 minutes earlier: none has left');
  });

  it('parkview suspects on a folder of protobuf profiles and dumps clears the refreshers', async () => {
    const out = await suspectsCommand([STUCK]);
    expect(out).toMatch(/^main\.lookupQuota: stuck since \d\d:\d\d:\d\d UTC, 40 goroutines, none has left since$/m);
    expect(out).not.toMatch(/^main\.refresh: /m);
    expect(out).toMatch(/^Series: 4 goroutine snapshots over 3m20s, 3 text dumps placed among them; /m);
    expect(out).toMatch(/^Placed on the series: goroutine\.stuck\.004\.debug2\.txt, 90 goroutines \(debug=2 text taken with pprof\.stuck\.goroutine\.004\.pb\.gz /m);
    expect(out).not.toMatch(/^Not in the series: /m);
  });
});
