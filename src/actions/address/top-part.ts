import type { SortingState } from '@tanstack/react-table';
import { DEFAULT_SORTING, useTopState } from '../../store/top';
import { plausibleName } from './selection-part';
import type { AddressPart } from './part';

/** The Top table's filter box, as typed (`/regex/` or a substring). */
const FILTER = 'topfilter';
/** The Top table's sort column, `-` first when descending: `-cum`, `name`. */
const SORT = 'topsort';
const COLUMNS = ['flat', 'flatPct', 'sumPct', 'cum', 'cumPct', 'name'];

function sortParam(sorting: SortingState): string {
  const [first] = sorting;
  return first ? `${first.desc ? '-' : ''}${first.id}` : '';
}

const DEFAULT_SORT = sortParam(DEFAULT_SORTING);

function parseSort(v: string | undefined): SortingState {
  const m = /^(-?)([A-Za-z]{1,16})$/.exec(v ?? '');
  return m && COLUMNS.includes(m[2]) ? [{ id: m[2], desc: m[1] === '-' }] : DEFAULT_SORTING;
}

/** The Top table's filter and sort in the address, when not empty and pprof's order. */
export const topPart: AddressPart = {
  params() {
    const { filter, sorting } = useTopState.getState();
    const out: Record<string, string> = {};
    if (filter.trim()) out[FILTER] = filter;
    const sort = sortParam(sorting);
    if (sort !== DEFAULT_SORT) out[SORT] = sort;
    return out;
  },
  apply(params) {
    const top = useTopState.getState();
    const filter = plausibleName(params[FILTER]) ? params[FILTER] : '';
    if (filter !== top.filter) top.setFilter(filter);
    const sorting = parseSort(params[SORT]);
    if (sortParam(sorting) !== sortParam(top.sorting)) top.setSorting(sorting);
  },
  subscribe: (listener) => useTopState.subscribe(listener),
};
