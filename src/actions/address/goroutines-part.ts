import { useLeaks } from '../../store/leaks';
import { plausibleName } from './selection-part';
import type { AddressPart } from './part';

/** The Goroutines view's text filter (function, file or label). */
const TEXT = 'gfilter';
/** The Goroutines view's state filter, a wait reason as Go prints it (`chan receive`). */
const STATE = 'gstate';
/** The Goroutines view's least wait, in minutes. */
const WAIT = 'gwait';
/** The Goroutines view's order when not by count: `wait`. */
const SORT = 'gsort';

/** Whole minutes from the address; 0 (any wait) for anything else. */
function minutes(text: string | undefined): number {
  return text && /^\d{1,6}$/.test(text) ? Number(text) : 0;
}

/** The Goroutines view's filters in the address, when set. */
export const goroutinesPart: AddressPart = {
  params() {
    const { goroutineText, goroutineState, goroutineWait, goroutineSort } = useLeaks.getState();
    const out: Record<string, string> = {};
    if (goroutineText.trim()) out[TEXT] = goroutineText;
    if (goroutineState) out[STATE] = goroutineState;
    if (goroutineWait > 0) out[WAIT] = String(goroutineWait);
    if (goroutineSort !== 'count') out[SORT] = goroutineSort;
    return out;
  },
  apply(params) {
    const s = useLeaks.getState();
    const text = plausibleName(params[TEXT]) ? params[TEXT] : '';
    const state = plausibleName(params[STATE]) ? params[STATE] : '';
    const wait = minutes(params[WAIT]);
    const sort = params[SORT] === 'wait' ? 'wait' : 'count';
    if (text !== s.goroutineText || state !== s.goroutineState || wait !== s.goroutineWait || sort !== s.goroutineSort) s.filterGoroutines({ text, state, wait, sort });
  },
  subscribe: (listener) => useLeaks.subscribe(listener),
};
