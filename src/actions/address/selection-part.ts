import { useView } from '../../store/view';
import type { AddressPart } from './part';

/** The function selected in any view (a Top row, a graph node, a flame frame), shared by all of them. */
export const SELECTED_FUNCTION = 'fn';

/** Longest function name taken from an address; real Go names are far shorter. */
export const MAX_NAME = 4096;

/** A name an address may carry: not empty, not huge, no control characters. */
export function plausibleName(v: string | undefined): v is string {
  return v !== undefined && v.length > 0 && v.length <= MAX_NAME && !/[\u0000-\u001f\u007f]/.test(v);
}

/** The shared selected function in the address. */
export const selectionPart: AddressPart = {
  params(): Record<string, string> {
    const selected = useView.getState().selectedFunction;
    return selected ? { [SELECTED_FUNCTION]: selected } : {};
  },
  apply(params) {
    const v = params[SELECTED_FUNCTION];
    const selected = plausibleName(v) ? v : null;
    if (selected !== useView.getState().selectedFunction) useView.getState().selectFunction(selected);
  },
  subscribe: (listener) => useView.subscribe(listener),
};
