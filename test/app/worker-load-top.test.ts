import { beforeEach, expect, test } from 'vitest';
import { QueryEngine } from '../../src/core/engine/engine';
import { Session } from '../../src/core/model/session';
import { workerApi } from '../../src/worker/api';
import type { LoadResult } from '../../src/worker/load';

const api = workerApi(new QueryEngine(new Session()));
import { readFixture } from '../fixtures';

const input = (rel: string, name = rel.split('/').pop()!) => ({ name, bytes: readFixture(rel) });

function loadedId(r: LoadResult): number {
  if (!r.ok) throw new Error(`not loaded: ${r.name}`);
  return r.info.id;
}

beforeEach(() => api.clear());

test('the same bytes load once; the copy names its twin; removing frees it', async () => {
  const [first, again, renamed] = await api.load([input('service/pprof.service.goroutine.040.pb.gz'), input('service/pprof.service.goroutine.040.pb.gz'), input('service/pprof.service.goroutine.040.pb.gz', 'copy.pb.gz')]);
  expect(first.ok).toBe(true);
  expect(again).toEqual({ ok: false, name: 'pprof.service.goroutine.040.pb.gz', twin: 'pprof.service.goroutine.040.pb.gz' });
  expect(renamed).toEqual({ ok: false, name: 'copy.pb.gz', twin: 'pprof.service.goroutine.040.pb.gz' });
  api.remove(loadedId(first));
  const [reloaded] = await api.load([input('service/pprof.service.goroutine.040.pb.gz', 'copy.pb.gz')]);
  expect(reloaded.ok).toBe(true);
});

test('one broken input among good ones fails alone, with the decoder’s reason', async () => {
  const results = await api.load([input('seed/fixed/pprof.fixed.goroutine.001.pb.gz'), input('bad/truncated.pb.gz'), input('seed/fixed/pprof.fixed.goroutine.002.pb.gz')]);
  expect(results.map((r) => r.ok)).toEqual([true, false, true]);
  expect(results[1]).toMatchObject({ name: 'truncated.pb.gz', error: expect.stringContaining('decompressing profile: unexpected EOF') });
});

test('Top rows carry their function at every granularity, and the report unit is pprof’s', async () => {
  const [svc, heap] = await api.load([input('service/pprof.service.goroutine.040.pb.gz'), input('other-types/pprof.service.heap.001.pb.gz')]);
  const byFunction = api.top({ snapshot: loadedId(svc), granularity: 'functions' });
  expect(byFunction.total).toBe(23697);
  expect(byFunction.unit).toBe('count');
  expect(byFunction.rows.every((r) => r.func === r.name)).toBe(true);
  expect(byFunction.rows.find((r) => r.name === 'main.(*exporter).send')).toMatchObject({ flat: 0, cum: 13610 });

  const byLine = api.top({ snapshot: loadedId(svc), granularity: 'lines' });
  const sends = byLine.rows.filter((r) => r.func === 'main.(*exporter).send');
  expect(sends.length).toBeGreaterThan(0);
  for (const r of sends) expect(r.name).toMatch(/^main\.\(\*exporter\)\.send \/home\/dev\/src\/github\.com\/acme\/leaky\/cmd\/service\/main\.go:\d+$/);

  const columns = api.topColumns({ snapshot: loadedId(svc), granularity: 'lines' });
  expect(columns.name).toEqual(byLine.rows.map((r) => r.name));
  expect(columns.func).toEqual(byLine.rows.map((r) => r.func));
  expect([...columns.cum]).toEqual(byLine.rows.map((r) => r.cum));
  expect(columns.inline).toEqual(byLine.rows.map((r) => r.inline));

  const inuse = api.top({ snapshot: loadedId(heap) });
  expect(inuse.sampleUnit).toBe('bytes');
  expect(inuse.unit).toBe('kB');
});
