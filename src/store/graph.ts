import { create } from 'zustand';
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions } from '../core/query/graph/build';

interface GraphSettings {
  options: GraphOptions;
  setOptions: (patch: Partial<GraphOptions>) => void;
  reset: () => void;
}

/** The Graph view's pruning settings; they outlive switching to other views and back. */
export const useGraphSettings = create<GraphSettings>((set) => ({
  options: DEFAULT_GRAPH_OPTIONS,
  setOptions: (patch) => set((s) => ({ options: { ...s.options, ...patch } })),
  reset: () => set({ options: DEFAULT_GRAPH_OPTIONS }),
}));
