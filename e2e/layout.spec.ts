import { expect, test } from '@playwright/test';
import { openApp } from './app-helpers';
import { fixture, shot } from './helpers';
import { expectFits, openServiceFolder, SIZES } from './layout-helpers';

const VIEWS = [
  { tab: 'Leaks', ready: '.suspects-row' },
  { tab: 'Flame graph', ready: '[data-testid="flame-main"]' },
  { tab: 'Top', ready: '.top-body [role="row"]' },
  { tab: 'Graph', ready: '.gnode' },
  { tab: 'Source', ready: '.source-view' },
  { tab: 'Goroutines', ready: '.goroutines-view' },
];

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
});

for (const size of SIZES) {
  test(`every view fits a ${size.width}x${size.height} window`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await openServiceFolder(page, fixture('service'));
    for (const v of VIEWS) {
      await page.getByRole('tab', { name: v.tab, exact: true }).click();
      await expect(page.locator(v.ready).first()).toBeVisible();
      await expectFits(page);
      await shot(page, `layout-${v.tab.toLowerCase().replace(' ', '-')}-${size.width}x${size.height}`);
    }
  });
}
