import { reportHeader } from '../header';
import type { Snapshot } from '../../model/snapshot';
import { percentage, reportUnit, scaledLabel } from '../../units/scale';
import type { Granularity } from '../../options/table';
import type { NodeKeys } from '../../query/granularity';
import type { CallGraph, GraphEdge, GraphOptions } from '../../query/graph/build';
import { NODE_ID } from './ids';
import { byWeight, MAX_NODELETS, type LabelTag, type NumericTag } from '../../query/graph/tags';
import type { Filters } from '../../options/filters';
import { visibleName } from '../visible';
import { baseName, clipLine, shortenFunctionName } from './names';

export interface DrawnNode {
  key: number;
  /** The report name (pprof's printable name): what tooltips and searches show. */
  name: string;
  /** The function selecting this node selects (for `files`, the file). */
  func: string;
  /** Its source file, when it has one. */
  file: string;
  /** Label lines: the short name split at its dots, then flat and cum. */
  lines: string[];
  /** pprof's font size: 8 to 24 points by flat. */
  fontSize: number;
  flat: number;
  cum: number;
  /** cum over the total, for the colour: up to 1 (red), down to -1 in a diff (green). */
  score: number;
}

export interface DrawnEdge extends GraphEdge {
  /** Label lines: the weight, and "(inline)" for inlined calls. */
  lines: string[];
  /** Line width, 1 to 6, by share of the total. */
  penwidth: number;
  /** Graphviz's edge weight: heavier edges are kept shorter and straighter. */
  layoutWeight: number;
  score: number;
}

/**
 * A box under a node, as pprof draws them: one label set of the samples there, or one numeric label
 * (an allocation size, or a range of them) under a label box or the node itself.
 */
export interface DrawnNodelet {
  /** Index of the node it belongs to. */
  node: number;
  /** pprof's DOT name for it: `N1_0` under node 1, `NN1_0_0` under that box, `NN1_0` under the node. */
  id: string;
  /** The DOT name of what it hangs from. */
  from: string;
  lines: string[];
  /** The value under it: flat for a node that calls others, else cum. */
  weight: string;
  /** A numeric box's line is dotted when it shows cum that differs from flat, as pprof draws it. */
  dotted: boolean;
}

export interface DrawnGraph {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  /** Label boxes, by node then slot. */
  nodelets: DrawnNodelet[];
  /** The first lines of pprof's legend: the profile's File, Type, Time and Duration. */
  header: string[];
  /** The rest of pprof's legend: what the graph shows and what it dropped. */
  summary: string[];
  total: number;
  /** The total as the values are printed (the base's total in a diff: pprof's -diff_base percentages are of it). */
  totalLabel: string;
  sampleUnit: string;
  /** The unit every value is printed in. */
  unit: string;
}

/** The function name and the file/line components of a report node, as pprof's NameComponents. */
function nameParts(keys: NodeKeys, key: number, granularity: Granularity): { func: string; place: string | null } {
  const name = keys.name[key];
  const file = keys.file[key];
  switch (granularity) {
    case 'functions':
      return { func: name, place: null };
    case 'files':
      return { func: name, place: file ? baseName(file) : null };
    case 'filefunctions':
      return file ? { func: name.slice(0, name.length - file.length - 1), place: baseName(file) } : { func: name, place: null };
    case 'lines': {
      const suffix = ` ${file}:${keys.line[key]}`;
      return file && name.endsWith(suffix) ? { func: name.slice(0, -suffix.length), place: `${baseName(file)}:${keys.line[key]}` } : { func: name, place: null };
    }
  }
}

function nameLines(func: string, place: string | null, granularity: Granularity): string[] {
  const lines = granularity === 'files' ? [] : shortenFunctionName(func).split(/::|\./);
  if (place !== null) lines.push(place);
  else if (granularity === 'files') lines.push(func);
  return lines.map((l) => clipLine(visibleName(l)));
}

/** Four numeric tags at most: the heaviest, the others joined to the nearest by value, as ranges (pprof's collapsedTags). */
function collapsed(tags: NumericTag[], flat: boolean): LabelTag[] {
  const sorted = [...tags].sort(byWeight(flat));
  if (sorted.length <= MAX_NODELETS) return sorted;
  const groups = sorted.slice(0, MAX_NODELETS).map((t) => [t]);
  for (const t of sorted.slice(MAX_NODELETS)) {
    let best = 0;
    for (let i = 1; i < groups.length; i++) if (Math.abs(t.value - groups[i][0].value) < Math.abs(t.value - groups[best][0].value)) best = i;
    groups[best].push(t);
  }
  return groups
    .map((g) => {
      const byValue = [...g].sort((a, b) => a.value - b.value);
      const [lo, hi] = [byValue[0], byValue[byValue.length - 1]];
      const name = g.length === 1 ? scaledLabel(lo.value, lo.unit, 'auto') : `${scaledLabel(lo.value, lo.unit, 'auto')}..${scaledLabel(hi.value, hi.unit, 'auto')}`;
      return { name, flat: g.reduce((a, t) => a + t.flat, 0), cum: g.reduce((a, t) => a + t.cum, 0) };
    })
    .sort(byWeight(flat));
}

/**
 * pprof's boxes under a node: its heaviest label sets, by flat value, or by cum for a node that calls
 * nothing shown, each followed by the allocation sizes under it; then the sizes of samples without labels.
 */
function nodeletsOf(graph: CallGraph, fmt: (v: number) => string): DrawnNodelet[] {
  if (!graph.tags) return [];
  const calls = new Set(graph.edges.map((e) => e.src));
  const out: DrawnNodelet[] = [];
  const numericUnder = (node: number, from: string, tags: NumericTag[] | undefined, flat: boolean) => {
    collapsed(tags ?? [], flat).forEach((t, j) => {
      const useFlat = flat || t.flat === t.cum;
      const w = useFlat ? t.flat : t.cum;
      if (w !== 0) out.push({ node, id: `N${from}_${j}`, from, lines: [t.name], weight: fmt(w), dotted: !useFlat });
    });
  };
  graph.tags.forEach(({ labels, numeric }, node) => {
    const flat = calls.has(node);
    const nodeId = NODE_ID(node);
    [...labels]
      .sort(byWeight(flat))
      .slice(0, MAX_NODELETS)
      .forEach((t, slot) => {
        const w = flat ? t.flat : t.cum;
        if (w === 0) return;
        const id = `${nodeId}_${slot}`;
        out.push({ node, id, from: nodeId, lines: t.name.split('\n').map((l) => clipLine(visibleName(l))), weight: fmt(w), dotted: false });
        numericUnder(node, id, numeric.get(t.name), flat);
      });
    numericUnder(node, nodeId, numeric.get(''), flat);
  });
  return out;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n > 1 ? 's' : ''}`;
}

/** Everything drawn for a call graph, as pprof's dot output draws it (labels, sizes, widths, colours). */
export function drawGraph(graph: CallGraph, keys: NodeKeys, granularity: Granularity, snapshot: Snapshot, sampleIndex: number, options: GraphOptions, filters?: Filters): DrawnGraph {
  const sampleUnit = snapshot.sampleTypes[sampleIndex].unit;
  const unit = reportUnit(graph.nodes, graph.total, sampleUnit);
  const fmt = (v: number) => scaledLabel(v, sampleUnit, unit);
  const total = graph.total;
  const pct = (v: number) => percentage(v, total).trim();
  const share = (v: number) => (total === 0 ? 0 : v / Math.abs(total));
  let maxFlat = 0;
  for (const n of graph.nodes) maxFlat = Math.max(maxFlat, Math.abs(n.flat));

  const nodes = graph.nodes.map((n): DrawnNode => {
    const { func, place } = nameParts(keys, n.key, granularity);
    const lines = nameLines(func, place, granularity);
    let values = n.flat !== 0 ? `${fmt(n.flat)} (${pct(n.flat)})` : '0';
    if (n.cum !== n.flat) {
      const cum = `of ${fmt(n.cum)} (${pct(n.cum)})`;
      if (n.flat !== 0) {
        lines.push(values);
        values = cum;
      } else values += ` ${cum}`;
    }
    lines.push(values);
    const fontSize = maxFlat !== 0 && n.flat !== 0 ? 8 + Math.ceil(16 * Math.sqrt(Math.abs(n.flat) / maxFlat)) : 8;
    return { key: n.key, name: n.name, func, file: keys.file[n.key], lines, fontSize, flat: n.flat, cum: n.cum, score: share(n.cum) };
  });

  const edges = graph.edges.map(
    (e): DrawnEdge => ({
      ...e,
      lines: e.inline ? [fmt(e.weight), '(inline)'] : [fmt(e.weight)],
      penwidth: total === 0 ? 1 : 1 + Math.min(Math.abs(Math.trunc((e.weight * 5) / total)), 5),
      layoutWeight: total === 0 ? 1 : 1 + Math.min(Math.abs(Math.trunc((e.weight * 100) / total)), 100),
      score: share(e.weight),
    }),
  );

  let shown = 0;
  for (const n of graph.nodes) shown += n.flat;
  const summary = [`Showing nodes accounting for ${fmt(shown)}, ${pct(shown)} of ${fmt(total)} total`];
  if (total !== 0) {
    if (graph.droppedNodes > 0) summary.push(`Dropped ${plural(graph.droppedNodes, 'node')} (cum <= ${fmt(Math.abs(Math.trunc(total * options.nodeFraction)))})`);
    if (graph.droppedEdges > 0) summary.push(`Dropped ${plural(graph.droppedEdges, 'edge')} (freq <= ${fmt(Math.abs(Math.trunc(total * options.edgeFraction)))})`);
    if (nodes.length > 0 && nodes.length < graph.origCount) summary.push(`Showing top ${nodes.length} nodes out of ${graph.origCount}`);
  }
  return { nodes, edges, nodelets: nodeletsOf(graph, fmt), header: reportHeader(snapshot, sampleIndex, total, fmt, filters), summary, total, totalLabel: fmt(total), sampleUnit, unit };
}
