import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const EMBEDDED = 'go/parkview/app';
const out = mkdtempSync(join(tmpdir(), 'parkview-build-'));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the app the Go module embeds', () => {
  it('is exactly a fresh Vite build of this source (else run `npm run build:go` and commit go/parkview/app)', () => {
    // The environment of a plain `vite build`, not vitest's (its NODE_ENV=test changes the output).
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
    const build = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { encoding: 'utf8', env });
    expect(build.status, build.stderr).toBe(0);
    const built = files(out);
    expect(built).toContain('index.html');
    expect(files(EMBEDDED)).toEqual(built);
    const differing = built.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(EMBEDDED, f))));
    expect(differing).toEqual([]);
  }, 180_000);
});
