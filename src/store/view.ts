import { create } from 'zustand';
import type { Filters } from '../core/options/filters';
import type { Granularity } from '../core/options/table';

export type ThemeSetting = 'system' | 'light' | 'dark';

/** Every view's id, in tab order (views/registry.ts gives each its label, key and component). */
export const VIEW_IDS = ['flame', 'top', 'graph', 'source', 'leaks', 'goroutines'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** Names addresses written before a view was renamed still use. */
const FORMER_VIEW_IDS = new Map<string, ViewId>([['timeline', 'leaks']]);

/** The view an address names, by its id or a former one; undefined when it names none. */
export function viewNamed(name: string): ViewId | undefined {
  return (VIEW_IDS as readonly string[]).includes(name) ? (name as ViewId) : FORMER_VIEW_IDS.get(name);
}

interface ViewState {
  /** Id of the view on screen (one of VIEW_IDS). */
  view: string;
  /** The user (or the address) picked the view; until then each load opens the view that answers first. */
  viewChosen: boolean;
  /** Function name selected in any view, shared by all. */
  selectedFunction: string | null;
  sampleIndex: number | null;
  granularity: Granularity;
  filters: Filters;
  theme: ThemeSetting;
  setView: (view: string) => void;
  /** Shows a view without counting as the user's choice. */
  openView: (view: string) => void;
  selectFunction: (name: string | null) => void;
  setSampleIndex: (i: number | null) => void;
  setGranularity: (g: Granularity) => void;
  setFilters: (f: Filters) => void;
  setTheme: (t: ThemeSetting) => void;
}

export const useView = create<ViewState>((set) => ({
  view: 'flame',
  viewChosen: false,
  selectedFunction: null,
  sampleIndex: null,
  granularity: 'functions',
  filters: {},
  theme: 'system',
  setView: (view) => set({ view, viewChosen: true }),
  openView: (view) => set({ view }),
  selectFunction: (selectedFunction) => set({ selectedFunction }),
  setSampleIndex: (sampleIndex) => set({ sampleIndex }),
  setGranularity: (granularity) => set({ granularity }),
  setFilters: (filters) => set({ filters }),
  setTheme: (theme) => set({ theme }),
}));
