import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphCommand } from '../../cli/graph';
import { topCommand } from '../../cli/top';
import { allocSizesProfile } from './alloc-sizes';
import { FIXTURES } from '../fixtures';
import { SERVICE_001, SERVICE_040 } from './helpers';

const file = (rel: string) => `${FIXTURES}/${rel}`;
const FANOUT = file('fanout-100k/pprof.fanout.goroutine.001.pb.gz');

/** The boxes of a DOT graph: `id label (weight)`. */
function boxes(dot: string): string[] {
  return [...dot.matchAll(/^"(N?N\d+(?:_\d+)+)" \[label="([^"]*)" id="N?N\d+(?:_\d+)+" fontsize=8 shape=box3d tooltip="([^"]*)"\]$/gm)].map((m) => `${m[1]} ${m[2]} (${m[3]})`);
}

const count = (dot: string, re: RegExp) => dot.match(re)?.length ?? 0;

// Facts below are `go tool pprof -dot` output (Go 1.19) for the same files and options.
describe('label boxes under graph nodes, as pprof draws them', () => {
  it('service 040: the four tenants under runtime.gopark, heaviest first', async () => {
    const dot = await graphCommand([file(SERVICE_040)]);
    expect(boxes(dot)).toEqual([
      'N1_0 handler:orders\\ntenant:initech (5792)',
      'N1_1 handler:orders\\ntenant:globex (5787)',
      'N1_2 handler:orders\\ntenant:umbrella (5787)',
      'N1_3 handler:orders\\ntenant:acme (5775)',
    ]);
    expect(dot).toContain('"N1" -> "N1_0" [label=" 5792" weight=100 tooltip="5792" labeltooltip="5792" id="L1"]');
  });

  it('fanout-100k: at most four boxes a node, and pprof’s 38 nodes and 346 edges', async () => {
    const dot = await graphCommand([FANOUT]);
    expect(boxes(dot)).toEqual(['N1_0 op:fanout\\ntenant:t26 (564)', 'N1_1 op:fanout\\ntenant:t24 (553)', 'N1_2 op:fanout\\ntenant:t1 (548)', 'N1_3 op:fanout\\ntenant:t9 (529)']);
    expect(count(dot, /^"N\d+" \[label=/gm)).toBe(38);
    expect(count(dot, /^"N\d+" -> "N\d+" /gm)).toBe(346);
  });

  it('counts the boxes against --nodecount, as pprof selects nodes to draw', async () => {
    const dot = await graphCommand(['--nodecount=20', FANOUT]);
    expect(count(dot, /^"N\d+" \[label=/gm)).toBe(16);
    expect(dot).toContain('Showing top 16 nodes out of 38');
    expect(count(dot, /style="dotted"/g)).toBe(25);
  });

  it('allocation sizes: four boxes a parent at most, the rest joined to the nearest size as ranges', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pv-allocs-'));
    const path = join(dir, 'allocs.pb');
    writeFileSync(path, allocSizesProfile());
    const dot = await graphCommand([path]);
    rmSync(dir, { recursive: true });
    expect(boxes(dot)).toEqual([
      'N1_0 pool:a (1.14MB)',
      'NN1_0_0 4kB (0.48MB)',
      'NN1_0_1 8kB (0.38MB)',
      'NN1_0_2 96B..256B (0.20MB)',
      'NN1_0_3 64B (0.09MB)',
      'NN1_0 1MB (2MB)',
      'NN1_1 1kB..2kB (0.95MB)',
      'NN1_2 64kB (0.67MB)',
      'NN1_3 16B..48B (0.43MB)',
    ]);
    expect(dot).toContain('"N1_0" -> "NN1_0_0" [label=" 0.48MB" weight=100');
    expect(dot).toContain('"N1" -> "NN1_0" [label=" 2MB" weight=100');
  });

  it('the legend and parkview top show the mapping’s build id, as pprof does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pv-allocs-'));
    const path = join(dir, 'allocs.pb');
    writeFileSync(path, allocSizesProfile());
    const dot = await graphCommand([path]);
    const top = await topCommand([path]);
    rmSync(dir, { recursive: true });
    expect(dot).toContain('label="File: allocator\\lBuild ID: 6f1e2c3b4a5d\\lType: alloc_space\\l');
    // go tool pprof -top -nodefraction=0
    expect(top).toBe(
      [
        'File: allocator',
        'Build ID: 6f1e2c3b4a5d',
        'Type: alloc_space',
        'Time: Jan 1, 2026 at 12:00am (UTC)',
        'Showing nodes accounting for 5.20MB, 100% of 5.20MB total',
        '      flat  flat%   sum%        cum   cum%',
        '    5.20MB   100%   100%     5.20MB   100%  runtime.mallocgc',
        '         0     0%   100%     5.20MB   100%  main.alloc',
        '         0     0%   100%     5.20MB   100%  main.main',
        '',
      ].join('\n'),
    );
  });

  it('a diff has none', async () => {
    expect(boxes(await graphCommand([`--diff_base=${file(SERVICE_001)}`, file(SERVICE_040)]))).toEqual([]);
  });
});
