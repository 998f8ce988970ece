/** Captures every run of the benchmark: builds the scenarios program and runs all of it at once. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Run } from './tracks';

const SOURCE = resolve(import.meta.dirname, 'scenarios');

/** Captures the runs that have no manifest yet (all of them after `fresh` wipes the folder). */
export async function generate(root: string, runs: Run[], fresh: boolean): Promise<void> {
  if (fresh) rmSync(root, { recursive: true, force: true });
  const todo = runs.filter((r) => !existsSync(join(r.dir, 'manifest.json')));
  const binaries = new Map<string, string>();
  for (const toolchain of new Set(todo.map((r) => r.track.toolchain ?? ''))) {
    const binary = join(root, `scenarios${toolchain ? `-${toolchain}` : ''}`);
    const env = toolchain ? { ...process.env, GOTOOLCHAIN: toolchain } : process.env;
    const built = spawnSync('go', ['build', '-o', binary, '.'], { cwd: SOURCE, stdio: 'inherit', env });
    if (built.status !== 0) throw new Error(`go build of the scenarios failed${toolchain ? ` (${toolchain})` : ''}`);
    binaries.set(toolchain, binary);
  }
  const started = Date.now();
  console.error(`capturing ${todo.length} series in parallel (the slowest takes about 7 minutes)…`);
  let done = 0;
  await Promise.all(
    todo.map(
      (run) =>
        new Promise<void>((ok, fail) => {
          const binary = binaries.get(run.track.toolchain ?? '') as string;
          const p = spawn(binary, [`-scenario=${run.scenario}`, `-out=${run.dir}`, ...run.track.flags], { stdio: ['ignore', 'ignore', 'inherit'] });
          p.on('error', fail);
          p.on('exit', (code) => {
            if (code !== 0) return fail(new Error(`${run.dir}: scenarios exited with ${code}`));
            done++;
            if (done % 10 === 0 || done === todo.length) console.error(`  ${done}/${todo.length} series after ${Math.round((Date.now() - started) / 1000)} s`);
            ok();
          });
        }),
    ),
  );
}
