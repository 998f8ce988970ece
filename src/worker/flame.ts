import { transfer } from 'comlink';
import type { QueryEngine } from '../core/engine/engine';
import type { BuiltFlame, FlameStates } from '../core/flame/build';
import { baseValues } from '../core/flame/diff';
import { mergeByKey } from '../core/flame/merge';
import { FlameModel } from '../core/flame/model';
import { nameClasses } from '../core/flame/palette';
import { calleesTree, callersTree, targetKeys } from '../core/flame/sandwich';
import { compileSearch, matchNames, searchTree, type SearchResult } from '../core/flame/search';
import { labelKeys } from '../core/flame/tagroot';
import { extractWindow, type FlameWindow } from '../core/flame/window';
import { RefineError } from '../core/query/refine-regex';
import { Superseded, TimedNameMatcher } from '../core/query/timed-match';
import type { ViewQuery } from '../core/query/view-query';
import { timedRegexRunner } from './regex-sandbox';

/** What the flame view asks for. */
export interface FlameSpec {
  query: ViewQuery;
  /** Label key whose values become pseudo-frames at the root (pprof's tagroot). */
  groupBy: string | null;
  /** Work out each frame's wait state (for colouring by state). */
  states: boolean;
  /** Function to show as a sandwich: its callers above, its callees below. */
  focus: string | null;
}

/** A window of frames plus, per frame, its value in the base snapshot and its wait state when asked for. */
export interface FlameWindowData extends FlameWindow {
  base: Float64Array | null;
  state: Uint8Array | null;
  stateShare: Float32Array | null;
}

/** One flame graph (the whole profile, or one side of a sandwich): a handle for window queries. */
export interface FlameGraphInfo {
  id: number;
  total: number;
  baseTotal: number | null;
  maxDepth: number;
  /** Frames in the whole graph. */
  frames: number;
  window: FlameWindowData;
  /** Where the zoom path asked for led: its frame's left edge and width, and how many names matched. */
  zoom: { x: number; width: number; matched: number } | null;
}

export interface FlameData {
  names: string[];
  files: string[];
  funcs: string[];
  /** Colour class per name (core/flame/palette.ts). */
  classes: Uint8Array;
  labelFrom: number;
  unit: string;
  sampleType: string;
  /** Snapshot total of the sample type: the 100% of every percentage. */
  total: number;
  base: { name: string; total: number } | null;
  /** Why there is no diff although a base was chosen. */
  baseError: string | null;
  states: { names: string[]; recorded: boolean } | null;
  main: FlameGraphInfo | null;
  callers: FlameGraphInfo | null;
  callees: FlameGraphInfo | null;
}

export interface WindowRequest {
  x0: number;
  x1: number;
  /** Narrowest frame worth sending, in value units. */
  minWidth: number;
}

export type FlameSearch = ({ ok: true; keyMatch: Uint8Array } & SearchResult) | { ok: false; error: string };

interface Graph {
  model: FlameModel;
  base: Float64Array | null;
  states: FlameStates | null;
}

function windowOf(graph: Graph, r: WindowRequest): FlameWindowData {
  const w = extractWindow(graph.model, r.x0, r.x1, r.minWidth);
  const pick = <T extends Float64Array | Uint8Array | Float32Array>(src: T, out: T): T => {
    for (let i = 0; i < w.size; i++) if (w.node[i] >= 0) out[i] = src[w.node[i]];
    return out;
  };
  const s = graph.states;
  return {
    ...w,
    base: graph.base ? pick(graph.base, new Float64Array(w.size)) : null,
    state: s ? pick(s.state, new Uint8Array(w.size).fill(255)) : null,
    stateShare: s ? pick(s.share, new Float32Array(w.size)) : null,
  };
}

function buffersOf(w: FlameWindowData): ArrayBuffer[] {
  const arrays = [w.node, w.key, w.depth, w.x, w.width, w.self, w.parent, w.end, w.line, w.count, w.base, w.state, w.stateShare];
  return arrays.filter((a) => a !== null).map((a) => a.buffer as ArrayBuffer);
}

function sandwich(model: FlameModel, funcs: string[], focus: string): { callers: FlameModel; callees: FlameModel } {
  const target = targetKeys(funcs, focus);
  return {
    callers: new FlameModel(mergeByKey(callersTree(model.tree, target)), model.names),
    callees: new FlameModel(mergeByKey(calleesTree(model.tree, target)), model.names),
  };
}

/** Graphs the page holds handles to, for later windows and searches: each holds tens of MB at 200,000 goroutines. */
const GRAPH_HANDLES = 6;

export function flameApi(engine: QueryEngine) {
  const { session } = engine;
  /** Search regexes run here, so a catastrophic one costs a throwaway Worker and not this one. */
  const searchMatcher = new TimedNameMatcher(timedRegexRunner());
  const graphs = new Map<number, Graph>();
  let nextGraph = 1;

  function register(model: FlameModel, base: FlameModel | null, states: FlameStates | null, resolution: number, zoomPath: readonly string[] | null): FlameGraphInfo {
    const id = nextGraph++;
    const graph: Graph = { model, base: base ? baseValues(model.tree, base) : null, states };
    graphs.delete(id);
    graphs.set(id, graph);
    while (graphs.size > GRAPH_HANDLES) graphs.delete(graphs.keys().next().value!);
    const total = model.tree.total;
    let zoom: FlameGraphInfo['zoom'] = null;
    let range = { x0: 0, x1: total };
    if (zoomPath && zoomPath.length > 0) {
      const { node, matched } = model.find(zoomPath);
      if (matched > 0) {
        const x = model.xOf(node);
        zoom = { x, width: model.tree.cum[node], matched };
        range = { x0: x, x1: x + model.tree.cum[node] };
      }
    }
    const minWidth = (range.x1 - range.x0) / Math.max(1, resolution);
    return {
      id,
      total,
      baseTotal: base ? base.tree.total : null,
      maxDepth: model.tree.maxDepth,
      frames: model.tree.size,
      window: windowOf(graph, { ...range, minWidth }),
      zoom,
    };
  }

  return {
    /**
     * Builds the flame graph (or the sandwich of `spec.focus`) and its first window, fit for a screen
     * `resolution` pixels wide, zoomed along `zoomPath` (names from the root down) when given.
     */
    flame(spec: FlameSpec, resolution: number, zoomPath: string[] | null): FlameData {
      const entry = engine.flame(spec.query, spec.groupBy);
      const current = entry.flame;
      const bq = engine.baseQuery(spec.query);
      const base: BuiltFlame | null = bq && 'query' in bq ? engine.flame(bq.query, spec.groupBy).flame : null;
      const baseError = bq && 'error' in bq ? bq.error : null;
      const type = current.snapshot.sampleTypes[current.sampleIndex];
      const names = current.model.names as string[];
      const data: FlameData = {
        names,
        files: current.files,
        funcs: current.funcs,
        classes: nameClasses(names, current.labelFrom),
        labelFrom: current.labelFrom,
        unit: type.unit,
        sampleType: type.type,
        total: current.snapshot.totals[current.sampleIndex],
        base: base ? { name: base.snapshot.name, total: base.snapshot.totals[base.sampleIndex] } : null,
        baseError,
        states: null,
        main: null,
        callers: null,
        callees: null,
      };
      if (spec.focus) {
        const here = sandwich(current.model, current.funcs, spec.focus);
        const there = base ? sandwich(base.model, base.funcs, spec.focus) : null;
        data.callers = register(here.callers, there?.callers ?? null, null, resolution, null);
        data.callees = register(here.callees, there?.callees ?? null, null, resolution, null);
        // The whole graph too, so that search counts keep meaning the whole profile.
        data.main = register(current.model, null, null, resolution, null);
        return transfer(data, [data.main.window, data.callers.window, data.callees.window].flatMap(buffersOf));
      }
      let states: FlameStates | null = null;
      if (spec.states) {
        states = engine.flameStates(entry);
        data.states = { names: states.names, recorded: states.recorded };
      }
      data.main = register(current.model, base?.model ?? null, states, resolution, zoomPath);
      return transfer(data, buffersOf(data.main.window));
    },

    /** The frames of a graph for another range or resolution (after a zoom or pan); null once the graph is gone. */
    flameWindow(id: number, r: WindowRequest): FlameWindowData | null {
      const graph = graphs.get(id);
      if (!graph) return null;
      const w = windowOf(graph, r);
      return transfer(w, buffersOf(w));
    },

    /** Where a path of names (from the root down) leads in a graph: the deepest frame it reaches. */
    flameLocate(id: number, path: string[]): { x: number; width: number; matched: number } | null {
      const graph = graphs.get(id);
      if (!graph) return null;
      const { node, matched } = graph.model.find(path);
      return { x: graph.model.xOf(node), width: graph.model.tree.cum[node], matched };
    },

    /**
     * Matches for the search text in a graph: frames, names, and the value through them counted once.
     * A regex runs over the graph's distinct names in the time-limited regex Worker; null when the
     * graph is gone or a newer search took over.
     */
    async flameSearch(id: number, text: string): Promise<FlameSearch | null> {
      const graph = graphs.get(id);
      if (!graph) return null;
      const compiled = compileSearch(text);
      if (!compiled) return { ok: true, keyMatch: new Uint8Array(0), frames: 0, names: 0, value: 0 };
      if (!compiled.ok) return compiled;
      let keyMatch: Uint8Array;
      if ('regex' in compiled) {
        try {
          keyMatch = (await searchMatcher.match(graph.model.names, compiled.regex)).slice();
        } catch (e) {
          if (e instanceof Superseded) return null;
          if (e instanceof RefineError) return { ok: false, error: e.message };
          throw e;
        }
      } else {
        searchMatcher.cancel();
        keyMatch = matchNames(graph.model.names, compiled.matcher);
      }
      return transfer({ ok: true as const, keyMatch, ...searchTree(graph.model.tree, keyMatch) }, [keyMatch.buffer]);
    },

    /** Label keys that the snapshot's goroutines carry, for grouping by label. */
    flameLabelKeys(snapshotId: number): string[] {
      const s = session.snapshots.find((x) => x.id === snapshotId);
      if (!s) return [];
      const sets = new Set<number>();
      for (const g of s.groups) sets.add(session.groups.labels.data[g]);
      return labelKeys(session, sets);
    },
  };
}
