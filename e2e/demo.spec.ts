import { expect, test } from '@playwright/test';
import { shot } from './helpers';

test('the demo opens on the service series with the Top table of its last snapshot', async ({ page }) => {
  await page.goto('./?demo');
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(40);
  await expect(page).toHaveTitle(/pprof\.service\.goroutine\.040\.pb\.gz/);
  await expect(page.locator('.snapshot.selected')).toContainText('040.pb.gz');
  await expect(page.getByRole('tab', { name: 'Top' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 23697, 100% of 23697 total');
  await expect(page.locator('.top-body [role="row"]').first()).toContainText('runtime.gopark');
  await shot(page, 'demo');
  await page.keyboard.press('[');
  await expect(page.locator('.snapshot.selected')).toContainText('039.pb.gz');
  await expect(page.locator('.view-summary')).toContainText('of 22616 total');
});
