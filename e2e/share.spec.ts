import { expect, test, type Page } from '@playwright/test';
import { addFilter, dropFixtures, pickFixtures, rowCells, topRow } from './app-helpers';
import { shot } from './helpers';

const snapshots = (page: Page) => page.locator('.snapshot-list .snapshot');
const chip = (page: Page, key: string) => page.locator(`.refine-chip[data-filter="${key}"]`);
const summary = (page: Page) => page.locator('.refine-summary');

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
});

async function openDemo(page: Page, hash = '#v1&view=top'): Promise<void> {
  await page.goto(`./?demo${hash}`);
  await expect(snapshots(page)).toHaveCount(40);
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog.getByTestId('share-size')).toContainText('Link size:');
  return dialog.getByLabel('Link').inputValue();
}

test('a shared link opens the same view in a fresh browser, with the profile inside the link', async ({ page, browser }) => {
  await openDemo(page);
  await page.locator('.snapshot', { hasText: '012.pb.gz' }).click();
  await addFilter(page, 'focus', 'exporter');
  await expect(chip(page, 'f')).toContainText('exporter');
  const here = await rowCells(topRow(page, 'main.(*exporter).send'));
  const link = await shareLink(page);
  await expect(page.getByTestId('share-size')).toContainText(/Link size: [\d.]+ KiB for 40 snapshots/);
  await shot(page, 'share-dialog');
  expect(link).toMatch(/#v1&view=top&snap=12&f=exporter&pv=1\.[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(snapshots(other)).toHaveCount(40);
  await expect(other.locator('.snapshot.selected')).toContainText('012.pb.gz');
  await expect(chip(other, 'f')).toContainText('exporter');
  await expect.poll(() => rowCells(topRow(other, 'main.(*exporter).send'))).toEqual(here);
  await shot(other, 'share-opened');
  await fresh.close();
});

test('a reload keeps the filters, the selection and the view', async ({ page }) => {
  await openDemo(page);
  await addFilter(page, 'focus', 'exporter');
  await addFilter(page, 'tagfocus', 'tenant=acme');
  await expect(summary(page)).toHaveText('3,402 (14.4%)');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#v1&view=top&f=exporter&tf=tenant%3Dacme');
  await shot(page, 'refine-bar');
  await page.reload();
  await expect(snapshots(page)).toHaveCount(40);
  await expect(chip(page, 'f')).toContainText('exporter');
  await expect(chip(page, 'tf')).toContainText('tenant=acme');
  await expect(summary(page)).toHaveText('3,402 (14.4%)');
  await chip(page, 'tf').getByRole('button', { name: 'Remove tagfocus filter' }).click();
  await expect(summary(page)).toHaveText('13,610 (57.4%)');
  // As go tool pprof -top -focus=exporter: percentages stay of the whole profile.
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 13610, 57.43% of 23697 total');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#v1&view=top&f=exporter');
});

test('a filter that matches nothing says so, as pprof does', async ({ page }) => {
  await openDemo(page);
  await addFilter(page, 'ignore', 'no_such_function');
  await expect(chip(page, 'i')).toHaveClass(/unmatched/);
  await expect(chip(page, 'i')).toHaveAttribute('title', 'Ignore expression matched no samples in this snapshot');
  await addFilter(page, 'focus', 'nothing_here_either');
  await expect(summary(page)).toHaveText('no samples match');
});

test('a catastrophic regexp is stopped in its own worker and the page stays usable', async ({ page }) => {
  await openDemo(page);
  await addFilter(page, 'hide', '^(/|[a-z]+|[a-z0-9./-])+\\.(?!go$)$');
  const editor = page.getByRole('dialog', { name: 'Add a filter' });
  await expect(editor.getByRole('alert')).toContainText('hide: regex took too long');
  await expect(chip(page, 'h')).toHaveCount(0);
  await shot(page, 'refine-regex-timeout');
  await addFilter(page, 'focus', 'exporter');
  await expect(summary(page)).toHaveText('13,610 (57.4%)');
});

test('a damaged link shows what is wrong, and no crash', async ({ page }) => {
  await page.goto(`./#v1&f=exporter&pv=1.H4sIAAAAAAAAA-VXWWwbxxneWR66KJm6aOuwjpUoURS1pA5KFp3LkSxRtmQzomQ1sR11uTuktlzOrPeQRAdpAVcw0qIwDMQwkCBt0yAJjEANChVwi8ZF_dA`);
  await expect(page.locator('.load-error')).toContainText(/shared link.*(truncated|EOF).*cut off/);
  await page.goto('./#v1&pv=1.<not-base64>');
  await expect(page.locator('.load-error').last()).toContainText('not base64url');
  await shot(page, 'share-damaged');
});

test('a share too long for an address is offered as a .parkview file, which opens by drop', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  const files = Array.from({ length: 60 }, (_, i) => `fanout-series/pprof.fanout.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`);
  await pickFixtures(page, files);
  await expect(snapshots(page)).toHaveCount(60, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog.getByRole('status')).toContainText('more than the about 2 MiB browsers accept', { timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeDisabled();
  await shot(page, 'share-too-long');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .parkview' }).click()]);
  expect(download.suggestedFilename()).toBe('parkview-60-snapshots.parkview');
  const path = await download.path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('./');
  await other.locator('#pv-open-files').setInputFiles(path);
  await expect(snapshots(other)).toHaveCount(60, { timeout: 60_000 });
  await expect(other.locator('.snapshot.selected')).toContainText('060.pb.gz');
  await fresh.close();
});

test('an address opened by hand applies its view once the snapshots arrive, theme included', async ({ page }) => {
  await openDemo(page, '#v1&view=top&theme=dark&snap=39&f=exporter&g=lines');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.snapshot.selected')).toContainText('039.pb.gz');
  await expect(chip(page, 'f')).toContainText('exporter');
  await expect(page.getByRole('radio', { name: 'lines' })).toHaveAttribute('aria-checked', 'true');
  await shot(page, 'refine-bar-dark');
  await page.locator('.refine-add').click();
  await shot(page, 'refine-editor-dark');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByTestId('share-size')).toContainText('Link size:');
  await shot(page, 'share-dialog-dark');
});

test('a link with a broken filter says which one, and the user can correct it', async ({ page }) => {
  await openDemo(page, '#v1&f=send(');
  const refused = page.locator('.refine-chip.refused');
  await expect(refused).toHaveText('focus not applied');
  await refused.click();
  const editor = page.getByRole('dialog', { name: 'Add a filter' });
  await expect(editor.getByRole('alert')).toContainText('parsing focus regexp');
  await expect(editor.getByLabel('Pattern')).toHaveValue('send(');
  await shot(page, 'refine-refused');
  await editor.getByLabel('Pattern').fill('send');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(chip(page, 'f')).toContainText('send');
  await expect(refused).toHaveCount(0);
});

test("the flame graph's search and diff base are in the address and survive a reload", async ({ page }) => {
  await openDemo(page, '#v1&view=flame&base=1&fq=exporter&fo=flame');
  await expect(page.getByRole('tab', { name: 'Flame graph' })).toHaveAttribute('aria-selected', 'true');
  const search = page.getByLabel('Search frames');
  await expect(search).toHaveValue('exporter');
  await expect(page.getByLabel('Base snapshot').locator('option:checked')).toContainText('001');
  await search.fill('lookupInventory');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#v1&view=flame&base=1&fq=lookupInventory&fo=flame');
  await page.reload();
  await expect(snapshots(page)).toHaveCount(40);
  await expect(page.getByLabel('Search frames')).toHaveValue('lookupInventory');
  await shot(page, 'share-flame-address');
});

const SEND = 'main.(*exporter).send';
const hashOf = (page: Page) => () => page.evaluate(() => location.hash);

test('the function picked in the Source view, or its -list regex, is listed again after a reload', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  const picker = page.getByRole('combobox', { name: 'Function', exact: true });
  await picker.fill(SEND);
  await expect(page.locator('.routine-name')).toHaveText([SEND]);
  await expect.poll(hashOf(page)).toBe('#v1&view=source&fn=main.%28*exporter%29.send');
  await page.reload();
  await expect(snapshots(page)).toHaveCount(40);
  await expect(page.getByRole('tab', { name: 'Source', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.routine-name')).toHaveText([SEND]);
  await expect(picker).toHaveValue(SEND);

  await page.getByRole('radio', { name: 'Regex' }).click();
  const regex = page.getByRole('searchbox', { name: 'Function regex' });
  await regex.fill('lookupInventory|exporter');
  await regex.press('Enter');
  await page.getByRole('radio', { name: 'By name' }).click();
  const listed = [SEND, 'main.(*service).lookupInventory.func1'];
  await expect(page.locator('.routine-name')).toHaveText(listed);
  await expect.poll(hashOf(page)).toBe('#v1&view=source&fn=main.%28*exporter%29.send&list=lookupInventory%7Cexporter&listorder=name');
  await page.reload();
  await expect(snapshots(page)).toHaveCount(40);
  await expect(page.getByRole('radio', { name: 'Regex' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('radio', { name: 'By name' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('searchbox', { name: 'Function regex' })).toHaveValue('lookupInventory|exporter');
  await expect(page.locator('.routine-name')).toHaveText(listed);
});

test('the selected function and the graph’s nodecount survive a reload', async ({ page }) => {
  await openDemo(page);
  await topRow(page, SEND).click();
  await expect(topRow(page, SEND)).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Graph', exact: true }).click();
  const nodes = page.getByLabel(/Show at most this many nodes/);
  // The four label boxes under runtime.gopark count against the 10, as in pprof: 6 nodes.
  await nodes.fill('10');
  await nodes.press('Enter');
  await expect(page.locator('.gnode')).toHaveCount(6);
  await expect(page.locator('.graph-summary')).toContainText('Showing top 6 nodes out of');
  await expect.poll(hashOf(page)).toBe('#v1&view=graph&fn=main.%28*exporter%29.send&nodecount=10');
  await page.reload();
  await expect(snapshots(page)).toHaveCount(40);
  await expect(page.getByLabel(/Show at most this many nodes/)).toHaveValue('10');
  await expect(page.locator('.gnode')).toHaveCount(6);
  await page.getByRole('tab', { name: 'Top', exact: true }).click();
  await expect(topRow(page, SEND)).toHaveAttribute('aria-selected', 'true');
});

test('the Leaks view’s grouping, chart and selected suspect survive a reload', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('tab', { name: 'Leaks', exact: true }).click();
  await expect(page.locator('.timeline-point')).toHaveCount(40);
  const grouping = page.getByRole('radiogroup', { name: 'Group by' });
  await grouping.getByRole('radio', { name: 'Function', exact: true }).click();
  await page.getByLabel('Rank chart areas by').selectOption('growth');
  const rows = page.locator('.suspects-row');
  await rows.filter({ hasText: 'lookupInventory' }).click();
  await expect(page.locator('.suspect-detail h3')).toHaveText('main.(*service).lookupInventory.func1');
  await expect.poll(hashOf(page)).toMatch(/^#v1&view=leaks&ff=[^&]+&fn=main\.%28\*service%29\.lookupInventory\.func1&group=function&chart=growth&suspect=\d+$/);
  await page.reload();
  await expect(snapshots(page)).toHaveCount(40);
  await expect(page.getByRole('radiogroup', { name: 'Group by' }).getByRole('radio', { name: 'Function', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByLabel('Rank chart areas by')).toHaveValue('growth');
  await expect(page.locator('.suspect-detail h3')).toHaveText('main.(*service).lookupInventory.func1');
  await expect(page.locator('.suspects-row.selected')).toContainText('lookupInventory');
});

test('a shared link carries the selection, the graph’s pruning and the leaks grouping', async ({ page, browser }) => {
  await openDemo(page);
  await page.getByRole('tab', { name: 'Leaks', exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Group by' }).getByRole('radio', { name: 'Creator' }).click();
  await page.locator('.suspects-row').first().click();
  const selected = await page.locator('.suspect-detail h3').textContent();
  await page.getByRole('tab', { name: 'Graph', exact: true }).click();
  const nodes = page.getByLabel(/Show at most this many nodes/);
  // With the four label boxes under runtime.gopark, 9 leaves room for 5 nodes, as in pprof.
  await nodes.fill('9');
  await nodes.press('Enter');
  await expect(page.locator('.graph-summary')).toContainText('Showing top 5 nodes out of');
  const drawn = await page.locator('.gnode').allTextContents();
  const link = await shareLink(page);
  expect(link).toMatch(/#v1&view=graph&ff=[^&]+&fn=[^&]+&nodecount=9&group=creator&suspect=\d+&pv=1\.[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(snapshots(other)).toHaveCount(40);
  await expect(other.getByLabel(/Show at most this many nodes/)).toHaveValue('9');
  await expect(other.locator('.graph-summary')).toContainText('Showing top 5 nodes out of');
  await expect(other.locator('.gnode')).toHaveText(drawn);
  await other.getByRole('tab', { name: 'Leaks', exact: true }).click();
  await expect(other.getByRole('radiogroup', { name: 'Group by' }).getByRole('radio', { name: 'Creator' })).toHaveAttribute('aria-checked', 'true');
  await expect(other.locator('.suspect-detail h3')).toHaveText(selected ?? '');
  await fresh.close();
});

test('the Top table’s filter and sort survive a reload', async ({ page }) => {
  await openDemo(page);
  await page.getByLabel('Filter rows').fill('/^main\\./');
  await page.getByRole('columnheader', { name: /^Name/ }).click();
  const names = page.locator('.top-body .fn');
  await expect(names.first()).toHaveText('main.(*exporter).send');
  const shown = await names.allTextContents();
  expect(shown.length).toBeGreaterThan(3);
  expect(shown.every((n) => n.startsWith('main.'))).toBe(true);
  expect([...shown].sort()).toEqual(shown);
  await expect.poll(hashOf(page)).toBe('#v1&view=top&topfilter=%2F%5Emain%5C.%2F&topsort=name');
  await page.reload();
  await expect(snapshots(page)).toHaveCount(40);
  await expect(page.getByLabel('Filter rows')).toHaveValue('/^main\\./');
  await expect(page.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(names).toHaveText(shown);
});

test('the Goroutines view’s filters come from the address', async ({ page }) => {
  await page.goto('./#v1&view=goroutines&gfilter=cacheJanitor');
  await dropFixtures(page, ['service/goroutine.service.debug2.txt']);
  const buckets = page.locator('.bucket');
  await expect(buckets).toHaveCount(1);
  await expect(page.getByLabel('Filter goroutines')).toHaveValue('cacheJanitor');
  await expect(buckets.first().locator('.state-chip')).toHaveText('sync.(*Cond).Wait');
  await page.getByLabel('Filter goroutines').fill('');
  await page.getByLabel('Filter by state').selectOption('IO wait');
  await expect(page.locator('.goroutines-view .view-summary')).toContainText('36 of 23,459 goroutines');
  await expect.poll(hashOf(page)).toBe('#v1&view=goroutines&gstate=IO+wait');
});

test('an opened link keeps its data in the address when snapshots are added or removed, so a reload loses nothing', async ({ page, browser }) => {
  await page.goto('./#v1&view=top');
  await dropFixtures(page, ['seed/timeout/pprof.timeout.goroutine.001.pb.gz', 'seed/timeout/pprof.timeout.goroutine.002.pb.gz']);
  await expect(snapshots(page)).toHaveCount(2);
  const link = await shareLink(page);
  expect(link).toMatch(/&pv=1\./);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(snapshots(other)).toHaveCount(2);
  await dropFixtures(other, ['seed/timeout/pprof.timeout.goroutine.003.pb.gz']);
  await expect(snapshots(other)).toHaveCount(3);
  await other.locator('.snapshot', { hasText: '001.pb.gz' }).click();
  await expect.poll(() => other.url()).toContain('&snap=1&');
  expect(other.url()).toContain('&pv=1.');
  await other.reload();
  await expect(snapshots(other)).toHaveCount(2);
  await expect(other.locator('.snapshot.selected')).toContainText('001.pb.gz');

  await other.locator('.snapshot', { hasText: '001.pb.gz' }).getByRole('button', { name: /^Remove/ }).click();
  await expect(snapshots(other)).toHaveCount(1);
  await other.waitForTimeout(600);
  expect(other.url()).toContain('&pv=1.');
  await other.reload();
  await expect(snapshots(other)).toHaveCount(2);
  await fresh.close();
});
