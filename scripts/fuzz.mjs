#!/usr/bin/env node
// Fuzzes every decoder and the query layer for a while: `npm run fuzz -- --minutes N [--seed S] [--target NAME]...`.
// Minimized crashers go to test/fuzz-corpus/<target>/, which the unit tests replay.
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, seed: { type: 'string' }, target: { type: 'string', multiple: true, default: [] } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  process.stderr.write('usage: npm run fuzz -- --minutes N [--seed S] [--target NAME]...\n');
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const { fuzz } = await import('../test/fuzz/run.ts');
process.stdout.write(`fuzzing for ${minutes} min, seed ${seed}\n`);
const report = await fuzz(minutes, seed, values.target, (line) => process.stdout.write(`${line}\n`));
process.stdout.write(`executions: ${report.executions}, crashers: ${report.crashers.length}\n`);
for (const c of report.crashers) process.stdout.write(`  ${c.target}: ${c.message.split('\n')[0]}\n    ${c.file}\n`);
process.exitCode = report.crashers.length ? 1 : 0;
