import { DEFAULT_GRAPH_OPTIONS, type GraphOptions } from '../../core/query/graph/build';
import { useGraphSettings } from '../../store/graph';
import type { AddressPart } from './part';

/** pprof's option names for the graph's pruning. */
const NAMES: Record<keyof GraphOptions, string> = { nodeCount: 'nodecount', nodeFraction: 'nodefraction', edgeFraction: 'edgefraction' };
const KEYS = Object.keys(NAMES) as (keyof GraphOptions)[];

/** A setting read from an address, or undefined when it is not one the Graph view accepts. */
function parseOption(key: keyof GraphOptions, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (key === 'nodeCount') return /^\d{1,7}$/.test(v) ? Number(v) : undefined;
  if (!/^\d{0,3}(\.\d{1,20})?(e-\d{1,3})?$/i.test(v) || v === '' || v === '.') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

/** The Graph view's nodecount, nodefraction and edgefraction in the address, when not pprof's defaults. */
export const graphPart: AddressPart = {
  params() {
    const { options } = useGraphSettings.getState();
    const out: Record<string, string> = {};
    for (const k of KEYS) if (options[k] !== DEFAULT_GRAPH_OPTIONS[k]) out[NAMES[k]] = String(options[k]);
    return out;
  },
  apply(params) {
    const next = { ...DEFAULT_GRAPH_OPTIONS };
    for (const k of KEYS) next[k] = parseOption(k, params[NAMES[k]]) ?? DEFAULT_GRAPH_OPTIONS[k];
    const { options, setOptions } = useGraphSettings.getState();
    if (KEYS.some((k) => options[k] !== next[k])) setOptions(next);
  },
  subscribe: (listener) => useGraphSettings.subscribe(listener),
};
