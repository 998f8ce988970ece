import { create } from 'zustand';
import { useView } from './view';

export type FlameColour = 'package' | 'state';
export type FlameOrientation = 'icicle' | 'flame';

interface FlameState {
  /** Names from the root's child down to the zoomed frame; null when showing everything. */
  zoomPath: string[] | null;
  /** Earlier zooms, for Back. */
  zoomHistory: (string[] | null)[];
  /** Search text: a substring, or `/regex/`. */
  search: string;
  /** Function shown as a sandwich (its callers above, callees below), or null. */
  focus: string | null;
  colour: FlameColour;
  orientation: FlameOrientation;
  /** Label key whose values become pseudo-frames at the root (pprof's tagroot), or null. */
  groupBy: string | null;
  zoomTo: (path: string[] | null) => void;
  zoomBack: () => void;
  setSearch: (text: string) => void;
  setFocus: (fn: string | null) => void;
  setColour: (c: FlameColour) => void;
  setOrientation: (o: FlameOrientation) => void;
  setGroupBy: (key: string | null) => void;
}

export const useFlame = create<FlameState>((set) => ({
  zoomPath: null,
  zoomHistory: [],
  search: '',
  focus: null,
  colour: 'package',
  orientation: 'icicle',
  groupBy: null,
  zoomTo: (zoomPath) =>
    set((s) => (samePath(s.zoomPath, zoomPath) ? {} : { zoomPath, zoomHistory: [...s.zoomHistory.slice(-49), s.zoomPath] })),
  zoomBack: () =>
    set((s) => (s.zoomHistory.length === 0 ? {} : { zoomPath: s.zoomHistory[s.zoomHistory.length - 1], zoomHistory: s.zoomHistory.slice(0, -1) })),
  setSearch: (search) => set({ search }),
  setFocus: (focus) => set({ focus, zoomPath: null, zoomHistory: [] }),
  setColour: (colour) => set({ colour }),
  setOrientation: (orientation) => set({ orientation }),
  setGroupBy: (groupBy) => set({ groupBy, zoomPath: null, zoomHistory: [] }),
}));

function samePath(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Opens the flame graph on a function or a stack, from any view: a function becomes the sandwich
 * focus (its callers and callees); a stack (names from the root down) is zoomed into.
 */
export function showInFlame(target: { function?: string; stack?: string[] }): void {
  const flame = useFlame.getState();
  if (target.function !== undefined) {
    flame.setFocus(target.function);
    useView.getState().selectFunction(target.function);
  } else if (target.stack) {
    if (flame.focus !== null) flame.setFocus(null);
    useFlame.getState().zoomTo(target.stack.length > 0 ? target.stack : null);
  }
  useView.getState().setView('flame');
}
