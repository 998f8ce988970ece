import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run';
import { LeaksFound, suspectsCommand } from '../../cli/suspects';
import { FIXTURES } from '../fixtures';

const dir = (rel: string) => `${FIXTURES}/${rel}`;

afterEach(() => vi.restoreAllMocks());

describe('parkview suspects', () => {
  it('prints a table with the leak of seed/timeout and its creator', async () => {
    const out = await suspectsCommand([dir('seed/timeout')]);
    expect(out).toMatch(/^Series: 10 goroutine snapshots over 9s, 2 text dumps placed among them; states, waits and creators from goroutine\.timeout\.debug2\.txt$/m);
    expect(out).toMatch(/^1 leak suspect \(score >= 20\) among 9 groups:$/m);
    expect(out).toMatch(/^ +100 +20 +201 +\+1,193\/min +1\.00 +chan send +main\.handleRequest\.func1$/m);
    expect(out).toContain('main.handleRequest.func1: created by main.handleRequest at main.go:73');
  });

  it('--json: suspects sorted by score with function, stack, state, first, last, perMinute and score', async () => {
    const items = JSON.parse(await suspectsCommand(['--json', dir('service')])) as Record<string, unknown>[];
    expect(items.map((i) => i.function)).toEqual(['main.(*exporter).send', 'main.(*service).lookupInventory.func1']);
    const [send] = items;
    expect(send).toMatchObject({ state: 'chan send', first: 244, last: 13610, score: 100, suspect: true, waitMinutes: { min: 1, max: 3 } });
    expect(send.stack).toEqual(['runtime.gopark', 'runtime.chansend', 'runtime.chansend1', 'main.(*exporter).send']);
    expect(send.perMinute as number).toBeGreaterThan(4000);
    expect((items[0].score as number) >= (items[1].score as number)).toBe(true);
  });

  it('--json --all lists every group, non-suspects after suspects', async () => {
    const items = JSON.parse(await suspectsCommand(['--json', '--all', dir('seed/fixed')])) as { suspect: boolean; score: number }[];
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((i) => !i.suspect)).toBe(true);
  });

  it('--fail-on-leak exits 1 on seed/timeout and prints the report', async () => {
    const r = await runCli(['suspects', '--fail-on-leak', dir('seed/timeout')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('main.handleRequest.func1');
    expect(r.stderr).toBe('');
    await expect(suspectsCommand(['--fail-on-leak', dir('seed/timeout')])).rejects.toBeInstanceOf(LeaksFound);
  });

  it('--fail-on-leak exits 0 on seed/fixed', async () => {
    const r = await runCli(['suspects', '--fail-on-leak', dir('seed/fixed')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No leak suspects among 7 groups.');
  });

  it('one snapshot: says growth needs two', async () => {
    const out = await suspectsCommand([dir('seed/timeout/pprof.timeout.goroutine.010.pb.gz')]);
    expect(out).toContain('Growth needs at least two snapshots');
    expect(out).toContain('No leak suspects');
  });

  it('a directory skips files that are not profiles; a named bad file fails', async () => {
    const out = await suspectsCommand([dir('other-types')]);
    expect(out).toMatch(/^Skipped index\.html: unrecognized profile format/m);
    const r = await runCli(['suspects', dir('other-types/index.html')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^parkview: index\.html: unrecognized profile format/);
  });

  it('a directory\'s folders are passed over, not reported as unreadable files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parkview-suspects-'));
    for (const f of readdirSync(dir('seed/timeout'))) copyFileSync(join(dir('seed/timeout'), f), join(folder, f));
    mkdirSync(join(folder, 'older'));
    const out = await suspectsCommand([folder]);
    expect(out).not.toContain('Skipped');
    expect(out).toMatch(/^Series: 10 goroutine snapshots/);
    expect(out).toContain('main.handleRequest.func1');
  });

  it('rejects an unknown grouping', async () => {
    const r = await runCli(['suspects', '--group=tenant', dir('seed/timeout')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--group must be one of stack, labels, creator, function');
  });
});
