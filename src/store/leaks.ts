import { create } from 'zustand';
import { DEFAULT_BENIGN } from '../core/analysis/benign';
import type { Grouping } from '../core/options/table';
import type { GoroutineSort } from '../worker/goroutines';
import type { TopBy } from '../worker/leaks';

const BENIGN_STORAGE = 'parkview.benign';

function storedBenign(): string[] {
  try {
    const raw = localStorage.getItem(BENIGN_STORAGE);
    const list: unknown = raw ? JSON.parse(raw) : null;
    if (Array.isArray(list) && list.every((x) => typeof x === 'string')) return list;
  } catch {
    // Storage blocked or corrupt: fall back to the defaults.
  }
  return [...DEFAULT_BENIGN];
}

function storeBenign(list: string[] | null): void {
  try {
    if (list) localStorage.setItem(BENIGN_STORAGE, JSON.stringify(list));
    else localStorage.removeItem(BENIGN_STORAGE);
  } catch {
    // Storage blocked: the list lasts for this page only.
  }
}

interface LeaksState {
  grouping: Grouping;
  /** What ranks the groups drawn as areas on the timeline. */
  topBy: TopBy;
  topN: number;
  /** Benign functions (see DEFAULT_BENIGN), kept in localStorage. */
  benign: string[];
  /** Group key selected in the suspects table (keys are per grouping). */
  selectedKey: number | null;
  /** Select the top suspect once the table has its rows (the view a series opens on). */
  topPending: boolean;
  /** List every group, not only suspects. */
  showAll: boolean;
  /** Time between snapshots as typed (`15s`, `1m30s`), for a series without capture times; '' for none. */
  interval: string;
  /** Goroutines view filters: blocked-on label or wait reason ('' for all), text, least wait minutes (0 for any); and its order. */
  goroutineState: string;
  goroutineText: string;
  goroutineWait: number;
  goroutineSort: GoroutineSort;
  setGrouping: (g: Grouping) => void;
  setTopBy: (by: TopBy) => void;
  setTopN: (n: number) => void;
  setBenign: (list: string[]) => void;
  resetBenign: () => void;
  selectKey: (key: number | null) => void;
  selectTopSuspect: () => void;
  setShowAll: (all: boolean) => void;
  setInterval: (text: string) => void;
  filterGoroutines: (f: { state?: string; text?: string; wait?: number; sort?: GoroutineSort }) => void;
}

export const useLeaks = create<LeaksState>((set) => ({
  grouping: 'stack',
  topBy: 'latest',
  topN: 8,
  benign: storedBenign(),
  selectedKey: null,
  topPending: false,
  showAll: false,
  interval: '',
  goroutineState: '',
  goroutineText: '',
  goroutineWait: 0,
  goroutineSort: 'count',
  setGrouping: (grouping) => set({ grouping, selectedKey: null }),
  setTopBy: (topBy) => set({ topBy }),
  setTopN: (topN) => set({ topN }),
  setBenign: (benign) => {
    storeBenign(benign);
    set({ benign, selectedKey: null });
  },
  resetBenign: () => {
    storeBenign(null);
    set({ benign: [...DEFAULT_BENIGN], selectedKey: null });
  },
  selectKey: (selectedKey) => set({ selectedKey, topPending: false }),
  selectTopSuspect: () => set({ selectedKey: null, topPending: true }),
  setShowAll: (showAll) => set({ showAll }),
  setInterval: (interval) => set({ interval: interval.trim() }),
  filterGoroutines: ({ state, text, wait, sort }) =>
    set((s) => ({
      goroutineState: state ?? s.goroutineState,
      goroutineText: text ?? s.goroutineText,
      goroutineWait: wait ?? s.goroutineWait,
      goroutineSort: sort ?? s.goroutineSort,
    })),
}));
