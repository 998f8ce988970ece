import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { shot } from './helpers';
import { freePort, start, stopAll, waitForHttp } from './processes';

/** A Go service that leaks, with the Go module's handler mounted at /debug/parkview/: no parkview command involved. */
let workDir = '';

test.afterAll(() => {
  stopAll();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const GO_ENV = { GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOPROXY: 'off' };

/** Builds the example service; with Go 1.26's goroutineleak experiment where the toolchain has it. */
function buildLeaky(binary: string): { leakProfile: boolean } {
  const build = (env: NodeJS.ProcessEnv) =>
    spawnSync('go', ['build', '-o', binary, './example/leaky'], { cwd: resolve('go/parkview'), env: { ...process.env, ...GO_ENV, ...env }, encoding: 'utf8', timeout: 120_000 });
  const version = spawnSync('go', ['env', 'GOVERSION'], { env: { ...process.env, ...GO_ENV }, encoding: 'utf8' }).stdout.trim();
  const [major, minor] = (/^go(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  if (major > 1 || minor >= 27) {
    expect(build({}).status).toBe(0);
    return { leakProfile: true };
  }
  if (minor === 26) {
    const r = build({ GOEXPERIMENT: 'goroutineleakprofile' });
    expect(r.status, r.stderr).toBe(0);
    return { leakProfile: true };
  }
  const r = build({});
  expect(r.status, r.stderr).toBe(0);
  return { leakProfile: false };
}

test('a Go service serves Parkview at /debug/parkview/ and the page follows its own goroutine leak live', async ({ page }) => {
  test.setTimeout(180_000);
  workDir = mkdtempSync(join(tmpdir(), 'parkview-go-'));
  const binary = join(workDir, 'leaky');
  const { leakProfile } = buildLeaky(binary);

  const port = await freePort();
  start(binary, ['-addr', `127.0.0.1:${port}`, '-every', '1s']);
  const home = `http://127.0.0.1:${port}/debug/parkview/`;
  await waitForHttp(home, 15_000);

  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(home) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
  });
  await page.goto(home);
  expect(page.url()).toMatch(/\/debug\/parkview\/\?token=[A-Za-z0-9_-]{32}$/);
  const series = page.locator('.snapshot-list .snapshot', { hasText: /^pprof\.leaky\.goroutine\.\d{3}\.pb\.gz/ });
  await expect(series.first()).toContainText('pprof.leaky.goroutine.001.pb.gz', { timeout: 20_000 });
  await expect.poll(() => series.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  await expect(page.locator('.snapshot-list .snapshot', { hasText: 'pprof.leaky.goroutineleak.' }).first()).toBeVisible({ visible: leakProfile });

  // The goroutine that sends to a channel nobody reads any more is the top suspect, and it keeps growing.
  await page.getByRole('tab', { name: 'Leaks' }).click();
  const topSuspect = page.locator('.suspects-body .suspects-row').first();
  await expect(topSuspect).toHaveClass(/\bsuspect\b/, { timeout: 20_000 });
  await expect(topSuspect.locator('.fn')).toHaveText('main.handleRequest.func1');
  if (leakProfile) await expect(page.locator('.leaks-verdict')).toContainText('proven by a goroutineleak profile');
  const charted = async () => Number(/(\d+) goroutine snapshots/.exec((await page.getByText(/\d+ goroutine snapshots/).textContent()) ?? '')?.[1]);
  const before = await charted();
  await expect.poll(charted, { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(page.locator('.load-error')).toHaveCount(0);
  await shot(page, 'go-handler');
  expect(foreign).toEqual([]);
});
