import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import protobuf from 'protobufjs';
import { FIXTURES, readFixture } from '../fixtures';

const Profile = protobuf.loadSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../proto/profile.proto')).lookupType('perftools.profiles.Profile');

/** A gzipped pprof fixture with every string-table entry equal to `from` replaced by `to`. */
export function renamedProfile(relPath: string, from: string, to: string): Uint8Array {
  const p = Profile.toObject(Profile.decode(gunzipSync(readFixture(relPath)))) as { stringTable: string[] };
  if (!p.stringTable.includes(from)) throw new Error(`${relPath} has no string ${from}`);
  p.stringTable = p.stringTable.map((s) => (s === from ? to : s));
  return gzipSync(Profile.encode(Profile.fromObject(p)).finish());
}

/**
 * A copy of a fixture series folder in a temporary directory where the snapshot files for which
 * `pick` is true have the function `from` renamed `to`; returns the copy's path.
 */
export function renamedSeries(dir: string, from: string, to: string, pick: (file: string) => boolean): string {
  const out = mkdtempSync(join(tmpdir(), 'parkview-renamed-'));
  for (const f of readdirSync(join(FIXTURES, dir))) {
    if (f.endsWith('.pb.gz') && pick(f)) writeFileSync(join(out, f), renamedProfile(`${dir}/${f}`, from, to));
    else copyFileSync(join(FIXTURES, dir, f), join(out, f));
  }
  return out;
}
