import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/core/units/duration';
import { startServer, type ParkviewServer } from '../../cli/serve';
import { DIST, staticFile } from '../../cli/static';
import { interfaceAddresses, isLoopback } from '../../cli/guard';

const FIXTURE = resolve(__dirname, '../../../shared/fixtures/seed/timeout/pprof.timeout.goroutine.001.pb.gz');

/** A raw request, so the test controls Host and Origin the way a hostile page or a rebinding attack would. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => {
        body += c;
        if (res.headers['content-type'] === 'text/event-stream') {
          res.destroy();
          ok({ status: res.statusCode!, body });
        }
      });
      res.on('end', () => ok({ status: res.statusCode!, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('parkview server: serves its own page only, and is no open proxy', () => {
  let pv: ParkviewServer;
  let port: number;
  let token: string;
  let profileServer: Server;
  let profileUrl: string;

  beforeAll(async () => {
    profileServer = createServer((_req, res) => res.end('goroutine profile: total 1\n1 @ 0x1\n#\t0x1\tmain.main+0x1\t/x/main.go:1\n'));
    await new Promise<void>((ok) => profileServer.listen(0, '127.0.0.1', ok));
    profileUrl = `http://127.0.0.1:${(profileServer.address() as AddressInfo).port}/debug/pprof/goroutine`;
    pv = await startServer({ host: '127.0.0.1', port: 0, targets: [FIXTURE, profileUrl], everyMs: null });
    const url = new URL(pv.url);
    port = Number(url.port);
    token = url.searchParams.get('token')!;
    await new Promise((r) => setTimeout(r, 300));
  });

  afterAll(() => {
    pv.server.closeAllConnections();
    pv.server.close();
    profileServer.close();
  });

  it('binds to loopback and prints a page address with a random token', () => {
    expect(pv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect((pv.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('announces the file and the fetched URL as snapshots, and serves their bytes', async () => {
    const events = await get(port, `/api/events?token=${token}`);
    expect(events.status).toBe(200);
    expect(pv.captures.list.map((c) => c.name)).toEqual(['pprof.timeout.goroutine.001.pb.gz', expect.stringMatching(/^pprof\.127\.0\.0\.1:\d+\.goroutine\.001\.txt$/)]);
    const file = await get(port, `/api/snapshot/1?token=${token}`);
    expect(file.status).toBe(200);
    expect(file.body.charCodeAt(0)).toBe(0x1f);
  });

  it('refuses API calls without the token, from another origin, or under another Host name', async () => {
    expect((await get(port, '/api/snapshot/1')).status).toBe(403);
    expect((await get(port, `/api/snapshot/1?token=${token.slice(1)}x`)).status).toBe(403);
    expect((await get(port, `/api/snapshot/1?token=${token}`, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await get(port, `/api/snapshot/1?token=${token}`, { host: `rebound.example:${port}` })).status).toBe(403);
    expect((await get(port, `/api/snapshot/1?token=${token}`, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get(port, `/api/snapshot/1?token=${token}`, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('fetches a URL typed into the page, only with the token', async () => {
    expect((await get(port, `/api/fetch?url=${encodeURIComponent(profileUrl)}`)).status).toBe(403);
    const ok = await get(port, `/api/fetch?token=${token}&url=${encodeURIComponent(profileUrl)}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatch(/^goroutine profile: total 1/);
    expect((await get(port, `/api/fetch?token=${token}&url=${encodeURIComponent('file:///etc/passwd')}`)).status).toBe(400);
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    const down = await get(port, `/api/fetch?token=${token}&url=${encodeURIComponent(`http://127.0.0.1:${closedPort}/x`)}`);
    expect(down.status).toBe(502);
    expect(down.body).toMatch(/cannot fetch .*ECONNREFUSED/);
  });

  it('answers a malformed or escaping path with an error and keeps serving', async () => {
    expect((await get(port, '/%E0%A4%A')).status).toBe(404);
    expect((await get(port, '/..%2fdist-secret%2fx.txt')).status).toBe(404);
    expect((await get(port, `/api/events?token=${token}`)).status).toBe(200);
  });

  it('parses Go-style durations for --every', () => {
    expect(parseDuration('15s')).toBe(15_000);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('15')).toBeNull();
    expect(parseDuration('0s')).toBeNull();
  });
});

describe('static files', () => {
  it('stay inside dist/: no sibling folder with the same prefix, no malformed escapes', () => {
    expect(staticFile('/')).toBe(resolve(DIST, 'index.html'));
    expect(staticFile('/assets/app.js')).toBe(resolve(DIST, 'assets/app.js'));
    expect(staticFile('/..%2fdist-secret%2fx.txt')).toBeNull();
    expect(staticFile('/../../etc/passwd')).toBe(resolve(DIST, 'etc/passwd'));
    expect(staticFile('/%E0%A4%A')).toBeNull();
  });
});

describe('parkview --host 0.0.0.0', () => {
  it('prints an address other machines reach, and answers under that Host name', async () => {
    const pv = await startServer({ host: '0.0.0.0', port: 0, targets: [], everyMs: null });
    try {
      const url = new URL(pv.url);
      const external = interfaceAddresses().find((a) => !isLoopback(a) && !a.includes(':'));
      if (external) expect(url.hostname).toBe(external);
      const host = external ?? '127.0.0.1';
      const port = Number(url.port);
      expect((await get(port, '/', { host: `${host}:${port}` })).status).not.toBe(403);
      expect((await get(port, '/', { host: `evil.example:${port}` })).status).toBe(403);
    } finally {
      pv.server.closeAllConnections();
      pv.server.close();
    }
  });
});
