import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { optionValue, parseArgs, UsageError } from './args';
import { COMMAND_OPTIONS } from './options';
import { parseDuration } from '../src/core/units/duration';
import { Captures, fetchProfile, isUrl, type CaptureEvent } from './captures';
import { Guard, interfaceAddresses, isLoopback, isWildcard, newToken } from './guard';
import { SECURITY_HEADERS } from '../src/core/io/csp';
import { DIST, serveStatic } from './static';

export const SERVE_USAGE = 'parkview [serve] [--port 8081] [--host 127.0.0.1] [--every 15s] [--no-open] [--demo] [FILE|URL]...';

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

/**
 * How many connections and how long each may sit idle or trickle: a local page needs a handful, and
 * every connection holds a file descriptor, which the static files and the captures need too.
 */
export interface ServerLimits {
  maxConnections: number;
  /** A socket with nothing read or written for this long is closed (a stalled or slow client). */
  idleTimeoutMs: number;
  /** A request's headers must arrive within this. */
  headersTimeoutMs: number;
  /** How long a kept-alive connection waits for the next request. */
  keepAliveTimeoutMs: number;
}

export const SERVER_LIMITS: ServerLimits = { maxConnections: 64, idleTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000 };

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function bytes(res: ServerResponse, body: Uint8Array): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** A static file that could not be opened: out of file descriptors is temporary, anything else is not. */
function unreadable(res: ServerResponse, e: NodeJS.ErrnoException): void {
  if (res.headersSent) return void res.destroy();
  if (e.code === 'EMFILE' || e.code === 'ENFILE') plain(res, 503, 'too many open files: try again');
  else plain(res, 500, 'could not read the file');
}

/** Server-Sent Events: every capture so far, then each new one and each fetch failure. */
function streamEvents(req: IncomingMessage, res: ServerResponse, captures: Captures): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  const send = (e: CaptureEvent) => {
    if (e.type === 'snapshot') res.write(`event: snapshot\ndata: ${JSON.stringify({ id: e.capture.id, name: e.capture.name, timeMs: e.capture.timeMs, fetched: e.capture.fetched })}\n\n`);
    else res.write(`event: failure\ndata: ${JSON.stringify({ target: e.target, message: e.message })}\n\n`);
  };
  for (const capture of captures.list) send({ type: 'snapshot', capture });
  const stop = captures.subscribe(send);
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    stop();
    clearInterval(keepAlive);
  });
}

/** A URL the app's own user typed into the page: fetched here, where CORS does not apply. */
async function proxyTyped(req: IncomingMessage, res: ServerResponse, target: string | null): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) return plain(res, 403, 'fetching URLs is only offered to a browser on this machine');
  if (!target || !isUrl(target)) return plain(res, 400, 'expected ?url=http://… or https://…');
  try {
    bytes(res, await fetchProfile(target));
  } catch (e) {
    res.writeHead(502, (e as Error).message.replace(/[^\x20-\x7e]/g, '?').slice(0, 300), { ...SECURITY_HEADERS, 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
    res.end((e as Error).message);
  }
}

export interface ParkviewServer {
  server: Server;
  /** The page address to open, with the run's token. */
  url: string;
  captures: Captures;
}

/** Serves the built app and the captures of `targets` on host:port (0 for any free port). */
export async function startServer(opts: {
  host: string;
  port: number;
  targets: string[];
  everyMs: number | null;
  demo?: boolean;
  limits?: Partial<ServerLimits>;
  /** The built app's folder. */
  dist?: string;
}): Promise<ParkviewServer> {
  const limits = { ...SERVER_LIMITS, ...opts.limits };
  const captures = new Captures(opts.targets);
  await captures.loadFiles();
  const token = newToken();
  let guard: Guard | null = null;
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return plain(res, 400, 'malformed request address');
    }
    const refused = guard ? guard.refuse(req, url) : 'starting';
    if (refused) return plain(res, 403, `parkview: ${refused}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed');
    if (url.pathname === '/api/events') return streamEvents(req, res, captures);
    const snapshot = /^\/api\/snapshot\/(\d+)$/.exec(url.pathname);
    if (snapshot) {
      const capture = captures.get(Number(snapshot[1]));
      return capture ? bytes(res, capture.bytes) : plain(res, 404, 'no such snapshot');
    }
    if (url.pathname === '/api/fetch') return void proxyTyped(req, res, url.searchParams.get('url'));
    if (url.pathname.startsWith('/api/')) return plain(res, 404, 'not found');
    void serveStatic(req, res, SECURITY_HEADERS, opts.dist).then(
      (served) => served || plain(res, 404, 'not found'),
      (e: NodeJS.ErrnoException) => unreadable(res, e),
    );
  });
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs);
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.headersTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => {
      server.off('error', fail);
      ok();
    });
  });
  // After the start, a failed accept (out of file descriptors) costs that one connection, not the server.
  server.on('error', (e) => process.stderr.write(`parkview: ${e.message}\n`));
  const port = (server.address() as AddressInfo).port;
  guard = new Guard(token, opts.host, port);
  captures.poll(opts.everyMs);
  // On a wildcard bind, print an address other machines can reach.
  const host = isWildcard(opts.host) ? (interfaceAddresses().find((a) => !isLoopback(a)) ?? '127.0.0.1') : opts.host;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${shownHost}:${port}/?${opts.demo ? 'demo&' : ''}token=${token}`, captures };
}

/**
 * `parkview [FILE|URL]...`: serves the app on loopback and opens it with the inputs loaded; URLs are
 * fetched here (no CORS trouble) and, with --every, again and again so the timeline grows live.
 */
export async function serveCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, ['no-open', 'demo'], [COMMAND_OPTIONS.port, COMMAND_OPTIONS.host, COMMAND_OPTIONS.every]);
  if (!existsSync(join(DIST, 'index.html'))) throw new UsageError('the app is not built: run `npm run build` first');
  const port = optionValue(opts, COMMAND_OPTIONS.port);
  const everyMs = parseDuration(optionValue(opts, COMMAND_OPTIONS.every));
  if (everyMs !== null && !positional.some(isUrl)) throw new UsageError('--every needs a URL to fetch, e.g. http://localhost:6060/debug/pprof/goroutine');
  let started: ParkviewServer;
  try {
    started = await startServer({ host: opts.host ?? '127.0.0.1', port, targets: positional, everyMs, demo: opts.demo === 'true' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: pick another with --port`);
    throw new UsageError(err.message);
  }
  const what = positional.length ? ` with ${positional.length} input${positional.length === 1 ? '' : 's'}${everyMs ? `, fetching every ${opts.every}` : ''}` : '';
  process.stdout.write(`Parkview is serving on ${started.url}${what}\n`);
  if (!opts['no-open'] && (process.env.DISPLAY || process.platform !== 'linux')) openBrowser(started.url);
  await new Promise(() => {});
  return '';
}
