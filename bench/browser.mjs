// The built app served by `parkview serve` on a free port, and Chromium, for the browser benchmarks.
// A given PARKVIEW_DIST is served as it is (built when empty); otherwise the current sources are
// built into a temporary folder that `close` removes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = resolve(ROOT, '../shared/fixtures');

function dist(own) {
  const dir = own ? mkdtempSync(join(tmpdir(), 'parkview-bench-')) : resolve(process.env.PARKVIEW_DIST);
  if (!existsSync(join(dir, 'index.html'))) {
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  return dir;
}

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

/** Debian's Chromium, or the one PARKVIEW_CHROMIUM names, headless; `extraArgs` are added to its command line. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.PARKVIEW_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', ...extraArgs],
  });
}

/** Starts the server and the browser; `close` stops both and removes a temporary build. */
export async function startApp() {
  const own = !process.env.PARKVIEW_DIST;
  const dir = dist(own);
  const port = await freePort();
  const server = spawn(process.execPath, ['cli/parkview.mjs', 'serve', '--port', String(port), '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, PARKVIEW_DIST: dir },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    server.kill();
    if (own) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForServer(url);
  } catch (e) {
    await close();
    throw e;
  }
  return { url, browser, close };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
