import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLeaks } from '../../src/core/analysis/analyze';
import { provenGapMinutes } from '../../src/core/analysis/clock';
import { clockNote } from '../../src/core/analysis/series-text';
import { pickSeries } from '../../src/core/analysis/series';
import { decodeInput } from '../../src/core/decode';
import { nameKey } from '../../src/core/model/capture-name';
import { Session } from '../../src/core/model/session';

/** The drip series: 9 captures 30 s apart of one process, each as debug=0, debug=1 and debug=2. */
export const DRIP = resolve(__dirname, '../fixtures/drip');
const drip = (n: number, form: 'debug1' | 'debug2' | 'pb') =>
  readFileSync(resolve(DRIP, form === 'pb' ? `pprof.drip.goroutine.00${n}.pb.gz` : `goroutine.drip.00${n}.${form}.txt`));

interface Input {
  bytes: Uint8Array;
  name: string;
  fileTimeMs?: number;
}

async function sessionOf(inputs: Input[]): Promise<Session> {
  const session = new Session();
  for (const i of inputs) await decodeInput(i.bytes, session, { name: i.name, fileTimeMs: i.fileTimeMs });
  return session;
}

const seriesNames = (session: Session, intervalMs: number | null = null) => pickSeries(session, null, intervalMs).snapshots.map((s) => s.name);
const T0 = Date.UTC(2026, 0, 1);

describe('file names', () => {
  it('give the snapshot number: .005., -005, _005, not the 2 of debug2', () => {
    expect(nameKey('pprof.service.goroutine.005.pb.gz')).toEqual({ seq: 5, timeMs: null });
    expect(nameKey('dumps/goroutine-005.txt')).toEqual({ seq: 5, timeMs: null });
    expect(nameKey('goroutine.drip.007.debug2.txt')).toEqual({ seq: 7, timeMs: null });
    expect(nameKey('stacks_12_debug2.txt')).toEqual({ seq: 12, timeMs: null });
    expect(nameKey('goroutine.service.debug2.txt')).toEqual({ seq: null, timeMs: null });
  });

  it('give the capture time of a timestamp: ISO forms, compact forms, Unix seconds and milliseconds', () => {
    const at = Date.UTC(2024, 4, 1, 12, 0, 15);
    for (const name of ['goroutine-2024-05-01T12:00:15Z.txt', 'goroutine-2024-05-01T12-00-15Z.txt', 'g.20240501T120015Z.debug2.txt', 'g-2024-05-01T14:00:15+02:00.txt', 'g.1714564815.txt', 'g.1714564815000.txt']) {
      expect(nameKey(name), name).toEqual({ seq: at, timeMs: at });
    }
    // Without a zone, the clock of the machine that named it: local time.
    const local = new Date(2024, 4, 1, 12, 0, 15, 500).getTime();
    for (const name of ['goroutine_2024-05-01_12-00-15.5.txt', 'goroutine-20240501-120015.500.txt']) expect(nameKey(name), name).toEqual({ seq: local, timeMs: local });
  });
});

describe('series order', () => {
  it('follows the number in the file names over file dates', async () => {
    const session = await sessionOf([3, 1, 2].map((n) => ({ bytes: drip(n, 'debug1'), name: `dump-00${n}.txt`, fileTimeMs: T0 - n * 1000 })));
    expect(seriesNames(session)).toEqual(['dump-001.txt', 'dump-002.txt', 'dump-003.txt']);
  });

  it('follows protobuf capture times over file dates when the names have no number', async () => {
    const session = await sessionOf([3, 1, 2].map((n) => ({ bytes: drip(n, 'pb'), name: `goroutine-${'xyz'[n - 1]}.pb.gz`, fileTimeMs: T0 - n * 1000 })));
    expect(seriesNames(session)).toEqual(['goroutine-x.pb.gz', 'goroutine-y.pb.gz', 'goroutine-z.pb.gz']);
    expect(pickSeries(session).clock).toBe('capture');
  });

  it('follows goroutine ids of debug=2 dumps over file dates that contradict them', async () => {
    const session = await sessionOf([1, 5, 9].map((n) => ({ bytes: drip(n, 'debug2'), name: `dump-${'abc'[(n - 1) / 4]}.txt`, fileTimeMs: T0 - n * 1000 })));
    expect(seriesNames(session)).toEqual(['dump-a.txt', 'dump-b.txt', 'dump-c.txt']);
  });

  it('falls back to file dates for dumps nothing else orders, then to load order', async () => {
    const dated = await sessionOf([1, 2, 3].map((n) => ({ bytes: drip(n, 'debug1'), name: `dump-${'abc'[n - 1]}.txt`, fileTimeMs: T0 - n * 1000 })));
    expect(seriesNames(dated)).toEqual(['dump-c.txt', 'dump-b.txt', 'dump-a.txt']);
    const undated = await sessionOf([2, 3, 1].map((n) => ({ bytes: drip(n, 'debug1'), name: `dump-${'abc'[n - 1]}.txt` })));
    expect(seriesNames(undated)).toEqual(['dump-b.txt', 'dump-c.txt', 'dump-a.txt']);
  });
});

describe('series clock', () => {
  it('text dumps have none: file dates are not capture times, and growth is per snapshot', async () => {
    const session = await sessionOf([1, 2].map((n) => ({ bytes: drip(n, 'debug2'), name: `dump-${n}.txt`, fileTimeMs: T0 + n * 200 })));
    const s = pickSeries(session);
    expect(s.snapshots.every((x) => x.timeMs === null)).toBe(true);
    expect(s).toMatchObject({ timed: false, clock: 'none', clockDoubt: null, x: [0, 1] });
    expect(clockNote(s, 'give --interval')).toBe(
      'Capture times unknown: text dumps carry none, and file dates are not capture times. Growth is per snapshot; give --interval to rate it per minute.',
    );
  });

  it('the interval the user gives times a series without capture times', async () => {
    const session = await sessionOf([1, 2, 3].map((n) => ({ bytes: drip(n, 'debug2'), name: `dump-${n}.txt` })));
    expect(pickSeries(session, null, 15_000)).toMatchObject({ timed: true, clock: 'interval', clockDoubt: null, x: [0, 0.25, 0.5] });
  });

  it('dumps prove how much time passed: goroutines born after a dump cannot have waited longer than the gap', async () => {
    const session = await sessionOf([1, 5, 9].map((n) => ({ bytes: drip(n, 'debug2'), name: `goroutine.drip.00${n}.debug2.txt` })));
    const [first, middle, last] = pickSeries(session).snapshots;
    // Captures 1, 5 and 9 were taken 2 and 4 minutes apart; goroutine 39, born right after capture 1, waits 4 minutes in capture 9.
    expect(provenGapMinutes(first, last)).toBe(4);
    expect(provenGapMinutes(first, middle)).toBe(1);
    expect(provenGapMinutes(last, first)).toBe(0);
  });

  it('an impossible clock is set aside: timestamps in the names 5 s apart for dumps 4 minutes apart', async () => {
    const session = await sessionOf([
      { bytes: drip(1, 'debug2'), name: 'goroutine-2026-12-03T07-34-00Z.txt' },
      { bytes: drip(9, 'debug2'), name: 'goroutine-2026-12-03T07-34-05Z.txt' },
    ]);
    const s = pickSeries(session);
    expect(s.snapshots[0].timeMs).toBe(Date.UTC(2026, 11, 3, 7, 34));
    expect(s).toMatchObject({ timed: false, clock: 'none', x: [0, 1] });
    expect(s.clockDoubt).toBe(
      'the capture times are impossible: goroutine-2026-12-03T07-34-05Z.txt is 5s after goroutine-2026-12-03T07-34-00Z.txt by that clock, yet goroutines born after goroutine-2026-12-03T07-34-00Z.txt have waited 4 minutes in goroutine-2026-12-03T07-34-05Z.txt',
    );
    // The same names 4 minutes apart are a possible clock.
    const possible = await sessionOf([
      { bytes: drip(1, 'debug2'), name: 'goroutine-2026-12-03T07-34-00Z.txt' },
      { bytes: drip(9, 'debug2'), name: 'goroutine-2026-12-03T07-38-00Z.txt' },
    ]);
    expect(pickSeries(possible)).toMatchObject({ timed: true, clock: 'capture', clockDoubt: null, x: [0, 4] });
  });

  it('an interval shorter than the dumps prove is used, with a warning', async () => {
    const session = await sessionOf([1, 5, 9].map((n) => ({ bytes: drip(n, 'debug2'), name: `goroutine.drip.00${n}.debug2.txt` })));
    const s = pickSeries(session, null, 15_000);
    expect(s.clock).toBe('interval');
    expect(clockNote(s, '')).toBe(
      'The interval given is too short: goroutine.drip.005.debug2.txt is 15s after goroutine.drip.001.debug2.txt by that clock, yet goroutines born after goroutine.drip.001.debug2.txt have waited 1 minute in goroutine.drip.005.debug2.txt.',
    );
  });

  it('a dump cut short proves nothing: the goroutines it lost may be older than the gap', async () => {
    const whole = drip(1, 'debug2');
    const session = await sessionOf([
      { bytes: whole.subarray(0, Math.floor(whole.length * 0.7)), name: 'cut.txt' },
      { bytes: drip(9, 'debug2'), name: 'later.txt' },
    ]);
    const [cut, later] = session.snapshots;
    expect(cut.warnings.join()).toContain('cut off');
    expect(provenGapMinutes(cut, later)).toBe(0);
  });
});

describe('verdict', () => {
  it('is the same whatever the files’ dates', async () => {
    const orders = [
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => i * 1000),
      [5, 100, 7, 3_000_000, 42, 1, 9, 77, 0],
    ];
    const verdicts = [];
    for (const dates of orders) {
      const session = await sessionOf([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ bytes: drip(n, 'debug2'), name: `dump-${'abcdefghi'[9 - n]}.txt`, fileTimeMs: T0 + dates[n - 1] })));
      const a = analyzeLeaks(session);
      expect(a.series.snapshots.map((s) => s.lastGoroutineId)).toEqual([...a.series.snapshots.map((s) => s.lastGoroutineId)].sort((x, y) => (x ?? 0) - (y ?? 0)));
      verdicts.push(a.groups.map((g) => [g.label, g.verdict.score, g.verdict.suspect, g.verdict.reason, g.perMinute]));
    }
    expect(verdicts[0].filter((v) => v[2]).map((v) => v[0])).toEqual(['main.lookup.func1']);
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(verdicts[2]).toEqual(verdicts[0]);
  });
});
