import { selectedSnapshot, useSnapshots } from '../store/snapshots';

/** "Compare with": the base snapshot a diff is taken against (shared by the views that diff). */
export function BaseSelect() {
  const snapshots = useSnapshots((s) => s.snapshots);
  const current = useSnapshots(selectedSnapshot);
  const baseId = useSnapshots((s) => s.baseId);
  const setBase = useSnapshots((s) => s.setBase);
  if (snapshots.length < 2) return null;
  return (
    <label className="select-label" title="Show the changes since another snapshot (pprof -diff_base)">
      Compare with
      <select aria-label="Base snapshot" value={baseId ?? ''} onChange={(e) => setBase(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">nothing</option>
        {snapshots
          .filter((s) => s.id !== current?.id)
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
      </select>
    </label>
  );
}
