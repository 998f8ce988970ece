import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ParkviewServer } from '../../cli/serve';
import { CONTENT_SECURITY_POLICY } from '../../src/core/io/csp';

const ROOT = resolve(__dirname, '../..');

/** A stand-in for dist/: a page and a file big enough that a client which stops reading stalls it. */
function fakeDist(bigBytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkview-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Parkview</title>');
  writeFileSync(join(dir, 'big.bin'), Buffer.alloc(bigBytes, 7));
  return dir;
}

async function status(port: number, path: string): Promise<number | string> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status;
  } catch (e) {
    return (e as Error).name;
  }
}

function idleSocket(port: number): Promise<Socket> {
  return new Promise((ok) => {
    const s = connect(port, '127.0.0.1', () => ok(s));
    s.on('error', () => undefined);
  });
}

function closed(socket: Socket): Promise<number> {
  const start = Date.now();
  return new Promise((ok) => socket.once('close', () => ok(Date.now() - start)));
}

describe('parkview server under too many connections', () => {
  let child: ChildProcess;
  let dist: string;
  let port: number;
  let output = '';

  beforeAll(async () => {
    dist = fakeDist(256 << 10);
    // A low descriptor limit, as a busy machine or a flood of idle connections would leave it.
    child = spawn('sh', ['-c', `ulimit -n 72 && exec node ${join(ROOT, 'cli/parkview.mjs')} serve --port 0 --no-open`], {
      env: { ...process.env, PARKVIEW_DIST: dist },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const until = Date.now() + 30_000;
    while (!/serving on http:\/\/127\.0\.0\.1:(\d+)/.test(output) && Date.now() < until && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    port = Number(/serving on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
  });

  afterAll(() => {
    child.kill('SIGKILL');
    rmSync(dist, { recursive: true, force: true });
  });

  it('keeps running and serving when idle connections use up its file descriptors', async () => {
    expect(port, output).toBeGreaterThan(0);
    const sockets: Socket[] = [];
    const answers = new Set<number | string>();
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      sockets.push(await idleSocket(port));
      answers.add(await status(port, '/big.bin'));
    }
    expect(child.exitCode, output).toBeNull();
    // Past the limits a request is refused (503, or the connection is dropped), never fatal.
    expect([...answers].filter((a) => a !== 200 && a !== 503 && a !== 'TypeError'), output).toEqual([]);
    expect(answers.has(200)).toBe(true);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 300));
    expect(await status(port, '/big.bin')).toBe(200);
    expect(await status(port, '/')).toBe(200);
  });
});

describe('parkview server timeouts, headers and files changing under it', () => {
  let pv: ParkviewServer;
  let dist: string;
  let port: number;

  beforeAll(async () => {
    dist = fakeDist(64 << 20);
    pv = await startServer({ host: '127.0.0.1', port: 0, targets: [], everyMs: null, dist, limits: { idleTimeoutMs: 400, headersTimeoutMs: 400, maxConnections: 8 } });
    port = Number(new URL(pv.url).port);
  });

  afterAll(() => {
    pv.server.closeAllConnections();
    pv.server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('closes a connection that never sends a request', async () => {
    const socket = await idleSocket(port);
    expect(await closed(socket)).toBeLessThan(3000);
  });

  it('closes a connection whose client stops reading a large file', async () => {
    const socket = await idleSocket(port);
    socket.write(`GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.pause();
    await new Promise((r) => setTimeout(r, 1500));
    // Reading again shows what the server sent before it gave up: the connection ends, the file is cut short.
    const end = closed(socket);
    socket.resume();
    expect(await end).toBeLessThan(3000);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(64 << 20);
  });

  it('drops connections beyond its limit and serves again once they close', async () => {
    const sockets = await Promise.all(Array.from({ length: 8 }, () => idleSocket(port)));
    const extra = await idleSocket(port);
    expect(await closed(extra)).toBeLessThan(300);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(await status(port, '/')).toBe(200);
  });

  it('sends a strict Content-Security-Policy, no framing and no sniffing with every answer', async () => {
    for (const path of ['/', '/missing', `/api/events`]) {
      const headers = await new Promise<Record<string, unknown>>((ok, fail) => {
        request({ host: '127.0.0.1', port, path }, (res) => {
          ok(res.headers);
          res.destroy();
        })
          .on('error', fail)
          .end();
      });
      expect(headers['content-security-policy'], path).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('keeps serving while the files are rebuilt under it', async () => {
    const big = join(dist, 'big.bin');
    const answers = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        if (i % 2) {
          rmSync(big, { force: true });
          writeFileSync(big, Buffer.alloc(1 << 20, i));
        }
        return status(port, '/big.bin');
      }),
    );
    expect(answers.every((a) => a === 200 || a === 404)).toBe(true);
    expect(await status(port, '/big.bin')).toBe(200);
  });
});
