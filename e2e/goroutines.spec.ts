import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, dropFixtures } from './app-helpers';
import { shot } from './helpers';

const PROJECT = resolve(import.meta.dirname, '../test/fixtures');
const project = (rel: string) => ({ name: rel.split('/').pop()!, bytes: readFileSync(`${PROJECT}/${rel}`) });
const hashOf = (page: Page) => () => page.evaluate(() => location.hash);
const summary = (page: Page) => page.locator('.goroutines-view .view-summary');

/** test/fixtures/stuck: protobuf profiles at 0, 30, 100 and 200 s and debug=2 dumps at 30, 100 and 200 s of one process. */
async function dropStuck(page: Page): Promise<void> {
  const files = [1, 2, 3, 4].map((i) => project(`stuck/pprof.stuck.goroutine.00${i}.pb.gz`));
  await dropFiles(page, [...files, ...[2, 3, 4].map((i) => project(`stuck/goroutine.stuck.00${i}.debug2.txt`))]);
  await expect(page.locator('.snapshot-list li')).toHaveCount(7);
  await page.locator('.snapshot-list li', { hasText: 'goroutine.stuck.004.debug2.txt' }).click();
  await page.keyboard.press('g');
}

test('only a growing group is stuck: the burst’s senders are, the worker pool and the tickers are not', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./');
  await dropStuck(page);
  await expect(summary(page)).toContainText('90 goroutines in');
  await expect(summary(page)).toContainText('40 stuck (in the previous dump too, in groups that grow over the series)');
  const bucket = (fn: string) => page.locator('.bucket', { has: page.locator('.bucket-fn', { hasText: new RegExp(`^${fn.replace(/[.*()]/g, '\\$&')}$`) }) });
  await expect(bucket('main.lookupQuota').locator('.badge.stuck')).toHaveText('all stuck');
  await expect(page.locator('.badge.stuck')).toHaveCount(1);
  // The 12 workers were in the earlier dumps too, but the pool does not grow: no badge at all.
  await expect(bucket('main.worker').locator('.bucket-count')).toHaveText('12');
  await expect(bucket('main.worker').locator('.badge')).toHaveCount(0);
  await expect(bucket('main.refresh').first().locator('.badge')).toHaveCount(0);
  await shot(page, 'goroutines-stuck-light');
});

test('waiting ≥ N min and the sort by wait filter the list, count it in the header and stay in the address', async ({ page }) => {
  await page.goto('./');
  await dropStuck(page);
  await expect(summary(page)).toContainText('90 goroutines in');
  await page.getByLabel('Least wait in minutes').fill('3');
  await expect(page.locator('.bucket')).toHaveCount(1);
  await expect(summary(page)).toContainText('40 of 90 goroutines in 1 group');
  await expect(page.locator('.bucket .bucket-count')).toHaveText('40');
  await expect.poll(hashOf(page)).toContain('gwait=3');
  await page.getByLabel('Least wait in minutes').fill('');
  await expect(summary(page)).toContainText('90 goroutines in');
  await page.getByLabel('Sort goroutines').selectOption('wait');
  await expect(page.locator('.bucket').first().locator('.bucket-fn')).toHaveText('main.lookupQuota');
  await expect(page.locator('.bucket').first().locator('.bucket-wait')).toHaveText('3 min');
  await expect.poll(hashOf(page)).toMatch(/&gsort=wait(&|$)/);
  expect(await page.evaluate(() => location.hash)).not.toContain('gwait');
  // The address brings both back.
  await page.goto('./#v1&view=goroutines&gwait=3&gsort=wait');
  await dropFixtures(page, ['service/goroutine.service.debug2.txt']);
  await expect(page.getByLabel('Least wait in minutes')).toHaveValue('3');
  await expect(page.getByLabel('Sort goroutines')).toHaveValue('wait');
  await expect(summary(page)).toContainText('2,654 of 23,459 goroutines');
  await shot(page, 'goroutines-wait-filter-light');
});

test('one dump: sync waits say the call from the stack, long waits are neutral, never stuck', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, ['service/goroutine.service.debug2.txt']);
  await page.keyboard.press('g');
  await expect(summary(page)).toContainText('23,459 goroutines');
  await expect(summary(page)).not.toContainText('stuck');
  await expect(page.locator('.badge.stuck')).toHaveCount(0);
  const first = page.locator('.bucket').first();
  await expect(first.locator('.badge.long-wait')).toHaveText('long wait');
  expect(await first.locator('.badge.long-wait').evaluate((e) => getComputedStyle(e).color)).not.toBe(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--danger')));
  await page.getByLabel('Filter goroutines').fill('burstyImports');
  const wait = page.locator('.bucket', { has: page.locator('.bucket-fn', { hasText: /^main\.\(\*service\)\.burstyImports$/ }) });
  // Go 1.23 printed `semacquire`; the stack says which call.
  await expect(wait.locator('.state-chip')).toHaveText('sync.(*WaitGroup).Wait');
  await expect(wait.locator('.state-chip')).toHaveAttribute('title', /The dump says “semacquire”/);
  await wait.locator('.bucket-head').click();
  await expect(wait.locator('.bucket-explain')).toContainText('Waiting in WaitGroup.Wait');
  await expect(page.locator('.bucket-explain')).not.toContainText('older Go');
  await page.getByLabel('Filter goroutines').fill('');
  await page.getByLabel('Filter by state').selectOption('sync.(*Mutex).Lock');
  await expect(page.locator('.bucket .state-chip')).toHaveText(['sync.(*Mutex).Lock']);
  await expect(summary(page)).toContainText('5 of 23,459 goroutines');
  await shot(page, 'goroutines-sync-labels-light');
});

test('the Leaks suspect detail names a Go 1.27 mutex and WaitGroup wait by the sync call', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, [project('go127/goroutine.parkfix.debug2.txt')]);
  await page.keyboard.press('l');
  await page.locator('.leaks-table-bar').getByRole('radio', { name: /All groups/ }).click();
  const row = (fn: string) => page.locator('.suspects-row', { has: page.locator('.fn', { hasText: new RegExp(`^${fn}$`) }) });
  await expect(row('main.waitAll')).toContainText('sync.(*WaitGroup).Wait');
  await row('main.lockHeld').click();
  await expect(page.locator('.suspect-detail .state-chip')).toHaveText('sync.(*Mutex).Lock');
  await shot(page, 'leaks-sync-label-light');
});
