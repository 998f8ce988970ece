import { expect, test } from '@playwright/test';
import { dropFiles, openApp } from './app-helpers';
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

test('snapshot names that differ only in the middle stay apart in a narrow sidebar', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await openApp(page);
  const dump = (n: number) => new TextEncoder().encode(`goroutine ${n} [chan send, ${n} minutes]:\nmain.leak()\n\t/src/main.go:${n}\ncreated by main.main in goroutine 1\n\t/src/main.go:3\n`);
  await dropFiles(page, [5, 15].map((n) => ({ name: `goroutine.orders-service-eu-west.${String(n).padStart(3, '0')}.debug2.txt`, bytes: dump(n) })));
  const names = page.locator('.snapshot-name');
  await expect(names).toHaveCount(2);
  // The head is cut (an ellipsis), the numbered tail is whole.
  for (const [i, n] of ['005', '015'].entries()) {
    await expect(names.nth(i).locator('.middle-ellipsis-tail')).toHaveText(`${n}.debug2.txt`);
    expect(await names.nth(i).locator('.middle-ellipsis-head').evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  }
  await expectFits(page);
});

test('at 800 px the header keeps Share, theme and shortcuts in its overflow menu', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await openApp(page, './?demo#v1&view=top');
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(40);
  await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
  await page.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['Share', /^Switch to the (dark|light) theme$/, 'Keyboard shortcuts']);
  await shot(page, 'layout-header-menu-800x900');
  await expectFits(page);
  await page.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Share' }).click();
  await expect(page.getByRole('dialog', { name: 'Share this view' })).toBeVisible();
});

test('at 800 px the status bar keeps its shortcuts button whole, and it opens the shortcuts', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await openApp(page);
  await openServiceFolder(page, fixture('service'));
  const button = page.locator('.statusbar').getByRole('button', { name: /shortcuts/ });
  await expect(button).toBeInViewport({ ratio: 1 });
  await expectFits(page);
  await button.click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});
