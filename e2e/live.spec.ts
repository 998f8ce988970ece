import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { rowCells, topRow } from './app-helpers';
import { fixture, shot } from './helpers';
import { freePort, start, stopAll, waitForHttp, waitForLine } from './processes';

let workDir = '';

test.afterAll(() => {
  stopAll();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('parkview --every 1s follows a running Go program and the leak grows live', async ({ page }) => {
  test.setTimeout(180_000);
  workDir = mkdtempSync(join(tmpdir(), 'parkview-live-'));
  const binary = join(workDir, 'seedleaks');
  const build = spawnSync('go', ['build', '-o', binary, '.'], {
    cwd: fixture('src/github.com/acme/leaky/cmd/seedleaks'),
    env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOPROXY: 'off' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(build.status, build.stderr).toBe(0);

  const goPort = await freePort();
  start(binary, ['-mode', 'timeout', '-addr', `127.0.0.1:${goPort}`]);
  const target = `http://127.0.0.1:${goPort}/debug/pprof/goroutine`;
  await waitForHttp(target, 15_000);

  const pvPort = await freePort();
  const parkview = start('node', [resolve('cli/parkview.mjs'), '--every', '1s', '--no-open', '--port', String(pvPort), target]);
  const [, url] = await waitForLine(parkview, /Parkview is serving on (\S+)/, 20_000);
  expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${pvPort}/\\?token=`));

  await page.goto(url);
  const snapshots = page.locator('.snapshot-list .snapshot');
  await expect(snapshots.first()).toBeVisible({ timeout: 15_000 });
  await expect(snapshots.first()).toContainText(`pprof.127.0.0.1:${goPort}.goroutine.001.pb.gz`);
  await expect.poll(() => snapshots.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(6);

  // The leaking goroutine is the biggest non-runtime group, and it keeps growing.
  await page.keyboard.press('t');
  const leak = topRow(page, 'main.handleRequest.func1');
  const cumOf = async () => Number((await rowCells(leak)).cum);
  await expect.poll(cumOf, { timeout: 10_000 }).toBeGreaterThan(40);
  const earlier = await cumOf();
  await expect.poll(cumOf, { timeout: 15_000 }).toBeGreaterThan(earlier);

  // The leak analysis over the growing series names it as the top suspect.
  await page.getByRole('tab', { name: 'Leaks' }).click();
  const topSuspect = page.locator('.suspects-body .suspects-row').first();
  await expect(topSuspect).toHaveClass(/\bsuspect\b/, { timeout: 15_000 });
  await expect(topSuspect.locator('.fn')).toHaveText('main.handleRequest.func1');
  const charted = async () => Number(/(\d+) goroutine snapshots/.exec((await page.getByText(/\d+ goroutine snapshots/).textContent()) ?? '')?.[1]);
  const before = await charted();
  await expect.poll(charted, { timeout: 10_000 }).toBeGreaterThan(before);
  await shot(page, 'live');

  // A URL typed into the page is fetched by the server too: no CORS failure.
  await page.getByRole('button', { name: 'URL', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Fetch a profile from a URL' });
  await expect(dialog).toContainText('opened by the parkview command');
  await dialog.getByLabel('Profile URL').fill(`${target}?debug=2`);
  await dialog.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.locator('.snapshot', { hasText: 'goroutine?debug=2' })).toHaveCount(1);
  await expect(page.locator('.load-error')).toHaveCount(0);
});
