import { Graphviz, type Format } from '@hpcc-js/wasm-graphviz';
import { describe, expect, it } from 'vitest';
import { toDot } from '../../src/core/report/graph/dot';
import { parseLayout } from '../../src/core/report/graph/layout';
import { graphOf, SERVICE_040 } from './helpers';

describe('Graphviz layout (json0) read back', () => {
  it('places the label boxes below their node, each with its line from the node', async () => {
    const { drawn } = await graphOf(SERVICE_040);
    const ids = drawn.nodelets.map((n) => n.id);
    expect(ids).toEqual(['N1_0', 'N1_1', 'N1_2', 'N1_3']);
    const gv = await Graphviz.load();
    const layout = parseLayout(gv.layout(toDot(drawn), 'json0' as Format, 'dot'), drawn.nodes.length, drawn.edges.length, ids);
    const gopark = layout.nodes[0];
    expect(layout.nodelets).toHaveLength(4);
    for (const { box, edge } of layout.nodelets) {
      expect(box.y).toBeGreaterThan(gopark.y + gopark.height / 2);
      expect(edge?.arrow?.[0].y).toBeCloseTo(box.y - box.height / 2, 0);
      expect(edge?.label).not.toBeNull();
    }
  });

  it('places every node and routes every edge from its caller’s box to its callee’s', async () => {
    const { drawn } = await graphOf(SERVICE_040);
    const gv = await Graphviz.load();
    const layout = parseLayout(gv.layout(toDot(drawn), 'json0' as Format, 'dot'), drawn.nodes.length, drawn.edges.length);
    expect(layout.nodes).toHaveLength(8);
    const inside = (p: { x: number; y: number }, i: number, slack: number) => {
      const b = layout.nodes[i];
      return Math.abs(p.x - b.x) <= b.width / 2 + slack && Math.abs(p.y - b.y) <= b.height / 2 + slack;
    };
    for (const b of layout.nodes) {
      expect(b.x - b.width / 2).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height / 2).toBeLessThanOrEqual(layout.height);
    }
    drawn.edges.forEach((e, i) => {
      const route = layout.edges[i];
      const start = route.path.match(/^M([\d.]+),([\d.]+)/)!;
      expect(inside({ x: Number(start[1]), y: Number(start[2]) }, e.src, 2)).toBe(true);
      expect(inside(route.arrow![0], e.dst, 2)).toBe(true);
      expect(route.label).not.toBeNull();
    });
    // y grows downwards: callers above callees.
    const send = drawn.nodes.findIndex((n) => n.name === 'main.(*exporter).send');
    const gopark = drawn.nodes.findIndex((n) => n.name === 'runtime.gopark');
    expect(layout.nodes[send].y).toBeLessThan(layout.nodes[gopark].y);
  });

  it('places edge labels after layout (xlabel) when asked, for big graphs', async () => {
    const { drawn } = await graphOf(SERVICE_040);
    const gv = await Graphviz.load();
    const dot = toDot(drawn, { externalEdgeLabels: true });
    expect(dot).not.toMatch(/ -> .*\[label=/);
    const layout = parseLayout(gv.layout(dot, 'json0' as Format, 'dot'), drawn.nodes.length, drawn.edges.length);
    expect(layout.edges.every((r) => r.label !== null)).toBe(true);
  });
});
