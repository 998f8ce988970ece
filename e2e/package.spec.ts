import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fixture, shot } from './helpers';
import { freePort, start, stopAll, waitForLine } from './processes';

/** What users get from the registry: the tarball `npm pack` makes, installed into an empty folder. */
let workDir = '';

function sizeOf(path: string): number {
  const info = statSync(path);
  return info.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : info.size;
}

const MB = 1024 * 1024;

test.afterAll(() => {
  stopAll();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('the packed tarball installs into an empty folder and `npx parkview` serves the demo and prints top', async ({ page }) => {
  test.setTimeout(180_000);
  workDir = mkdtempSync(join(tmpdir(), 'parkview-package-'));
  // `prepack` builds the app and the command first; its output precedes npm's JSON.
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const packed = JSON.parse(out.slice(out.search(/^\[/m))) as [{ filename: string; files: { path: string }[] }];
  const files = packed[0].files.map((f) => f.path);
  expect(files).toContain('dist/index.html');
  expect(files).toContain('dist-cli/main.mjs');
  expect(files).toContain('cli/parkview.mjs');
  // The built app and the bundled command only: no sources, tests or tools.
  expect(files.filter((f) => !/^(dist\/|dist-cli\/|cli\/parkview\.mjs$|package\.json$|README\.md$|LICENSE$)/.test(f))).toEqual([]);

  const app = join(workDir, 'app');
  mkdirSync(app);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', `../${packed[0].filename}`], { cwd: app, stdio: 'ignore' });
  // Nothing but the package itself: it needs no dependencies at run time.
  expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['parkview']);
  const tarball = statSync(join(workDir, packed[0].filename)).size;
  const installed = sizeOf(join(app, 'node_modules'));
  test.info().annotations.push({ type: 'size', description: `tarball ${(tarball / MB).toFixed(2)} MB, installed ${(installed / MB).toFixed(2)} MB` });
  expect(tarball).toBeLessThan(2 * MB);
  expect(installed).toBeLessThan(3.5 * MB);

  const top = spawnSync('npx', ['parkview', 'top', fixture('service/pprof.service.goroutine.040.pb.gz')], { cwd: app, encoding: 'utf8' });
  expect([top.status, top.stderr]).toEqual([0, '']);
  expect(top.stdout).toBe(readFileSync(fixture('expected/service-040.top.txt'), 'utf8'));

  // Below the minimum Node version, one clear line instead of a syntax error.
  const old = spawnSync('node', ['--import', 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.20.4"})', 'node_modules/.bin/parkview', 'top', 'x'], { cwd: app, encoding: 'utf8' });
  expect(old.status).toBe(1);
  expect(old.stderr).toMatch(/^parkview: needs Node\.js 20\.19 or newer; this is Node\.js 18\.20\.4\. Install a current Node\.js from https:\/\/nodejs\.org and run it again\.\n$/);

  const port = await freePort();
  const server = start('npx', ['parkview', '--demo', '--no-open', '--port', String(port)], { cwd: app });
  const [, url] = await waitForLine(server, /Parkview is serving on (\S+)/, 30_000);
  expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?demo&token=`));
  await page.goto(url);
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(40);
  await expect(page.locator('.suspects-row.selected .c-group .fn')).toHaveText('main.(*exporter).send');
  await page.keyboard.press('t');
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 23697, 100% of 23697 total');
  // The call graph lays itself out with the WebAssembly Graphviz the package carries.
  await page.keyboard.press('c');
  await expect(page.locator('.gnode')).toHaveCount(8);
  await shot(page, 'package-demo');
});
