import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './run';

const DUMP = resolve(__dirname, '../fixtures/bidi-names.debug2.txt');
const HIDDEN = /[\x00-\x08\x0b-\x1f\u202a-\u202e\u2066-\u2069]/;

afterEach(() => vi.restoreAllMocks());

describe('names with bidi overrides and terminal escapes on the command line', () => {
  // DOT quotes the escape's backslash once more; Graphviz shows it as one.
  it.each([
    [['top'], 'Safe\\u202eLIVE\\u202c'],
    [['traces'], 'Safe\\u202eLIVE\\u202c'],
    [['list', 'main'], 'Safe\\u202eLIVE\\u202c'],
    [['graph'], 'Safe\\\\u202eLIVE\\\\u202c'],
  ])('%s prints them as Go escapes, never raw', async (argv, shown) => {
    const { status, stdout } = await runCli([...argv, DUMP]);
    expect(status).toBe(0);
    expect(stdout).toContain(shown);
    expect(stdout).not.toMatch(HIDDEN);
  });

  it('top keeps pprof’s layout around the escaped names', async () => {
    const { stdout } = await runCli(['top', DUMP]);
    expect(stdout.split('\n').slice(2, 6)).toEqual([
      '      flat  flat%   sum%        cum   cum%',
      '         2 50.00% 50.00%          2 50.00%  main.Safe\\u202eLIVE\\u202c',
      '         1 25.00% 75.00%          1 25.00%  main.bell\\x07\\x1b[31mred',
      '         1 25.00%   100%          1 25.00%  main.main',
    ]);
  });
});
