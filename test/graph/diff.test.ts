import { describe, expect, it } from 'vitest';
import { toDot } from '../../src/core/report/graph/dot';
import { edgeLines, graphOf, SERVICE_001, SERVICE_040 } from './helpers';

// Expected values are `go tool pprof -dot -diff_base=BASE FILE` output for the same files.

describe('diff against a base snapshot (pprof -diff_base)', () => {
  it('040 over 001: the two leaks grew; percentages of the base total, everything red', async () => {
    const { graph, drawn } = await graphOf(SERVICE_040, {}, SERVICE_001);
    expect(graph.total).toBe(888);
    expect(graph.nodes.map((n) => `${n.name} ${n.flat} ${n.cum}`)).toEqual([
      'runtime.gopark 22808 22808',
      'runtime.chansend1 0 22657',
      'main.(*exporter).send 0 13366',
      'main.(*service).lookupInventory.func1 0 9292',
      'main.(*service).burstyImports.func1 0 151',
      'time.Sleep 0 152',
      'main.importRow 0 151',
      'runtime.chansend 0 22657',
    ]);
    expect(edgeLines(graph)).toContain('main.(*service).lookupInventory.func1 -> runtime.chansend1 9291');
    expect(drawn.summary).toEqual(['Showing nodes accounting for 22808, 2568.47% of 888 total', 'Dropped 9 nodes (cum <= 4)']);
    const dot = toDot(drawn);
    expect(dot).toContain('label="main\\n(*exporter)\\nsend\\n0 of 13366 (1505.18%)" id="node3" fontsize=8 shape=box tooltip="main.(*exporter).send (13366)" color="#b20000" fillcolor="#edd5d5"');
    expect(dot).toContain('label="time\\nSleep\\n0 of 152 (17.12%)" id="node6" fontsize=8 shape=box tooltip="time.Sleep (152)" color="#b25819" fillcolor="#ede1d8"');
  });

  it('001 over 040: the same changes as losses, in green', async () => {
    const { graph, drawn } = await graphOf(SERVICE_001, {}, SERVICE_040);
    expect(graph.total).toBe(23697);
    expect(graph.nodes.slice(0, 3).map((n) => `${n.name} ${n.cum}`)).toEqual(['runtime.gopark -22808', 'main.(*exporter).send -13366', 'main.(*service).lookupInventory.func1 -9292']);
    const dot = toDot(drawn);
    expect(dot).toContain('"N1" [label="runtime\\ngopark\\n-22808 (96.25%)" id="node1" fontsize=24 shape=box tooltip="runtime.gopark (-22808)" color="#02b200" fillcolor="#d5edd5"]');
    expect(dot).toContain('"N6" -> "N1" [label=" -22657" weight=96 penwidth=5 color="#02b200"');
    expect(drawn.summary[0]).toBe('Showing nodes accounting for -22808, 96.25% of 23697 total');
  });

  it('a snapshot against itself has nothing to draw', async () => {
    const { graph } = await graphOf(SERVICE_040, {}, SERVICE_040);
    expect(graph.nodes).toEqual([]);
    expect(graph.edges).toEqual([]);
  });
});
