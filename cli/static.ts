import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const DIST = resolve(process.env.PARKVIEW_DIST ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../dist'));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gz': 'application/gzip',
  '.go': 'text/plain; charset=utf-8',
};

/** Errors that mean "no such file here" rather than a failure to read one. */
const NOT_THERE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']);

/** The file under `root` a request path names, or null for a malformed path or one outside it. */
export function staticFile(requestPath: string, root = DIST): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestPath, 'http://x').pathname);
  } catch {
    return null;
  }
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  return file.startsWith(root + sep) ? file : null;
}

/**
 * Serves the built app from `root`: false when the path is not a file there; rejects (before any
 * header is sent) when the file cannot be opened. The file is opened once and streamed from that
 * handle, so one replaced or removed meanwhile (a rebuild) ends only this response.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, root = DIST): Promise<boolean> {
  const file = staticFile(req.url ?? '/', root);
  if (file === null) return false;
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    if (NOT_THERE.has((e as NodeJS.ErrnoException).code ?? '')) return false;
    throw e;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return false;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e;
  }
  // A read error or a client gone midway destroys the response and closes the file; nothing else to do.
  pipeline(handle.createReadStream(), res, () => undefined);
  return true;
}
