import { useLeaks } from '../../store/leaks';
import { plausibleName } from './selection-part';
import type { AddressPart } from './part';

/** The Goroutines view's text filter (function, file or label). */
const TEXT = 'gfilter';
/** The Goroutines view's state filter, a wait reason as Go prints it (`chan receive`). */
const STATE = 'gstate';

/** The Goroutines view's filters in the address, when set. */
export const goroutinesPart: AddressPart = {
  params() {
    const { goroutineText, goroutineState } = useLeaks.getState();
    const out: Record<string, string> = {};
    if (goroutineText.trim()) out[TEXT] = goroutineText;
    if (goroutineState) out[STATE] = goroutineState;
    return out;
  },
  apply(params) {
    const s = useLeaks.getState();
    const text = plausibleName(params[TEXT]) ? params[TEXT] : '';
    const state = plausibleName(params[STATE]) ? params[STATE] : '';
    if (text !== s.goroutineText || state !== s.goroutineState) s.filterGoroutines({ text, state });
  },
  subscribe: (listener) => useLeaks.subscribe(listener),
};
