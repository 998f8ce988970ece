import { reportHeader } from '../../format/header';
import type { Snapshot } from '../../model/snapshot';
import { percentage, reportUnit, scaledLabel } from '../../format/units';
import type { Granularity, NodeKeys } from '../granularity';
import type { CallGraph, GraphEdge, GraphOptions } from './build';
import { MAX_NODELETS, type LabelTag } from './tags';
import type { Filters } from '../filters';
import { baseName, clipLine, printable, shortenFunctionName } from './names';

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

/** A label box under a node, as pprof draws them: one label set of the goroutines there. */
export interface DrawnNodelet {
  /** Index of its node. */
  node: number;
  /** Its place under the node, 0 first. */
  slot: number;
  /** `key:value` lines. */
  lines: string[];
  /** The value under the label set: flat for a node that calls others, cum for a leaf. */
  weight: string;
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
  return lines.map((l) => clipLine(printable(l)));
}

/** pprof's choice of one unit for a graph, as for a report. */
function graphUnit(graph: CallGraph, sampleUnit: string): string {
  return reportUnit(graph.nodes, graph.total, sampleUnit);
}

/** pprof's order of tags: by flat (or cum first, for a leaf), then by name. */
function byWeight(flat: boolean) {
  return (a: LabelTag, b: LabelTag) =>
    (!flat && Math.abs(b.cum) - Math.abs(a.cum)) || Math.abs(b.flat) - Math.abs(a.flat) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** pprof's label boxes: a node's heaviest tags by flat value, or by cum for a node that calls nothing shown. */
function nodeletsOf(graph: CallGraph, fmt: (v: number) => string): DrawnNodelet[] {
  if (!graph.tags) return [];
  const calls = new Set(graph.edges.map((e) => e.src));
  return graph.tags.flatMap((tags, node) => {
    const flat = calls.has(node);
    return [...tags]
      .sort(byWeight(flat))
      .slice(0, MAX_NODELETS)
      .flatMap((t, slot) => {
        const w = flat ? t.flat : t.cum;
        return w === 0 ? [] : [{ node, slot, lines: t.name.split('\n').map((l) => clipLine(printable(l))), weight: fmt(w) }];
      });
  });
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n > 1 ? 's' : ''}`;
}

/** Everything drawn for a call graph, as pprof's dot output draws it (labels, sizes, widths, colours). */
export function drawGraph(graph: CallGraph, keys: NodeKeys, granularity: Granularity, snapshot: Snapshot, sampleIndex: number, options: GraphOptions, filters?: Filters): DrawnGraph {
  const sampleUnit = snapshot.sampleTypes[sampleIndex].unit;
  const unit = graphUnit(graph, sampleUnit);
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
  return { nodes, edges, nodelets: nodeletsOf(graph, fmt), header: reportHeader(snapshot, sampleIndex, total, fmt, filters), summary, total, sampleUnit, unit };
}
