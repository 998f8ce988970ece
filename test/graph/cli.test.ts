import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/args';
import { graphCommand } from '../../cli/graph';
import { FIXTURES } from '../fixtures';
import { SERVICE_001, SERVICE_040 } from './helpers';

const file = (rel: string) => `${FIXTURES}/${rel}`;

describe('parkview graph', () => {
  it('prints pprof’s DOT by default', async () => {
    const dot = await graphCommand([file(SERVICE_040)]);
    expect(dot.startsWith('digraph "service" {\n')).toBe(true);
    expect(dot.match(/^"N\d+" \[label=/gm)).toHaveLength(8);
    expect(dot.match(/^"N\d+" -> "N\d+"/gm)).toHaveLength(7);
    expect(dot).toContain('tooltip="main.(*exporter).send (13610)"');
  });

  it('honours --nodecount, --nodefraction, --edgefraction and granularity flags', async () => {
    // go tool pprof -dot -nodecount=12 -nodefraction=0 -edgefraction=0 -lines: the label boxes count against the 12.
    const dot = await graphCommand(['--nodecount', '12', '--nodefraction=0', '--edgefraction=0', '--lines', file(SERVICE_040)]);
    expect(dot.match(/^"N\d+" \[label=/gm)).toHaveLength(8);
    expect(dot).toContain('Showing top 8 nodes out of 72');
    expect(dot).toMatch(/main\.go:\d+/);
  });

  it('--diff_base draws the changes', async () => {
    expect(await graphCommand([`--diff_base=${file(SERVICE_001)}`, file(SERVICE_040)])).toContain('Showing nodes accounting for 22808, 2568.47% of 888 total');
  });

  it('--svg lays it out with Graphviz; hostile names come out as escaped text', async () => {
    const svg = await graphCommand(['--svg', file('edge/hostile-names.pb.gz')]);
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    expect(svg).toContain('&lt;script&gt;alert(&quot;fn&quot;)&lt;/script&gt;');
    expect(svg).toContain('user:&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toMatch(/<script|<img|<foreignObject|<[^>]*\son[a-z]+=/i);
  });

  it('rejects bad options with a usage error', async () => {
    await expect(graphCommand(['--nodecount', 'many', file(SERVICE_040)])).rejects.toThrow(UsageError);
    await expect(graphCommand(['--nodefraction=2', file(SERVICE_040)])).rejects.toThrow('--nodefraction must be a fraction between 0 and 1, not "2"');
    await expect(graphCommand(['--dot', '--svg', file(SERVICE_040)])).rejects.toThrow('choose one of --dot and --svg');
    await expect(graphCommand([])).rejects.toThrow(UsageError);
  });
});
