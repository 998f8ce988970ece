import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeInput, ProfileError } from '../src/core/decode';
import type { Session } from '../src/core/model/session';
import type { Snapshot } from '../src/core/model/snapshot';

/**
 * Reads and decodes one file into the session; errors are one-line ProfileErrors naming the file.
 * What the decoder warns about (a cut dump, values rounded past 2^53) goes to stderr, one line each.
 */
export async function loadFile(session: Session, path: string): Promise<Snapshot> {
  let bytes: Uint8Array;
  let mtime: number | undefined;
  try {
    bytes = await readFile(path);
    mtime = (await stat(path)).mtimeMs;
  } catch (e) {
    throw new ProfileError(`${basename(path)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const snapshot = await decodeInput(bytes, session, { name: basename(path), fileTimeMs: mtime });
  for (const w of snapshot.warnings) process.stderr.write(`parkview: ${snapshot.name}: warning: ${w}\n`);
  return snapshot;
}
