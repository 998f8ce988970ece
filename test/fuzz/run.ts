import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { prepareTargets, targetNamed, TARGETS, type FuzzTarget } from './targets';

export const CORPUS = join(import.meta.dirname, '../fuzz-corpus');

export interface Crasher {
  target: string;
  file: string;
  message: string;
}

export interface FuzzReport {
  executions: number;
  crashers: Crasher[];
}

/** A crash's kind, so the same fault found again is not saved again: its first line without numbers. */
function signature(target: string, message: string): string {
  return `${target}: ${message.split('\n')[0].replace(/\d+/g, 'N')}`;
}

/** Saves a minimized crasher under CORPUS/<target>/, named by its content. */
export function saveCrasher(target: FuzzTarget, input: Uint8Array): string {
  const dir = join(CORPUS, target.name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(input).digest('hex').slice(0, 12)}.${target.ext}`);
  writeFileSync(file, input);
  return file;
}

/** Writes the input about to run, with its target's name on a first line, so that a hang can be saved. */
export function noteInput(file: string, target: string, input: Uint8Array): void {
  writeFileSync(file, Buffer.concat([Buffer.from(`${target}\n`), input]));
}

/** Saves the input noteInput wrote last to the corpus. */
export function saveNoted(file: string): { target: string; file: string } {
  const noted = readFileSync(file);
  const nl = noted.indexOf(10);
  const target = noted.subarray(0, nl).toString();
  return { target, file: saveCrasher(targetNamed(target), new Uint8Array(noted.subarray(nl + 1))) };
}

/**
 * Fuzzes every target in turn, in batches, until `minutes` have passed; fast-check shrinks each
 * failing input to a minimal one, which is saved to the corpus once per kind of crash.
 */
export async function fuzz(
  minutes: number,
  seed: number,
  only: string[] = [],
  log: (line: string) => void = () => {},
  beforeRun: (target: string, input: Uint8Array) => void = () => {},
): Promise<FuzzReport> {
  await prepareTargets();
  const targets = only.length ? TARGETS.filter((t) => only.includes(t.name)) : TARGETS;
  const deadline = Date.now() + minutes * 60_000;
  const seen = new Set<string>();
  const report: FuzzReport = { executions: 0, crashers: [] };
  for (let batch = 0; Date.now() < deadline; batch++) {
    for (const [i, t] of targets.entries()) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const out = await fc.check(
        fc.asyncProperty(t.input, (input) => {
          beforeRun(t.name, input);
          return t.run(input);
        }),
        { seed: seed + batch * targets.length + i, numRuns: 300, interruptAfterTimeLimit: left, markInterruptAsFailure: false },
      );
      report.executions += out.numRuns + out.numShrinks;
      if (!out.failed || !out.counterexample) continue;
      const message = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
      const sig = signature(t.name, message);
      if (seen.has(sig)) continue;
      seen.add(sig);
      const file = saveCrasher(t, out.counterexample[0]);
      report.crashers.push({ target: t.name, file, message });
      log(`crasher ${t.name} (seed ${out.seed}, path ${out.counterexample ? out.counterexamplePath : ''}): ${message.split('\n')[0]} -> ${file}`);
    }
    if ((batch + 1) % 10 === 0) log(`${report.executions} executions, ${report.crashers.length} crashers`);
  }
  return report;
}
