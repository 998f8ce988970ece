import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
const b64 = readFileSync(process.argv[2] ?? '/work/shared/fixtures/fanout-200k/pprof.fanout.goroutine.001.pb.gz').toString('base64');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.addScriptTag({ content: readFileSync('/tmp/pv/core.js', 'utf8') });
const out = await page.evaluate(async (b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const res = [];
  for (let i = 0; i < 7; i++) res.push((await run(bytes)).toFixed(1));
  return res;
}, b64);
console.log(out.join(' '));
await browser.close();
