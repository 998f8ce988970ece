import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addFilter, dropFiles, dropFixtures } from './app-helpers';
import { shot } from './helpers';

const SERVICE = Array.from({ length: 40 }, (_, i) => `service/pprof.service.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`);

/** Drops text files made in the page, with the given modification times (a text dump's capture time). */
async function dropTexts(page: Page, files: { name: string; text: string; time: number }[]): Promise<void> {
  const data = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const it of items) dt.items.add(new File([it.text], it.name, { lastModified: it.time }));
    return dt;
  }, files);
  await page.dispatchEvent('body', 'drop', { dataTransfer: data });
}

/** A debug=2 dump: main blocked, and leaking senders with the given ids. */
function dump(ids: number[], minutes: number): string {
  const leak = (id: number) => `goroutine ${id} [chan send, ${minutes} minutes]:\nmain.leak()\n\t/src/main.go:20 +0x1d\ncreated by main.main in goroutine 1\n\t/src/main.go:12 +0x25\n`;
  return [`goroutine 1 [chan receive]:\nmain.main()\n\t/src/main.go:14 +0x3c\n`, ...ids.map(leak)].join('\n');
}

async function openLeaks(page: Page): Promise<void> {
  await page.keyboard.press('l');
  await expect(page.locator('.leaks-view')).toBeVisible();
}

/** The service series dropped on a fresh page, in the Leaks view. */
async function openServiceLeaks(page: Page): Promise<void> {
  await page.goto('./');
  await dropFixtures(page, SERVICE);
  await expect(page.locator('.snapshot-list li')).toHaveCount(40);
  await openLeaks(page);
  await expect(page.locator('.timeline-point')).toHaveCount(40);
}

test('service: the timeline shows 40 snapshots and exporter.send leads the suspects', async ({ page }) => {
  await openServiceLeaks(page);
  const rows = page.locator('.suspects-row');
  await expect(rows.first().locator('.c-group .fn')).toHaveText('main.(*exporter).send');
  await expect(rows.nth(1).locator('.c-group .fn')).toHaveText('main.(*service).lookupInventory.func1');
  await expect(rows).toHaveCount(2);
  await shot(page, 'leaks-service-light');
  await rows.first().click();
  await expect(page.locator('.suspect-detail h3')).toHaveText('main.(*exporter).send');
  await expect(page.locator('.suspect-explain')).toContainText('Blocked sending on a channel');
  await expect(page.locator('.suspect-stack .frame.own')).toHaveText(['main.(*exporter).sendmain.go:147']);
  await shot(page, 'leaks-service-selected-light');
  await page.keyboard.press('D');
  await shot(page, 'leaks-service-selected-dark');
  // The click made it the flame graph's focus: the flame view opens on its callers and callees.
  await page.keyboard.press('f');
  await expect(page.locator('.flame-focus-label strong')).toHaveText('main.(*exporter).send');
  await page.keyboard.press('l');
  await rows.nth(1).click();
  await page.getByRole('button', { name: 'Show in flame graph' }).click();
  await expect(page.locator('.flame-focus-label strong')).toHaveText('main.(*service).lookupInventory.func1');
});

/** The hover card's total at the last snapshot of the timeline. */
async function lastTotal(page: Page): Promise<string> {
  const point = await page.locator('.timeline-point').last().boundingBox();
  if (!point) throw new Error('no point');
  await page.mouse.move(point.x + point.width / 2, point.y + 40);
  const row = page.locator('.timeline-card-row.total');
  await expect(row).toBeVisible();
  const text = (await row.locator('.num').textContent()) ?? '';
  await page.mouse.move(0, 0);
  return text;
}

test('refine filters: the Leaks timeline and suspects count only the goroutines they keep', async ({ page }) => {
  page.on('pageerror', (e) => {
    throw e;
  });
  await openServiceLeaks(page);
  const rows = page.locator('.suspects-row');
  const last = (row: number) => rows.nth(row).locator('.c-num').nth(1);
  await expect(rows).toHaveCount(2);
  await expect.poll(() => lastTotal(page)).toBe('23,697');
  // The selected suspect stays selected while the filters keep it, though they number the groups afresh.
  await rows.first().click();
  await expect(page.locator('.suspect-detail h3')).toHaveText('main.(*exporter).send');

  await addFilter(page, 'focus', 'exporter');
  await expect(page.locator('.refine-summary')).toHaveText('13,610 (57.4%)');
  await expect(page.locator('.leaks-summary')).toHaveText('40 goroutine snapshots over 3m17s, filtered: focus=exporter');
  await expect(page.locator('.leaks-filtered')).toContainText('Counting only the goroutines the refine filters keep (focus=exporter)');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('.c-group .fn')).toHaveText('main.(*exporter).send');
  await expect(last(0)).toHaveText('13,610');
  await expect(page.locator('.suspect-detail h3')).toHaveText('main.(*exporter).send');
  await expect.poll(() => lastTotal(page)).toBe('13,610');
  await expect(page.locator('.legend-total')).toHaveText('Goroutines the filters keep');
  await shot(page, 'leaks-service-focus-light');

  await addFilter(page, 'tagfocus', 'tenant=acme');
  await expect(page.locator('.refine-summary')).toHaveText('3,402 (14.4%)');
  await expect(last(0)).toHaveText('3,402');
  await expect.poll(() => lastTotal(page)).toBe('3,402');

  // Ignoring the exporter instead leaves the other leak as the one suspect.
  await page.getByRole('button', { name: 'Remove tagfocus filter' }).click();
  await page.getByRole('button', { name: 'Remove focus filter' }).click();
  await addFilter(page, 'ignore', 'exporter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('.c-group .fn')).toHaveText('main.(*service).lookupInventory.func1');
  await expect(page.locator('.suspect-detail')).toHaveCount(0);

  await page.getByRole('button', { name: 'Remove ignore filter' }).click();
  await expect(page.locator('.leaks-summary')).toHaveText('40 goroutine snapshots over 3m17s');
  await expect(page.locator('.leaks-filtered')).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  await expect.poll(() => lastTotal(page)).toBe('23,697');
});

test('a goroutineleak profile alone: its stacks are proven leaks', async ({ page }) => {
  await page.goto('./');
  const record = (count: number, fn: string, line: number) => `${count} @ 0x43e1ee 0x40a64d 0x4a1b3c 0x46f2a1\n#\t0x4a1b3b\t${fn}+0x3b\t/src/main.go:${line}\n`;
  await dropTexts(page, [{ name: 'goroutineleak.txt', text: `goroutineleak profile: total 7\n${record(5, 'main.leak', 20)}\n${record(2, 'main.gather', 31)}`, time: Date.UTC(2026, 0, 1) }]);
  await expect(page.locator('.snapshot-list li')).toHaveCount(1);
  await openLeaks(page);
  await expect(page.locator('.timeline-point')).toHaveCount(1);
  await expect(page.locator('.leaks-note').first()).toContainText('the runtime proved can never wake');
  await expect(page.locator('.leaks-verdict')).toContainText('2 leak suspects: proven by a goroutineleak profile.');
  const rows = page.locator('.suspects-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('.c-group .fn')).toHaveText('main.leak');
  await expect(rows.first().locator('.badge.proven')).toHaveText('proven leak');
  await expect(rows.first().locator('.score')).toHaveAttribute('title', 'proven leak (goroutineleak profile)');
});

test('the benign list is editable, saved, and takes goroutines out of the suspects', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, SERVICE.slice(0, 12));
  await openLeaks(page);
  const rows = page.locator('.suspects-row');
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Benign list' }).click();
  const list = page.getByLabel('Benign functions, one per line');
  await expect(list).toHaveValue(/^os\/signal\.signal_recv\n/);
  await list.fill(`${await list.inputValue()}\nmain.(*exporter).*`);
  await shot(page, 'leaks-benign-light');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('.fn')).toHaveText('main.(*service).lookupInventory.func1');
  await page.reload();
  await dropFixtures(page, SERVICE.slice(0, 12));
  await openLeaks(page);
  await expect(rows).toHaveCount(1);
  await page.getByRole('radio', { name: /All groups/ }).click();
  await expect(page.locator('.suspects-row', { hasText: 'main.(*exporter).send' }).locator('.badge')).toHaveText('benign');
  await page.getByRole('button', { name: 'Benign list' }).click();
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('radio', { name: /Suspects/ }).click();
  await expect(rows).toHaveCount(2);
});

test('a debug=2 dump opens in the goroutines view, bucketed and filterable', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, ['service/goroutine.service.debug2.txt']);
  await expect(page.locator('.snapshot-list li')).toHaveCount(1);
  await page.keyboard.press('g');
  const buckets = page.locator('.bucket');
  await expect(buckets.first().locator('.bucket-fn')).toHaveText('main.(*exporter).send');
  await expect(page.locator('.goroutines-view .view-summary')).toContainText('23,459 goroutines');
  await shot(page, 'goroutines-service-light');
  await buckets.first().locator('.bucket-head').click();
  await expect(buckets.first().locator('.bucket-stack')).toContainText('/home/dev/src/github.com/acme/leaky/cmd/service/main.go:147');
  await page.getByLabel('Filter goroutines').fill('cacheJanitor');
  await expect(buckets).toHaveCount(1);
  await expect(buckets.first().locator('.state-chip')).toHaveText('sync.(*Cond).Wait');
  await page.getByLabel('Filter goroutines').fill('');
  await page.getByLabel('Filter by state').selectOption('IO wait');
  await expect(page.locator('.goroutines-view .view-summary')).toContainText('36 of 23,459 goroutines');
  await page.getByLabel('Filter goroutines').blur();
  await page.keyboard.press('D');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await buckets.first().locator('.bucket-head').click();
  await expect(buckets.first().locator('.bucket-stack')).toContainText('main.readLoop');
  // The opened bucket pushes the next one down instead of covering it, once the list has measured it.
  const pushedDown = async () => {
    const [open, next] = [await buckets.nth(0).boundingBox(), await buckets.nth(1).boundingBox()];
    return !!next && !!open && next.y >= open.y + open.height - 1;
  };
  await expect.poll(pushedDown).toBe(true);
  await shot(page, 'goroutines-service-dark');
});

test('a series of debug=2 dumps marks the goroutines that stay as stuck', async ({ page }) => {
  await page.goto('./');
  const t0 = Date.UTC(2026, 0, 1);
  await dropTexts(page, [
    { name: 'dump-1.txt', text: dump([7, 8, 9], 1), time: t0 },
    { name: 'dump-2.txt', text: dump([7, 8, 9, 10, 11, 12], 2), time: t0 + 60_000 },
    { name: 'dump-3.txt', text: dump([7, 8, 9, 10, 11, 12, 13, 14, 15], 3), time: t0 + 120_000 },
  ]);
  await expect(page.locator('.snapshot-list li')).toHaveCount(3);
  await page.keyboard.press('g');
  await expect(page.locator('.goroutines-view .view-summary')).toContainText('10 goroutines in 2 groups · 6 stuck (in the previous dump too, in groups that grow over the series)');
  const leak = page.locator('.bucket', { hasText: 'main.leak' });
  await expect(leak.locator('.badge.stuck')).toHaveText('6 stuck');
  // main.main's goroutine 1 was in every dump too, but one goroutine that stays is no leak.
  await expect(page.locator('.bucket', { has: page.locator('.bucket-fn', { hasText: /^main\.main$/ }) }).locator('.badge')).toHaveCount(0);
  await leak.locator('.bucket-head').click();
  await expect(leak.locator('.gid.stuck')).toHaveCount(6);
  await expect(leak.locator('.gid').first()).toHaveText('7 · 3m');
  // The same dumps make a series on the Leaks timeline, with the leak as its suspect.
  await openLeaks(page);
  await expect(page.locator('.timeline-point')).toHaveCount(3);
  await expect(page.locator('.suspects-row').first().locator('.fn')).toHaveText('main.leak');
  await expect(page.locator('.suspects-row').first().locator('.c-wait')).toHaveText('3 min');
});

test('seed/fixed: no suspects', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, Array.from({ length: 10 }, (_, i) => `seed/fixed/pprof.fixed.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`));
  await openLeaks(page);
  await expect(page.locator('.timeline-point')).toHaveCount(10);
  await expect(page.locator('.leaks-verdict')).toContainText('No leak suspects');
  await shot(page, 'leaks-fixed-light');
});

test('one snapshot: the timeline says growth needs two', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, ['seed/timeout/pprof.timeout.goroutine.010.pb.gz']);
  await openLeaks(page);
  await expect(page.locator('.timeline-point')).toHaveCount(1);
  await expect(page.locator('.leaks-note').first()).toContainText('Growth needs at least two snapshots');
  await expect(page.locator('.leaks-verdict')).toHaveCount(0);
  await page.locator('.leaks-table-bar').getByRole('radio', { name: /All groups/ }).click();
  await expect(page.locator('.suspects-row').first().locator('.score')).toHaveAttribute('title', 'growth needs at least two snapshots');
});

test('a CPU profile selected: the view says leaks follow goroutines and leads to the goroutine series', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, [...SERVICE.slice(0, 3), 'other-types/pprof.service.samples.cpu.001.pb.gz']);
  await expect(page.locator('.snapshot-list li')).toHaveCount(4);
  await page.locator('.snapshot-list li', { hasText: 'cpu' }).click();
  await openLeaks(page);
  await expect(page.locator('.leaks-view .view-message')).toContainText('is a cpu profile');
  await expect(page.locator('.timeline-point')).toHaveCount(0);
  await shot(page, 'leaks-cpu-light');
  await page.getByRole('button', { name: 'Show the goroutine series' }).click();
  await expect(page.locator('.timeline-point')).toHaveCount(3);
  await expect(page.locator('.snapshot-list li[aria-selected="true"]')).toContainText('003');
});

test('timeline: a click selects a snapshot, a drag sets the diff base and target', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, Array.from({ length: 10 }, (_, i) => `seed/timeout/pprof.timeout.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`));
  await openLeaks(page);
  const points = page.locator('.timeline-point');
  await expect(points).toHaveCount(10);
  const at = async (i: number) => {
    const b = await points.nth(i).boundingBox();
    if (!b) throw new Error('no point');
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const third = await at(2);
  await page.mouse.click(third.x, third.y - 20);
  await expect(page.locator('.snapshot.selected .snapshot-name')).toHaveText(/003\.pb\.gz$/);
  await expect(page.locator('.timeline-marker.base')).toHaveCount(0);
  const [from, to] = [await at(1), await at(7)];
  await page.mouse.move(from.x - 5, from.y - 30);
  await page.mouse.down();
  await page.mouse.move(to.x + 5, to.y - 30, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('.snapshot.selected .snapshot-name')).toHaveText(/008\.pb\.gz$/);
  await expect(page.locator('.timeline-marker.base text')).toHaveText('base');
  await expect(page.locator('.timeline-marker.shown text')).toHaveText('target');
  await page.mouse.move(third.x, third.y - 10);
  await expect(page.locator('.timeline-card')).toContainText('main.handleRequest.func1');
  await expect(page.locator('.legend-base strong')).toHaveText('pprof.timeout.goroutine.002.pb.gz');
  await shot(page, 'leaks-timeout-range-light');
  await page.locator('.legend-base').getByRole('button', { name: 'clear' }).click();
  await expect(page.locator('.timeline-marker.base')).toHaveCount(0);
});

test('fanout-series: 60 snapshots chart and rank without stalling the page', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, Array.from({ length: 60 }, (_, i) => `fanout-series/pprof.fanout.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`));
  await expect(page.locator('.snapshot-list li')).toHaveCount(60, { timeout: 30_000 });
  await openLeaks(page);
  await expect(page.locator('.timeline-point')).toHaveCount(60);
  await expect(page.locator('.suspects-row').first().locator('.c-group .fn')).toHaveText(/^main\.parkers\.func\d ← main\.\w+$/);
  // Hovering across the chart answers at once: every move shows the card for the nearest snapshot.
  const box = await page.locator('.timeline-chart svg').boundingBox();
  if (!box) throw new Error('no chart');
  for (let i = 0; i < 30; i++) await page.mouse.move(box.x + 60 + (i * (box.width - 80)) / 30, box.y + box.height / 2);
  await expect(page.locator('.timeline-card')).toBeVisible();
  await page.locator('.leaks-table-bar').getByRole('radio', { name: /All groups/ }).click();
  await expect(page.locator('.leaks-table-bar .view-count').first()).toContainText('showing the top 2,000');
  await shot(page, 'leaks-fanout-light');
  // Over a thousand stacks run through six functions: merging them by function says so plainly.
  await page.getByRole('button', { name: 'group by function' }).click();
  await page.locator('.leaks-table-bar').getByRole('radio', { name: /Suspects/ }).click();
  await expect(page.locator('.suspects-row')).toHaveCount(6);
  await expect(page.locator('.suspects-row .fn')).toContainText(['main.parkers.func5', 'main.parkers.func2']);
});

test('fanout-200k debug=2: tens of thousands of buckets scroll virtualized', async ({ page }) => {
  await page.goto('./');
  await dropFixtures(page, ['fanout-200k/goroutine.fanout.debug2.txt.gz']);
  await expect(page.locator('.snapshot-list li')).toHaveCount(1, { timeout: 30_000 });
  await page.keyboard.press('g');
  await expect(page.locator('.goroutines-view .view-summary')).toContainText('goroutines in', { timeout: 30_000 });
  await expect(page.locator('.goroutines-view .leaks-note')).toContainText('Listing the 5,000 biggest of 54,936 groups');
  expect(await page.locator('.bucket').count()).toBeLessThan(80);
  await page.locator('.bucket-list').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(page.locator('.bucket').first()).toBeVisible();
  await page.getByLabel('Filter goroutines').fill('parkers.func4');
  await expect(page.locator('.bucket').first().locator('.bucket-fn')).toHaveText('main.parkers.func4');
  await expect(page.locator('.bucket').first().locator('.bucket-caller')).toHaveText(/^← main\.\w+$/);
  await shot(page, 'goroutines-fanout-light');
});

test('stuck since a burst: the detail says which debug=2 evidence decided, and copies it as text', async ({ page, context }) => {
  const dir = resolve(import.meta.dirname, '../test/fixtures/stuck');
  const times = JSON.parse(readFileSync(`${dir}/times.json`, 'utf8')) as Record<string, number>;
  await page.goto('./');
  await dropFiles(page, [1, 2, 3, 4].map((i) => ({ name: `pprof.stuck.goroutine.00${i}.pb.gz`, bytes: readFileSync(`${dir}/pprof.stuck.goroutine.00${i}.pb.gz`) })));
  await dropTexts(page, [2, 3, 4].map((i) => ({ name: `goroutine.stuck.00${i}.debug2.txt`, text: readFileSync(`${dir}/goroutine.stuck.00${i}.debug2.txt`, 'utf8'), time: times[`goroutine.stuck.00${i}.debug2.txt`] })));
  await expect(page.locator('.snapshot-list li')).toHaveCount(7);
  // The protobuf profiles are the series: the dumps begin after the burst, so they never show the rise.
  await page.locator('.snapshot-list li', { hasText: 'pprof.stuck.goroutine.004.pb.gz' }).click();
  await openLeaks(page);
  const rows = page.locator('.suspects-row');
  // Dropped dumps have no capture time of their own (file dates are not one); each takes that of the
  // protobuf profile it matches stack for stack, so the refreshers are shown to wake and are cleared.
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('.c-group .fn')).toHaveText('main.lookupQuota');
  await expect(page.locator('.leaks-verdict')).toHaveText('1 leak suspect: stuck since they rose, none has left.');
  await rows.first().click();
  await expect(page.locator('.suspect-verdict .reason')).toHaveText(/^stuck since \d\d:\d\d:\d\d UTC, 40 goroutines, none has left since$/);
  const evidence = page.locator('.suspect-evidence li');
  await expect(evidence).toHaveCount(3);
  await expect(evidence.first()).toHaveText(/^decided byevery one of its 40 goroutines in goroutine\.stuck\.004\.debug2\.txt has waited \d minutes or more/);
  await expect(evidence.nth(1)).toContainText('the same 40 goroutine ids as in goroutine.stuck.002.debug2.txt');
  await shot(page, 'leaks-stuck-selected-light');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.suspect-detail').getByRole('button', { name: 'Copy as text' }).click();
  const lines = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
  expect(lines[0]).toMatch(/^main\.lookupQuota: leak suspect \(score 90\): stuck since \d\d:\d\d:\d\d UTC, 40 goroutines, none has left since$/);
  expect(lines[1]).toMatch(/^ {2}- every one of its 40 goroutines in goroutine\.stuck\.004\.debug2\.txt has waited/);
  expect(lines[3]).toBe('  - rose from 0 to 40, then never dipped');
});

test('a plateau without debug=2 dumps: the summary says it cannot be told apart and asks for a dump', async ({ page }) => {
  const dir = resolve(import.meta.dirname, '../test/fixtures/stuck');
  await page.goto('./');
  await dropFiles(page, [1, 2, 3, 4].map((i) => ({ name: `pprof.stuck.goroutine.00${i}.pb.gz`, bytes: readFileSync(`${dir}/pprof.stuck.goroutine.00${i}.pb.gz`) })));
  await expect(page.locator('.snapshot-list li')).toHaveCount(4);
  await openLeaks(page);
  // The refreshers grow steadily: without dumps nothing says they wake, so they stay the suspect.
  await expect(page.locator('.suspects-row .c-group .fn')).toHaveText(['main.refresh']);
  await page.locator('.leaks-table-bar').getByRole('radio', { name: /All groups/ }).click();
  await page.locator('.suspects-row', { hasText: 'main.lookupQuota' }).click();
  await expect(page.locator('.suspect-verdict .reason')).toHaveText('rose in only 1 step');
  await expect(page.locator('.suspect-evidence li')).toHaveText([/^undecidedwithout debug=2 dumps a plateau cannot be told apart from goroutines stuck since the rise: capture debug=2 dumps/]);
  await shot(page, 'leaks-plateau-undecided-light');
});
