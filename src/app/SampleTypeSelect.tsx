import { useEffect, useRef } from 'react';
import { selectedSnapshot, useSnapshots } from '../store/snapshots';
import { useView } from '../store/view';

/**
 * Picks which value the views show, for profiles with several (heap: alloc_space, inuse_objects…).
 * The choice follows the type's name when another snapshot is selected.
 */
export function SampleTypeSelect() {
  const current = useSnapshots(selectedSnapshot);
  const sampleIndex = useView((s) => s.sampleIndex);
  const setSampleIndex = useView((s) => s.setSampleIndex);
  const chosenType = useRef<string | null>(null);
  useEffect(() => {
    if (!current || chosenType.current === null) return;
    const i = current.sampleTypes.findIndex((t) => t.type === chosenType.current);
    const next = i >= 0 && i !== current.defaultSampleType ? i : null;
    if (next !== useView.getState().sampleIndex) setSampleIndex(next);
  }, [current, setSampleIndex]);
  if (!current || current.sampleTypes.length < 2) return null;
  const value = sampleIndex !== null && sampleIndex < current.sampleTypes.length ? sampleIndex : current.defaultSampleType;
  return (
    <label className="select-label" title="Sample type: which value of the profile the views show">
      <span>Sample</span>
      <select
        value={value}
        onChange={(e) => {
          const i = Number(e.target.value);
          chosenType.current = current.sampleTypes[i].type;
          setSampleIndex(i === current.defaultSampleType ? null : i);
        }}
      >
        {current.sampleTypes.map((t, i) => (
          <option key={i} value={i}>
            {t.type} ({t.unit}){i === current.defaultSampleType ? ' · default' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
