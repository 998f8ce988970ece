import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app-helpers';
import { fixture, shot } from './helpers';
import { clippedCells, expectFits, openServiceFolder } from './layout-helpers';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
});

/** How many table rows lie wholly inside the table's visible box (and the window). */
function visibleRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const table = document.querySelector('.suspects-table')!.getBoundingClientRect();
    const bottom = Math.min(table.bottom, innerHeight);
    return [...document.querySelectorAll('.suspects-row')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.height > 0 && r.top >= table.top - 1 && r.bottom <= bottom + 1;
    }).length;
  });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 800, height: 900 },
]) {
  test(`Leaks of the service series at ${size.width}x${size.height}: six rows, the Score column, the detail above the status bar`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await openServiceFolder(page, fixture('service'));
    await expect(page.locator('.leaks-view')).toBeVisible();
    // The series opens on its top suspect, detail shown.
    await expect(page.locator('.suspect-detail h3')).toHaveText('main.(*exporter).send');
    // Two suspects; all 30 groups show how many rows the table has room for.
    await page.getByRole('radio', { name: /^All groups/ }).click();
    await expect(page.locator('.suspects-row')).not.toHaveCount(2);
    expect(await visibleRows(page)).toBeGreaterThanOrEqual(6);
    const score = page.locator('.suspects-head [role="columnheader"].c-score');
    await expect(score).toBeInViewport({ ratio: 1 });
    await expect(page.locator('.suspects-row.selected .c-score')).toBeInViewport({ ratio: 1 });
    const detail = (await page.locator('.suspect-detail').boundingBox())!;
    const status = (await page.locator('.statusbar').boundingBox())!;
    expect(detail.y + detail.height, 'the suspect detail ends above the status bar').toBeLessThanOrEqual(status.y + 0.5);
    await expect(page.locator('.statusbar')).toBeInViewport({ ratio: 1 });
    // Growth and Score show whole: no cell cut, and Growth ends where the Score column (sticky on the right) begins.
    expect(await clippedCells(page, '.c-growth')).toEqual([]);
    expect(await clippedCells(page, '.c-score')).toEqual([]);
    const growth = (await page.locator('.suspects-row.selected .c-growth').boundingBox())!;
    const scoreCell = (await page.locator('.suspects-row.selected .c-score').boundingBox())!;
    expect(growth.x + growth.width, 'Growth not under Score').toBeLessThanOrEqual(scoreCell.x + 0.5);
    await expect(page.locator('.suspects-row.selected .c-growth')).toHaveText('+4,060/min');
    await expect(page.locator('.statusbar').getByRole('button', { name: /shortcuts/ })).toBeInViewport({ ratio: 1 });
    await expectFits(page);
    await shot(page, `leaks-layout-${size.width}x${size.height}`);
  });
}

test('Leaks at 1280x720: the Group column takes the room before Created by, and the suspects\' names show whole', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await openServiceFolder(page, fixture('service'));
  await expect(page.locator('.suspects-row')).toHaveCount(2);
  const group = (await page.locator('.suspects-head .c-group').boundingBox())!;
  const creator = (await page.locator('.suspects-head .c-creator').boundingBox())!;
  expect(group.width).toBeGreaterThan(2 * creator.width);
  expect(group.width).toBeGreaterThanOrEqual(200);
  await expect(page.locator('.suspects-row .c-group .fn')).toHaveText(['main.(*exporter).send', 'main.(*service).lookupInventory.func1']);
  expect(await clippedCells(page, '.c-group .fn')).toEqual([]);
  // Steady gave its room to the names; the detail still tells it.
  await expect(page.locator('.suspects-head [role="columnheader"]', { hasText: 'Steady' })).toHaveCount(0);
  await expect(page.locator('.suspect-detail')).toContainText('100% of steps not down, R² 1.00');
  const table = await page.locator('.suspects-table').evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth }));
  expect(table.scroll, 'no sideways scroll in the table').toBeLessThanOrEqual(table.client);
});
