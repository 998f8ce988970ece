#!/usr/bin/env node
// Runs every test (type check, import rules, unit tests, end-to-end tests in Chromium) and ends with one line:
// `tests: N passed, N failed`. On a fresh machine it first installs what the tests need: the npm
// packages, and Debian's Chromium and Go when they are missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
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

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Chromium for the end-to-end tests and Go for the live-service tests, from apt when missing. */
function installSystemPackages() {
  const need = [];
  if (!existsSync(process.env.PARKVIEW_CHROMIUM ?? '/usr/bin/chromium')) need.push('chromium');
  if (!has('go')) need.push('golang-go');
  if (need.length === 0) return;
  if (!has('apt-get')) {
    process.stdout.write(`\nmissing ${need.join(' and ')}: install ${need.length === 1 ? 'it' : 'them'} (or set PARKVIEW_CHROMIUM to a Chromium build)\n`);
    return;
  }
  const root = process.getuid?.() === 0;
  const apt = (...args) =>
    spawnSync(root ? 'apt-get' : 'sudo', root ? args : ['-n', 'apt-get', ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  process.stdout.write(`\n== installing ${need.join(', ')} with apt-get\n`);
  if (!(apt('update', '-q') && apt('install', '-y', '-q', ...need))) process.stdout.write(`could not install ${need.join(' and ')}: install ${need.length === 1 ? 'it' : 'them'} and run the tests again\n`);
}

// The packages the lockfile names: all of them on a fresh clone, the new ones after a pull.
const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed)) run('npm ci', 'npm', ['ci', '--no-audit', '--no-fund']);
else if (statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs) run('npm install', 'npm', ['install', '--no-audit', '--no-fund']);
installSystemPackages();

count('type check', run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']));

// Import direction and circles (.dependency-cruiser.cjs); src/core/README.md describes the layers.
const importsOk = run('import rules', 'npx', ['depcruise', 'src', 'cli', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);
if (!importsOk) process.stdout.write('import rules broken: each line above names the import and the rule it breaks (.dependency-cruiser.cjs; src/core/README.md describes the layers)\n');
count('import rules', importsOk);

const vitestJson = join(out, 'vitest.json');
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
try {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (unitOk || r.numFailedTests ? 0 : 1);
} catch {
  failed++;
}

// The Go module's tests, one count per test; a package that does not build counts as a failure.
process.stdout.write('\n== Go tests (go/parkview)\n');
const go = spawnSync('go', ['test', '-count=1', '-json', './...'], {
  cwd: 'go/parkview',
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOPROXY: 'off' },
});
if (go.error) {
  process.stdout.write(`cannot run go: ${go.error.message}\n`);
  failed++;
} else {
  const results = go.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  for (const e of results) {
    if (e.Action === 'output' && (e.Test === undefined || /^(--- FAIL|\s+\S+\.go:\d+:)/.test(e.Output))) process.stdout.write(e.Output);
    if ((e.Action === 'pass' || e.Action === 'fail') && e.Test && !e.Test.includes('/')) {
      if (e.Action === 'pass') passed++;
      else failed++;
      process.stdout.write(`${e.Action === 'pass' ? 'ok  ' : 'FAIL'} ${e.Test}\n`);
    }
  }
  const untested = results.some((e) => e.Action === 'fail' && !e.Test) && !results.some((e) => e.Action === 'fail' && e.Test);
  if (untested || (go.status !== 0 && results.length === 0)) {
    process.stdout.write(go.stderr);
    failed++;
  }
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
