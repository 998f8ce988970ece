import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { explainFetchFailure, fetchWithProgress, HttpError, probeReachability } from '../../src/actions/fetch-profile';
import { readFixture } from '../fixtures';

const PAGE = 'http://127.0.0.1:8081';
const PROFILE = 'http://10.0.0.7:6060/debug/pprof/goroutine?debug=1';
const fetchFailed = new TypeError('Failed to fetch');

describe('explainFetchFailure', () => {
  test('a reachable server that refuses CORS: says so, and gives the parkview and curl commands', async () => {
    const why = await explainFetchFailure(PROFILE, fetchFailed, PAGE, async () => 'reachable');
    expect(why.message).toBe(
      'the server at http://10.0.0.7:6060 sends no CORS headers (Access-Control-Allow-Origin), so the browser does not let this page read its answer. This is normal for net/http/pprof.',
    );
    expect(why.remedy?.commands).toEqual([`npx parkview '${PROFILE}'`, `curl -o profile.pb.gz '${PROFILE}'`]);
  });

  test('a server too slow to probe is most likely the CORS case', async () => {
    const why = await explainFetchFailure(PROFILE, fetchFailed, PAGE, async () => 'unknown');
    expect(why.message).toMatch(/^most likely, the server at http:\/\/10\.0\.0\.7:6060 sends no CORS headers/);
  });

  test('a server that does not answer at all', async () => {
    const why = await explainFetchFailure(PROFILE, fetchFailed, PAGE, async () => 'unreachable');
    expect(why.message).toBe('could not connect to 10.0.0.7:6060: the server is not running, the address or port is wrong, or the network blocks it');
    expect(why.remedy).toBeUndefined();
  });

  test('mixed content, same origin, HTTP errors and quotes in URLs', async () => {
    const never = async () => {
      throw new Error('not probed');
    };
    expect((await explainFetchFailure(PROFILE, fetchFailed, 'https://parkview.example', never)).message).toMatch(/mixed content/);
    expect((await explainFetchFailure(`${PAGE}/x.pb.gz`, fetchFailed, PAGE, never)).message).toBe('network error: could not reach 127.0.0.1:8081 (Failed to fetch)');
    expect((await explainFetchFailure(PROFILE, new HttpError(404, 'Not Found'), PAGE, never)).message).toBe('the server answered HTTP 404 Not Found');
    const quoted = await explainFetchFailure("http://h/it's", fetchFailed, PAGE, async () => 'reachable');
    expect(quoted.remedy?.commands[1]).toBe("curl -o profile.pb.gz 'http://h/it%27s'");
  });
});

describe('fetching over HTTP', () => {
  const bytes = readFixture('fanout-200k/pprof.fanout.goroutine.001.pb.gz');
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/missing') {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such profile');
        return;
      }
      res.writeHead(200, { 'Content-Length': bytes.length });
      // Several writes so the body arrives in several chunks.
      for (let at = 0; at < bytes.length; at += 256 * 1024) res.write(bytes.subarray(at, at + 256 * 1024));
      res.end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  test('reports growing progress against Content-Length and returns the exact bytes', async () => {
    const seen: [number, number][] = [];
    const got = await fetchWithProgress(`${base}/p`, new AbortController().signal, (done, total) => seen.push([done, total]));
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
    expect(seen[0]).toEqual([0, bytes.length]);
    expect(seen.at(-1)).toEqual([bytes.length, bytes.length]);
    expect(seen.every(([d], i) => i === 0 || d > seen[i - 1][0])).toBe(true);
  });

  test('an HTTP error status is an HttpError', async () => {
    await expect(fetchWithProgress(`${base}/missing`, new AbortController().signal, () => {})).rejects.toThrow('the server answered HTTP 404 Not Found');
  });

  test('probing tells a live server from a closed port', async () => {
    expect(await probeReachability(`${base}/p`)).toBe('reachable');
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    expect(await probeReachability(`http://127.0.0.1:${port}/`)).toBe('unreachable');
  });
});
