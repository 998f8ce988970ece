#!/usr/bin/env node
// The flame graph on fanout-200k (200,004 goroutines, ~1.2 million frames) in Chromium, against the
// built app served by `parkview serve`. Each of 5 runs is a fresh page with the Flame graph view
// open: the file is dropped on the page and timed until the graph's first paint. Then the pointer
// sweeps over the graph, ctrl+wheel zooms in and out, a frame is clicked (animated zoom) and Escape
// zooms back out; frame_p95 is the 95th percentile of the canvas draws made meanwhile (each draw
// renders one frame). The heap is what the page and its Workers hold after a forced GC with the graph
// loaded: V8 heap in use plus ArrayBuffer backing stores (where the typed arrays of the model live).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES, median, startApp } from './browser.mjs';

const PROFILE = resolve(FIXTURES, 'fanout-200k/pprof.fanout.goroutine.001.pb.gz');
const RUNS = 5;

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
}

/**
 * Drops the profile on the page; resolves with ms from the drop to the snapshot appearing in the list
 * (the Worker answered the load) and to the flame graph's first paint, and with the longest the main
 * thread went without running a task in between: a message loop on the main thread notes the gaps
 * between its turns until the snapshot is listed.
 */
function dropAndWait(page, base64) {
  return page.evaluate(async (b64) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'pprof.fanout.goroutine.001.pb.gz'));
    let loadedAt = 0;
    const seen = () => {
      if (!loadedAt && document.querySelector('[role="tabpanel"], .snapshot, .snapshot-list li')) loadedAt = performance.now();
    };
    const observer = new MutationObserver(seen);
    observer.observe(document.body, { childList: true, subtree: true });
    let longest = 0;
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (!loadedAt) channel.port2.postMessage(0);
    };
    const t0 = performance.now();
    channel.port2.postMessage(0);
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    for (;;) {
      await new Promise((r) => setTimeout(r, 2));
      const draws = window.__parkviewFlame?.draws('main') ?? [];
      if (draws.length > 0) {
        observer.disconnect();
        const paint = draws[0].at + draws[0].ms - t0;
        return { paint, load: loadedAt - t0, afterLoad: loadedAt ? paint - (loadedAt - t0) : NaN, longestTask: longest };
      }
      if (performance.now() - t0 > 30_000) throw new Error('no flame graph after 30 s');
    }
  }, base64);
}

/** Hovering and zooming over the graph; returns the durations of the draws it caused. */
async function interact(page) {
  const box = await page.locator('[data-testid="flame-main"]').boundingBox();
  const before = (await page.evaluate(() => window.__parkviewFlame.draws('main'))).length;
  const y0 = box.y + 12;
  for (let row = 0; row < 8; row++) {
    for (let i = 0; i <= 40; i++) await page.mouse.move(box.x + (box.width * i) / 40, y0 + row * 18);
  }
  const cx = box.x + box.width * 0.3;
  await page.mouse.move(cx, y0 + 18);
  await page.keyboard.down('Control');
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -120);
  for (let i = 0; i < 40; i++) await page.mouse.move(box.x + (box.width * i) / 40, y0 + 4 * 18);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 120);
  await page.keyboard.up('Control');
  await page.mouse.click(box.x + box.width * 0.25, y0 + 2 * 18);
  await page.waitForTimeout(600);
  for (let i = 0; i <= 40; i++) await page.mouse.move(box.x + (box.width * i) / 40, y0 + 5 * 18);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(600);
  const draws = await page.evaluate(() => window.__parkviewFlame.draws('main'));
  return draws.slice(before).map((d) => d.ms);
}

/** Bytes a JS context holds: its V8 heap in use plus the ArrayBuffers' backing stores (typed arrays live there). */
const held = (usage) => usage.usedSize + (usage.backingStorageSize ?? 0);

/** JS memory (MB) of the page and each of its Workers, after a garbage collection. */
async function heapMb(page, browserSession) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  let used = held(await cdp.send('Runtime.getHeapUsage'));
  await cdp.detach();
  const { targetInfos } = await browserSession.send('Target.getTargets');
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    const ask = (id, method) =>
      new Promise((ok) => {
        const onMessage = (e) => {
          if (e.sessionId !== sessionId) return;
          const reply = JSON.parse(e.message);
          if (reply.id !== id) return;
          browserSession.off('Target.receivedMessageFromTarget', onMessage);
          ok(reply.result);
        };
        browserSession.on('Target.receivedMessageFromTarget', onMessage);
        void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await ask(1, 'HeapProfiler.collectGarbage');
    used += held(await ask(2, 'Runtime.getHeapUsage'));
    await browserSession.send('Target.detachFromTarget', { sessionId });
  }
  return used / (1024 * 1024);
}

const { url, browser, close } = await startApp();
try {
  const base64 = readFileSync(PROFILE).toString('base64');
  const browserSession = await browser.newBrowserCDPSession();
  const paints = [];
  const afterLoad = [];
  const loads = [];
  const longestTasks = [];
  const frames = [];
  const heaps = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#pv-open-files').waitFor({ state: 'attached' });
    await page.keyboard.press('f');
    const t = await dropAndWait(page, base64);
    paints.push(t.paint);
    afterLoad.push(t.afterLoad);
    loads.push(t.load);
    longestTasks.push(t.longestTask);
    frames.push(percentile(await interact(page), 95));
    heaps.push(await heapMb(page, browserSession));
    await context.close();
  }
  const r1 = (x) => Math.round(x * 10) / 10;
  console.log(`BENCH flame-first-paint-200k median_ms=${Math.round(median(paints))} runs=${paints.map(Math.round).join(',')} after_load_median_ms=${Math.round(median(afterLoad))}`);
  console.log(`BENCH load-in-browser-200k median_ms=${Math.round(median(loads))} runs=${loads.map(Math.round).join(',')} longest_main_thread_task_ms=${r1(Math.max(...longestTasks))}`);
  console.log(`BENCH flame-frame-p95-200k median_ms=${r1(median(frames))} runs=${frames.map(r1).join(',')}`);
  console.log(`BENCH flame-heap-200k median_mb=${Math.round(median(heaps))} runs=${heaps.map(Math.round).join(',')}`);
} finally {
  await close();
}
