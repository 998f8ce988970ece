import { afterEach, describe, expect, it, vi } from 'vitest';
import { alignRight } from '../../src/core/report/tabwriter';
import { FIXTURES, listFixtures, readFixtureText } from '../fixtures';
import { runCli } from './run';

afterEach(() => vi.restoreAllMocks());

const file = (rel: string) => `${FIXTURES}/${rel}`;

/** The profile each expected/NAME.traces.txt was made from. */
function profileFor(name: string): string {
  if (name === 'service-040') return 'service/pprof.service.goroutine.040.pb.gz';
  const seed = /^seed-(.+)-last$/.exec(name)![1];
  return listFixtures(`seed/${seed}`, /\.pb\.gz$/).pop()!;
}

const TRACES = listFixtures('expected', /\.traces\.txt$/).map((path) => ({ path, name: /^expected\/(.+)\.traces\.txt$/.exec(path)![1] }));

describe('parkview traces', () => {
  it('covers every expected traces file', () => {
    expect(TRACES.length).toBe(9);
  });

  it.each(TRACES)('$path: the same text as go tool pprof -traces', async ({ path, name }) => {
    const { status, stdout } = await runCli(['traces', file(profileFor(name))]);
    expect(status).toBe(0);
    expect(stdout).toBe(readFixtureText(path));
  });

  it('keeps samples with no value, prints numeric labels scaled, and names unsymbolized frames <unknown>, as pprof', async () => {
    const heap = (await runCli(['traces', file('other-types/pprof.service.heap.001.pb.gz')])).stdout;
    // go tool pprof -traces (Go 1.23) prints all 26 samples of the profile, the three with no value at all too.
    expect(heap.match(/^-{11}\+/gm)).toHaveLength(27);
    expect(heap).toContain('-----------+-------------------------------------------------------\n     bytes:  144B\n         0   context.(*cancelCtx).propagateCancel\n');
    const threads = (await runCli(['traces', file('other-types/pprof.service.threadcreate.001.pb.gz')])).stdout;
    expect(threads).toContain('         7   <unknown>\n             <unknown>\n');
  });

  it('applies pprof’s filters: --focus keeps samples, --hide trims their stacks', async () => {
    const { stdout } = await runCli(['traces', '--focus=exporter', '--hide=^runtime\\.', file('service/pprof.service.goroutine.040.pb.gz')]);
    expect(stdout).toBe(
      [
        'File: service',
        'Type: goroutine',
        'Time: Nov 22, 2026 at 5:24am (UTC)',
        ...[
          ['globex', 3403],
          ['initech', 3403],
          ['acme', 3402],
          ['umbrella', 3402],
        ].flatMap(([tenant, n]) => ['-----------+-------------------------------------------------------', `    tenant:  ${tenant}`, '   handler:  orders', `      ${n}   main.(*exporter).send`]),
        '-----------+-------------------------------------------------------',
        '',
      ].join('\n'),
    );
  });
});

describe('parkview tags', () => {
  it('prints what go tool pprof -tags prints', async () => {
    const { status, stdout } = await runCli(['tags', file('service/pprof.service.goroutine.040.pb.gz')]);
    expect(status).toBe(0);
    expect(stdout).toBe(readFixtureText('expected/service-040.tags.txt'));
  });

  it('counts only the samples the filters keep', async () => {
    const { stdout } = await runCli(['tags', '--focus=exporter', file('service/pprof.service.goroutine.040.pb.gz')]);
    expect(stdout).toBe(
      ' handler: Total 13610.0\n          13610.0 (  100%): orders\n\n tenant: Total 13610.0\n         3403.0 (25.00%): globex\n         3403.0 (25.00%): initech\n         3402.0 (25.00%): acme\n         3402.0 (25.00%): umbrella\n\n',
    );
  });

  it('prints nothing for a profile without labels', async () => {
    expect((await runCli(['tags', file('edge/inlined.pb.gz')])).stdout).toBe('');
  });
});

describe('right-aligned columns like Go’s tabwriter', () => {
  it('aligns each column over the adjoining lines that have it, counting characters; text after the last tab stays as it is', () => {
    // What Go's tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight) prints for these lines.
    expect(alignRight(['key:\t Total 3', ' \t1 (x):\t a', ' \t22 (y):\t bb', '', 'k:\t T', ' \t333:\t c', '🙂🙂\tx', 'a\ty'])).toEqual([
      ' key: Total 3',
      '       1 (x): a',
      '      22 (y): bb',
      '',
      ' k: T',
      '    333: c',
      ' 🙂🙂x',
      '  ay',
    ]);
  });
});
