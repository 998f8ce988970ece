import { openingSnapshot } from '../core/model/opening';
import { captureOrder } from '../core/model/order';
import { create } from 'zustand';
import type { SnapshotInfo } from '../core/model/snapshot';

export interface LoadError {
  id: number;
  /** File name or URL of the input. */
  name: string;
  /** Why it failed, without the name. */
  message: string;
  /** What to do instead, when there is a known remedy (e.g. the commands for a CORS failure). */
  remedy?: { text: string; commands: string[] };
}

/** A load in progress: fetching a URL, reading files, or decoding in the Worker. */
export interface LoadTask {
  id: number;
  label: string;
  phase: 'fetching' | 'reading' | 'decoding';
  /** Bytes fetched so far, or inputs decoded so far. */
  done: number;
  /** Expected bytes or inputs; 0 when unknown. */
  total: number;
  unit: 'bytes' | 'files';
  cancellable: boolean;
}

interface SnapshotState {
  snapshots: SnapshotInfo[];
  /** The newest MAX_ERRORS failures, each (input, reason) once. */
  errors: LoadError[];
  /** Failures dropped from `errors` to keep it bounded. */
  olderErrors: number;
  /** Snapshot the views show. */
  selectedId: number | null;
  /** Snapshot to diff against, when set. */
  baseId: number | null;
  tasks: LoadTask[];
  /** Adds snapshots (never replacing any) and errors; selects what opens (see openingSnapshot). */
  added: (infos: SnapshotInfo[], errors: Omit<LoadError, 'id'>[]) => void;
  removed: (id: number) => void;
  cleared: () => void;
  select: (id: number | null) => void;
  /** Selects the snapshot `delta` places away from the selected one in the list. */
  step: (delta: number) => void;
  setBase: (id: number | null) => void;
  dismissError: (id: number) => void;
  dismissErrors: () => void;
  taskStarted: (task: LoadTask) => void;
  taskUpdated: (id: number, patch: Partial<LoadTask>) => void;
  taskEnded: (id: number) => void;
}

let nextErrorId = 1;

/** Failures the list keeps: a live target failing every few seconds for hours must not grow the page. */
export const MAX_ERRORS = 50;

/** `kept` then `added`, a repeated failure of the same input for the same reason moved to the end, the oldest beyond MAX_ERRORS dropped. */
function withErrors(kept: LoadError[], added: Omit<LoadError, 'id'>[], olderErrors: number): { errors: LoadError[]; olderErrors: number } {
  if (added.length === 0) return { errors: kept, olderErrors };
  const key = (e: Omit<LoadError, 'id'>) => `${e.name}\n${e.message}`;
  const fresh = new Map(added.map((e) => [key(e), { ...e, id: nextErrorId++ }]));
  const all = [...kept.filter((e) => !fresh.has(key(e))), ...fresh.values()];
  const over = Math.max(0, all.length - MAX_ERRORS);
  return { errors: all.slice(over), olderErrors: olderErrors + over };
}

export const useSnapshots = create<SnapshotState>((set) => ({
  snapshots: [],
  errors: [],
  olderErrors: 0,
  selectedId: null,
  baseId: null,
  tasks: [],
  added: (infos, errors) =>
    set((s) => {
      const snapshots = [...s.snapshots, ...infos].sort(captureOrder);
      const selectedId = openingSnapshot(snapshots, infos)?.id ?? s.selectedId;
      return { snapshots, ...withErrors(s.errors, errors, s.olderErrors), selectedId };
    }),
  removed: (id) =>
    set((s) => {
      const i = s.snapshots.findIndex((x) => x.id === id);
      const snapshots = s.snapshots.filter((x) => x.id !== id);
      const neighbour = snapshots[Math.min(i, snapshots.length - 1)]?.id ?? null;
      const selectedId = s.selectedId === id ? neighbour : s.selectedId;
      return { snapshots, selectedId, baseId: s.baseId === id ? null : s.baseId };
    }),
  cleared: () => set({ snapshots: [], errors: [], olderErrors: 0, selectedId: null, baseId: null }),
  select: (id) => set({ selectedId: id }),
  step: (delta) =>
    set((s) => {
      if (s.snapshots.length === 0) return {};
      const i = s.snapshots.findIndex((x) => x.id === s.selectedId);
      const next = Math.max(0, Math.min(s.snapshots.length - 1, (i < 0 ? 0 : i) + delta));
      return { selectedId: s.snapshots[next].id };
    }),
  setBase: (id) => set({ baseId: id }),
  dismissError: (id) => set((s) => ({ errors: s.errors.filter((e) => e.id !== id) })),
  dismissErrors: () => set({ errors: [], olderErrors: 0 }),
  taskStarted: (task) => set((s) => ({ tasks: [...s.tasks, task] })),
  taskUpdated: (id, patch) => set((s) => ({ tasks: s.tasks.map((t) => (t.id === id ? { ...t, ...patch } : t)) })),
  taskEnded: (id) => set((s) => ({ tasks: s.tasks.filter((t) => t.id !== id) })),
}));

export function selectedSnapshot(s: { snapshots: SnapshotInfo[]; selectedId: number | null }): SnapshotInfo | undefined {
  return s.snapshots.find((x) => x.id === s.selectedId);
}
