import { useFlame, type FlameColour, type FlameOrientation } from '../../store/flame';
import type { AddressPart } from './part';

/** Zoomed stack, names from the root joined like collapsed stacks: `main.main;main.serve`. */
const ZOOM = 'fz';
const SEARCH = 'fq';
/** Function shown as a sandwich (callers and callees). */
const FOCUS = 'ff';
const COLOUR = 'fc';
const ORIENTATION = 'fo';
/** pprof's option name for label pseudo-frames at the root. */
const TAG_ROOT = 'tagroot';

/** The flame graph's zoom, search, sandwich focus, colouring, orientation and label grouping in the address. */
export const flamePart: AddressPart = {
  params() {
    const s = useFlame.getState();
    const out: Record<string, string> = {};
    if (s.zoomPath?.length) out[ZOOM] = s.zoomPath.join(';');
    if (s.search) out[SEARCH] = s.search;
    if (s.focus) out[FOCUS] = s.focus;
    if (s.colour !== 'package') out[COLOUR] = s.colour;
    if (s.orientation !== 'icicle') out[ORIENTATION] = s.orientation;
    if (s.groupBy) out[TAG_ROOT] = s.groupBy;
    return out;
  },
  apply(params) {
    const flame = useFlame.getState();
    // Grouping and focus reset the zoom, so they go first.
    if (params[TAG_ROOT]) flame.setGroupBy(params[TAG_ROOT]);
    if (params[FOCUS]) flame.setFocus(params[FOCUS]);
    if (params[COLOUR] === 'state' || params[COLOUR] === 'package') flame.setColour(params[COLOUR] as FlameColour);
    if (params[ORIENTATION] === 'flame' || params[ORIENTATION] === 'icicle') flame.setOrientation(params[ORIENTATION] as FlameOrientation);
    if (params[SEARCH]) flame.setSearch(params[SEARCH]);
    if (params[ZOOM]) flame.zoomTo(params[ZOOM].split(';'));
  },
  subscribe: (listener) => useFlame.subscribe(listener),
};
