/** Captures every run of the benchmark: builds the scenarios program and runs all of it at once. */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Run } from './tracks';

const SOURCE = resolve(import.meta.dirname, 'scenarios');

export async function generate(root: string, runs: Run[]): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  const binary = join(root, 'scenarios');
  const built = spawnSync('go', ['build', '-o', binary, '.'], { cwd: SOURCE, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('go build of the scenarios failed');
  const started = Date.now();
  console.error(`capturing ${runs.length} series in parallel (the slowest takes about 7 minutes)…`);
  let done = 0;
  await Promise.all(
    runs.map(
      (run) =>
        new Promise<void>((ok, fail) => {
          const p = spawn(binary, [`-scenario=${run.scenario}`, `-out=${run.dir}`, ...run.track.flags], { stdio: ['ignore', 'ignore', 'inherit'] });
          p.on('error', fail);
          p.on('exit', (code) => {
            if (code !== 0) return fail(new Error(`${run.dir}: scenarios exited with ${code}`));
            done++;
            if (done % 10 === 0 || done === runs.length) console.error(`  ${done}/${runs.length} series after ${Math.round((Date.now() - started) / 1000)} s`);
            ok();
          });
        }),
    ),
  );
}
