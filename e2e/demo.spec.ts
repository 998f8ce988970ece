import { expect, test } from '@playwright/test';
import { shot } from './helpers';

test('the demo opens on the answer: Leaks with the top suspect of the service series selected', async ({ page }) => {
  await page.goto('./?demo');
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(40);
  await expect(page).toHaveTitle(/pprof\.service\.goroutine\.040\.pb\.gz/);
  await expect(page.locator('.snapshot.selected')).toContainText('040.pb.gz');
  await expect(page.getByRole('tab', { name: 'Leaks' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.suspects-row.selected .c-group .fn')).toHaveText('main.(*exporter).send');
  await expect(page.locator('.suspect-detail h3')).toHaveText('main.(*exporter).send');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/view=leaks/);
  await shot(page, 'demo');
  await page.keyboard.press('t');
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 23697, 100% of 23697 total');
  await expect(page.locator('.top-body [role="row"]').first()).toContainText('runtime.gopark');
  await page.keyboard.press('[');
  await expect(page.locator('.snapshot.selected')).toContainText('039.pb.gz');
  await expect(page.locator('.view-summary')).toContainText('of 22616 total');
});

test('a single profile opens in the flame graph; the address still decides when it names a view', async ({ page }) => {
  await page.goto('./?url=demo/pprof.service.goroutine.040.pb.gz');
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(1);
  await expect(page.getByRole('tab', { name: 'Flame graph' })).toHaveAttribute('aria-selected', 'true');
  await page.goto('about:blank');
  await page.goto('./?demo#v1&view=graph');
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(40);
  await expect(page.getByRole('tab', { name: 'Graph', exact: true })).toHaveAttribute('aria-selected', 'true');
});
