import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { FIXTURES } from '../fixtures';

const SERVICE_040 = `${FIXTURES}/service/pprof.service.goroutine.040.pb.gz`;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('parkview command line', () => {
  it.each(['top', 'list', 'graph', 'suspects', 'link'])('%s --help prints its usage and succeeds', async (name) => {
    const { out, err } = capture();
    expect(await main([name, '--help'])).toBe(0);
    expect(out.join('')).toMatch(new RegExp(`^usage: parkview ${name} `));
    expect(err).toEqual([]);
  });

  it('refuses an unknown option in one line, without eating the file that follows', async () => {
    const { out, err } = capture();
    expect(await main(['top', '--foo', SERVICE_040])).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toBe('parkview: unknown option --foo\n');
  });

  it('takes options as --name=value and --name value', async () => {
    const { out } = capture();
    expect(await main(['top', '--sample_index', 'goroutine', SERVICE_040])).toBe(0);
    expect(out.join('')).toContain('Showing nodes accounting for 23697, 100% of 23697 total');
  });
});
