#!/usr/bin/env node
// The Graph view on fanout-100k in Chromium, against the built app: from opening the view (the
// Graph tab clicked, with the profile loaded and the Top table on screen) to the laid-out graph on
// screen. Each run is a fresh page, so it pays for the view's code, the layout Worker and Graphviz's
// WebAssembly; `warm_median_ms` opens the view again on the same page. Serves PARKVIEW_DIST when
// set, else a fresh build of the current sources.
import { resolve } from 'node:path';
import { FIXTURES, median, startApp } from './browser.mjs';

const PROFILE = resolve(FIXTURES, 'fanout-100k/pprof.fanout.goroutine.001.pb.gz');
const RUNS = 5;
const NODES = 38;

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

const { url, browser, close } = await startApp();
try {
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
    // A single profile opens in the flame graph; the graph is laid out when its tab is chosen.
    await page.locator('.snapshot.selected').waitFor();
    cold.push(await openView(page, 'Graph', NODES));
    await page.locator('[role="tab"]', { hasText: 'Top' }).click();
    await page.locator('.top-body [role="row"]').first().waitFor();
    warm.push(await openView(page, 'Graph', NODES));
    await page.close();
  }
  if (foreign.size) throw new Error(`the Graph view fetched from elsewhere: ${[...foreign].join(', ')}`);
  console.log(`BENCH graph-fanout-100k median_ms=${Math.round(median(cold))} warm_median_ms=${Math.round(median(warm))} runs_ms=${cold.map(Math.round).join(',')}`);
} finally {
  await close();
}
