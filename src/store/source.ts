import { create } from 'zustand';
import type { RoutineOrder } from '../core/query/source/list';

export type PickMode = 'function' | 'regex';

interface SourceViewState {
  /** List the selected function, or every function a regex matches (as `pprof -list`). */
  mode: PickMode;
  regex: string;
  order: RoutineOrder;
  panelOpen: boolean | null;
  /** A stack frame's line another view asked to see: its row is marked and scrolled to. */
  target: SourceLine | null;
  /** The shared selection this view last saw; a new one (from any view) switches to it. */
  seenSelection: string | null;
  followSelection: (selected: string | null) => void;
  setMode: (mode: PickMode) => void;
  setRegex: (regex: string) => void;
  setOrder: (order: RoutineOrder) => void;
  setPanelOpen: (open: boolean) => void;
  setTarget: (target: SourceLine | null) => void;
}

export interface SourceLine {
  file: string;
  line: number;
}

/** The Source view's own choices, kept while other views are on screen. */
export const useSourceView = create<SourceViewState>((set) => ({
  mode: 'function',
  regex: '',
  order: 'cum',
  panelOpen: null,
  target: null,
  seenSelection: null,
  followSelection: (selected) => set((s) => (selected === s.seenSelection ? {} : { seenSelection: selected, mode: selected ? 'function' : s.mode })),
  setMode: (mode) => set({ mode }),
  setRegex: (regex) => set({ regex }),
  setOrder: (order) => set({ order }),
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  setTarget: (target) => set({ target }),
}));
