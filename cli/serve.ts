import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs, UsageError } from './args';
import { DIST, serveStatic } from './static';

export const SERVE_USAGE = 'parkview [serve] [--port 8081] [--host 127.0.0.1] [--no-open] [--demo]';

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

/** Serves the built app on loopback until interrupted. */
export async function serveCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, ['no-open', 'demo']);
  if (positional.length) throw new UsageError(`usage: ${SERVE_USAGE}`);
  if (!existsSync(join(DIST, 'index.html'))) throw new UsageError('the app is not built: run `npm run build` first');
  const port = Number(opts.port ?? 8081);
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    serveStatic(req, res).then((served) => {
      if (!served) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
      }
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host}:${actualPort}/${opts.demo ? '?demo' : ''}`;
  process.stdout.write(`Parkview is serving on ${url}\n`);
  if (!opts['no-open'] && (process.env.DISPLAY || process.platform !== 'linux')) openBrowser(url);
  await new Promise(() => {});
  return '';
}
