import { useView } from '../../store/view';
import { useSourceView } from '../../store/source';
import { plausibleName } from './selection-part';
import type { AddressPart } from './part';

/** The Source view's `-list` regex, under pprof's command name; the picked function is the shared selection (`fn`). */
const LIST = 'list';
/** Routines by name rather than hottest first. */
const ORDER = 'listorder';

/** The Source view's regex (when it lists by regex) and its order in the address. */
export const sourcePart: AddressPart = {
  params() {
    const s = useSourceView.getState();
    const out: Record<string, string> = {};
    if (s.mode === 'regex' && s.regex) out[LIST] = s.regex;
    if (s.order !== 'cum') out[ORDER] = s.order;
    return out;
  },
  apply(params) {
    const source = useSourceView.getState();
    const list = params[LIST];
    // The view switches to a new shared selection when it next shows up; this one is already seen.
    source.followSelection(useView.getState().selectedFunction);
    if (plausibleName(list)) {
      source.setRegex(list);
      source.setMode('regex');
    } else if (source.mode !== 'function') {
      source.setMode('function');
    }
    source.setOrder(params[ORDER] === 'name' ? 'name' : 'cum');
  },
  subscribe: (listener) => useSourceView.subscribe(listener),
};
