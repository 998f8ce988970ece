import type { SampleType, SnapshotInfo } from '../core/model/snapshot';
import { selectedSnapshot, useSnapshots } from '../store/snapshots';
import { useView } from '../store/view';

export interface ShownSample {
  snapshot: SnapshotInfo;
  index: number;
  type: SampleType;
}

/** The selected snapshot and the sample type the views show of it. */
export function useShownSample(): ShownSample | null {
  const snapshot = useSnapshots(selectedSnapshot);
  const sampleIndex = useView((s) => s.sampleIndex);
  if (!snapshot) return null;
  const index = sampleIndex !== null && sampleIndex < snapshot.sampleTypes.length ? sampleIndex : snapshot.defaultSampleType;
  return { snapshot, index, type: snapshot.sampleTypes[index] };
}
