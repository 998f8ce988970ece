import { memo } from 'react';
import type { Theme } from '../../ui/theme';
import type { DrawnNode } from '../../core/report/graph/present';
import type { GraphLayout } from '../../core/report/graph/layout';
import type { GraphResult } from '../../worker/graph';
import { edgeColor, nodeColors } from './palette';

/** Graphviz's line spacing and its default edge label size (pprof's edge labels use it). */
const LINE_SPACING = 1.2;
const EDGE_FONT_SIZE = 14;
/** pprof's label boxes: 8-point text in a box drawn in depth (Graphviz's box3d). */
const NODELET_FONT_SIZE = 8;
const BOX3D_DEPTH = 4;

/** What the pointer is over: a node or an edge, by index. */
export interface Target {
  kind: 'node' | 'edge';
  index: number;
}

/** The nodes and edges lit while hovering: the target and what it touches. */
export interface Lit {
  nodes: Set<number>;
  edges: Set<number>;
}

export function litBy(graph: GraphResult, target: Target): Lit {
  if (target.kind === 'edge') {
    const e = graph.edges[target.index];
    return { nodes: new Set([e.src, e.dst]), edges: new Set([target.index]) };
  }
  const lit: Lit = { nodes: new Set([target.index]), edges: new Set() };
  graph.edges.forEach((e, i) => {
    if (e.src !== target.index && e.dst !== target.index) return;
    lit.edges.add(i);
    lit.nodes.add(e.src);
    lit.nodes.add(e.dst);
  });
  return lit;
}

/** Lines of text centred on a point, one `<tspan>` per line: text nodes only, never markup. */
function Lines({ lines, x, y, size }: { lines: string[]; x: number; y: number; size: number }) {
  const step = size * LINE_SPACING;
  const top = y - (lines.length * step) / 2 + step / 2;
  return (
    <text fontSize={size} textAnchor="middle" dominantBaseline="central">
      {lines.map((line, i) => (
        <tspan key={i} x={x} y={top + i * step}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface Props {
  graph: GraphResult;
  layout: GraphLayout;
  theme: Theme;
  lit: Lit | null;
  selected: string | null;
  onTarget: (target: Target | null) => void;
  onSelect: (node: DrawnNode) => void;
  onFocus: (node: DrawnNode) => void;
}

/** A node's label boxes: one label set each, with the goroutines under it on the line from the node. */
function Nodelets({ graph, layout, lit }: { graph: GraphResult; layout: GraphLayout; lit: Lit | null }) {
  return graph.nodelets.map((n, k) => {
    const place = layout.nodelets[k];
    if (!place) return null;
    const { box, edge } = place;
    const [left, top, d] = [box.x - box.width / 2, box.y - box.height / 2, BOX3D_DEPTH];
    return (
      <g key={k} className={`gnodelet${lit?.nodes.has(n.node) ? ' lit' : ''}`}>
        <title>{`${n.lines.join(', ')}: ${n.weight}`}</title>
        {edge && <path className="gnodelet-edge" d={edge.path} fill="none" strokeDasharray={n.dotted ? '2 3' : undefined} />}
        {edge?.arrow && <polygon className="gnodelet-arrow" points={edge.arrow.map((p) => `${p.x},${p.y}`).join(' ')} />}
        {edge?.label && <Lines lines={[n.weight]} x={edge.label.x} y={edge.label.y} size={EDGE_FONT_SIZE} />}
        <path className="gnodelet-depth" d={`M${left},${top}l${d},${-d}h${box.width - d}v${box.height - d}l${-d},${d}z`} />
        <rect className="gnodelet-box" x={left} y={top} width={box.width - d} height={box.height} />
        <Lines lines={n.lines} x={box.x - d / 2} y={box.y} size={NODELET_FONT_SIZE} />
      </g>
    );
  });
}

/** The graph's edges, nodes and label boxes at layout coordinates; redrawn only when what it shows changes. */
export const GraphScene = memo(function GraphScene({ graph, layout, theme, lit, selected, onTarget, onSelect, onFocus }: Props) {
  const leave = () => onTarget(null);
  return (
    <>
      <Nodelets graph={graph} layout={layout} lit={lit} />
      {graph.edges.map((e, i) => {
        const route = layout.edges[i];
        if (!route) return null;
        const color = edgeColor(e.score, theme);
        return (
          <g
            key={i}
            className={`gedge${lit?.edges.has(i) ? ' lit' : ''}`}
            data-edge={`${graph.nodes[e.src].name} -> ${graph.nodes[e.dst].name}`}
            onMouseEnter={() => onTarget({ kind: 'edge', index: i })}
            onMouseLeave={leave}
          >
            <path className="gedge-hit" d={route.path} />
            <path d={route.path} stroke={color} strokeWidth={e.penwidth} strokeDasharray={e.residual ? `${4 + e.penwidth} ${3 + e.penwidth}` : undefined} fill="none" />
            {route.arrow && <polygon points={route.arrow.map((p) => `${p.x},${p.y}`).join(' ')} fill={color} stroke={color} strokeWidth={1} />}
            {route.label && <Lines lines={e.lines} x={route.label.x} y={route.label.y} size={EDGE_FONT_SIZE} />}
          </g>
        );
      })}
      {graph.nodes.map((n, i) => {
        const b = layout.nodes[i];
        if (!b) return null;
        const { fill, stroke } = nodeColors(n.score, theme);
        return (
          <g
            key={i}
            className={`gnode${lit?.nodes.has(i) ? ' lit' : ''}${n.func === selected ? ' selected' : ''}`}
            data-name={n.name}
            onMouseEnter={() => onTarget({ kind: 'node', index: i })}
            onMouseLeave={leave}
            onClick={() => onSelect(n)}
            onDoubleClick={() => onFocus(n)}
          >
            <rect x={b.x - b.width / 2} y={b.y - b.height / 2} width={b.width} height={b.height} rx={3} fill={fill} stroke={stroke} filter="url(#graph-node-shadow)" />
            <Lines lines={n.lines} x={b.x} y={b.y} size={n.fontSize} />
          </g>
        );
      })}
    </>
  );
});
