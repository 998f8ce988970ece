import { expect, test, type Page } from '@playwright/test';
import { addFilter, dropFiles, openApp, pickFixtures, topRow } from './app-helpers';
import { shot } from './helpers';

const SERVICE_040 = 'service/pprof.service.goroutine.040.pb.gz';
/** Exponential on names without a Z: it would never finish on the page's thread or the main Worker. */
const CATASTROPHIC = '^(([a-z.()*/]|[^Z])+)+Z$';
/** The regex Worker gives up after 2 s; starting it and the view's round trips take a little more. */
const QUICKLY = 8_000;

const topRows = (page: Page) => page.locator('.top-body [role="row"]');

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
  await openApp(page, './#view=top');
  await pickFixtures(page, [SERVICE_040]);
  await expect(page.locator('.snapshot')).toHaveCount(1);
});

/** The page's thread answers at once (a regex running on it would hold this up). */
async function expectResponsive(page: Page): Promise<void> {
  const started = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - started).toBeLessThan(1_000);
}

/** Top still computes and shows its rows: the main Worker is free. */
async function expectTopWorks(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Top' }).click();
  await expect(page.locator('.view-count')).toHaveText('69 rows');
  await expect(topRows(page).first()).toBeVisible();
}

test('flame graph search: a catastrophic regex is stopped with a message, and search and the other views still work', async ({ page }) => {
  await page.getByRole('tab', { name: 'Flame graph' }).click();
  await expect.poll(() => page.evaluate(() => window.__parkviewFlame?.draws('main').length ?? 0)).toBeGreaterThan(0);
  const box = page.getByRole('searchbox', { name: 'Search frames' });
  await box.fill('/^main\\.\\(/');
  await expect(page.locator('.flame-search-summary')).toHaveText('10 matches, 23,658 goroutines (99.84%)');

  const started = Date.now();
  await box.fill(`/${CATASTROPHIC}/`);
  await expect(page.locator('.flame-search-error')).toContainText('regex took too long', { timeout: QUICKLY });
  expect(Date.now() - started).toBeLessThan(QUICKLY);
  await expectResponsive(page);
  await expect(page.locator('[data-testid="flame-main"]')).toBeVisible();
  await shot(page, 'flame-search-regex-timeout');

  await box.fill('/^main\\.\\(/');
  await expect(page.locator('.flame-search-summary')).toHaveText('10 matches, 23,658 goroutines (99.84%)');
  await expect(page.locator('.flame-search-error')).toHaveCount(0);
  await expectTopWorks(page);
});

test('source -list regex: a catastrophic regex is stopped with a message, the earlier listing stays, the other views still work', async ({ page }) => {
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await page.getByRole('radio', { name: 'Regex' }).click();
  const regex = page.getByRole('searchbox', { name: 'Function regex' });
  await regex.fill('main\\.');
  await regex.press('Enter');
  await expect(page.locator('.routine')).toHaveCount(16);

  const started = Date.now();
  await regex.fill(CATASTROPHIC);
  await regex.press('Enter');
  const alert = page.locator('.source-view').getByRole('alert');
  await expect(alert).toContainText('regex took too long', { timeout: QUICKLY });
  expect(Date.now() - started).toBeLessThan(QUICKLY);
  await expectResponsive(page);
  await expect(page.locator('.routine')).toHaveCount(16);
  await shot(page, 'source-regex-timeout');

  await expectTopWorks(page);
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await regex.fill('exporter');
  await regex.press('Enter');
  await expect(page.locator('.routine')).toHaveCount(1);
  await expect(page.locator('.routine-head')).toContainText('main.(*exporter).send');
  await expect(page.locator('.source-view').getByRole('alert')).toHaveCount(0);
});

test('Top row filter: a catastrophic /regex/ runs off the page thread, is stopped with a message, the rows stay', async ({ page }) => {
  const filter = page.getByRole('searchbox', { name: 'Filter rows' });
  await filter.fill('/^main\\.\\(\\*service\\)/');
  await expect(topRows(page)).toHaveCount(9);

  const started = Date.now();
  await filter.fill(`/${CATASTROPHIC}/`);
  await expectResponsive(page);
  await expect(page.locator('.filter-error')).toContainText('regex took too long', { timeout: QUICKLY });
  expect(Date.now() - started).toBeLessThan(QUICKLY);
  await expect(topRows(page)).toHaveCount(9);
  await expect(page.locator('.view-count')).toHaveText('9 of 69 rows');
  await shot(page, 'app-top-regex-timeout');

  await page.getByRole('tab', { name: 'Flame graph' }).click();
  await expect.poll(() => page.evaluate(() => window.__parkviewFlame?.draws('main').length ?? 0)).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Top' }).click();
  await filter.fill('/exporter/');
  await expect(topRows(page)).toHaveCount(1);
  await expect(page.locator('.filter-error')).toHaveCount(0);
  await filter.press('Escape');
  await expectTopWorks(page);
});

/** A goroutine profile as debug=1 text: one goroutine parked in `name`. */
function oneGoroutine(name: string): Uint8Array {
  return new TextEncoder().encode(`goroutine profile: total 1\n1 @ 0x401000 0x401100\n#\t0x401000\t${name}+0x1d\t/src/main.go:10\n#\t0x401100\truntime.goexit+0x1\t/src/runtime/asm.s:1700\n`);
}

test('filters stay in force for snapshots dropped later; one too slow on their new names is stopped with a message', async ({ page }) => {
  // Fails at once on every name of service 040; backtracks for ever on a long run of a's.
  await addFilter(page, 'focus', '^(a+)+$|exporter');
  await expect(page.locator('.refine-chip[data-filter="f"]')).toBeVisible();
  await expect(topRow(page, 'main.(*exporter).send')).toBeVisible();

  await dropFiles(page, [{ name: 'flush.txt', bytes: oneGoroutine('main.exporterFlush') }]);
  await page.locator('.snapshot', { hasText: 'flush.txt' }).click();
  await expect(topRow(page, 'main.exporterFlush')).toBeVisible();

  const started = Date.now();
  await dropFiles(page, [{ name: 'aaa.txt', bytes: oneGoroutine(`${'a'.repeat(40)}!`) }]);
  await page.locator('.snapshot', { hasText: 'aaa.txt' }).click();
  await expect(page.locator('.refine-chip.refused')).toHaveAttribute('title', /^focus: regex took too long/, { timeout: QUICKLY });
  expect(Date.now() - started).toBeLessThan(QUICKLY);
  await expectResponsive(page);
  await expect(page.locator('.refine-summary')).toHaveCount(0);
  await expect(page.locator('.view-message.error')).toContainText('Could not compute the Top table: focus: regex took too long');
  await shot(page, 'refine-regex-timeout-after-drop');

  await page.getByRole('button', { name: 'Remove focus filter' }).click();
  await expect(page.locator('.refine-chip')).toHaveCount(0);
  await expect(topRow(page, `${'a'.repeat(40)}!`)).toBeVisible();
});
