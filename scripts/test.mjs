#!/usr/bin/env node
// Runs every test (type check, unit tests, end-to-end tests in Chromium) and ends with one line:
// `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'parkview-test-'));
let passed = 0;
let failed = 0;

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function count(label, ok) {
  if (ok) passed++;
  else failed++;
  process.stdout.write(`${label}: ${ok ? 'ok' : 'FAILED'}\n`);
}

count('type check', run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']));

const vitestJson = join(out, 'vitest.json');
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
try {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (unitOk || r.numFailedTests ? 0 : 1);
} catch {
  failed++;
}

if (run('build', 'npx', ['vite', 'build'])) {
  const pwJson = join(out, 'playwright.json');
  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  try {
    const r = JSON.parse(readFileSync(pwJson, 'utf8'));
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected + (e2eOk || r.stats.unexpected ? 0 : 1);
  } catch {
    failed++;
  }
} else {
  failed++;
}

process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
