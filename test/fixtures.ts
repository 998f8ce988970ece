import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeInput } from '../src/core/decode';
import type { Session } from '../src/core/model/session';
import type { Snapshot } from '../src/core/model/snapshot';

/** The shared fixtures, which sit next to the project folder (`../shared/fixtures` from its root). */
export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures');

/** Real captures kept in the project (`test/fixtures/`), with the programs and scripts that made them. */
export const PROJECT_FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function readProjectFixture(relPath: string): Uint8Array {
  return readFileSync(resolve(PROJECT_FIXTURES, relPath));
}

export function readFixture(relPath: string): Uint8Array {
  return readFileSync(resolve(FIXTURES, relPath));
}

export function readFixtureText(relPath: string): string {
  return readFileSync(resolve(FIXTURES, relPath), 'utf8');
}

/** Fixture paths (relative to FIXTURES) in `dir` whose names match, sorted. */
export function listFixtures(dir: string, pattern: RegExp): string[] {
  return readdirSync(resolve(FIXTURES, dir))
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** Decodes one fixture into the session, named like its file, as the app and the CLI do. */
export function load(session: Session, relPath: string): Promise<Snapshot> {
  return decodeInput(readFixture(relPath), session, { name: basename(relPath) });
}
