import { useCallback, useState } from 'react';
import { GranularitySwitch } from '../../ui/GranularitySwitch';
import { applyFilters } from '../../actions/refine';
import { useEffectiveTheme } from '../../ui/theme';
import { hasFilters } from '../../core/options/filters';
import { exactName } from '../../core/query/refine-regex';
import type { DrawnNode } from '../../core/report/graph/present';
import type { GraphResult } from '../../worker/graph';
import { useViewQuery } from '../../store/query';
import { useView } from '../../store/view';
import { BaseSelect } from '../../ui/BaseSelect';
import { GraphCanvas } from './GraphCanvas';
import { GraphSettings } from './GraphSettings';
import { useGraphSettings } from '../../store/graph';
import { LayoutProgress } from './LayoutProgress';
import { LAYOUT_CANCELLED, prefetchGraph, useGraph } from './use-graph';
import './graph.css';

// The view's code has just arrived: Graphviz and the graph start now, while React switches views.
prefetchGraph();

/** pprof's legend in one line under the bar (the status bar already names the profile), and the diff's key. */
function GraphSummary({ graph }: { graph: GraphResult }) {
  return (
    <div className="graph-summary" aria-label="Legend">
      {graph.summary.map((line, i) => (
        <span key={i}>{line}</span>
      ))}
      {graph.base && (
        <span className="graph-summary-diff" role="note" aria-label="How to read the comparison">
          Changes since <strong>{graph.base.name}</strong>: every value is this snapshot minus the base (negative: fewer than in the base); percentages are of the base’s total,{' '}
          {graph.totalLabel}, as pprof -diff_base prints them, so they can pass 100%. Borders: <span className="grew">red grew</span>, <span className="shrank">blue shrank</span>
        </span>
      )}
      {graph.baseError && <span className="graph-summary-warning">No diff: {graph.baseError}</span>}
      <span className="graph-summary-count">
        {graph.nodes.length} nodes · {graph.edges.length} edges
      </span>
    </div>
  );
}

/** pprof's call graph: Graphviz layout, pan and zoom, hover, select and focus. */
export default function GraphView() {
  const query = useViewQuery();
  const options = useGraphSettings((s) => s.options);
  const [attempt, setAttempt] = useState(0);
  const { data: drawn, busy, error } = useGraph(query, options, attempt);
  const theme = useEffectiveTheme();
  const selected = useView((s) => s.selectedFunction);
  const onSelect = useCallback((n: DrawnNode) => useView.getState().selectFunction(n.func), []);
  const onFocus = useCallback((n: DrawnNode) => {
    useView.getState().selectFunction(n.func);
    void applyFilters({ ...useView.getState().filters, f: exactName(n.func) });
  }, []);
  const graph = drawn?.graph;

  return (
    <div className="graph-view">
      <div className="view-bar">
        <GranularitySwitch unit="node" />
        <GraphSettings />
        <BaseSelect />
      </div>
      {graph && <GraphSummary graph={graph} />}
      {busy && <div className="busy-bar" role="progressbar" aria-label="Laying out the graph" />}
      {busy && <LayoutProgress />}
      {error === LAYOUT_CANCELLED ? (
        <div className="view-message">
          <p>Layout cancelled. Fewer nodes lay out faster: lower Nodes or raise Node ≥ above.</p>
          <button className="button" onClick={() => setAttempt((n) => n + 1)}>
            Lay out again
          </button>
        </div>
      ) : error ? (
        <div className="view-message error">Could not draw the call graph: {error}</div>
      ) : !drawn ? null : drawn.graph.nodes.length === 0 ? (
        <div className="view-message">
          {drawn.graph.base ? `Nothing changed since ${drawn.graph.base.name}.` : `No samples to draw${hasFilters(query?.filters) ? ' with these filters' : ''}.`}
        </div>
      ) : (
        <div className="graph-stage">
          <GraphCanvas drawn={drawn} theme={theme} selected={selected} onSelect={onSelect} onFocus={onFocus} />
        </div>
      )}
    </div>
  );
}
