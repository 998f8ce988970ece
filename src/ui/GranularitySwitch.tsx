import type { Granularity } from '../core/options/table';
import { useView } from '../store/view';

const GRANULARITIES: { id: Granularity; title: string }[] = [
  { id: 'functions', title: 'per function' },
  { id: 'filefunctions', title: 'per function and source file' },
  { id: 'files', title: 'per source file' },
  { id: 'lines', title: 'per source line' },
];

/** pprof's granularity, shared by every view; `unit` names what one item is ("row", "node"). */
export function GranularitySwitch({ unit }: { unit: string }) {
  const granularity = useView((s) => s.granularity);
  const setGranularity = useView((s) => s.setGranularity);
  return (
    <div className="segmented" role="radiogroup" aria-label="Granularity">
      {GRANULARITIES.map((g) => (
        <button key={g.id} role="radio" aria-checked={granularity === g.id} className={granularity === g.id ? 'active' : ''} title={`One ${unit} ${g.title}`} onClick={() => setGranularity(g.id)}>
          {g.id}
        </button>
      ))}
    </div>
  );
}
