import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { describe, expect, it } from 'vitest';
import { dotColor } from '../../src/core/report/graph/color';
import { dotEscape, toDot } from '../../src/core/report/graph/dot';
import { parseLayout } from '../../src/core/report/graph/layout';
import { graphOf, SERVICE_040 } from './helpers';

const HOSTILE = 'edge/hostile-names.pb.gz';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Every text of Graphviz's SVG rendering, entities decoded: what a reader of the SVG sees. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (_, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e],
    ),
  );
}

describe('DOT escaping', () => {
  it('escapes backslashes, quotes and entities, and writes control and bidi characters as Go escapes', () => {
    expect(dotEscape('a"b\\c&lt;d\ne')).toBe('a\\"b\\\\c&amp;lt;d\\\\ne');
    expect(dotEscape('safe\u202eevil')).toBe('safe\\\\u202eevil');
    expect(dotEscape('<b>x</b>')).toBe('<b>x</b>');
  });

  it('hostile names: Graphviz reads back exactly the label lines, nothing else', async () => {
    const { drawn } = await graphOf(HOSTILE);
    const names = drawn.nodes.map((n) => n.name);
    expect(names).toContain('main.<script>alert("fn")</script>');
    expect(names).toContain('main.(*T).M"onload="alert(2)');
    expect(names).toContain('main.}]]></text><script>alert</script>');
    const gv = await Graphviz.load();
    const svg = gv.layout(toDot(drawn, { legend: true }), 'svg', 'dot');
    expect(svg).not.toMatch(/<script|<img|<foreignObject|<[^>]*\son[a-z]+=/i);
    const texts = svgTexts(svg);
    expect(texts).toContain('user:"><img src=x onerror=alert(1)>');
    const expected = [
      ...drawn.header,
      ...drawn.summary,
      ...drawn.nodes.flatMap((n) => n.lines),
      ...drawn.edges.flatMap((e) => e.lines.map((l) => ` ${l}`)),
      ...drawn.nodelets.flatMap((b) => [...b.lines, ` ${b.weight}`]),
    ];
    expect(texts.sort()).toEqual(expected.sort());
  });

  it('a name made of DOT syntax stays one label', async () => {
    const { drawn } = await graphOf(SERVICE_040);
    const evil = 'x" -> "N1"; N9 [label=<<b>y</b>>]; "\\';
    drawn.nodes[0] = { ...drawn.nodes[0], name: evil, lines: [evil, '\\N\\G&amp;'] };
    const gv = await Graphviz.load();
    const texts = svgTexts(gv.layout(toDot(drawn), 'svg', 'dot'));
    expect(texts.slice(0, 2)).toEqual([evil, '\\N\\G&amp;']);
    expect(texts).toHaveLength(drawn.nodes.flatMap((n) => n.lines).length + drawn.edges.flatMap((e) => e.lines).length + drawn.nodelets.flatMap((b) => [...b.lines, b.weight]).length);
    const layout = parseLayout(gv.layout(toDot(drawn), 'json0' as 'json', 'dot'), drawn.nodes.length, drawn.edges.length);
    expect(layout.nodes.filter(Boolean)).toHaveLength(drawn.nodes.length);
    expect(layout.edges.filter(Boolean)).toHaveLength(drawn.edges.length);
  });
});

describe('pprof’s look', () => {
  it('service 040: pprof’s labels, font sizes, pen widths and colours', async () => {
    const dot = toDot((await graphOf(SERVICE_040)).drawn, { title: 'service', legend: true });
    expect(dot).toContain(
      '"N3" [label="main\\n(*exporter)\\nsend\\n0 of 13610 (57.43%)" id="node3" fontsize=8 shape=box tooltip="main.(*exporter).send (13610)" color="#b21b00" fillcolor="#edd9d5"]',
    );
    expect(dot).toContain('"N1" [label="runtime\\ngopark\\n23695 (100%)" id="node1" fontsize=24 shape=box tooltip="runtime.gopark (23695)" color="#b20000" fillcolor="#edd5d5"]');
    expect(dot).toContain('"N3" -> "N2" [label=" 13610" weight=58 penwidth=3 color="#b21b00"');
    expect(dot).toContain('"N5" -> "N7" [label=" 499\\n (inline)" weight=3 color="#b2ac9f"');
    expect(dot).toContain(
      'subgraph cluster_L { "File: service" [shape=box fontsize=16 label="File: service\\lType: goroutine\\lTime: Nov 22, 2026 at 5:24am (UTC)\\lShowing nodes accounting for 23695, 100% of 23697 total\\lDropped 61 nodes (cum <= 118)\\l" tooltip="service"] }',
    );
  });

  it('dotColor runs from grey through red, and to green for negative changes', () => {
    expect(dotColor(0, false)).toBe('#b2b2b2');
    expect(dotColor(1, false)).toBe('#b20000');
    expect(dotColor(1, true)).toBe('#edd5d5');
    expect(dotColor(-1, false)).toBe('#00b200');
    expect(dotColor(0.0211, false)).toBe('#b2ac9f');
  });

  it('residual edges are dotted in DOT, as pprof writes them, and dashed in the layout model', async () => {
    const { drawn } = await graphOf('seed/slowclient/pprof.slowclient.goroutine.010.pb.gz', { nodeCount: 12 });
    const dot = toDot(drawn);
    expect(dot.match(/style="dotted"/g)).toHaveLength(drawn.edges.filter((e) => e.residual).length);
    expect(dot).toContain('tooltip="internal/poll.(*pollDesc).wait ... runtime.gopark (314)"');
  });
});
