import { writeFile } from 'node:fs/promises';
import { ProfileError } from '../src/core/io/errors';
import { formatBytes } from '../src/core/units/bytes';
import { Session } from '../src/core/model/session';
import { encodeBundle, encodePayload, MAX_LINK_CHARS } from '../src/core/permalink';
import { encodeAddress } from '../src/core/address/address';
import { Incomplete, parseArgs, UsageError } from './args';
import { COMMAND_OPTIONS } from './options';
import { loadFile } from './load';

export const LINK_USAGE = 'parkview link [--base URL] [--bundle OUT.parkview] FILE...';

const DEFAULT_BASE = 'http://127.0.0.1:8081/';

/**
 * Prints a permalink whose hash carries the files' snapshots (or writes them as a .parkview bundle).
 * A file that cannot be read is left out and named on stderr; the others are still linked.
 */
export async function linkCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, [], [COMMAND_OPTIONS.base, COMMAND_OPTIONS.bundle]);
  if (positional.length === 0) throw new UsageError(`usage: ${LINK_USAGE}`);
  let base: URL;
  try {
    base = new URL(opts.base ?? DEFAULT_BASE);
  } catch {
    throw new UsageError(`--base ${opts.base}: not a URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new UsageError(`--base ${opts.base}: expected an http:// or https:// address`);
  base.hash = '';
  const session = new Session();
  const failed: string[] = [];
  for (const file of positional) {
    try {
      await loadFile(session, file);
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      failed.push(e.message);
    }
  }
  if (session.snapshots.length === 0) throw new Incomplete('', failed);
  const out = await linkOrBundle(session, base, opts.bundle);
  if (failed.length) throw new Incomplete(out, failed.map((f) => `${f}; left out of the link`));
  return out;
}

async function linkOrBundle(session: Session, base: URL, bundle: string | undefined): Promise<string> {
  const ids = session.snapshots.map((s) => s.id);
  if (bundle) {
    await writeFile(bundle, await encodeBundle(session, ids, encodeAddress({})));
    return `wrote ${bundle}: ${ids.length} snapshot${ids.length === 1 ? '' : 's'}; drop it on Parkview to open it\n`;
  }
  const link = `${base.href}#${encodeAddress({ payload: await encodePayload(session, ids) })}`;
  if (link.length > MAX_LINK_CHARS) {
    throw new ProfileError(
      `the link would be ${formatBytes(link.length)}, more than the ~${formatBytes(MAX_LINK_CHARS)} browsers accept in an address; write a bundle instead with --bundle OUT.parkview`,
    );
  }
  return `${link}\n`;
}
