import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Theme } from '../../ui/theme';
import type { DrawnNode } from '../../core/report/graph/present';
import type { GraphResult } from '../../worker/graph';
import { GraphScene, litBy, type Target } from './GraphScene';
import { GraphTooltip } from './GraphTooltip';
import type { DrawableGraph } from './use-graph';

const MAX_FIT_SCALE = 1.5;
const FIT_MARGIN = 24;
/**
 * The smallest node text Fit draws, in CSS pixels (pprof's smallest, 8 pt, at 100 %, is 10.7). A graph
 * that fits only smaller is fitted to this size from its top, and the rest is a pan or a zoom away.
 */
const MIN_NODE_FONT_PX = 10;
const ZOOM_STEP = 1.4;

interface Props {
  drawn: DrawableGraph;
  theme: Theme;
  /** The function selected in any view. */
  selected: string | null;
  onSelect: (node: DrawnNode) => void;
  onFocus: (node: DrawnNode) => void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The transform that fits the graph in a `w` x `h` screen without making node text smaller than
 * MIN_NODE_FONT_PX: centred when it fits, else from its top, centred on its topmost node.
 */
function fitTransform({ graph, layout }: DrawableGraph, w: number, h: number) {
  const smallest = Math.min(...graph.nodes.map((n) => n.fontSize));
  const fitted = Math.min((w - 2 * FIT_MARGIN) / layout.width, (h - 2 * FIT_MARGIN) / layout.height, MAX_FIT_SCALE);
  const k = Math.max(fitted, MIN_NODE_FONT_PX / smallest);
  const width = layout.width * k;
  const height = layout.height * k;
  const top = layout.nodes.reduce((a, b) => (b.y < a.y ? b : a));
  const x = width <= w - 2 * FIT_MARGIN ? (w - width) / 2 : Math.min(FIT_MARGIN, Math.max(w - FIT_MARGIN - width, w / 2 - top.x * k));
  const y = height <= h - 2 * FIT_MARGIN ? (h - height) / 2 : FIT_MARGIN;
  return zoomIdentity.translate(x, y).scale(k);
}

/** d3-zoom on the SVG, moving the scene group; fits each new layout to the screen. */
function usePanZoom(drawn: DrawableGraph) {
  const svg = useRef<SVGSVGElement>(null);
  const scene = useRef<SVGGElement>(null);
  const zoomer = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);

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
      if (!el || !zoomer.current || drawn.layout.width === 0) return;
      const t = fitTransform(drawn, el.clientWidth, el.clientHeight);
      if (animate) select(el).transition().duration(250).call(zoomer.current.transform, t);
      else select(el).call(zoomer.current.transform, t);
    },
    [drawn],
  );
  useLayoutEffect(() => fit(false), [fit]);

  const zoomBy = useCallback((factor: number) => {
    if (svg.current && zoomer.current) select(svg.current).transition().duration(150).call(zoomer.current.scaleBy, factor);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === '0') fit(true);
      else if (e.key === '+' || e.key === '=') zoomBy(ZOOM_STEP);
      else if (e.key === '-') zoomBy(1 / ZOOM_STEP);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fit, zoomBy]);

  return { svg, scene, fit, zoomBy };
}

/** The laid-out call graph as SVG: pan and zoom, hover lights a node's calls, click selects, double-click focuses. */
export function GraphCanvas({ drawn, theme, selected, onSelect, onFocus }: Props) {
  const { graph, layout } = drawn;
  const box = useRef<HTMLDivElement>(null);
  const { svg, scene, fit, zoomBy } = usePanZoom(drawn);
  const [hovered, setHovered] = useState<(Target & { of: GraphResult }) | null>(null);
  const [pointer, setPointer] = useState({ x: 0, y: 0 });
  // A hover belongs to the graph it was made on: a new graph starts with none.
  const target = hovered && hovered.of === graph ? hovered : null;
  const lit = useMemo(() => (target ? litBy(graph, target) : null), [graph, target]);
  const onTarget = useCallback((t: Target | null) => setHovered(t && { ...t, of: graph }), [graph]);

  const track = (e: MouseEvent) => {
    const r = box.current!.getBoundingClientRect();
    setPointer({ x: e.clientX - r.left, y: e.clientY - r.top });
  };

  return (
    <div className="graph-canvas" ref={box} onMouseMove={track}>
      <svg ref={svg} className={lit ? 'graph-svg hovering' : 'graph-svg'} aria-label="Call graph">
        <defs>
          <filter id="graph-node-shadow" x="-10%" y="-10%" width="120%" height="130%">
            <feDropShadow dx="0" dy="1" stdDeviation="1.2" floodOpacity={theme === 'dark' ? 0.5 : 0.18} />
          </filter>
        </defs>
        <g ref={scene} className="graph-scene">
          <GraphScene graph={graph} layout={layout} theme={theme} lit={lit} selected={selected} onTarget={onTarget} onSelect={onSelect} onFocus={onFocus} />
        </g>
      </svg>
      {target && box.current && (
        <GraphTooltip graph={graph} target={target} at={pointer} canvas={{ width: box.current.clientWidth, height: box.current.clientHeight }} />
      )}
      <div className="graph-zoom" role="toolbar" aria-label="Zoom">
        <button className="icon" title="Zoom in (+)" aria-label="Zoom in" onClick={() => zoomBy(ZOOM_STEP)}>
          +
        </button>
        <button className="icon" title="Zoom out (−)" aria-label="Zoom out" onClick={() => zoomBy(1 / ZOOM_STEP)}>
          −
        </button>
        <button className="icon fit" title="Fit to screen (0)" aria-label="Fit to screen" onClick={() => fit(true)}>
          Fit
        </button>
      </div>
    </div>
  );
}
