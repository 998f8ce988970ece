import { scaledLabel } from '../../units/scale';
import { visibleName } from '../visible';
import { dotColor } from './color';
import { EDGE_ID, NODE_ID, NODELET_EDGE_ID } from './ids';
import type { DrawnGraph } from './present';

/**
 * Text for a quoted DOT string that Graphviz shows exactly as given: backslashes and quotes
 * escaped, `&` written as an entity (Graphviz decodes entities in plain labels), control and
 * bidi characters as Go escapes (`\x1b`, `\u202e`). Always used inside quotes, never as an
 * HTML-like `<…>` label.
 */
export function dotEscape(text: string): string {
  return visibleName(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;');
}

function quoted(text: string): string {
  return `"${dotEscape(text)}"`;
}

/** A centred multi-line label. */
function lines(texts: string[]): string {
  return `"${texts.map(dotEscape).join('\\n')}"`;
}

export interface DotOptions {
  /** Graph name (pprof: the binary's name). */
  title?: string;
  /** Draw pprof's legend box. */
  legend?: boolean;
  /**
   * Place edge labels after layout (`xlabel`) instead of as part of it: much faster for graphs
   * with hundreds of edges, at some cost in label placement.
   */
  externalEdgeLabels?: boolean;
}

/** The graph in Graphviz's DOT language, as `go tool pprof -dot` writes it. */
export function toDot(g: DrawnGraph, options: DotOptions = {}): string {
  const out: string[] = [];
  out.push(`digraph ${quoted(options.title || 'unnamed')} {`);
  out.push('node [style=filled fillcolor="#f8f8f8" fontname="Helvetica"]');
  out.push('edge [fontname="Helvetica"]');
  if (options.legend) {
    const legend = [...g.header, ...g.summary];
    const tooltip = options.title ? ` tooltip=${quoted(options.title)}` : '';
    out.push(`subgraph cluster_L { ${quoted(legend[0])} [shape=box fontsize=16 label="${legend.map(dotEscape).join('\\l')}\\l"${tooltip}] }`);
  }
  const labelAttr = options.externalEdgeLabels ? 'xlabel' : 'label';
  let k = 0;
  g.nodes.forEach((n, i) => {
    const color = dotColor(n.score, false);
    const fill = dotColor(n.score, true);
    const tooltip = `${n.name} (${scaledLabel(n.cum, g.sampleUnit, g.unit)})`;
    out.push(
      `${quoted(NODE_ID(i))} [label=${lines(n.lines)} id="node${i + 1}" fontsize=${n.fontSize} shape=box tooltip=${quoted(tooltip)} color="${color}" fillcolor="${fill}"]`,
    );
    // Boxes follow their node, as pprof writes them.
    for (; k < g.nodelets.length && g.nodelets[k].node === i; k++) {
      const box = g.nodelets[k];
      const weight = quoted(box.weight);
      const style = box.dotted ? ' style="dotted"' : '';
      out.push(`${quoted(box.id)} [label=${lines(box.lines)} id=${quoted(box.id)} fontsize=8 shape=box3d tooltip=${weight}]`);
      out.push(`${quoted(box.from)} -> ${quoted(box.id)} [${labelAttr}=${quoted(` ${box.weight}`)} weight=100 tooltip=${weight} labeltooltip=${weight} id="${NODELET_EDGE_ID(k)}"${style}]`);
    }
  });
  g.edges.forEach((e, i) => {
    const label = `"${e.lines.map((l) => ` ${dotEscape(l)}`).join('\\n')}"`;
    let attrs = `${labelAttr}=${label}`;
    if (e.layoutWeight > 1) attrs += ` weight=${e.layoutWeight}`;
    if (e.penwidth > 1) attrs += ` penwidth=${e.penwidth}`;
    attrs += ` color="${dotColor(e.score, false)}"`;
    const tooltip = quoted(`${g.nodes[e.src].name} ${e.residual ? '...' : '->'} ${g.nodes[e.dst].name} (${e.lines[0]})`);
    attrs += ` tooltip=${tooltip} labeltooltip=${tooltip} id="${EDGE_ID(i)}"`;
    if (e.residual) attrs += ' style="dotted"';
    out.push(`${quoted(NODE_ID(e.src))} -> ${quoted(NODE_ID(e.dst))} [${attrs}]`);
  });
  out.push('}');
  return out.join('\n') + '\n';
}
