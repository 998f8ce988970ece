import { describe, expect, it } from 'vitest';
import { ADDRESS, decodeAddress, encodeAddress } from '../../src/core/address/address';
import { FILTER_KEYS, FILTER_OPTIONS } from '../../src/core/options/filters';
import { isDefault, type Option } from '../../src/core/options/option';
import { OPTIONS } from '../../src/core/options/table';
import { DEFAULT_GRAPH_OPTIONS } from '../../src/core/query/graph/build';
import { graphCommand } from '../../cli/graph';
import { parseArgs } from '../../cli/args';

const rows = Object.values(ADDRESS) as Option<unknown>[];

describe('one option table', () => {
  it('gives every row a default its own parser reads back, and distinct address keys', () => {
    for (const row of rows) {
      const text = row.format(row.fallback);
      if (text !== '') expect(row.parse(text), row.name).toEqual(row.fallback);
      expect(isDefault(row, row.fallback)).toBe(true);
    }
    const params = rows.map((r) => r.param);
    expect(new Set(params).size).toBe(params.length);
  });

  it('is the one source of pprof’s names and defaults for the address, the flags and the filters', () => {
    expect(ADDRESS.nodecount).toBe(OPTIONS.nodecount);
    expect(ADDRESS.f).toBe(OPTIONS.focus);
    expect(FILTER_KEYS.map((k) => `${FILTER_OPTIONS[k].name}=${k}`)).toEqual(['focus=f', 'ignore=i', 'hide=h', 'show=s', 'show_from=sf', 'tagfocus=tf', 'tagignore=ti']);
    expect(DEFAULT_GRAPH_OPTIONS).toEqual({ nodeCount: 80, nodeFraction: 0.005, edgeFraction: 0.001 });
  });

  it('refuses the same bad value on the command line and in an address', async () => {
    await expect(graphCommand(['--nodecount=-3', 'x.pb.gz'])).rejects.toThrow('--nodecount must be a whole number (0: no limit), not "-3"');
    expect(() => parseArgs(['--group=tenant'], [], [OPTIONS.group])).toThrow('--group must be one of stack, labels, creator, function, not "tenant"');
    const decoded = decodeAddress('#v1&nodecount=-3&group=tenant&nodefraction=0.01');
    expect(decoded.ok && decoded.state).toEqual({ nodefraction: 0.01 });
    expect(encodeAddress({ nodecount: 80, group: 'stack', nodefraction: 0.01 })).toBe('v1&nodefraction=0.01');
  });
});
