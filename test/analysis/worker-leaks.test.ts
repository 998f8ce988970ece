import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BENIGN } from '../../src/core/analysis/benign';
import { QueryEngine } from '../../src/core/engine/engine';
import { Session } from '../../src/core/model/session';
import { workerApi } from '../../src/worker/api';
import type { LeakRequest } from '../../src/worker/leaks';
import { listFixtures, load } from '../fixtures';

describe('Leaks and Goroutines Worker API on service', () => {
  const session = new Session();
  const api = workerApi(new QueryEngine(session));
  let req: LeakRequest;
  beforeAll(async () => {
    for (const f of listFixtures('service', /^pprof\./)) await load(session, f);
    req = { anchor: session.snapshots.at(-1)?.id ?? null, grouping: 'stack', benign: [...DEFAULT_BENIGN] };
  });

  it('gives the totals of every snapshot on a time axis in minutes', () => {
    const t = api.timeline(req, 'latest', 5);
    expect(t.points).toHaveLength(40);
    expect(t.points[0].x).toBe(0);
    expect(t.points.at(-1)?.total).toBe(23697);
    expect(t.points.at(-1)?.x).toBeCloseTo((t.points[39].timeMs! - t.points[0].timeMs!) / 60000, 9);
    expect(t.summary).toBe('40 goroutine snapshots over 3m17s');
  });

  it('draws the top groups by latest count, or only growing groups by growth', () => {
    const latest = api.timeline(req, 'latest', 5).bands;
    expect(latest.map((b) => b.label)).toEqual(['main.(*exporter).send', 'main.(*service).lookupInventory.func1', 'main.importRow ← main.(*service).burstyImports.func1', 'main.readLoop', 'main.serveConn']);
    expect(latest[0].counts.at(-1)).toBe(13610);
    const growth = api.timeline(req, 'growth', 5).bands;
    expect(growth.slice(0, 2).map((b) => b.suspect)).toEqual([true, true]);
    expect(growth.length).toBeLessThanOrEqual(5);
  });

  it('ranks suspects with sparklines and gives the stack of a selected one', () => {
    const s = api.suspects(req);
    expect(s.suspects).toBe(2);
    expect(s.rows[0]).toMatchObject({ function: 'main.(*exporter).send', first: 244, last: 13610, suspect: true });
    expect(s.rows[0].counts).toHaveLength(40);
    const d = api.suspectDetail(req, s.rows[0].key);
    expect(d?.frames.map((f) => `${f.name} ${f.file.split('/').pop()}:${f.line}`)).toEqual([
      'runtime.gopark proc.go:424',
      'runtime.chansend chan.go:270',
      'runtime.chansend1 chan.go:156',
      'main.(*exporter).send main.go:147',
    ]);
    expect(d?.explanation).toMatch(/^Blocked sending on a channel that nobody receives from/);
  });

  it('answers a protobuf snapshot with no goroutine buckets', () => {
    const r = api.goroutines({ snapshot: session.snapshots[0].id });
    expect(r).toMatchObject({ buckets: [], matched: 0, shown: 0, total: 888 });
  });
});
