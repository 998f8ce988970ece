#!/usr/bin/env node
// Decode + model of the large profiles as the app runs it: in a Web Worker in Chromium, inflating
// with the browser's DecompressionStream. Like decode.bench.ts, 5 runs (the first one cold) in one
// Worker, each into a new Session with a GC between; median_ms is their median.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { FIXTURES, launchChromium, median, ROOT } from './browser.mjs';

const RUNS = 5;
const CASES = {
  'fanout-200k.pb': 'fanout-200k/pprof.fanout.goroutine.001.pb.gz',
  'fanout-100k.debug2': 'fanout-100k/goroutine.fanout.debug2.txt.gz',
};

const bundle = await build({
  configFile: false,
  logLevel: 'silent',
  build: { write: false, target: 'es2022', lib: { entry: resolve(ROOT, 'bench/decode-worker.ts'), formats: ['iife'], name: 'decodeWorker' } },
});
const code = bundle[0].output[0].code;
const browser = await launchChromium(['--js-flags=--expose-gc']);
try {
  const page = await browser.newPage();
  for (const [name, rel] of Object.entries(CASES)) {
    const base64 = readFileSync(resolve(FIXTURES, rel)).toString('base64');
    const times = await page.evaluate(
      ({ code, base64, name, runs }) =>
        new Promise((ok, fail) => {
          const bin = atob(base64);
          const bytes = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          worker.onmessage = (e) => {
            worker.terminate();
            ok(e.data);
          };
          worker.onerror = (e) => fail(new Error(e.message));
          worker.postMessage({ bytes, name, runs }, [bytes.buffer]);
        }),
      { code, base64, name: rel.split('/').pop(), runs: RUNS },
    );
    console.log(`BENCH ${name}.chromium-worker median_ms=${Math.round(median(times))} runs=${times.map(Math.round).join(',')}`);
  }
} finally {
  await browser.close();
}
