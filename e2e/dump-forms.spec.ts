import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { dropFiles } from './app-helpers';
import { shot } from './helpers';

// Real Go 1.27.3 captures of test/fixtures/go127/src: a goroutine profile, the goroutineleak
// profile taken with it, and a debug=2 dump with GODEBUG=tracebackancestors=5.
const GO127 = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/go127');
const files = (names: string[]) => names.map((name) => ({ name, bytes: readFileSync(resolve(GO127, name)) }));

test('creation chains from ancestor blocks: the suspect detail and the Goroutines view show who created the creator', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, files(['pprof.parkfix.goroutine.001.pb.gz', 'pprof.parkfix.goroutineleak.001.pb.gz', 'goroutine.parkfix.ancestors.debug2.txt']));
  await expect(page.locator('.snapshot-list li')).toHaveCount(3);
  await page.keyboard.press('l');
  const rows = page.locator('.suspects-row');
  await expect(rows.first().locator('.c-group .fn')).toHaveText('main.handle.func1');
  await rows.first().click();
  const chain = page.locator('.suspect-detail .creation-chain');
  await expect(chain).toHaveText('Created by main.handle at main.go:29 ← main.start at main.go:117');
  await shot(page, 'creation-chain-suspect');

  await page.locator('.snapshot-list li', { hasText: 'ancestors' }).click();
  await page.keyboard.press('g');
  const bucket = page.locator('.bucket').filter({ has: page.locator('.bucket-fn', { hasText: /^main\.handle\.func1$/ }) });
  await expect(bucket.locator('.bucket-creator')).toHaveText('created by main.handle at main.go:29 ← main.start at main.go:117');
  await bucket.locator('.bucket-head').click();
  await expect(bucket.locator('.bucket-chain')).toHaveText(/^Goroutine \d+ was created by main\.handle at main\.go:29 in goroutine \d+ ← main\.start at main\.go:117 in goroutine 1$/);
  await shot(page, 'creation-chain-goroutines');
});
