import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const BUBBLE = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/go127/goroutine.parkfix.bubble.debug2.txt');

test('a Go 1.27 synctest dump: the goroutine detail and the suspect detail name the bubble', async ({ page }) => {
  await page.goto('./');
  await page.locator('.header').waitFor();
  await page.locator('#pv-open-files').setInputFiles(BUBBLE);
  await expect(page.locator('.snapshot-list li')).toHaveCount(1);

  await page.keyboard.press('g');
  const sleeper = page.locator('.bucket').filter({ has: page.locator('.bucket-fn', { hasText: /^example\.com\/parkfix\.TestBubble\.func1\.4$/ }) });
  await sleeper.locator('.bucket-head').click();
  await expect(sleeper.locator('.bucket-bubble')).toHaveText('Goroutines in synctest bubble 1');
  const main = page.locator('.bucket').filter({ has: page.locator('.bucket-fn', { hasText: /^main\.main$/ }) });
  await main.locator('.bucket-head').click();
  await expect(main.locator('.bucket-stack')).toBeVisible();
  await expect(main.locator('.bucket-bubble')).toHaveCount(0);

  await page.keyboard.press('l');
  await page.getByRole('radio', { name: /^All groups/ }).click();
  await page.locator('.suspects-row').filter({ hasText: 'TestBubble.func1.4' }).click();
  await expect(page.locator('.suspect-detail .synctest-bubble')).toHaveText('Goroutines in synctest bubble 1');
});
