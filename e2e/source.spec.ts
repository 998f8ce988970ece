import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFixtures, openApp, pickFixtures } from './app-helpers';
import { fixture, shot } from './helpers';

const SERVICE_040 = 'service/pprof.service.goroutine.040.pb.gz';
const SEND = 'main.(*exporter).send';

async function openSourceView(page: Page, load: 'pick' | 'drop' = 'pick'): Promise<void> {
  await (load === 'drop' ? dropFixtures : pickFixtures)(page, [SERVICE_040]);
  await expect(page.locator('.snapshot')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await expect(page.locator('.source-view')).toBeVisible();
}

async function pickFunction(page: Page, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Function', exact: true });
  await input.fill(name);
  await expect(page.locator('.routine')).toHaveCount(1);
}

function row(page: Page, line: number) {
  return page.locator(`.src-row[data-line="${line}"]`);
}

test('per-line numbers from a dropped source folder, highlighted, kept across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  await openSourceView(page, 'drop');
  await page.getByTestId('source-folder-input').setInputFiles(fixture('src/github.com/acme/leaky'));
  await expect(page.locator('.source-folders')).toContainText('leaky');
  await pickFunction(page, SEND);

  const line147 = row(page, 147);
  await expect(line147.locator('.src-code')).toHaveText('\te.input <- o');
  await expect(line147.locator('.src-num.cum')).toHaveText('13,610');
  await expect(line147.locator('.src-num.flat')).toHaveText('.');
  await expect(line147).toHaveClass(/hot/);
  await expect(page.locator('.routine-head')).toContainText('57.43% of total');
  await expect(page.locator('.routine-origin')).toContainText('leaky/cmd/service/main.go');
  // pprof -list shows lines 146-152 for this function.
  await expect(page.locator('.src-row')).toHaveCount(7);
  await expect(row(page, 146).locator('.src-code .hljs-keyword').first()).toHaveText('func');
  await shot(page, 'source-light');

  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, 'source-dark');
  await page.getByRole('button', { name: 'Toggle theme' }).click();

  // The dropped folder stays in the browser: after a reload the text is there again.
  await page.reload();
  await page.locator('.header').waitFor();
  await openSourceView(page);
  await pickFunction(page, SEND);
  await expect(row(page, 147).locator('.src-code')).toHaveText('\te.input <- o');
});

test('a -list regex lists every matching function, the numbers are there without source text', async ({ page }) => {
  await openApp(page);
  await openSourceView(page);
  await expect(page.locator('.quick-pick').first()).toContainText(SEND);
  await shot(page, 'source-empty-light');
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await shot(page, 'source-empty-dark');
  await page.getByRole('radio', { name: 'Regex' }).click();
  const regex = page.getByRole('searchbox', { name: 'Function regex' });
  await regex.fill('main\\.');
  await regex.press('Enter');
  await expect(page.locator('.routine')).toHaveCount(16);
  // Hottest first: the two leaks lead.
  await expect(page.locator('.routine-name').nth(0)).toHaveText(SEND);
  await expect(page.locator('.routine-name').nth(1)).toHaveText('main.(*service).lookupInventory.func1');
  const first = page.locator('.routine').first();
  await expect(first.locator('.src-row')).toHaveCount(1);
  await expect(first.locator('.src-row .src-code')).toHaveText('main.go:147');
  await expect(first.locator('.src-row .src-num.cum')).toHaveText('13,610');
  await expect(first.locator('.routine-origin')).toContainText('No source text: no dropped folder has this file');
  await shot(page, 'source-no-text');

  await page.getByRole('radio', { name: 'By name' }).click();
  await expect(page.locator('.routine-name').nth(1)).toHaveText('main.(*service).burstyImports');
});

test('clicking a line opens the stacks through it in the flame graph, and a selection there comes back', async ({ page }) => {
  await openApp(page);
  await openSourceView(page);
  await page.getByRole('radio', { name: 'Regex' }).click();
  await page.getByRole('searchbox', { name: 'Function regex' }).fill('lookupInventory|exporter');
  await page.getByRole('searchbox', { name: 'Function regex' }).press('Enter');
  await expect(page.locator('.routine-name')).toHaveText([SEND, 'main.(*service).lookupInventory.func1']);
  await row(page, 147).click();
  await expect(page.getByRole('tab', { name: 'Flame graph', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.flame-focus-label')).toContainText(`Callers and callees of ${SEND}`);
  // The function selected there is what the Source view lists when it comes back.
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Function' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('.routine-name')).toHaveText([SEND]);
});

test('a source file dropped on the view is matched, not loaded as a profile', async ({ page }) => {
  await openApp(page);
  await openSourceView(page);
  await pickFunction(page, SEND);
  const text = readFileSync(fixture('src/github.com/acme/leaky/cmd/service/main.go'), 'utf8');
  const data = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'main.go'));
    return dt;
  }, text);
  await page.dispatchEvent('.source-scroll', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('.source-scroll', 'drop', { dataTransfer: data });
  await expect(row(page, 147).locator('.src-code')).toHaveText('\te.input <- o');
  await expect(page.locator('.snapshot')).toHaveCount(1);
  await expect(page.locator('.load-errors')).toHaveCount(0);
});

async function saveSettings(page: Page, fill: Record<string, string>): Promise<void> {
  const panel = page.getByRole('complementary', { name: 'Source settings' });
  for (const [label, value] of Object.entries(fill)) await panel.getByLabel(label, { exact: true }).fill(value);
  await panel.getByRole('button', { name: 'Save' }).click();
}

test('a URL template with a path rewrite fetches the file; a missing one is explained', async ({ page }) => {
  const served: string[] = [];
  await page.route('https://raw.example.test/**', (route) => {
    const url = route.request().url();
    served.push(url);
    if (url.endsWith('/4f2a9c1/cmd/service/main.go'))
      return route.fulfill({ body: readFileSync(fixture('src/github.com/acme/leaky/cmd/service/main.go'), 'utf8'), headers: { 'access-control-allow-origin': '*', 'content-type': 'text/plain' } });
    return route.fulfill({ status: 404, body: 'not found', headers: { 'access-control-allow-origin': '*' } });
  });
  await openApp(page);
  await openSourceView(page);
  await saveSettings(page, { 'URL template': 'https://raw.example.test/acme/leaky/4f2a9c1/{path}', 'Replace path prefix': '/home/dev/src/github.com/acme/leaky/' });
  await pickFunction(page, SEND);
  // Nothing is fetched before the address is shown and allowed.
  await expect(page.locator('.origin-ask .origin-url')).toHaveText('https://raw.example.test/acme/leaky/4f2a9c1/cmd/service/main.go');
  expect(served).toEqual([]);
  await page.getByRole('button', { name: 'Always fetch from raw.example.test' }).click();
  await expect(row(page, 147).locator('.src-code')).toHaveText('\te.input <- o');
  await expect(page.locator('.routine-origin a')).toHaveText('https://raw.example.test/acme/leaky/4f2a9c1/cmd/service/main.go');

  await saveSettings(page, { 'URL template': 'https://raw.example.test/acme/leaky/0000000/{path}' });
  await expect(page.locator('.routine-origin')).toContainText('answered 404 Not Found');
  await expect(row(page, 147).locator('.src-code')).toHaveText('main.go:147');
  expect(served).toContain('https://raw.example.test/acme/leaky/0000000/cmd/service/main.go');
});

test('a server without CORS headers is named as the reason', async ({ page }) => {
  await openApp(page);
  // The page is on 127.0.0.1; the same server as localhost is another origin, and it sends no CORS headers.
  const other = page.url().replace('127.0.0.1', 'localhost');
  await openSourceView(page);
  await saveSettings(page, { 'URL template': `${other}{path}`, 'Replace path prefix': '/home/dev/src/github.com/acme/leaky/' });
  await pickFunction(page, SEND);
  await page.getByRole('button', { name: 'Fetch this file' }).click();
  await expect(page.locator('.routine-origin')).toContainText('does not allow cross-origin requests (no CORS headers)');
});

test('Go standard library files come from the Go release the paths name, once the user has seen the address and allowed it', async ({ page }) => {
  const chan = Array.from({ length: 400 }, (_, i) => `// chan.go line ${i + 1}`).join('\n');
  const fetched: string[] = [];
  await page.route('https://raw.githubusercontent.com/golang/go/**', (route) => {
    fetched.push(route.request().url());
    return route.request().url() === 'https://raw.githubusercontent.com/golang/go/go1.23.0/src/runtime/chan.go'
      ? route.fulfill({ body: chan, headers: { 'access-control-allow-origin': '*', 'content-type': 'text/plain; charset=utf-8' } })
      : route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' } });
  });
  await openApp(page);
  await openSourceView(page);
  await pickFunction(page, 'runtime.chansend');
  await expect(page.locator('.origin-ask .origin-url')).toHaveText('https://raw.githubusercontent.com/golang/go/go1.23.0/src/runtime/chan.go');
  expect(fetched).toEqual([]);
  await shot(page, 'source-go-std-ask');
  await page.getByRole('button', { name: 'Fetch this file' }).click();
  await expect(page.locator('.routine-origin a')).toHaveText('https://raw.githubusercontent.com/golang/go/go1.23.0/src/runtime/chan.go');
  const hot = page.locator('.src-row.hot');
  await expect(hot.locator('.src-code')).toHaveText(/^\/\/ chan.go line \d+$/);
  await expect(hot.locator('.src-num.cum')).toHaveText('23,140');
  await shot(page, 'source-go-std');
  expect(fetched).toEqual(['https://raw.githubusercontent.com/golang/go/go1.23.0/src/runtime/chan.go']);

  // Fetching once is for that file only: the next one shows its address again.
  await pickFunction(page, 'runtime.gopark');
  await expect(page.locator('.origin-ask .origin-url')).toHaveText('https://raw.githubusercontent.com/golang/go/go1.23.0/src/runtime/proc.go');
  expect(fetched).toHaveLength(1);
});

test('hostile function names and source text render as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page);
  await pickFixtures(page, ['edge/hostile-names.pb.gz']);
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  const hostileLine = '\tgo func() { _ = "<img src=x onerror=alert(1)>" }() // </span><script>alert(4)</script>';
  const data = await page.evaluateHandle((line) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Array.from({ length: 30 }, (_, i) => (i === 11 ? line : `// ${i + 1}`)).join('\n')], 'main.go'));
    return dt;
  }, hostileLine);
  await page.dispatchEvent('.source-scroll', 'drop', { dataTransfer: data });
  await page.getByRole('radio', { name: 'Regex' }).click();
  await page.getByRole('searchbox', { name: 'Function regex' }).fill('^main\\.');
  await page.getByRole('searchbox', { name: 'Function regex' }).press('Enter');
  await expect(page.locator('.routine-name')).toHaveText(['main.<script>alert("fn")</script>', 'main.(*T).M"onload="alert(2)', 'main.}]]></text><script>alert</script>']);
  await expect(page.locator('.routine').first().locator('.src-row[data-line="12"] .src-code')).toHaveText(hostileLine);
  await expect(page.locator('.routine').nth(1).locator('.routine-file')).toHaveText('/srv/<b>x</b>/a&b.go');
  const injected = await page.evaluate(() => ({
    elements: document.querySelectorAll('#root :is(img, script, iframe, object, embed, style, link)').length,
    handlers: [...document.querySelectorAll('#root *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
  }));
  expect(injected).toEqual({ elements: 0, handlers: 0 });
  expect(dialogs).toEqual([]);
  await shot(page, 'source-hostile');
});

test('a heap profile lists its functions in bytes, in words about memory', async ({ page }) => {
  await openApp(page);
  await pickFixtures(page, ['other-types/pprof.service.heap.001.pb.gz']);
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await expect(page.locator('.source-empty p').first()).toContainText('shows its inuse_space');
  await expect(page.locator('.quick-pick').first()).toContainText('512.05kB');
  await page.locator('.quick-pick').first().click();
  await expect(page.locator('.routine').first()).toContainText('512.05kB');
});
