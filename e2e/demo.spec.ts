import { expect, test } from '@playwright/test';
import { shot } from './helpers';

test('the demo opens on the service series with its 40 snapshots', async ({ page }) => {
  await page.goto('./?demo');
  await expect(page.locator('.snapshot-list li')).toHaveCount(40);
  await expect(page).toHaveTitle(/pprof\.service\.goroutine\.040\.pb\.gz/);
  await shot(page, 'demo');
});
