import type { SortingState } from '@tanstack/react-table';
import { create } from 'zustand';
import { ADDRESS } from '../core/address/address';

interface TopState {
  filter: string;
  sorting: SortingState;
  setFilter: (filter: string) => void;
  setSorting: (sorting: SortingState) => void;
}

/** A sort as the address writes it: the column, `-` first when descending (`-flat`). */
export function sortParam(sorting: SortingState): string {
  const [first] = sorting;
  return first ? `${first.desc ? '-' : ''}${first.id}` : '';
}

/** The sort an address parameter stands for. */
export function sortingOf(param: string): SortingState {
  return [{ id: param.replace(/^-/, ''), desc: param.startsWith('-') }];
}

/** pprof's order: flat, descending. */
export const DEFAULT_SORTING = sortingOf(ADDRESS.topSort.fallback);

/** The Top table's filter and sort, kept while other views are on screen. */
export const useTopState = create<TopState>((set) => ({
  filter: '',
  sorting: DEFAULT_SORTING,
  setFilter: (filter) => set({ filter }),
  setSorting: (sorting) => set({ sorting }),
}));
