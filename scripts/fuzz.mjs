#!/usr/bin/env node
// Fuzzes every decoder and the query layer for a while: `npm run fuzz -- --minutes N [--seed S] [--target NAME]...`.
// Minimized crashers go to test/fuzz-corpus/<target>/, which the unit tests replay. The fuzzing runs in a
// child process that writes each input to a file before running it, so an input that hangs is killed
// after HANG_MS and saved too (unshrunk); fuzzing then goes on with the next seed.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const HANG_MS = 60_000;
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, seed: { type: 'string' }, target: { type: 'string', multiple: true, default: [] } } });
const minutes = Number(values.minutes);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const run = await import('../test/fuzz/run.ts');

if (process.env.PARKVIEW_FUZZ_CURRENT) {
  // The child: fuzz, noting each input before running it, and report back.
  const current = process.env.PARKVIEW_FUZZ_CURRENT;
  const report = await run.fuzz(minutes, seed, values.target, (line) => process.send({ log: line }), (target, input) => {
    run.noteInput(current, target, input);
    process.send({ alive: true });
  });
  process.send({ report });
  process.disconnect();
} else {
  if (!(minutes > 0)) {
    process.stderr.write('usage: npm run fuzz -- --minutes N [--seed S] [--target NAME]...\n');
    process.exit(2);
  }
  process.stdout.write(`fuzzing for ${minutes} min, seed ${seed}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'parkview-fuzz-'));
  const current = join(dir, 'current');
  const total = { executions: 0, crashers: [] };
  const deadline = Date.now() + minutes * 60_000;
  for (let round = 0; Date.now() < deadline - 1000; round++) {
    const left = (deadline - Date.now()) / 60_000;
    const args = ['--minutes', String(left), '--seed', String(seed + round * 100_000), ...values.target.flatMap((t) => ['--target', t])];
    const child = fork(new URL(import.meta.url).pathname, args, { env: { ...process.env, PARKVIEW_FUZZ_CURRENT: current } });
    const outcome = await new Promise((resolve) => {
      let last = Date.now();
      let report = null;
      const watchdog = setInterval(() => {
        if (Date.now() - last < HANG_MS) return;
        child.kill('SIGKILL');
        resolve({ hung: true });
      }, 1000);
      child.on('message', (m) => {
        last = Date.now();
        if (m.alive) total.executions++;
        if (m.log) process.stdout.write(`${m.log}\n`);
        if (m.report) report = m.report;
      });
      child.on('exit', () => {
        clearInterval(watchdog);
        resolve(report ? { report } : { hung: false });
      });
    });
    if (outcome.report) {
      total.crashers.push(...outcome.report.crashers);
      break;
    }
    if (!outcome.hung) throw new Error('the fuzzing process ended without a report');
    const saved = run.saveNoted(current);
    total.crashers.push({ ...saved, message: `no answer in ${HANG_MS / 1000} s` });
    process.stdout.write(`hang ${saved.target} -> ${saved.file}\n`);
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`executions: ${total.executions}, crashers: ${total.crashers.length}\n`);
  for (const c of total.crashers) process.stdout.write(`  ${c.target}: ${c.message.split('\n')[0]}\n    ${c.file}\n`);
  process.exitCode = total.crashers.length ? 1 : 0;
}
