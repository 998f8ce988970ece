import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Theme } from '../../app/theme';
import type { DrawnEdge, DrawnNode } from '../../core/query/graph/present';
import type { DrawableGraph } from './use-graph';
import { edgeColor, nodeColors } from './palette';
import { GraphTooltip, type Hover } from './GraphTooltip';

/** Graphviz's line spacing and its default edge label size (pprof's edge labels use it). */
const LINE_SPACING = 1.2;
const EDGE_FONT_SIZE = 14;
const MAX_FIT_SCALE = 1.5;
const FIT_MARGIN = 24;

interface Props {
  drawn: DrawableGraph;
  theme: Theme;
  /** The function selected in any view. */
  selected: string | null;
  onSelect: (node: DrawnNode) => void;
  onFocus: (node: DrawnNode) => void;
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

/** What the pointer is over, and what it touches: the lit nodes and edges while hovering. */
function useNeighbourhood(edges: DrawnEdge[], hover: Hover | null): { nodes: Set<number>; edges: Set<number> } | null {
  return useMemo(() => {
    if (!hover) return null;
    if (hover.kind === 'edge') {
      const e = edges[hover.index];
      return { nodes: new Set([e.src, e.dst]), edges: new Set([hover.index]) };
    }
    const lit = { nodes: new Set([hover.index]), edges: new Set<number>() };
    edges.forEach((e, i) => {
      if (e.src !== hover.index && e.dst !== hover.index) return;
      lit.edges.add(i);
      lit.nodes.add(e.src);
      lit.nodes.add(e.dst);
    });
    return lit;
  }, [edges, hover]);
}

/** The laid-out call graph as SVG, with d3-zoom pan and zoom, hover highlighting, select and focus. */
export function GraphCanvas({ drawn, theme, selected, onSelect, onFocus }: Props) {
  const { graph, layout } = drawn;
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const scene = useRef<SVGGElement>(null);
  const zoomer = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const lit = useNeighbourhood(graph.edges, hover);

  useLayoutEffect(() => {
    const el = svg.current!;
    const behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.02, 12])
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => scene.current?.setAttribute('transform', e.transform.toString()));
    select(el).call(behavior).on('dblclick.zoom', null);
    zoomer.current = behavior;
    return () => {
      select(el).on('.zoom', null);
    };
  }, []);

  const fit = useCallback(
    (animate: boolean) => {
      const el = svg.current;
      if (!el || !zoomer.current || layout.width === 0) return;
      const { clientWidth: w, clientHeight: h } = el;
      const k = Math.min((w - 2 * FIT_MARGIN) / layout.width, (h - 2 * FIT_MARGIN) / layout.height, MAX_FIT_SCALE);
      const t = zoomIdentity.translate((w - layout.width * k) / 2, (h - layout.height * k) / 2).scale(k);
      const target = select(el);
      if (animate) target.transition().duration(250).call(zoomer.current.transform, t);
      else target.call(zoomer.current.transform, t);
    },
    [layout],
  );
  useLayoutEffect(() => fit(false), [fit]);

  const zoomBy = (factor: number) => {
    if (svg.current && zoomer.current) select(svg.current).transition().duration(150).call(zoomer.current.scaleBy, factor);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      if (e.key === '0') fit(true);
      else if (e.key === '+' || e.key === '=') zoomBy(1.4);
      else if (e.key === '-') zoomBy(1 / 1.4);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fit]);

  const pointAt = (e: MouseEvent) => {
    const r = box.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return (
    <div className="graph-canvas" ref={box}>
      <svg ref={svg} className={lit ? 'graph-svg hovering' : 'graph-svg'} role="img" aria-label="Call graph">
        <defs>
          <filter id="graph-node-shadow" x="-10%" y="-10%" width="120%" height="130%">
            <feDropShadow dx="0" dy="1" stdDeviation="1.2" floodOpacity={theme === 'dark' ? 0.5 : 0.18} />
          </filter>
        </defs>
        <g ref={scene} className="graph-scene">
          {graph.edges.map((e, i) => {
            const route = layout.edges[i];
            if (!route) return null;
            const color = edgeColor(e.score, theme);
            const on = (ev: MouseEvent) => setHover({ kind: 'edge', index: i, at: pointAt(ev) });
            return (
              <g
                key={i}
                className={`gedge${lit?.edges.has(i) ? ' lit' : ''}${e.residual ? ' residual' : ''}`}
                data-edge={`${graph.nodes[e.src].name} -> ${graph.nodes[e.dst].name}`}
                onMouseEnter={on}
                onMouseMove={on}
                onMouseLeave={() => setHover(null)}
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
            const on = (ev: MouseEvent) => setHover({ kind: 'node', index: i, at: pointAt(ev) });
            const cls = `gnode${lit?.nodes.has(i) ? ' lit' : ''}${n.func === selected ? ' selected' : ''}`;
            return (
              <g
                key={i}
                className={cls}
                data-name={n.name}
                onMouseEnter={on}
                onMouseMove={on}
                onMouseLeave={() => setHover(null)}
                onClick={() => onSelect(n)}
                onDoubleClick={() => onFocus(n)}
              >
                <rect x={b.x - b.width / 2} y={b.y - b.height / 2} width={b.width} height={b.height} rx={3} fill={fill} stroke={stroke} filter="url(#graph-node-shadow)" />
                <Lines lines={n.lines} x={b.x} y={b.y} size={n.fontSize} />
              </g>
            );
          })}
        </g>
      </svg>
      {hover && box.current && <GraphTooltip graph={graph} hover={hover} canvas={{ width: box.current.clientWidth, height: box.current.clientHeight }} />}
      <div className="graph-zoom" role="toolbar" aria-label="Zoom">
        <button className="icon" title="Zoom in (+)" aria-label="Zoom in" onClick={() => zoomBy(1.4)}>
          +
        </button>
        <button className="icon" title="Zoom out (−)" aria-label="Zoom out" onClick={() => zoomBy(1 / 1.4)}>
          −
        </button>
        <button className="icon fit" title="Fit to screen (0)" aria-label="Fit to screen" onClick={() => fit(true)}>
          Fit
        </button>
      </div>
    </div>
  );
}
