import { GROUPINGS, type Grouping } from '../../core/analysis/grouping';
import { parseDuration } from '../../core/units/duration';
import { TOP_N_CHOICES, useLeaks } from '../../store/leaks';
import type { AddressPart, PartScope } from './part';

/** Goroutines grouped by stack (the default), labels, creator or function. */
const GROUP = 'group';
/** What ranks the chart's areas: `growth` (the default is the latest count). */
const CHART = 'chart';
/** How many areas the chart draws. */
const AREAS = 'areas';
/** Key of the suspect selected in the table; keys are numbered per grouping over the whole series. */
const SUSPECT = 'suspect';
/** The table lists every group, not only suspects. */
const ALL = 'all';
/** Time between snapshots the user gave for a series without capture times (`15s`). */
const INTERVAL = 'interval';

const DEFAULTS = { grouping: 'stack' as Grouping, topBy: 'latest' as const, topN: 8, showAll: false };

/** The Leaks view's grouping, chart options, rows and selected suspect in the address. */
export const leaksPart: AddressPart = {
  params(scope?: PartScope) {
    const s = useLeaks.getState();
    const out: Record<string, string> = {};
    if (s.grouping !== DEFAULTS.grouping) out[GROUP] = s.grouping;
    if (s.topBy !== DEFAULTS.topBy) out[CHART] = s.topBy;
    if (s.topN !== DEFAULTS.topN) out[AREAS] = String(s.topN);
    if (s.showAll) out[ALL] = '1';
    if (s.interval) out[INTERVAL] = s.interval;
    // A suspect's key means the same group only over the same series: a link with fewer snapshots leaves it out.
    if (s.selectedKey !== null && !scope?.partial) out[SUSPECT] = String(s.selectedKey);
    return out;
  },
  apply(params) {
    const leaks = useLeaks.getState();
    const group = params[GROUP];
    const grouping = (GROUPINGS as readonly string[]).includes(group) ? (group as Grouping) : DEFAULTS.grouping;
    if (grouping !== leaks.grouping) leaks.setGrouping(grouping);
    const topBy = params[CHART] === 'growth' ? 'growth' : DEFAULTS.topBy;
    if (topBy !== leaks.topBy) leaks.setTopBy(topBy);
    const areas = params[AREAS];
    const topN = areas && /^\d{1,3}$/.test(areas) && TOP_N_CHOICES.includes(Number(areas)) ? Number(areas) : DEFAULTS.topN;
    if (topN !== leaks.topN) leaks.setTopN(topN);
    const showAll = params[ALL] === '1';
    if (showAll !== leaks.showAll) leaks.setShowAll(showAll);
    const interval = parseDuration(params[INTERVAL] ?? '') === null ? '' : params[INTERVAL];
    if (interval !== leaks.interval) leaks.setInterval(interval);
    const suspect = params[SUSPECT];
    const key = suspect && /^\d{1,9}$/.test(suspect) ? Number(suspect) : null;
    if (key !== useLeaks.getState().selectedKey) leaks.selectKey(key);
  },
  subscribe: (listener) => useLeaks.subscribe(listener),
};
