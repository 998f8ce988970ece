import { create } from 'zustand';
import type { SnapshotInfo } from '../core/model/snapshot';

export interface LoadError {
  name: string;
  message: string;
}

interface SnapshotState {
  snapshots: SnapshotInfo[];
  errors: LoadError[];
  /** Snapshot the views show. */
  selectedId: number | null;
  /** Snapshot to diff against, when set. */
  baseId: number | null;
  /** Inputs being read or decoded. */
  pending: number;
  added: (infos: SnapshotInfo[], errors: LoadError[]) => void;
  removed: (id: number) => void;
  cleared: () => void;
  select: (id: number | null) => void;
  setBase: (id: number | null) => void;
  dismissError: (name: string) => void;
  setPending: (delta: number) => void;
}

/** Capture time, then the NNN of the file name, then load order. */
export function compareSnapshots(a: SnapshotInfo, b: SnapshotInfo): number {
  if (a.timeMs !== null && b.timeMs !== null && a.timeMs !== b.timeMs) return a.timeMs - b.timeMs;
  if (a.seq !== null && b.seq !== null && a.seq !== b.seq) return a.seq - b.seq;
  return a.loadOrder - b.loadOrder;
}

export const useSnapshots = create<SnapshotState>((set) => ({
  snapshots: [],
  errors: [],
  selectedId: null,
  baseId: null,
  pending: 0,
  added: (infos, errors) =>
    set((s) => {
      const snapshots = [...s.snapshots, ...infos].sort(compareSnapshots);
      const selectedId = infos.length ? snapshots[snapshots.length - 1].id : s.selectedId;
      return { snapshots, errors: [...s.errors, ...errors], selectedId };
    }),
  removed: (id) =>
    set((s) => {
      const snapshots = s.snapshots.filter((x) => x.id !== id);
      const selectedId = s.selectedId === id ? (snapshots.at(-1)?.id ?? null) : s.selectedId;
      return { snapshots, selectedId, baseId: s.baseId === id ? null : s.baseId };
    }),
  cleared: () => set({ snapshots: [], errors: [], selectedId: null, baseId: null }),
  select: (id) => set({ selectedId: id }),
  setBase: (id) => set({ baseId: id }),
  dismissError: (name) => set((s) => ({ errors: s.errors.filter((e) => e.name !== name) })),
  setPending: (delta) => set((s) => ({ pending: Math.max(0, s.pending + delta) })),
}));

export function selectedSnapshot(s: { snapshots: SnapshotInfo[]; selectedId: number | null }): SnapshotInfo | undefined {
  return s.snapshots.find((x) => x.id === s.selectedId);
}
