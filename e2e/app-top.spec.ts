import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, pickFixtures, rowCells, topRow } from './app-helpers';
import { fixture, shot } from './helpers';

const SERVICE_040 = 'service/pprof.service.goroutine.040.pb.gz';
const bodyRows = (page: Page) => page.locator('.top-body [role="row"]');

/** The table's rendered rows in order, as pprof prints them: flat flat% sum% cum cum% name. */
async function renderedRows(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.top-body [role="row"]')]
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((r) => [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent ?? '')),
  );
}

/** The rows of a `go tool pprof -top` output. */
function expectedRows(rel: string): string[][] {
  const lines = readFileSync(fixture(rel), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^\s+flat\s+flat%/.test(l)) + 1;
  return lines
    .slice(start)
    .filter(Boolean)
    .map((l) => /^\s*(\S+)\s+(\S+%)\s+(\S+%)\s+(\S+)\s+(\S+%)\s+(.*)$/.exec(l)!.slice(1));
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
});

test('Top shows pprof’s numbers for service 040, in pprof’s order by flat and by cum', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1900 });
  await openApp(page, './#view=top');
  await pickFixtures(page, [SERVICE_040]);
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 23697, 100% of 23697 total');
  await expect(page.locator('.statusbar')).toContainText('Total 23,697 goroutines');
  expect(await rowCells(topRow(page, 'runtime.gopark'))).toMatchObject({ flat: '23695', flatPct: '100%', cum: '23695', cumPct: '100%' });
  expect(await rowCells(topRow(page, 'main.(*exporter).send'))).toMatchObject({ flat: '0', flatPct: '0%', cum: '13610', cumPct: '57.43%' });
  expect(await renderedRows(page)).toEqual(expectedRows('expected/service-040.top.txt'));
  await page.getByRole('columnheader', { name: /^Cum\b/ }).first().click();
  await expect(page.getByRole('columnheader', { name: /^Cum\b/ }).first()).toHaveAttribute('aria-sort', 'descending');
  expect(await renderedRows(page)).toEqual(expectedRows('expected/service-040.topcum.txt'));
});

test('CPU and heap profiles show pprof’s units (ms, kB) row for row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 2300 });
  await openApp(page, './#view=top');
  await pickFixtures(page, ['other-types/pprof.service.samples.cpu.001.pb.gz', 'other-types/pprof.service.heap.001.pb.gz']);
  await page.locator('.snapshot', { hasText: 'samples.cpu' }).click();
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 230ms, 100% of 230ms total');
  expect(await renderedRows(page)).toEqual(expectedRows('expected/other-samples.cpu.top.txt'));
  await page.locator('.snapshot', { hasText: 'heap' }).click();
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 2208.55kB, 100% of 2208.55kB total');
  expect(await renderedRows(page)).toEqual(expectedRows('expected/other-heap.top.txt'));
});

test('sorting by each column and filtering by text or /regex/', async ({ page }) => {
  await openApp(page, './#view=top');
  await pickFixtures(page, [SERVICE_040]);
  const header = (name: string) => page.getByRole('columnheader', { name: new RegExp(`^${name.replace(/[()*]/g, '\\$&')}`) }).first();

  await header('Name').click();
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows(page).first().locator('.fn')).toHaveText('bufio.(*Reader).Peek');
  await header('Name').click();
  await expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(page).first().locator('.fn')).toHaveText('time.Sleep');
  await header('Cum%').click();
  await expect(bodyRows(page).nth(1).locator('.fn')).toHaveText('runtime.chansend');
  // Sum% is a running total, so ascending is pprof's flat order, and descending its reverse.
  await header('Sum%').click();
  await expect(header('Sum%')).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows(page).first().locator('.fn')).toHaveText('runtime.gopark');
  await header('Sum%').click();
  await expect(bodyRows(page).first().locator('.fn')).toHaveText('time.Sleep');
  await expect(bodyRows(page).first().locator('.col-sumPct')).toHaveText('0%');
  await header('Flat').click();
  await expect(bodyRows(page).first().locator('.fn')).toHaveText('runtime.gopark');

  const filter = page.getByRole('searchbox', { name: 'Filter rows' });
  await filter.fill('exporter');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(page.locator('.view-count')).toHaveText('1 of 69 rows');
  await filter.fill('/^main\\.\\(\\*service\\)/');
  await expect(bodyRows(page)).toHaveCount(9);
  await expect(page.locator('.view-summary')).toHaveText('Showing nodes accounting for 0, 0% of 23697 total');
  await filter.fill('/(unclosed/');
  await expect(page.locator('.filter-error')).toContainText('Invalid regular expression');
  await shot(page, 'app-top-invalid-regex');
  await filter.press('Escape');
  await expect(page.locator('.view-count')).toHaveText('69 rows');
  await page.keyboard.press('/');
  await expect(filter).toBeFocused();
});

test('granularity and row selection', async ({ page }) => {
  await openApp(page, './#view=top');
  await pickFixtures(page, [SERVICE_040]);
  await page.getByRole('radio', { name: 'lines' }).click();
  const send = bodyRows(page).filter({ hasText: 'main.(*exporter).send' }).first();
  await expect(send.locator('.loc')).toHaveText(/ \/home\/dev\/src\/github\.com\/acme\/leaky\/cmd\/service\/main\.go:\d+$/);
  await page.getByRole('radio', { name: 'functions', exact: true }).click();
  await topRow(page, 'main.(*exporter).send').click();
  await expect(topRow(page, 'main.(*exporter).send')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.top-body [aria-selected="true"]')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(topRow(page, 'main.(*service).burstyImports')).toHaveAttribute('aria-selected', 'true');
  // The selection is the shared one: the lines of the selected function light up together.
  await page.getByRole('radio', { name: 'lines' }).click();
  await expect(page.locator('.top-body [aria-selected="true"] .fn').first()).toHaveText('main.(*service).burstyImports');
});

test('about 30,000 rows stay virtualized and scroll to the end', async ({ page }) => {
  const n = 30_000;
  const records = ['goroutine profile: total 30000'];
  for (let i = 1; i <= n; i++) {
    records.push(`1 @ 0x${(0x100000 + i).toString(16)} 0x4000`, `#\t0x${(0x100000 + i).toString(16)}\tgen.f${String(i).padStart(5, '0')}+0x1\t/src/gen/gen.go:${i}`, `#\t0x4000\tmain.main+0x1\t/src/main.go:1`, '');
  }
  await openApp(page, './#view=top');
  await page.locator('#pv-open-files').setInputFiles({ name: 'wide.debug1.txt', mimeType: 'text/plain', buffer: Buffer.from(records.join('\n')) });
  await expect(page.locator('.view-count')).toHaveText('30,001 rows');
  expect(await bodyRows(page).count()).toBeLessThan(100);
  await bodyRows(page).first().click();
  await page.keyboard.press('End');
  // pprof's order puts the one zero-flat row, main.main, last.
  await expect(topRow(page, 'main.main')).toBeInViewport({ ratio: 1 });
  await expect(topRow(page, 'main.main')).toHaveAttribute('aria-selected', 'true');
  await expect(topRow(page, 'gen.f30000')).toBeInViewport();
  expect(await bodyRows(page).count()).toBeLessThan(100);
});

test('hostile names render as text: no dialog, no injected element', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page, './#view=top');
  // Elements an injected name could create, and inline event handlers, inside the app.
  const injected = () =>
    page.evaluate(() => ({
      elements: document.querySelectorAll('#root :is(img, script, iframe, object, embed, foreignObject, style, link, svg text)').length,
      handlers: [...document.querySelectorAll('#root *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
  await pickFixtures(page, [SERVICE_040]);
  await expect(bodyRows(page).first()).toBeVisible();
  const before = await injected();
  await pickFixtures(page, ['edge/hostile-names.pb.gz']);
  // Captured before service 040, so it lists first and is not selected by the load.
  await page.locator('.snapshot', { hasText: 'hostile-names' }).click();
  await expect(topRow(page, 'main.<script>alert("fn")</script>')).toBeVisible();
  await expect(topRow(page, 'main.(*T).M"onload="alert(2)')).toBeVisible();
  await expect(topRow(page, 'main.}]]></text><script>alert</script>')).toBeVisible();
  await page.getByRole('radio', { name: 'lines' }).click();
  await expect(bodyRows(page).first()).toBeVisible();
  await page.getByRole('radio', { name: 'functions', exact: true }).click();
  await topRow(page, 'main.<script>alert("fn")</script>').click();
  expect(await injected()).toEqual(before);
  expect(before.handlers).toBe(0);
  expect(dialogs).toEqual([]);
  await shot(page, 'app-hostile-names');
});

test('theme toggle, kept across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, './?demo');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.view-summary')).toBeVisible();
  await shot(page, 'app-demo-dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Shift+D');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the system dark setting is followed', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, './#view=top');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, 'app-empty-dark');
});

test('? lists the keyboard shortcuts, and the keys work', async ({ page }) => {
  await openApp(page, './?demo');
  await expect(page.locator('.snapshot')).toHaveCount(40);
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  for (const label of ['Open profile files', 'Open a folder of profiles', 'Fetch a profile from a URL', 'Show Top', 'Previous snapshot', 'Filter rows']) {
    await expect(overlay.getByText(label, { exact: true })).toBeVisible();
  }
  await shot(page, 'app-shortcuts');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
  await page.keyboard.press('u');
  await expect(page.getByRole('dialog', { name: 'Fetch a profile from a URL' })).toBeVisible();
  await page.keyboard.press('Escape');
  // o and Shift+O open the file and folder pickers (the clicks are recorded and the choosers not shown).
  await page.evaluate(() => {
    for (const id of ['pv-open-files', 'pv-open-folder']) {
      document.getElementById(id)!.addEventListener('click', (e) => {
        e.preventDefault();
        document.body.dataset.picked = id;
      });
    }
  });
  await page.keyboard.press('o');
  await expect(page.locator('body')).toHaveAttribute('data-picked', 'pv-open-files');
  await page.keyboard.press('Shift+O');
  await expect(page.locator('body')).toHaveAttribute('data-picked', 'pv-open-folder');
});
