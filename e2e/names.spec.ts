import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles } from './app-helpers';
import { shot } from './helpers';

/** A goroutine dump whose function names carry a right-to-left override and terminal escapes. */
const DUMP = 'test/fixtures/bidi-names.debug2.txt';
const HIDDEN = /[\x00-\x08\x0b-\x1f\u202a-\u202e\u2066-\u2069]/;

async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText + [...document.querySelectorAll('[title], [aria-label]')].map((e) => `${e.getAttribute('title') ?? ''}${e.getAttribute('aria-label') ?? ''}`).join(''));
}

test('names with bidi overrides and control characters show as escapes in every view', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, [{ name: 'bidi-names.debug2.txt', bytes: readFileSync(DUMP) }]);
  await expect(page.locator('.snapshot-list li')).toHaveCount(1);

  await page.getByRole('tab', { name: 'Top', exact: true }).click();
  await expect(page.locator('.top-body .fn')).toContainText(['main.Safe\\u202eLIVE\\u202c', 'main.bell\\x07\\x1b[31mred', 'main.main']);
  await shot(page, 'names-bidi-top');
  expect(await shownText(page)).not.toMatch(HIDDEN);

  await page.getByRole('tab', { name: 'Goroutines', exact: true }).click();
  await expect(page.locator('.bucket-fn').first()).toHaveText('main.Safe\\u202eLIVE\\u202c');
  await page.locator('.bucket-head').first().click();
  await expect(page.locator('.bucket-stack')).toContainText('main.Safe\\u202eLIVE\\u202c');
  expect(await shownText(page)).not.toMatch(HIDDEN);

  await page.getByRole('tab', { name: 'Graph', exact: true }).click();
  await expect(page.locator('.gnode').first()).toBeVisible();
  const labels = (await page.locator('.graph-svg text').allTextContents()).join('\n');
  expect(labels).toContain('Safe\\u202eLIVE\\u202c');
  expect(labels).not.toMatch(HIDDEN);
  await shot(page, 'names-bidi-graph');

  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await expect(page.locator('.quick-pick .fn').first()).toHaveText('main.Safe\\u202eLIVE\\u202c');
  expect(await shownText(page)).not.toMatch(HIDDEN);
  await page.locator('.quick-pick').first().click();
  await expect(page.locator('.routine-name').first()).toHaveText('main.Safe\\u202eLIVE\\u202c');
  expect(await shownText(page)).not.toMatch(HIDDEN);

  await page.getByRole('tab', { name: 'Flame graph', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SVG' }).click();
  const svg = readFileSync(await (await download).path(), 'utf8');
  expect(svg).toContain('main.Safe\\u202eLIVE\\u202c');
  expect(svg).not.toMatch(HIDDEN);
  // The browser's own XML parser reads the export without an error.
  expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null, svg)).toBeNull();
});
