import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { dropFixtures, openApp, pickFixtures } from './app-helpers';
import { fixture, shot } from './helpers';

const SERVICE_040 = 'service/pprof.service.goroutine.040.pb.gz';
const snapshots = (page: Page) => page.locator('.snapshot-list .snapshot');
const errors = (page: Page) => page.locator('.load-errors .load-error');

/** A loopback server on a free port (another origin than the app's). */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
});

test('the empty page offers every way in and the demo', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Open Go goroutine profiles' })).toBeVisible();
  for (const name of ['Open files', 'Open folder', 'Paste text', 'From URL', 'Open demo']) {
    await expect(page.getByRole('button', { name })).toBeVisible();
  }
  await shot(page, 'app-empty');
  await page.getByRole('button', { name: 'Open demo' }).click();
  await expect(snapshots(page)).toHaveCount(40);
  await expect(page.locator('.snapshot.selected')).toContainText('040.pb.gz');
});

test('the file picker loads several files, sorted by capture time', async ({ page }) => {
  await openApp(page);
  await pickFixtures(page, ['seed/timeout/pprof.timeout.goroutine.003.pb.gz', 'seed/timeout/pprof.timeout.goroutine.001.pb.gz', 'seed/timeout/pprof.timeout.goroutine.002.pb.gz']);
  await expect(snapshots(page)).toHaveCount(3);
  await expect(snapshots(page).locator('.snapshot-name')).toHaveText([/001\.pb\.gz$/, /002\.pb\.gz$/, /003\.pb\.gz$/]);
  await expect(page.locator('.snapshot.selected')).toContainText('003.pb.gz');
  await expect(page).toHaveTitle('pprof.timeout.goroutine.003.pb.gz · Parkview');
});

test('dropping files adds them to what is loaded, never replacing it', async ({ page }) => {
  await openApp(page);
  const dragged = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'x.pb.gz'));
    return dt;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dragged });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await shot(page, 'app-drop-overlay');
  await dropFixtures(page, ['seed/fixed/pprof.fixed.goroutine.001.pb.gz', 'seed/fixed/pprof.fixed.goroutine.002.pb.gz']);
  await expect(snapshots(page)).toHaveCount(2);
  await expect(page.locator('.drop-overlay')).toBeHidden();
  await dropFixtures(page, [SERVICE_040]);
  await expect(snapshots(page)).toHaveCount(3);
  await expect(page.locator('.snapshot.selected')).toContainText('service.goroutine.040');
  // The same bytes again are skipped, and the user is told.
  await dropFixtures(page, [SERVICE_040, 'seed/fixed/pprof.fixed.goroutine.001.pb.gz']);
  await expect(errors(page)).toHaveCount(1);
  await expect(errors(page)).toContainText('already loaded; skipped: pprof.service.goroutine.040.pb.gz, pprof.fixed.goroutine.001.pb.gz');
  await expect(snapshots(page)).toHaveCount(3);
});

test('dropping a folder loads every profile inside it', async ({ page }) => {
  await openApp(page);
  // A real OS-style drop of a directory path: Chromium hands the page a directory entry to walk.
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [fixture('seed/heartbeat')], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: 640, y: 300, data });
  // 10 snapshots plus the debug=1 and debug=2 dumps of the folder.
  await expect(snapshots(page)).toHaveCount(12);
  await expect(errors(page)).toHaveCount(0);
  await expect(page.locator('.snapshot').first().locator('.snapshot-name')).toHaveAttribute('title', /^heartbeat\/pprof\.heartbeat\.goroutine\.001\.pb\.gz/);
});

test('the folder picker loads a whole folder', async ({ page }) => {
  await openApp(page);
  await page.locator('#pv-open-folder').setInputFiles(fixture('seed/ticker'));
  await expect(snapshots(page)).toHaveCount(12);
  await expect(errors(page)).toHaveCount(0);
});

/** Pastes text on the page as Ctrl/Cmd+V does. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** A panic's output: a message, then the goroutines as debug=2 prints them. */
const PANIC = [
  'panic: send on closed channel',
  '',
  'goroutine 42 [running]:',
  'main.(*exporter).send(0xc000010000, {0x1, 0x2})',
  '\t/home/dev/src/github.com/acme/leaky/cmd/service/main.go:147 +0x25',
  'created by main.(*exporter).record in goroutine 7',
  '\t/home/dev/src/github.com/acme/leaky/cmd/service/main.go:143 +0x45',
  '',
  'goroutine 1 [chan receive, 3 minutes]:',
  'main.main()',
  '\t/home/dev/src/github.com/acme/leaky/cmd/service/main.go:40 +0x1d',
  'exit status 2',
  '',
].join('\n');

test('Ctrl+V anywhere loads a pasted debug=2 dump, debug=1 text or a panic', async ({ page }) => {
  await openApp(page);
  await pasteText(page, readFileSync(fixture('service/goroutine.service.debug2.txt'), 'utf8'));
  await expect(snapshots(page)).toHaveCount(1);
  await expect(snapshots(page).first()).toContainText('pasted text 1');
  await expect(page.locator('.statusbar')).toContainText('debug=2 dump');
  await expect(page.locator('.statusbar')).toContainText('Total 23,459 goroutines');
  await pasteText(page, readFileSync(fixture('service/goroutine.service.debug1.txt'), 'utf8'));
  await expect(snapshots(page)).toHaveCount(2);
  await expect(page.locator('.statusbar')).toContainText('Total 23,599 goroutines');
  await pasteText(page, PANIC);
  await expect(snapshots(page)).toHaveCount(3);
  await expect(page.locator('.statusbar')).toContainText('debug=2 dump');
  await expect(page.locator('.statusbar')).toContainText('Total 2 goroutines');
});

test('the paste box loads a debug=1 dump and a panic', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('v');
  const box = page.getByRole('dialog', { name: 'Paste a goroutine dump' });
  await box.getByLabel('Dump text').fill(readFileSync(fixture('service/goroutine.service.debug1.txt'), 'utf8'));
  await box.getByRole('button', { name: 'Load' }).click();
  await expect(box).toBeHidden();
  await expect(snapshots(page)).toHaveCount(1);
  await expect(page.locator('.statusbar')).toContainText('debug=1 text');
  await expect(page.locator('.statusbar')).toContainText('Total 23,599 goroutines');
  await page.keyboard.press('v');
  await box.getByLabel('Dump text').fill(PANIC);
  await box.getByRole('button', { name: 'Load' }).click();
  await expect(snapshots(page)).toHaveCount(2);
  await expect(page.locator('.statusbar')).toContainText('Total 2 goroutines');
});

test('?url= (repeatable) fetches profiles from the address bar', async ({ page, baseURL }) => {
  const a = new URL('demo/pprof.service.goroutine.040.pb.gz', baseURL).href;
  const b = new URL('demo/pprof.service.goroutine.039.pb.gz', baseURL).href;
  await openApp(page, `./?url=${encodeURIComponent(a)}&url=${encodeURIComponent(b)}#view=top`);
  await expect(snapshots(page)).toHaveCount(2);
  await expect(snapshots(page).locator('.snapshot-name')).toHaveText([/039\.pb\.gz$/, /040\.pb\.gz$/]);
  await expect(page.locator('.top-body [role="row"]').first()).toContainText('runtime.gopark');
});

test('the URL box fetches with progress and can be cancelled', async ({ page }) => {
  const bytes = readFileSync(fixture('fanout-200k/pprof.fanout.goroutine.001.pb.gz'));
  const head = 64 * 1024;
  let release: () => void = () => {};
  const { url, server } = await serve((req, res) => {
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
    res.write(bytes.subarray(0, head));
    if (req.url === '/whole') release = () => res.end(bytes.subarray(head));
  });
  try {
    await openApp(page);
    await page.keyboard.press('u');
    await page.getByLabel('Profile URL').fill(`${url}/slow`);
    await page.getByRole('button', { name: 'Fetch' }).click();
    const task = page.locator('.task');
    await expect(task).toContainText(`Fetching 127.0.0.1`);
    await expect(task.locator('.task-progress')).toHaveText('64 KiB of 1.1 MiB');
    await shot(page, 'app-url-progress');
    await task.getByRole('button', { name: 'Cancel' }).click();
    await expect(task).toHaveCount(0);
    await expect(errors(page)).toHaveCount(0);
    await expect(snapshots(page)).toHaveCount(0);

    await page.keyboard.press('u');
    await page.getByLabel('Profile URL').fill(`${url}/whole`);
    await page.keyboard.press('Enter');
    await expect(page.locator('.task-progress')).toHaveText('64 KiB of 1.1 MiB');
    release();
    await expect(snapshots(page)).toHaveCount(1);
    await expect(page.locator('.statusbar')).toContainText('Total 200,004 goroutines');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a server without CORS headers gets an exact explanation and what to do instead', async ({ page }) => {
  const bytes = readFileSync(fixture(SERVICE_040));
  const { url, server } = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(bytes);
  });
  const closed = await serve(() => {});
  await new Promise((ok) => closed.server.close(ok));
  try {
    const profile = `${url}/debug/pprof/goroutine`;
    await openApp(page, `./?url=${encodeURIComponent(profile)}&url=${encodeURIComponent(`${closed.url}/debug/pprof/goroutine`)}`);
    await expect(errors(page)).toHaveCount(2);
    const cors = errors(page).filter({ hasText: profile });
    await expect(cors).toContainText('sends no CORS headers');
    await expect(cors).toContainText('This is normal for net/http/pprof.');
    await expect(cors.locator('code')).toHaveText([`npx parkview '${profile}'`, `curl -o profile.pb.gz '${profile}'`]);
    await expect(errors(page).filter({ hasText: closed.url })).toContainText('could not connect to');
    await shot(page, 'app-cors-error');
  } finally {
    server.close();
  }
});

test('one broken file among ten: nine snapshots and one error naming it', async ({ page }) => {
  await openApp(page);
  const good = Array.from({ length: 9 }, (_, i) => `seed/workerpool/pprof.workerpool.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`);
  await pickFixtures(page, [...good.slice(0, 4), 'bad/truncated.pb.gz', ...good.slice(4)]);
  await expect(snapshots(page)).toHaveCount(9);
  await expect(errors(page)).toHaveCount(1);
  await expect(errors(page).locator('.load-error-name')).toHaveText('truncated.pb.gz');
  await expect(errors(page).locator('.load-error-message')).toContainText('decompressing profile: unexpected EOF');
  // What was loaded stays usable.
  await snapshots(page).first().click();
  await page.getByRole('tab', { name: 'Top' }).click();
  await expect(page.locator('.top-body [role="row"]').first()).toBeVisible();
  await shot(page, 'app-errors');
});

test('mixed profile types load together and offer a sample type selector', async ({ page }) => {
  await openApp(page);
  await pickFixtures(page, [SERVICE_040, 'other-types/pprof.service.heap.001.pb.gz', 'other-types/pprof.service.samples.cpu.001.pb.gz']);
  await expect(snapshots(page)).toHaveCount(3);
  expect((await snapshots(page).locator('.badge').allTextContents()).sort()).toEqual(['cpu', 'goroutine', 'heap']);
  await snapshots(page).filter({ hasText: 'heap' }).click();
  const sample = page.getByRole('combobox', { name: 'Sample' });
  await expect(sample).toBeVisible();
  await expect(page.locator('.statusbar')).toContainText('inuse_space/bytes');
  await sample.selectOption({ label: 'alloc_objects (count)' });
  await expect(page.locator('.statusbar')).toContainText('alloc_objects/count');
  await shot(page, 'app-sample-type');
  await snapshots(page).filter({ hasText: 'goroutine.040' }).click();
  await expect(sample).toBeHidden();
  await expect(page.locator('.statusbar')).toContainText('Total 23,697 goroutines');
});

test('removing one snapshot and clearing all', async ({ page }) => {
  await openApp(page);
  await pickFixtures(page, ['seed/fixed/pprof.fixed.goroutine.001.pb.gz', 'seed/fixed/pprof.fixed.goroutine.002.pb.gz', 'bad/empty.pb.gz']);
  await expect(snapshots(page)).toHaveCount(2);
  await snapshots(page).first().hover();
  await snapshots(page).first().getByRole('button', { name: /^Remove/ }).click();
  await expect(snapshots(page)).toHaveCount(1);
  await expect(snapshots(page).first()).toContainText('002.pb.gz');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(snapshots(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove all 1?' }).click();
  await expect(page.getByRole('heading', { name: 'Open Go goroutine profiles' })).toBeVisible();
  await expect(errors(page)).toHaveCount(0);
});

test('fanout-200k loads in the Worker with visible progress', async ({ page }) => {
  await openApp(page);
  await pickFixtures(page, ['fanout-200k/pprof.fanout.goroutine.001.pb.gz']);
  await expect(page.locator('.task')).toContainText('Decoding pprof.fanout.goroutine.001.pb.gz');
  await expect(page.locator('.task .spinner')).toBeVisible();
  await expect(page.locator('.statusbar')).toContainText('Total 200,004 goroutines');
  await expect(page.locator('.task')).toHaveCount(0);
});

test('cancelling the decode of one large file keeps what was loaded and leaves the app usable', async ({ page }) => {
  await openApp(page);
  await pickFixtures(page, [SERVICE_040]);
  await expect(snapshots(page)).toHaveCount(1);
  await pickFixtures(page, ['fanout-200k/pprof.fanout.goroutine.001.pb.gz']);
  const task = page.locator('.task');
  await expect(task.locator('.task-label')).toHaveText(/^Decoding pprof\.fanout\.goroutine\.001\.pb\.gz \(1\.1 MiB\)$/);
  await shot(page, 'app-decode-progress');
  await task.getByRole('button', { name: 'Cancel' }).click();
  await expect(task).toHaveCount(0);
  await expect(errors(page).locator('.load-error-name')).toHaveText('pprof.fanout.goroutine.001.pb.gz');
  await expect(errors(page).locator('.load-error-message')).toHaveText('not loaded: cancelled');
  await expect(snapshots(page)).toHaveCount(1);
  await expect(page.locator('.statusbar')).toContainText('Total 23,697 goroutines');
  // The Worker goes on: another file loads, and the views answer.
  await pickFixtures(page, ['service/pprof.service.goroutine.001.pb.gz']);
  await expect(snapshots(page)).toHaveCount(2);
  await page.keyboard.press('t');
  await expect(page.locator('.top-body [role="row"]').first()).toBeVisible();
});

test('a folder of many profiles shows which file decodes, how far it is, and can be cancelled; what is decoded stays', async ({ page }) => {
  await openApp(page);
  await page.locator('#pv-open-folder').setInputFiles(fixture('fanout-series'));
  const task = page.locator('.task');
  await expect(task.locator('.task-label')).toContainText(/^Decoding fanout-series\/pprof\.fanout\.goroutine\.0\d\d\.pb\.gz/);
  await expect(task.locator('.task-progress')).toHaveText(/^\d+ of 60$/);
  await shot(page, 'app-folder-progress');
  await task.getByRole('button', { name: 'Cancel' }).click();
  await expect(task).toHaveCount(0);
  const loaded = await snapshots(page).count();
  expect(loaded).toBeGreaterThan(0);
  expect(loaded).toBeLessThan(60);
  await expect(errors(page).locator('.load-error-name')).toHaveText(`${60 - loaded} of 60 inputs`);
  await expect(errors(page).locator('.load-error-message')).toContainText('not loaded: cancelled at fanout-series/pprof.fanout.goroutine.');
});
