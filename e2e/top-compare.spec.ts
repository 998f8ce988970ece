import { expect, test, type Page } from '@playwright/test';
import { openApp, pickFixtures, rowCells, topRow } from './app-helpers';
import { shot } from './helpers';
import { expectFits, SIZES } from './layout-helpers';

const snapshot = (n: string) => `service/pprof.service.goroutine.${n}.pb.gz`;
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const peek = (page: Page) => page.getByRole('region', { name: 'Callers and callees' });
/** A caller or callee line of the Peek panel as its cells read: calls, calls%, name. */
const callLines = (page: Page, list: 'Callers' | 'Callees') =>
  peek(page)
    .getByRole('list', { name: list })
    .getByRole('button')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('.cell')].map((c) => c.textContent ?? '')));

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
});

test('Top compared with a base snapshot shows pprof -diff_base’s changes, and the address keeps the base', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, './#view=top');
  await pickFixtures(page, [snapshot('011'), snapshot('012')]);
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 6953, 100% of 6954 total');
  await page.getByLabel('Base snapshot').selectOption({ label: 'pprof.service.goroutine.011.pb.gz' });
  // go tool pprof -top -diff_base=…011.pb.gz …012.pb.gz (test/fixtures/pprof-oracle/service/012-base-011.top.txt)
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 577, 9.05% of 6376 total');
  expect(await rowCells(topRow(page, 'runtime.gopark'))).toMatchObject({ flat: '577', flatPct: '9.05%', sumPct: '9.05%', cum: '577', cumPct: '9.05%' });
  expect(await rowCells(topRow(page, 'net/http.(*connReader).backgroundRead'))).toMatchObject({ flat: '0', cum: '-2', cumPct: '0.031%' });
  await expect(topRow(page, 'main.main')).toHaveCount(0);
  await expect(page.locator('.top-diff-note')).toContainText('Changes since pprof.service.goroutine.011.pb.gz');
  await expect.poll(() => hash(page)).toContain('base=1');
  await shot(page, 'top-compare-1280x720');
  await expectFits(page);

  // The address brings the comparison back.
  await page.reload();
  await pickFixtures(page, [snapshot('011'), snapshot('012')]);
  await expect(page.getByLabel('Base snapshot')).toHaveValue(/\d+/);
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 577, 9.05% of 6376 total');

  await page.getByLabel('Base snapshot').selectOption({ label: 'nothing' });
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 6953, 100% of 6954 total');
  await expect.poll(() => hash(page)).not.toContain('base=');
});

test('selecting a Top row peeks at its callers and callees, as go tool pprof -peek; clicking one selects it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, './#view=top');
  await pickFixtures(page, [snapshot('040')]);
  await expect(peek(page)).toHaveCount(0);
  await topRow(page, 'main.(*service).lockContention.func1').click();
  await expect.poll(() => hash(page)).toContain('fn=main.(*service).lockContention.func1');
  // go tool pprof -peek '^main\.\(\*service\)\.lockContention\.func1$' …040.pb.gz
  await expect(peek(page).getByLabel('Peeked function')).toContainText('main.(*service).lockContention.func1');
  expect(await callLines(page, 'Callers')).toEqual([]);
  await expect(peek(page).getByRole('list', { name: 'Callers' })).toHaveText('No callers: its goroutines start here.');
  expect(await callLines(page, 'Callees')).toEqual([
    ['5', '83.33%', 'sync.(*Mutex).Lock (inline)'],
    ['1', '16.67%', 'time.Sleep'],
  ]);
  await shot(page, 'top-peek-1280x720');
  await expectFits(page);

  await peek(page).getByRole('button', { name: /sync\.\(\*Mutex\)\.Lock/ }).click();
  await expect(topRow(page, 'sync.(*Mutex).Lock')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => hash(page)).toContain('fn=sync.(*Mutex).Lock');
  await expect(peek(page).getByLabel('Peeked function')).toContainText('sync.(*Mutex).Lock');
  expect(await callLines(page, 'Callers')).toEqual([['5', '100%', 'main.(*service).lockContention.func1 (inline)']]);
  expect(await callLines(page, 'Callees')).toEqual([['5', '100%', 'sync.(*Mutex).lockSlow']]);

  // The selection in the address opens the same panel.
  await page.reload();
  await pickFixtures(page, [snapshot('040')]);
  await expect(peek(page).getByLabel('Peeked function')).toContainText('sync.(*Mutex).Lock');
});

for (const size of SIZES.filter((s) => s.width !== 1920)) {
  test(`Top with a base and a peeked row fits ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, './#view=top');
    await pickFixtures(page, [snapshot('005'), snapshot('006')]);
    await page.getByLabel('Base snapshot').selectOption({ label: 'pprof.service.goroutine.005.pb.gz' });
    await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 581, 20.23% of 2872 total');
    await topRow(page, 'main.(*service).lookupInventory').click();
    // go tool pprof -peek … -diff_base=…005.pb.gz …006.pb.gz (test/fixtures/pprof-oracle/service/006-base-005.peek.txt)
    expect(await callLines(page, 'Callers')).toEqual([['-1', '100%', 'main.(*service).handleOrder.func1']]);
    expect(await callLines(page, 'Callees')).toEqual([['-1', '100%', 'runtime.selectgo']]);
    await expect(page.locator('.top-body [role="row"]').nth(5)).toBeInViewport();
    await shot(page, `top-compare-peek-${size.width}x${size.height}`);
    await expectFits(page);
  });
}
