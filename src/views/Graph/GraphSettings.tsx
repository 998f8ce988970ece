import { useEffect, useState } from 'react';
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions } from '../../core/query/graph/build';
import { useGraphSettings } from '../../store/graph';

interface Field {
  key: keyof GraphOptions;
  label: string;
  title: string;
  step: string;
  valid: (v: number) => boolean;
}

const FIELDS: Field[] = [
  { key: 'nodeCount', label: 'Nodes', title: 'Show at most this many nodes (pprof -nodecount; 0: no limit)', step: '10', valid: (v) => Number.isInteger(v) && v >= 0 },
  { key: 'nodeFraction', label: 'Node ≥', title: 'Drop nodes whose cum is below this fraction of the total (pprof -nodefraction)', step: '0.001', valid: (v) => v >= 0 && v <= 1 },
  { key: 'edgeFraction', label: 'Edge ≥', title: 'Drop edges lighter than this fraction of the total (pprof -edgefraction)', step: '0.001', valid: (v) => v >= 0 && v <= 1 },
];

/** One pruning setting: applied on Enter or when the field loses focus, if valid. */
function SettingInput({ field }: { field: Field }) {
  const value = useGraphSettings((s) => s.options[field.key]);
  const setOptions = useGraphSettings((s) => s.setOptions);
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parsed = text.trim() === '' ? NaN : Number(text);
  const valid = field.valid(parsed);
  const commit = () => {
    if (valid && parsed !== value) setOptions({ [field.key]: parsed });
    else if (!valid) setText(String(value));
  };
  return (
    <label className={valid ? 'graph-setting' : 'graph-setting invalid'} title={field.title}>
      <span>{field.label}</span>
      <input
        type="number"
        min="0"
        step={field.step}
        value={text}
        aria-label={field.title}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(String(value));
            e.currentTarget.blur();
          }
        }}
      />
    </label>
  );
}

/** pprof's pruning settings for the graph, with a reset to pprof's defaults. */
export function GraphSettings() {
  const options = useGraphSettings((s) => s.options);
  const reset = useGraphSettings((s) => s.reset);
  const isDefault = FIELDS.every((f) => options[f.key] === DEFAULT_GRAPH_OPTIONS[f.key]);
  return (
    <div className="graph-settings">
      {FIELDS.map((f) => (
        <SettingInput key={f.key} field={f} />
      ))}
      {!isDefault && (
        <button className="link" title="Back to pprof's defaults: 80 nodes, 0.005, 0.001" onClick={reset}>
          Reset
        </button>
      )}
    </div>
  );
}
