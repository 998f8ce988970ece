import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './run';
import { FIXTURES } from '../fixtures';

const SERVICE_040 = `${FIXTURES}/service/pprof.service.goroutine.040.pb.gz`;

afterEach(() => vi.restoreAllMocks());

describe('parkview command line', () => {
  it.each(['top', 'list', 'graph', 'suspects', 'link'])('%s --help prints its usage and succeeds', async (name) => {
    const { status, stdout, stderr } = await runCli([name, '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^usage: parkview ${name} `));
    expect(stderr).toBe('');
  });

  it('refuses an unknown option in one line, without eating the file that follows', async () => {
    const { status, stdout, stderr } = await runCli(['top', '--foo', SERVICE_040]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('parkview: unknown option --foo\n');
  });

  it('takes options as --name=value and --name value', async () => {
    const { status, stdout } = await runCli(['top', '--sample_index', 'goroutine', SERVICE_040]);
    expect(status).toBe(0);
    expect(stdout).toContain('Showing nodes accounting for 23697, 100% of 23697 total');
  });
});

describe('parkview top on a dump Go cut off', () => {
  it('still prints the report, and says on stderr what was dropped', async () => {
    const { status, stdout, stderr } = await runCli(['top', `${FIXTURES}/fanout-100k/goroutine.fanout.debug2.txt.gz`]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Type: goroutine\n/);
    expect(stderr).toBe(
      'parkview: goroutine.fanout.debug2.txt.gz: warning: The dump is cut off mid-goroutine (Go stops writing goroutine dumps at 64 MiB): kept the 86589 whole goroutines and dropped the partial last one.\n',
    );
  }, 30_000);
});
