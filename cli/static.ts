import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
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

/** The file under dist/ a request path names, or null for a malformed path or one outside dist/. */
export function staticFile(requestPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestPath, 'http://x').pathname);
  } catch {
    return null;
  }
  const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
  return file.startsWith(DIST + sep) ? file : null;
}

/** Serves the built app from dist/; false when the path is not a file there. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const file = staticFile(req.url ?? '/');
  if (file === null) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(file).pipe(res);
  return true;
}
