import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Captures, fetchProfile } from '../../cli/captures';

const DUMP = 'goroutine profile: total 1\n1 @ 0x1\n#\t0x1\tmain.main+0x1\t/x/main.go:1\n';

/** A local target: `answer` handles each request; `written` counts the body bytes it got out. */
async function target(answer: (res: ServerResponse, path: string) => void): Promise<{ url: (path: string) => string; server: Server }> {
  const server = createServer((req, res) => answer(res, req.url ?? '/'));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return { url: (path) => `http://127.0.0.1:${port}${path}`, server };
}

/** Writes `chunk` again and again until the client goes away; resolves with the bytes written. */
function endless(res: ServerResponse, chunk: Uint8Array): Promise<number> {
  let written = 0;
  return new Promise((done) => {
    res.on('close', () => done(written));
    const pump = () => {
      while (!res.destroyed && written < 1 << 30) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    pump();
  });
}

describe('live captures', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });

  it('a slow target does not hold up the captures of a healthy one', async () => {
    const slow = await target((res) => setTimeout(() => res.end(DUMP), 20_000).unref());
    const healthy = await target((res) => res.end(DUMP));
    servers.push(slow.server, healthy.server);
    const slowUrl = slow.url('/debug/pprof/goroutine');
    const healthyUrl = healthy.url('/debug/pprof/goroutine');
    const captures = new Captures([slowUrl, healthyUrl]);
    captures.poll(50);
    await new Promise((r) => setTimeout(r, 2000));
    captures.stop();
    const fromHealthy = captures.list.filter((c) => c.name.startsWith(`pprof.${new URL(healthyUrl).host}.`)).length;
    // About 2000 / 50 rounds; one round at a time for both targets would give 1.
    expect(fromHealthy).toBeGreaterThan(10);
    expect(captures.list.length).toBe(fromHealthy);
  });

  it('stops reading an endless answer as soon as its start shows it is no profile', async () => {
    const garbage = new Uint8Array(64 << 10).map((_, i) => (i * 131 + 255) & 0xff);
    let written: Promise<number> = Promise.resolve(0);
    const t = await target((res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      written = endless(res, garbage);
    });
    servers.push(t.server);
    await expect(fetchProfile(t.url('/debug/pprof/goroutine'))).rejects.toThrow(/: unrecognized profile format$/);
    expect(await written).toBeLessThan(16 << 20);
  });

  it('gives up on a web page or JSON at once, by its content type or its first bytes', async () => {
    let written: Promise<number> = Promise.resolve(0);
    const t = await target((res, path) => {
      if (path === '/typed') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        written = endless(res, new TextEncoder().encode('<p>'.repeat(20_000)));
      } else if (path === '/json') {
        res.end('{"error": "unauthorized"}');
      } else {
        res.writeHead(200, { 'Content-Length': String(1 << 30) });
        res.write('x');
      }
    });
    servers.push(t.server);
    await expect(fetchProfile(t.url('/typed'))).rejects.toThrow(/\/typed: the server answered text\/html, not a profile$/);
    expect(await written).toBeLessThan(16 << 20);
    await expect(fetchProfile(t.url('/json'))).rejects.toThrow(/this is JSON/);
    await expect(fetchProfile(t.url('/big'))).rejects.toThrow(/\/big: the response is larger than 256 MiB$/);
  });

  it('still takes every profile form: gzip, protobuf, debug=1 and debug=2 text', async () => {
    const bodies: Record<string, Uint8Array> = {
      '/gz': new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]),
      '/pb': new Uint8Array([0x0a, 0x04, 0x08, 0x01, 0x10, 0x02]),
      '/debug1': new TextEncoder().encode(DUMP),
      '/debug2': new TextEncoder().encode('goroutine 1 [running]:\nmain.main()\n\t/x/main.go:3 +0x1d\n'),
    };
    const t = await target((res, path) => res.end(bodies[path]));
    servers.push(t.server);
    for (const [path, body] of Object.entries(bodies)) expect(await fetchProfile(t.url(path)), path).toEqual(body);
  });
});
