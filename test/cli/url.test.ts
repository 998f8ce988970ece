import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFixture, readFixtureText } from '../fixtures';
import { runCli } from './run';

/** A stand-in for a Go service's net/http/pprof: the service fixture's goroutine profiles by number. */
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const m = /^\/(\d{3})\/debug\/pprof\/goroutine$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(readFixture(`service/pprof.service.goroutine.${m[1]}.pb.gz`));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
afterEach(() => vi.restoreAllMocks());

describe('profiles by URL on the command line, as go tool pprof takes them', () => {
  it('top fetches the endpoint and prints the same report as for the file', async () => {
    const { status, stdout, stderr } = await runCli(['top', `${base}/040/debug/pprof/goroutine`]);
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout).toBe(readFixtureText('expected/service-040.top.txt'));
  });

  it('suspects reads a series from several URLs', async () => {
    const urls = ['001', '010', '020', '030', '040'].map((n) => `${base}/${n}/debug/pprof/goroutine`);
    const { status, stdout } = await runCli(['suspects', '--json', ...urls]);
    expect(status).toBe(0);
    const suspects = JSON.parse(stdout) as { function: string; first: number; last: number; perMinute: number | null }[];
    expect(suspects.map((s) => s.function)).toContain('main.(*exporter).send');
    expect(suspects.find((s) => s.function === 'main.(*exporter).send')).toMatchObject({ first: 244, last: 13610 });
    // Ordered by the profiles' own capture times, so growth is per minute.
    expect(suspects.every((x) => x.perMinute !== null)).toBe(true);
  });

  it('an endpoint that answers an error is one line naming the URL', async () => {
    const url = `${base}/debug/pprof/goroutines`;
    const { status, stdout, stderr } = await runCli(['top', url]);
    expect([status, stdout]).toEqual([1, '']);
    expect(stderr).toBe(`parkview: ${url}: the server answered HTTP 404 Not Found\n`);
  });
});
