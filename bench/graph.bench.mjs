#!/usr/bin/env node
// The Graph view on fanout-100k in Chromium, against the built app: from opening the view (the
// Graph tab clicked, with the profile loaded and the Top table on screen) to the laid-out graph on
// screen. Each run is a fresh page, so it pays for the view's code, the layout Worker and Graphviz's
// WebAssembly; `warm_median_ms` opens the view again on the same page. Serves PARKVIEW_DIST when
// set, else a fresh build of the current sources.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROFILE = resolve(ROOT, '../shared/fixtures/fanout-100k/pprof.fanout.goroutine.001.pb.gz');
const RUNS = 5;
const NODES = 38;

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server at ${url}`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
}

/** Clicks a view's tab in the page and resolves with the ms until the graph is drawn (a frame after its nodes are in). */
function openView(page, label, nodes) {
  return page.evaluate(
    ({ label, nodes }) =>
      new Promise((resolveTime) => {
        const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === label);
        const t0 = performance.now();
        tab.click();
        const check = () => {
          const drawn = document.querySelectorAll('.gnode').length >= nodes && document.querySelector('.graph-scene[transform]');
          if (drawn) requestAnimationFrame(() => resolveTime(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { label, nodes },
  );
}

function build() {
  const dir = mkdtempSync(join(tmpdir(), 'parkview-bench-'));
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
  return dir;
}

const built = !process.env.PARKVIEW_DIST;
const DIST = built ? build() : resolve(process.env.PARKVIEW_DIST);
const port = await freePort();
const server = spawn(process.execPath, ['cli/parkview.mjs', 'serve', '--port', String(port), '--no-open'], {
  cwd: ROOT,
  env: { ...process.env, PARKVIEW_DIST: DIST },
  stdio: 'ignore',
});
const browser = await chromium.launch({
  executablePath: process.env.PARKVIEW_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url);
  const cold = [];
  const warm = [];
  const foreign = new Set();
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.add(r.url());
    });
    await page.goto(url);
    await page.locator('#pv-open-files').setInputFiles(PROFILE);
    await page.locator('.top-body [role="row"]').first().waitFor();
    cold.push(await openView(page, 'Graph', NODES));
    await page.locator('[role="tab"]', { hasText: 'Top' }).click();
    await page.locator('.top-body [role="row"]').first().waitFor();
    warm.push(await openView(page, 'Graph', NODES));
    await page.close();
  }
  if (foreign.size) throw new Error(`the Graph view fetched from elsewhere: ${[...foreign].join(', ')}`);
  console.log(`BENCH graph-fanout-100k median_ms=${median(cold)} warm_median_ms=${median(warm)} runs_ms=${cold.map(Math.round).join(',')}`);
} finally {
  await browser.close();
  server.kill();
  if (built) rmSync(DIST, { recursive: true, force: true });
}
