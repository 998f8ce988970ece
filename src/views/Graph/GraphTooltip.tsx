import type { CSSProperties } from 'react';
import { percentage, scaledLabel } from '../../core/units/scale';
import type { Point } from '../../core/report/graph/layout';
import type { GraphResult } from '../../worker/graph';
import type { Target } from './GraphScene';
import { visibleName } from '../../core/report/visible';

const GAP = 14;

/** Beside the pointer, on the side with more room. */
function placement(at: Point, canvas: { width: number; height: number }): CSSProperties {
  const left = at.x < canvas.width / 2;
  const above = at.y > canvas.height / 2;
  return {
    left: left ? at.x + GAP : undefined,
    right: left ? undefined : canvas.width - at.x + GAP,
    top: above ? undefined : at.y + GAP,
    bottom: above ? canvas.height - at.y + GAP : undefined,
  };
}

/** A value as the graph's labels print it, with thousands separators for plain counts; signed in a diff. */
function valueText(graph: GraphResult, v: number): string {
  const text = scaledLabel(v, graph.sampleUnit, graph.unit);
  const readable = /^-?\d+$/.test(text) ? Number(text).toLocaleString('en-US') : text;
  return graph.base && v > 0 ? `+${readable}` : readable;
}

function share(graph: GraphResult, v: number): string {
  return percentage(v, graph.total).trim();
}

interface Props {
  graph: GraphResult;
  target: Target;
  /** Pointer position in the canvas. */
  at: Point;
  canvas: { width: number; height: number };
}

/** Details of the node or edge under the pointer; every name is plain text. */
export function GraphTooltip({ graph, target, at, canvas }: Props) {
  const style = placement(at, canvas);
  if (target.kind === 'node') {
    const n = graph.nodes[target.index];
    return (
      <div className="graph-tooltip" style={style} role="tooltip">
        <div className="graph-tooltip-name">{visibleName(n.name)}</div>
        {n.file && n.file !== n.name && <div className="graph-tooltip-file">{visibleName(n.file)}</div>}
        <dl>
          <dt>{graph.base ? 'Flat change' : 'Flat'}</dt>
          <dd>
            {valueText(graph, n.flat)} <span>({share(graph, n.flat)})</span>
          </dd>
          <dt>{graph.base ? 'Cum change' : 'Cum'}</dt>
          <dd>
            {valueText(graph, n.cum)} <span>({share(graph, n.cum)})</span>
          </dd>
        </dl>
        <div className="graph-tooltip-hint">Click to select · double-click to focus on it</div>
      </div>
    );
  }
  const e = graph.edges[target.index];
  return (
    <div className="graph-tooltip" style={style} role="tooltip">
      <div className="graph-tooltip-name">{visibleName(graph.nodes[e.src].name)}</div>
      <div className="graph-tooltip-arrow">{e.residual ? '⇣ through dropped nodes' : e.inline ? '↓ inlined call' : '↓ calls'}</div>
      <div className="graph-tooltip-name">{visibleName(graph.nodes[e.dst].name)}</div>
      <dl>
        <dt>{graph.base ? 'Change' : 'Weight'}</dt>
        <dd>
          {valueText(graph, e.weight)} <span>({share(graph, e.weight)})</span>
        </dd>
      </dl>
    </div>
  );
}
