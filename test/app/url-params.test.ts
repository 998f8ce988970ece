import { expect, test } from 'vitest';
import { nameFromUrl, startupRequest } from '../../src/actions/url-params';

const BASE = 'http://127.0.0.1:8081/app/';

test('?url= is repeatable, decoded, resolved against the page and deduplicated', () => {
  const a = 'http://localhost:6060/debug/pprof/goroutine?debug=2&x=1';
  const search = `?url=${encodeURIComponent(a)}&url=demo%2Fpprof.service.goroutine.040.pb.gz&url=${encodeURIComponent(a)}&url=%20`;
  expect(startupRequest(search, BASE)).toEqual({ urls: [a, 'http://127.0.0.1:8081/app/demo/pprof.service.goroutine.040.pb.gz'], demo: false });
});

test('?demo is recognised with or without a value', () => {
  expect(startupRequest('?demo', BASE)).toEqual({ urls: [], demo: true });
  expect(startupRequest('?demo=1&token=abc', BASE).demo).toBe(true);
  expect(startupRequest('', BASE)).toEqual({ urls: [], demo: false });
});

test('a fetched profile is named by host, path and query', () => {
  expect(nameFromUrl('http://localhost:6060/debug/pprof/goroutine?debug=1')).toBe('localhost:6060/debug/pprof/goroutine?debug=1');
  expect(nameFromUrl('not a url')).toBe('not a url');
});
