import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fixture, shot } from './helpers';

const SERVICE = (n: string) => `service/pprof.service.goroutine.${n}.pb.gz`;

/** Loads fixtures through the file picker and shows the flame graph. */
async function openFlame(page: Page, rels: string[], theme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto('./');
  await page.locator('#pv-open-files').setInputFiles(rels.map(fixture));
  await page.getByRole('tab', { name: 'Flame graph' }).click();
  await expect(page.locator('[data-testid="flame-main"]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__parkviewFlame?.draws('main').length ?? 0)).toBeGreaterThan(0);
}

/** Centre of the widest frame with this name, in page coordinates (the canvas has no element per frame). */
async function frame(page: Page, name: string, pane = 'main') {
  const find = () => page.evaluate(([n, p]) => window.__parkviewFlame?.findFrame(n, p) ?? null, [name, pane] as const);
  // A snapshot loaded just before is drawn a moment later.
  await expect.poll(find, { message: `frame ${name}` }).not.toBeNull();
  return (await find())!;
}

/** Right-clicks the widest frame with this name and picks an item of its menu. */
async function pickFromFrameMenu(page: Page, name: string, item: string): Promise<void> {
  const f = await frame(page, name);
  await page.mouse.click(f.x, f.y, { button: 'right' });
  await page.getByRole('menuitem', { name: item }).click();
}

/** The colour drawn at a page point of a pane's canvas. */
async function pixel(page: Page, x: number, y: number, pane = 'main'): Promise<[number, number, number]> {
  return page.evaluate(
    ([x, y, pane]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-role="${pane}"] canvas`)!;
      const r = canvas.getBoundingClientRect();
      const scale = canvas.width / r.width;
      const d = canvas.getContext('2d')!.getImageData(Math.round((x - r.left) * scale), Math.round((y - r.top) * scale), 1, 1).data;
      return [d[0], d[1], d[2]] as [number, number, number];
    },
    [x, y, pane] as const,
  );
}

for (const theme of ['light', 'dark'] as const) {
  test(`hover shows main.(*exporter).send with 13,610 goroutines (${theme})`, async ({ page }) => {
    await openFlame(page, [SERVICE('040')], theme);
    await shot(page, `flame-${theme}`);
    const send = await frame(page, 'main.(*exporter).send');
    await page.mouse.move(send.x, send.y);
    const tip = page.getByRole('tooltip');
    await expect(tip).toContainText('main.(*exporter).send');
    await expect(tip).toContainText('13,610');
    await expect(tip).toContainText('57.43%');
    await expect(tip).toContainText('cmd/service/main.go:147');
    await shot(page, `flame-hover-${theme}`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PNG' }).click();
    const png = readFileSync(await (await download).path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
}

test('search counts matches and goroutines once, and dims the rest', async ({ page }) => {
  await openFlame(page, [SERVICE('040')]);
  const send = await frame(page, 'main.(*exporter).send');
  const chansend = await frame(page, 'runtime.chansend1');
  const [sendBefore, chansendBefore] = [await pixel(page, send.x, send.y), await pixel(page, chansend.x, chansend.y)];
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search frames' })).toBeFocused();
  await page.keyboard.type('chansend');
  // runtime.chansend and runtime.chansend1 under each of two senders; 23,140 goroutines send (pprof -traces).
  await expect(page.locator('.flame-search-summary')).toHaveText('4 matches, 23,140 goroutines (97.65%)');
  const brightness = (p: number[]) => p[0] + p[1] + p[2];
  // A frame that does not match fades towards the page; a match keeps its colour.
  await expect.poll(async () => brightness(await pixel(page, send.x, send.y)) - brightness(sendBefore)).toBeGreaterThan(120);
  expect(await pixel(page, chansend.x, chansend.y)).toEqual(chansendBefore);
  await shot(page, 'flame-search-light');
  const box = page.getByRole('searchbox', { name: 'Search frames' });
  await box.fill('/^main\\.\\(/');
  await expect(page.locator('.flame-search-summary')).toHaveText('10 matches, 23,658 goroutines (99.84%)');
  await box.fill('/main.(/');
  await expect(page.locator('.flame-search-error')).toBeVisible();
});

async function exportSvg(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SVG' }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

test('click zooms into a frame, the breadcrumb leads back, Escape resets', async ({ page }) => {
  await openFlame(page, [SERVICE('040')]);
  const before = await frame(page, 'main.(*exporter).send');
  const canvasWidth = await page.locator('[data-role="main"] canvas').evaluate((c) => c.getBoundingClientRect().width);
  expect(before.width / canvasWidth).toBeCloseTo(0.5743, 2);
  await page.mouse.click(before.x, before.y);
  await expect(page.locator('.flame-crumbs .crumb.current')).toHaveText('main.(*exporter).send');
  await expect.poll(async () => (await frame(page, 'main.(*exporter).send')).width).toBeCloseTo(canvasWidth, 0);
  await shot(page, 'flame-zoomed-light');
  const zoomedSvg = await exportSvg(page);
  expect(zoomedSvg).toContain('zoomed to main.(*exporter).send');
  await page.mouse.move(5, 300);
  await page.keyboard.press('Escape');
  await expect(page.locator('.flame-crumbs .crumb.current')).toHaveText('all goroutines');
  await expect.poll(async () => (await frame(page, 'main.(*exporter).send')).width / canvasWidth).toBeCloseTo(0.5743, 2);
  // Zoom again, then out through the breadcrumb.
  const inventory = await frame(page, 'main.(*service).lookupInventory.func1');
  await page.mouse.click(inventory.x, inventory.y);
  await expect(page.locator('.flame-crumbs .crumb.current')).toHaveText('main.(*service).lookupInventory.func1');
  await page.locator('.flame-crumbs .crumb', { hasText: 'all goroutines' }).click();
  await expect(page.locator('.flame-crumbs .crumb.current')).toHaveText('all goroutines');
});

for (const theme of ['light', 'dark'] as const) {
  test(`diff of 040 against 001 colours main.(*exporter).send as grown (${theme})`, async ({ page }) => {
    await openFlame(page, [SERVICE('001'), SERVICE('040')], theme);
    await page.getByRole('combobox', { name: 'Base snapshot' }).selectOption({ label: 'Compare: pprof.service.goroutine.001.pb.gz' });
    await expect(page.getByLabel('Diff colour scale')).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.__parkviewFlame?.draws('main').length ?? 0)).toBeGreaterThan(1);
    const send = await frame(page, 'main.(*exporter).send');
    await expect.poll(async () => {
      const [r, g, b] = await pixel(page, send.x, send.y);
      return r > g + 60 && r > b + 60;
    }).toBe(true);
    await page.mouse.move(send.x, send.y);
    await expect(page.getByRole('tooltip')).toContainText('in base');
    await shot(page, `flame-diff-${theme}`);
  });
}

test('focus shows callers above and callees below', async ({ page }) => {
  await openFlame(page, [SERVICE('040')]);
  await pickFromFrameMenu(page, 'runtime.chansend1', 'Focus: callers and callees');
  await expect(page.locator('.flame-focus-label')).toContainText('runtime.chansend1');
  await expect.poll(() => page.evaluate(() => window.__parkviewFlame?.panes().sort().join(','))).toBe('callees,callers');
  const caller = await frame(page, 'main.(*exporter).send', 'callers');
  await page.mouse.move(caller.x, caller.y);
  await expect(page.getByRole('tooltip')).toContainText('13,610');
  await shot(page, 'flame-sandwich-light');
  await page.keyboard.press('Escape');
  await expect(page.locator('.flame-crumbs')).toBeVisible();
  // Enter focuses the frame under the pointer, and leaves again.
  const send = await frame(page, 'main.(*exporter).send');
  await page.mouse.move(send.x, send.y);
  await page.keyboard.press('Enter');
  await expect(page.locator('.flame-focus-label')).toContainText('main.(*exporter).send');
  await page.keyboard.press('Enter');
  await expect(page.locator('.flame-crumbs')).toBeVisible();
});

test('the frame menu hides a function or ignores stacks through it with checked filters', async ({ page }) => {
  await openFlame(page, [SERVICE('040')]);
  await pickFromFrameMenu(page, 'main.(*exporter).send', 'Hide this function');
  await expect(page.locator('.refine-chip[data-filter="h"]')).toContainText('^main\\.\\(\\*exporter\\)\\.send$');
  await expect(page.locator('.refine-summary')).toHaveText('23,697 (100.0%)');
  const drawn = (name: string) => page.evaluate((n) => window.__parkviewFlame?.findFrame(n, 'main') !== null, name);
  await expect.poll(() => drawn('main.(*exporter).send')).toBe(false);
  await expect(page.locator('.view-message.error')).toHaveCount(0);
  await pickFromFrameMenu(page, 'main.(*service).lookupInventory.func1', 'Ignore stacks through it');
  await expect(page.locator('.refine-chip[data-filter="i"]')).toContainText('^main\\.\\(\\*service\\)\\.lookupInventory\\.func1$');
  await expect(page.locator('.refine-summary')).not.toHaveText('23,697 (100.0%)');
  await expect.poll(() => drawn('main.(*service).lookupInventory.func1')).toBe(false);
  await expect(page.locator('.view-message.error')).toHaveCount(0);
});

test('hostile names draw as text, run nothing and add no elements', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openFlame(page, ['edge/hostile-names.pb.gz']);
  const injected = () => page.evaluate(() => document.querySelectorAll('img, script:not([src]), iframe, object, embed, svg script').length);
  const before = await injected();
  const name = 'main.<script>alert("fn")</script>';
  const f = await frame(page, name);
  await page.mouse.move(f.x, f.y);
  await expect(page.getByRole('tooltip')).toContainText(name);
  await page.mouse.click(f.x, f.y, { button: 'right' });
  await expect(page.getByRole('menu')).toContainText(name);
  await page.keyboard.press('Escape');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SVG' }).click();
  const svg = readFileSync(await (await download).path(), 'utf8');
  expect(svg).not.toMatch(/<script|<img/i);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      error: doc.querySelector('parsererror') !== null,
      tags: [...new Set(all.map((e) => e.tagName))].sort(),
      handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((a) => a.startsWith('on')),
      texts: [...doc.querySelectorAll('title')].map((t) => t.textContent),
    };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.tags).toEqual(['g', 'rect', 'svg', 'text', 'title']);
  expect(parsed.handlers).toEqual([]);
  expect(parsed.texts.some((t) => t?.startsWith(name))).toBe(true);
  expect(await injected()).toBe(before);
  expect(dialogs).toEqual([]);
  await shot(page, 'flame-hostile-light');
});

test('a 2,000-frame stack scrolls vertically', async ({ page }) => {
  await openFlame(page, ['edge/deep-recursion.pb.gz']);
  const scroller = page.locator('[data-testid="flame-main"]');
  const heights = await scroller.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(heights.scroll).toBeGreaterThan(2000 * 18);
  // The leaf of the deep stack is found at the bottom and drawn there.
  const leaf = await frame(page, 'runtime.gopark');
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(30000);
  const [r, g, b] = await pixel(page, leaf.x, leaf.y);
  expect(r + g + b).toBeLessThan(3 * 250);
  await shot(page, 'flame-deep-light');
});

test('keys pan and zoom: arrows, + and -, 0 for the whole graph; the context menu hides the tooltip', async ({ page }) => {
  await openFlame(page, [SERVICE('040')]);
  const shown = () => page.evaluate(() => window.__parkviewFlame!.shown('main')!);
  const whole = await shown();
  expect(whole.x0).toBe(0);
  await page.keyboard.press('+');
  await expect.poll(async () => (await shown()).x1 - (await shown()).x0).toBeCloseTo((whole.x1 - whole.x0) / 1.5, 0);
  const zoomed = await shown();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await shown()).x0).toBeGreaterThan(zoomed.x0);
  const panned = await shown();
  expect(panned.x1 - panned.x0).toBeCloseTo(zoomed.x1 - zoomed.x0, 0);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await shown()).x0).toBeCloseTo(zoomed.x0, 0);
  await page.keyboard.press('-');
  await page.keyboard.press('=');
  await page.keyboard.press('0');
  await expect.poll(async () => (await shown()).x1 - (await shown()).x0).toBeCloseTo(whole.x1 - whole.x0, 0);

  const send = await frame(page, 'main.(*exporter).send');
  await page.mouse.move(send.x, send.y);
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.mouse.click(send.x, send.y, { button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'Show source' })).toBeVisible();
  await expect(page.getByRole('tooltip')).toBeHidden();
  await shot(page, 'flame-menu-no-tooltip');
});

test('the refine button keeps its name; its examples come from the loaded profile', async ({ page }) => {
  await openFlame(page, ['seed/timeout/pprof.timeout.goroutine.010.pb.gz']);
  const editor = page.getByRole('dialog', { name: 'Add a filter' });
  await page.getByRole('button', { name: 'Refine' }).click();
  // The hottest function outside Go's own packages.
  await expect(editor.getByLabel('Pattern')).toHaveAttribute('placeholder', 'handleRequest');
  await page.keyboard.press('Escape');
  await page.locator('#pv-open-files').setInputFiles(fixture(SERVICE('040')));
  await expect(page.locator('.snapshot.selected')).toContainText('service.goroutine.040');
  const send = await frame(page, 'main.(*service).lookupInventory.func1');
  await page.mouse.click(send.x, send.y, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Focus: callers and callees' }).click();
  await page.getByRole('button', { name: 'Refine' }).click();
  await expect(editor.getByLabel('Pattern')).toHaveAttribute('placeholder', 'service');
  await editor.getByLabel('Filter').selectOption({ label: 'show' });
  await expect(editor.getByLabel('Pattern')).toHaveAttribute('placeholder', '^main\\.');
  await editor.getByLabel('Filter').selectOption({ label: 'focus' });
  await editor.getByLabel('Pattern').fill('lookupInventory');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.refine-chip[data-filter="f"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refine' })).toBeVisible();
});

test("the tooltip's name opens the Source view at the frame's line: the tooltip holds still for the pointer, Escape or leaving it closes it", async ({ page }) => {
  await openFlame(page, [SERVICE('040')]);
  const tip = page.getByRole('tooltip');
  const link = tip.getByRole('button', { name: /^main\.\(\*exporter\)\.send/ });
  const sourceRow = page.locator('.src-row[data-line="147"]');
  /** Hovers the frame, then moves the pointer onto the tooltip's link the way a hand does, in small steps. */
  const reachLink = async () => {
    const send = await frame(page, 'main.(*exporter).send');
    await page.mouse.move(send.x, send.y);
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    await page.mouse.move(box.x + 10, box.y + box.height / 2, { steps: 12 });
    await expect(tip).toHaveClass(/pinned/);
    await expect(link).toBeVisible();
  };

  await reachLink();
  await expect(tip).toContainText('cmd/service/main.go:147');
  await expect(tip).toContainText('no source added for this file');
  await shot(page, 'flame-tooltip-pinned');
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();

  await reachLink();
  await page.mouse.move(5, 5, { steps: 4 });
  await expect(tip).toBeHidden();

  // Without sources the Source view marks the line, shows its numbers, and offers to add the source.
  await reachLink();
  await link.click();
  await expect(page.getByRole('tab', { name: 'Source' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.routine-head .routine-name')).toHaveText('main.(*exporter).send');
  await expect(sourceRow).toHaveAttribute('aria-current', 'location');
  await expect(sourceRow.locator('.src-num.cum')).toHaveText('13,610');
  await expect(page.locator('.routine-origin')).toContainText('Add source…');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  await (await chooser).setFiles(fixture('src/github.com/acme/leaky'));
  await expect(sourceRow.locator('.src-code')).toHaveText('\te.input <- o');

  // With sources: the same link lands on the line's text.
  await page.getByRole('tab', { name: 'Flame graph' }).click();
  await reachLink();
  await expect(tip).not.toContainText('no source added');
  await link.click();
  await expect(sourceRow).toHaveAttribute('aria-current', 'location');
  await expect(sourceRow.locator('.src-code')).toHaveText('\te.input <- o');
  await expect(sourceRow).toBeInViewport();

  // The frame menu's Show source goes to the same line.
  await page.getByRole('tab', { name: 'Flame graph' }).click();
  await pickFromFrameMenu(page, 'main.(*exporter).send', 'Show source');
  await expect(sourceRow).toHaveAttribute('aria-current', 'location');
});
