import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES, PROJECT_FIXTURES } from '../fixtures';
import { runCli } from './run';

// `go tool pprof -top -nodecount=100000 -nodefraction=0 -edgefraction=0 -diff_base=BASE FILE` (Go 1.23),
// written by scripts/pprof-oracle/regenerate.sh.
const snapshot = (n: string) => `${FIXTURES}/service/pprof.service.goroutine.${n}.pb.gz`;
const expected = (name: string) => readFileSync(`${PROJECT_FIXTURES}/pprof-oracle/service/${name}`, 'utf8');

afterEach(() => vi.restoreAllMocks());

describe('parkview top --diff_base, as go tool pprof -top -diff_base', () => {
  it.each([
    ['012', '011', 'growth and shrinking in one report'],
    ['040', '001', 'the two leaks grown over the run, percentages of the base total'],
    ['020', '040', 'a later base: every change negative'],
  ])('%s over %s: %s', async (current, base) => {
    const { status, stdout, stderr } = await runCli(['top', `--diff_base=${snapshot(base)}`, snapshot(current)]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(expected(`${current}-base-${base}.top.txt`));
  });
});
