import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/debug1-series');
const SERIES = [1, 2, 3].map((n) => resolve(DIR, `goroutine.sendleak.00${n}.debug1.txt`));
const PB = resolve(DIR, 'pprof.sendleak.goroutine.003.pb.gz');

test('a debug=1 series tells a channel send once a protobuf snapshot of the same binary is loaded', async ({ page }) => {
  await page.goto('./');
  await page.locator('.header').waitFor();
  await page.locator('#pv-open-files').setInputFiles(SERIES);
  await expect(page.locator('.snapshot-list li')).toHaveCount(3);
  await page.keyboard.press('l');
  const sender = page.locator('.suspects-row').filter({ hasText: 'main.send.func1' });
  await expect(sender.locator('.state-chip')).toHaveText('chan send or receive');

  await page.locator('#pv-open-files').setInputFiles(PB);
  await expect(page.locator('.snapshot-list li')).toHaveCount(4);
  await expect(sender.locator('.state-chip')).toHaveText('chan send');
  await expect(page.locator('.suspects-row').filter({ hasText: 'main.wait' }).locator('.state-chip')).toHaveText('select');
  await page.screenshot({ path: 'e2e/artifacts/debug1-states-leaks.png' });
});
