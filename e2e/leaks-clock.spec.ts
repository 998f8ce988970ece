import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles } from './app-helpers';
import { shot } from './helpers';

const DRIP = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/drip');

/** drip's debug=2 captures 1, 3, 5, 7 and 9 (one minute apart) under names without numbers, dropped out of order, all dated now. */
async function dropUnnumberedDumps(page: Page): Promise<void> {
  const captures = [5, 1, 9, 3, 7];
  await dropFiles(
    page,
    captures.map((n) => ({ name: `dump-${'vwxyz'[captures.indexOf(n)]}.txt`, bytes: readFileSync(resolve(DRIP, `goroutine.drip.00${n}.debug2.txt`)) })),
  );
  await expect(page.locator('.snapshot-list li')).toHaveCount(5);
}

test('dumps without capture times: growth per snapshot, said so, until the interval field gives the time between them', async ({ page }) => {
  await page.goto('./');
  await dropUnnumberedDumps(page);
  await page.keyboard.press('l');
  await expect(page.locator('.timeline-point')).toHaveCount(5);
  await expect(page.locator('.leaks-summary')).toHaveText('5 goroutine snapshots, capture times unknown');
  const note = page.locator('.leaks-clock');
  await expect(note).toContainText('Capture times unknown: text dumps carry none, and file dates are not capture times. Growth is per snapshot; give the time between snapshots to rate it per minute.');
  const leak = page.locator('.suspects-row').first();
  await expect(leak.locator('.fn')).toHaveText('main.lookup.func1');
  await expect(leak.locator('.c-growth')).toHaveText('+15.2/snapshot');
  // Ordered by goroutine ids, as taken: the first point is capture 1 (w), the last capture 9 (x).
  await expect(page.locator('.timeline-axis .tick text').first()).toHaveText('#1');
  await shot(page, 'leaks-clock-unknown');

  const field = page.getByLabel('Interval between snapshots');
  await field.fill('1m');
  await expect(page.locator('.leaks-summary')).toHaveText('5 goroutine snapshots, 1m00s apart as given');
  await expect(leak.locator('.c-growth')).toHaveText('+15.2/min');
  await expect(note).toHaveText('Capture times unknown: growth per minute at the interval given.Interval between snapshotsback to growth per snapshot');
  await expect(page.locator('.timeline-axis .tick text').last()).toHaveText('+4m00s');
  await expect.poll(() => new URL(page.url()).hash).toContain('interval=1m');
  await shot(page, 'leaks-clock-interval');

  // Too short for what the dumps prove: kept, with the reason to doubt it.
  await field.fill('10s');
  await expect(note).toContainText('The interval given is too short: dump-v.txt is 10s after dump-y.txt by that clock, yet goroutines born after dump-y.txt have waited 1 minute in dump-v.txt.');
  await expect(leak.locator('.c-growth')).toHaveText('+91.2/min');
  await shot(page, 'leaks-clock-doubt');

  // Not a duration: marked, and the last good interval stays.
  await field.fill('10');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(note).toContainText('a duration such as 15s, 1m or 1m30s');
  await expect(leak.locator('.c-growth')).toHaveText('+91.2/min');

  await page.getByRole('button', { name: 'back to growth per snapshot' }).click();
  await expect(leak.locator('.c-growth')).toHaveText('+15.2/snapshot');
  await expect(field).toHaveValue('');
});

test('the interval in the address is applied when the page opens', async ({ page }) => {
  await page.goto('./#v1&view=leaks&interval=30s');
  await dropUnnumberedDumps(page);
  await expect(page.locator('.leaks-summary')).toHaveText('5 goroutine snapshots, 30s apart as given');
  await expect(page.getByLabel('Interval between snapshots')).toHaveValue('30s');
  await expect(page.locator('.suspects-row').first().locator('.c-growth')).toHaveText('+30.4/min');
});

test('an address from before Leaks was renamed (view=timeline) still opens Leaks, and is written back as view=leaks', async ({ page }) => {
  await page.goto('./#v1&view=timeline');
  // One dump alone would open on the flame graph: only the address can show Leaks.
  await dropFiles(page, [{ name: 'dump.txt', bytes: readFileSync(resolve(DRIP, 'goroutine.drip.009.debug2.txt')) }]);
  await expect(page.locator('.snapshot-list li')).toHaveCount(1);
  await expect(page.getByRole('tab', { name: 'Leaks', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v1&view=leaks(&|$)/);
});

test('a pasted dump has no capture time: when it was pasted says nothing of when it was taken', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Paste text' }).click();
  await page.getByLabel('Dump text').fill(readFileSync(resolve(DRIP, 'goroutine.drip.009.debug2.txt'), 'utf8'));
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.locator('.snapshot-list li')).toHaveCount(1);
  await expect(page.locator('.snapshot-time')).toHaveText('');
  await expect(page.locator('.snapshot-name')).toHaveAttribute('title', /capture time unknown$/);
});
