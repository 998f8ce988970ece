import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { fixture, shot } from './helpers';

const DRIP = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/drip');

async function openLeaks(page: Page, files: string | string[], folder: boolean, count: number): Promise<void> {
  await page.goto('./');
  await page.locator('.header').waitFor();
  await page.locator(folder ? '#pv-open-folder' : '#pv-open-files').setInputFiles(files);
  await expect(page.locator('.snapshot-list li')).toHaveCount(count);
  await page.keyboard.press('l');
  await expect(page.locator('.leaks-view')).toBeVisible();
}

test('service folder: the debug=1 and debug=2 dumps stand on the chart at the last snapshot, and can be selected', async ({ page }) => {
  await openLeaks(page, fixture('service'), true, 42);
  await expect(page.locator('.timeline-point')).toHaveCount(40);
  await expect(page.locator('.timeline-dump')).toHaveCount(2);
  await expect(page.locator('.timeline-dump.taken-with')).toHaveCount(2);
  await expect(page.locator('.leaks-summary')).toHaveText('40 goroutine snapshots over 3m17s, 2 text dumps placed among them');
  await expect(page.getByText(/not on this timeline/)).toHaveCount(0);
  await expect(page.locator('.legend-dumps')).toHaveText('Text dumps placed on the series');

  const debug1 = page.locator('.timeline-dump[aria-label="service/goroutine.service.debug1.txt"]');
  await debug1.hover();
  const card = page.locator('.timeline-dump-card');
  await expect(card.locator('.timeline-card-head span')).toHaveText('service/goroutine.service.debug1.txt');
  await expect(card.locator('.num')).toHaveText('23,599');
  await expect(card.locator('.timeline-dump-how')).toHaveText(
    "debug=1 text taken with service/pprof.service.goroutine.040.pb.gz (the same goroutines on the same stacks): it stands at that snapshot's capture time",
  );
  await shot(page, 'leaks-service-dumps-light');

  // Selecting the dump makes it the shown snapshot, as a click on a snapshot point does.
  const hash = await page.evaluate(() => location.hash);
  await debug1.click();
  await expect(debug1).toHaveClass(/selected/);
  await expect(page.locator('.snapshot-list li[aria-selected="true"]')).toContainText('goroutine.service.debug1.txt');
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(hash);
  // The series stays the protobuf one, with the dump marked as shown.
  await expect(page.locator('.timeline-point')).toHaveCount(40);
  await expect(page.locator('.timeline-marker.shown')).toHaveCount(1);
});

test('dumps of a capture whose protobuf snapshot is missing: hollow points between its neighbours, without a capture time', async ({ page }) => {
  const files = ['pprof.drip.goroutine.001.pb.gz', 'pprof.drip.goroutine.003.pb.gz', 'goroutine.drip.002.debug1.txt', 'goroutine.drip.002.debug2.txt'];
  await openLeaks(page, files.map((f) => `${DRIP}/${f}`), false, 4);
  await expect(page.locator('.timeline-point')).toHaveCount(2);
  const dumps = page.locator('.timeline-dump.between');
  await expect(dumps).toHaveCount(2);
  await expect(page.getByText(/not on this timeline/)).toHaveCount(0);
  const [p1, p3] = await Promise.all([0, 1].map((i) => page.locator('.timeline-point').nth(i).boundingBox()));
  for (let i = 0; i < 2; i++) {
    const box = await dumps.nth(i).boundingBox();
    expect(box!.x).toBeGreaterThan(p1!.x);
    expect(box!.x).toBeLessThan(p3!.x);
  }
  await dumps.nth(1).hover();
  const card = page.locator('.timeline-dump-card');
  await expect(card.locator('.timeline-card-head strong')).toHaveText('no capture time');
  await expect(card.locator('.timeline-dump-how')).toContainText(
    'debug=2 text taken between pprof.drip.goroutine.001.pb.gz and pprof.drip.goroutine.003.pb.gz (its goroutines per stack lie between theirs), placed without a capture time',
  );
  await shot(page, 'leaks-dumps-between-light');
  await dumps.nth(1).click();
  await expect(dumps.nth(1)).toHaveClass(/selected/);
});
