import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeInputs, DEFAULT_LIMITS, ProfileError, type InputMeta } from '../src/core/decode';
import type { Session } from '../src/core/model/session';
import type { Snapshot } from '../src/core/model/snapshot';
import { captureName, fetchProfile, isUrl } from './captures';
import { visibleText } from '../src/core/report/visible';
import { zlibGunzip } from './zlib-gunzip';

/** The bytes of a file or URL, and the name the snapshot takes: a URL's is pprof's `pprof.<host>.<profile>.NNN`, numbered in load order. */
async function read(path: string, seq: number): Promise<{ bytes: Uint8Array; name: string } & Omit<InputMeta, 'name'>> {
  if (isUrl(path)) {
    try {
      const bytes = await fetchProfile(path);
      return { bytes, name: captureName(path, seq, bytes), capturedMs: Date.now() };
    } catch (e) {
      throw new ProfileError((e as Error).message);
    }
  }
  try {
    return { bytes: await readFile(path), name: basename(path), fileTimeMs: (await stat(path)).mtimeMs };
  } catch (e) {
    throw new ProfileError(`${basename(path)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Reads (or, for an http(s) URL such as /debug/pprof/goroutine, fetches) and decodes one profile
 * into the session; errors are one-line ProfileErrors naming the file or URL. What the decoder warns
 * about (a cut dump, values rounded past 2^53), and each damaged snapshot of a bundle it leaves out,
 * goes to stderr, one line each. A bundle adds all its snapshots and returns the first.
 */
export async function loadFile(session: Session, path: string): Promise<Snapshot> {
  const { bytes, ...meta } = await read(path, session.snapshots.length + 1);
  // A file of several dumps one after another adds each; reports of one snapshot take the first.
  const { snapshots, skipped } = await decodeInputs(bytes, session, meta, { ...DEFAULT_LIMITS, gunzip: zlibGunzip });
  for (const s of snapshots) for (const w of s.warnings) process.stderr.write(visibleText(`parkview: ${s.name}: warning: ${w}
`));
  for (const s of skipped) process.stderr.write(visibleText(`parkview: ${meta.name}: ${s.name}: ${s.reason}; left out
`));
  return snapshots[0];
}
