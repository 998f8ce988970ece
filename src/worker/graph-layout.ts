import { Graphviz, type Format } from '@hpcc-js/wasm-graphviz';
import { expose } from 'comlink';
import { parseLayout, type GraphLayout } from '../core/report/graph/layout';

let graphviz: Promise<Graphviz> | null = null;

/** Graphviz `dot` compiled to WebAssembly (embedded in the bundle: nothing is fetched). */
function load(): Promise<Graphviz> {
  return (graphviz ??= Graphviz.load());
}

/** Graphviz's -Tjson0: positions and sizes without drawing operations (missing from the package's Format type). */
const POSITIONS = 'json0' as Format;

/** The Graph view's own Worker: Graphviz layouts, off the main thread and off the data Worker. */
export const layoutApi = {
  async warm(): Promise<void> {
    await load();
  },
  async layout(dot: string, nodes: number, edges: number, nodelets: string[]): Promise<GraphLayout> {
    return parseLayout((await load()).layout(dot, POSITIONS, 'dot'), nodes, edges, nodelets);
  },
};

export type LayoutApi = typeof layoutApi;

expose(layoutApi);
