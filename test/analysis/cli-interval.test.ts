import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { suspectsCommand } from '../../cli/suspects';
import { runCli } from '../cli/run';

const DRIP = resolve(__dirname, '../fixtures/drip');
const dirs: string[] = [];

/** Copies of drip's debug=2 captures under names without numbers, dated `stepMs` apart as when extracted together. */
function extracted(captures: number[], dateMs = Date.UTC(2026, 0, 1), stepMs = 200): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkview-interval-'));
  dirs.push(dir);
  captures.forEach((n, i) => {
    const to = join(dir, `dump-${'abcdefghi'[i]}.txt`);
    copyFileSync(join(DRIP, `goroutine.drip.00${n}.debug2.txt`), to);
    utimesSync(to, new Date(dateMs + i * stepMs), new Date(dateMs + i * stepMs));
  });
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true });
});

describe('parkview suspects on dumps without capture times', () => {
  it('ranks by growth per snapshot and says why, whatever the file dates', async () => {
    const out = await suspectsCommand([extracted([1, 3, 5, 7, 9])]);
    expect(out).toMatch(/^Series: 5 goroutine snapshots, capture times unknown; states, waits and creators from dump-e\.txt$/m);
    expect(out).toContain(
      'Capture times unknown: text dumps carry none, and file dates are not capture times. Growth is per snapshot; give the time between snapshots with --interval (e.g. --interval 15s) to rate it per minute.',
    );
    expect(out).toMatch(/^ +100 +1 +62 +\+15\.2\/snapshot +1\.00 +chan send +1~4 min +main\.lookup\.func1$/m);
    expect(out).not.toContain('/min');
    expect(await suspectsCommand([extracted([1, 3, 5, 7, 9], Date.UTC(2020, 5, 1), -3_600_000)])).toBe(out);
  });

  it('--interval 1m rates per minute: the capture interval given, with the span it makes', async () => {
    const out = await suspectsCommand(['--interval', '1m', extracted([1, 3, 5, 7, 9])]);
    expect(out).toMatch(/^Series: 5 goroutine snapshots, 1m00s apart as given;/m);
    expect(out).toMatch(/^ +100 +1 +62 +\+15\.2\/min +1\.00 +chan send +1~4 min +main\.lookup\.func1$/m);
    expect(out).not.toContain('Capture times unknown');
    const json = JSON.parse(await suspectsCommand(['--json', '--interval=30s', extracted([1, 3, 5, 7, 9])])) as { perMinute: number; perSnapshot: number | null }[];
    expect(json[0].perSnapshot).toBeNull();
    expect(json[0].perMinute).toBeCloseTo(30.4, 9);
  });

  it('--interval shorter than the dumps prove is used, with a warning', async () => {
    const out = await suspectsCommand(['--interval=5s', extracted([1, 9])]);
    expect(out).toContain('The interval given is too short: dump-b.txt is 5s after dump-a.txt by that clock, yet goroutines born after dump-a.txt have waited 4 minutes in dump-b.txt.');
  });

  it('--interval is ignored beside capture times, and must be a duration', async () => {
    expect(await suspectsCommand(['--interval=15s', DRIP])).toContain('--interval ignored: the snapshots have capture times.');
    const r = await runCli(['suspects', '--interval=15', DRIP]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('parkview: --interval must be a duration such as 15s, 1m or 1m30s, not "15"\n');
  });
});
