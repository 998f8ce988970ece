import { expect, test, type Page } from '@playwright/test';
import { openApp, pickFixtures, topRow } from './app-helpers';
import { shot } from './helpers';

const SERVICE_001 = 'service/pprof.service.goroutine.001.pb.gz';
const SERVICE_040 = 'service/pprof.service.goroutine.040.pb.gz';
const HOSTILE = 'edge/hostile-names.pb.gz';

const node = (page: Page, name: string) => page.locator(`.gnode[data-name="${name.replace(/["\\]/g, '\\$&')}"]`);
const scene = (page: Page) => page.locator('.graph-scene');

async function openGraph(page: Page, files: string[]): Promise<void> {
  await openApp(page);
  await pickFixtures(page, files);
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(files.length);
  await page.keyboard.press('c');
  await expect(page.locator('.gnode').first()).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
});

test('the graph of service 040 shows pprof’s nodes and numbers, with nothing fetched from elsewhere', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
  });
  await openGraph(page, [SERVICE_040]);
  await expect(page.locator('.gnode')).toHaveCount(8);
  await expect(page.locator('.gedge')).toHaveCount(7);
  const send = node(page, 'main.(*exporter).send');
  await expect(send).toHaveText(/0 of 13610 \(57\.43%\)/);
  await expect(node(page, 'runtime.gopark')).toHaveText(/23695 \(100%\)/);
  await expect(page.locator('.graph-summary')).toContainText('Dropped 61 nodes (cum <= 118)');
  // pprof's label boxes under runtime.gopark: the four tenants, heaviest first.
  const boxes = page.locator('.gnodelet');
  await expect(boxes).toHaveCount(4);
  await expect(boxes.first()).toContainText('tenant:initech');
  await expect(boxes.first()).toContainText('5792');
  await send.hover();
  await expect(page.getByRole('tooltip')).toContainText('13,610');
  await expect(page.locator('.gedge.lit')).toHaveCount(1);
  await shot(page, 'graph-service-light');
  expect(foreign).toEqual([]);
});

test('pan and zoom change the transform; Fit restores it', async ({ page }) => {
  await openGraph(page, [SERVICE_040]);
  const fitted = await scene(page).getAttribute('transform');
  const box = (await page.locator('.graph-svg').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => scene(page).getAttribute('transform')).not.toBe(fitted);
  const zoomed = await scene(page).getAttribute('transform');
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => scene(page).getAttribute('transform')).not.toBe(zoomed);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await expect.poll(() => scene(page).getAttribute('transform')).toBe(fitted);
});

test('click selects for every view, double-click focuses', async ({ page }) => {
  await openGraph(page, [SERVICE_040]);
  await node(page, 'main.(*exporter).send').click();
  await expect(node(page, 'main.(*exporter).send')).toHaveClass(/selected/);
  await page.keyboard.press('t');
  await expect(topRow(page, 'main.(*exporter).send')).toHaveClass(/selected|active/);
  await topRow(page, 'runtime.gopark').click();
  await page.keyboard.press('c');
  await expect(node(page, 'runtime.gopark')).toHaveClass(/selected/);
  await node(page, 'main.(*service).lookupInventory.func1').dblclick();
  await expect(page.locator('.gnode')).toHaveCount(4);
  await expect(node(page, 'main.(*exporter).send')).toHaveCount(0);
  await expect(node(page, 'main.(*service).lookupInventory.func1')).toHaveClass(/selected/);
});

test('hostile names are drawn as text, nothing injected', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openGraph(page, [HOSTILE]);
  const texts = await page.locator('.graph-svg text').allTextContents();
  expect(texts.join('\n')).toContain('<script>alert("fn")</script>');
  expect(texts.join('\n')).toContain('M"onload="alert(2)');
  expect(texts.join('\n')).toContain('user:"><img src=x onerror=alert(1)>');
  await expect(page.locator('.graph-svg script, .graph-svg foreignObject, .graph-svg img')).toHaveCount(0);
  const handlers = await page.locator('.graph-svg *').evaluateAll((els) => els.flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('on'))));
  expect(handlers).toEqual([]);
  await node(page, 'main.<script>alert("fn")</script>').hover();
  await expect(page.getByRole('tooltip')).toContainText('main.<script>alert("fn")</script>');
  expect(dialogs).toBe(0);
  await shot(page, 'graph-hostile');
});

test('diff against a base colours by change, dark theme', async ({ page }) => {
  await openGraph(page, [SERVICE_001, SERVICE_040]);
  await page.getByLabel('Base snapshot').selectOption({ label: 'pprof.service.goroutine.001.pb.gz' });
  await expect(page.locator('.graph-summary')).toContainText('Changes since');
  await expect(node(page, 'main.(*exporter).send')).toHaveText(/0 of 13366 \(1505\.18%\)/);
  // pprof -diff_base's percentages are of the base's total: the legend says so, and what the signs mean.
  const legend = page.getByRole('note', { name: 'How to read the comparison' });
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('every value is this snapshot minus the base (negative: fewer than in the base)');
  await expect(legend).toContainText('percentages are of the base’s total, 888, as pprof -diff_base prints them');
  await expect(legend).toBeInViewport({ ratio: 1 });
  // Grown: pprof's red border (#b20000 at full strength).
  await expect(node(page, 'main.(*exporter).send').locator('rect')).toHaveAttribute('stroke', '#b20000');
  await page.keyboard.press('D');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, 'graph-service-dark');
  // The other way round everything shrank: blue, as in the flame graph's diff, not pprof's green.
  await page.keyboard.press('D');
  await page.locator('.snapshot-list li', { hasText: '001' }).click();
  await page.getByLabel('Base snapshot').selectOption({ label: 'pprof.service.goroutine.040.pb.gz' });
  await expect(node(page, 'main.(*exporter).send')).toHaveText(/0 of -13366/);
  await expect(node(page, 'main.(*exporter).send').locator('rect')).toHaveAttribute('stroke', '#1c00b2');
  await expect(page.locator('.graph-summary .shrank')).toHaveText('blue shrank');
});

test('fanout-100k: pprof’s 38 nodes and 346 edges', async ({ page }) => {
  await openGraph(page, ['fanout-100k/pprof.fanout.goroutine.001.pb.gz']);
  await expect(page.locator('.gnode')).toHaveCount(38);
  await expect(page.locator('.gedge')).toHaveCount(346);
  await shot(page, 'graph-fanout-light');
  await page.mouse.move(700, 400);
  await page.mouse.wheel(0, -1200);
  await shot(page, 'graph-fanout-zoomed');
});

/** The smallest on-screen font size of the node texts, in CSS pixels. */
function smallestNodeFont(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.min(...[...document.querySelectorAll<SVGTextElement>('.gnode text')].map((t) => Number(t.getAttribute('font-size')) * t.getScreenCTM()!.a)),
  );
}

test('a large graph is fitted no smaller than 10 px node text, from its top, and pans to the rest', async ({ page }) => {
  await openGraph(page, ['fanout-100k/pprof.fanout.goroutine.001.pb.gz']);
  await expect(page.locator('.gnode')).toHaveCount(38);
  expect(await smallestNodeFont(page)).toBeGreaterThanOrEqual(9.99);
  // Measured as drawn: the text's box is as tall as its font.
  const text = page.locator('.gnode text').first();
  expect((await text.boundingBox())!.height).toBeGreaterThanOrEqual(9.99);
  // Too large to fit at that size: the top is on screen, the bottom a pan away.
  const stage = (await page.locator('.graph-canvas').boundingBox())!;
  const root = (await node(page, 'runtime.gopark').boundingBox())!;
  expect(root.y).toBeGreaterThan(stage.y + stage.height);
  await shot(page, 'graph-fanout-min-font');
  await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height - 20);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width / 2, stage.y + 20, { steps: 5 });
  await page.mouse.up();
  expect((await node(page, 'runtime.gopark').boundingBox())!.y).toBeLessThan(root.y - stage.height / 2);
  // Fit (0) returns to the same size.
  await page.keyboard.press('0');
  await expect.poll(() => smallestNodeFont(page)).toBeGreaterThanOrEqual(9.99);
});

test('pruning settings and granularity redraw the graph', async ({ page }) => {
  await openGraph(page, ['seed/slowclient/pprof.slowclient.goroutine.010.pb.gz']);
  const nodes = page.getByLabel(/Show at most this many nodes/);
  await nodes.fill('12');
  await nodes.press('Enter');
  await expect(page.locator('.gnode')).toHaveCount(12);
  await expect(page.locator('.graph-summary')).toContainText('Showing top 12 nodes out of 31');
  await expect(page.locator('.gedge[data-edge="internal/poll.(*pollDesc).wait -> runtime.gopark"] path[stroke-dasharray]')).toHaveCount(1);
  await page.getByRole('radio', { name: 'lines' }).click();
  await expect(page.locator('.gnode').first()).toHaveText(/\.go:\d+/);
  await page.keyboard.press('D');
  // Fitted with readable text, the lines graph is larger than the window: hover a node on screen.
  const stage = (await page.locator('.graph-canvas').boundingBox())!;
  for (const n of await page.locator('.gnode').all()) {
    const b = await n.boundingBox();
    if (b && b.x > stage.x && b.y > stage.y && b.x + b.width < stage.x + stage.width && b.y + b.height < stage.y + stage.height) {
      await n.hover();
      break;
    }
  }
  await expect(page.getByRole('tooltip')).toBeVisible();
  await shot(page, 'graph-pruned-dark');
});

test('a 4,000-character name is clipped in its box and whole in the tooltip', async ({ page }) => {
  await openGraph(page, ['edge/unicode-names.pb.gz']);
  const long = page.locator('.gnode').filter({ hasText: '…' }).first();
  const name = (await long.getAttribute('data-name'))!;
  expect(name.length).toBeGreaterThan(4000);
  const box = (await long.locator('rect').boundingBox())!;
  expect(box.width).toBeLessThan(800);
  await long.hover();
  await expect(page.getByRole('tooltip')).toContainText(name.slice(0, 200));
  await shot(page, 'graph-unicode');
});

test('a long layout shows which snapshot it lays out and can be cancelled; the graph comes back with fewer nodes', async ({ page }) => {
  await openGraph(page, ['service/pprof.service.goroutine.040.pb.gz', 'fanout-100k/pprof.fanout.goroutine.001.pb.gz']);
  await page.locator('.snapshot-list li', { hasText: 'fanout' }).click();
  await expect(page.locator('.gnode')).toHaveCount(38);
  // Every line of every function, nothing pruned: thousands of nodes for Graphviz.
  await page.getByRole('radio', { name: 'lines' }).click();
  for (const [label, value] of [
    [/Show at most this many nodes/, '0'],
    [/Drop nodes whose cum/, '0'],
    [/Drop edges lighter/, '0'],
  ] as const) {
    const field = page.getByLabel(label);
    await field.fill(value);
    await field.press('Enter');
  }
  const progress = page.locator('.graph-progress');
  await expect(progress).toHaveText(/Laying out the call graph of pprof\.fanout\.goroutine\.001\.pb\.gz/);
  await shot(page, 'graph-layout-progress');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.locator('.graph-view .view-message')).toContainText('Layout cancelled');
  await shot(page, 'graph-layout-cancelled');
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(2);
  const nodes = page.getByLabel(/Show at most this many nodes/);
  await nodes.fill('20');
  await nodes.press('Enter');
  await expect(page.locator('.graph-summary')).toContainText(/Showing top \d+ nodes out of 88/);
  await expect(page.locator('.gnode').first()).toBeVisible();
});
