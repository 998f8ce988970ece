import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeInput, ProfileError } from '../src/core/decode';
import type { Session } from '../src/core/model/session';
import type { Snapshot } from '../src/core/model/snapshot';

/** Reads and decodes one file into the session; errors are one-line ProfileErrors naming the file. */
export async function loadFile(session: Session, path: string): Promise<Snapshot> {
  let bytes: Uint8Array;
  let mtime: number | undefined;
  try {
    bytes = await readFile(path);
    mtime = (await stat(path)).mtimeMs;
  } catch (e) {
    throw new ProfileError(`${basename(path)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return decodeInput(bytes, session, { name: basename(path), fileTimeMs: mtime });
}
