import type { SortingState } from '@tanstack/react-table';
import { create } from 'zustand';

interface TopState {
  filter: string;
  sorting: SortingState;
  setFilter: (filter: string) => void;
  setSorting: (sorting: SortingState) => void;
}

/** pprof's order: flat, descending. */
export const DEFAULT_SORTING: SortingState = [{ id: 'flat', desc: true }];

/** The Top table's filter and sort, kept while other views are on screen. */
export const useTopState = create<TopState>((set) => ({
  filter: '',
  sorting: DEFAULT_SORTING,
  setFilter: (filter) => set({ filter }),
  setSorting: (sorting) => set({ sorting }),
}));
