import { EDGE_ID, NODE_ID, NODELET_EDGE_ID } from './ids';

export interface Point {
  x: number;
  y: number;
}

/** A node's box, centre and size in points, y growing downwards. */
export interface NodeBox extends Point {
  width: number;
  height: number;
}

export interface EdgeRoute {
  /** SVG path of the edge's B-spline, without the arrowhead. */
  path: string;
  /** Arrowhead triangle: tip, then the two base corners. */
  arrow: [Point, Point, Point] | null;
  /** Centre of the label, when Graphviz placed one. */
  label: Point | null;
}

/** A label box under a node and the line to it. */
export interface NodeletPlace {
  box: NodeBox;
  edge: EdgeRoute | null;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** By node index. */
  nodes: NodeBox[];
  /** By edge index. */
  edges: EdgeRoute[];
  /** By label box index (DrawnGraph.nodelets). */
  nodelets: NodeletPlace[];
}

interface JsonObject {
  name?: string;
  pos?: string;
  width?: string;
  height?: string;
}

interface JsonEdge {
  id?: string;
  pos?: string;
  lp?: string;
  xlp?: string;
}

interface Json0 {
  bb: string;
  objects?: JsonObject[];
  edges?: JsonEdge[];
}

const POINTS_PER_INCH = 72;

/**
 * Reads Graphviz's `json0` output for a graph written by toDot: positions only. Text is never
 * taken from the layout; the view draws its own labels.
 */
export function parseLayout(json: string, nodeCount: number, edgeCount: number, nodeletIds: string[] = []): GraphLayout {
  const g = JSON.parse(json) as Json0;
  const [x0, y0, x1, y1] = g.bb.split(',').map(Number);
  const at = (xy: string): Point => {
    const [x, y] = xy.split(',').map(Number);
    return { x: x - x0, y: y1 - y };
  };
  const nodeIndex = new Map(Array.from({ length: nodeCount }, (_, i) => [NODE_ID(i), i]));
  const edgeIndex = new Map(Array.from({ length: edgeCount }, (_, i) => [EDGE_ID(i), i]));
  const nodeletIndex = new Map(nodeletIds.map((id, i) => [id, i]));
  const nodeletEdgeIndex = new Map(nodeletIds.map((_, i) => [NODELET_EDGE_ID(i), i]));
  const nodes: NodeBox[] = new Array(nodeCount);
  const nodelets: NodeletPlace[] = new Array(nodeletIds.length);
  for (const o of g.objects ?? []) {
    if (o.name === undefined || !o.pos) continue;
    const box = { ...at(o.pos), width: Number(o.width) * POINTS_PER_INCH, height: Number(o.height) * POINTS_PER_INCH };
    const i = nodeIndex.get(o.name);
    const k = nodeletIndex.get(o.name);
    if (i !== undefined) nodes[i] = box;
    else if (k !== undefined) nodelets[k] = { box, edge: null };
  }
  const edges: EdgeRoute[] = new Array(edgeCount);
  for (const e of g.edges ?? []) {
    if (e.id === undefined || !e.pos) continue;
    const i = edgeIndex.get(e.id);
    const k = nodeletEdgeIndex.get(e.id);
    if (i !== undefined) edges[i] = route(e.pos, at, e.lp ?? e.xlp);
    else if (k !== undefined && nodelets[k]) nodelets[k].edge = route(e.pos, at, e.lp ?? e.xlp);
  }
  return { width: x1 - x0, height: y1 - y0, nodes, edges, nodelets };
}

/** An edge's `pos`: optional `s,x,y` and `e,x,y` arrow points, then 3n+1 B-spline control points. */
function route(pos: string, at: (xy: string) => Point, labelPos: string | undefined): EdgeRoute {
  let tip: Point | null = null;
  const controls: Point[] = [];
  for (const part of pos.trim().split(/\s+/)) {
    if (part.startsWith('e,')) tip = at(part.slice(2));
    else if (!part.startsWith('s,')) controls.push(at(part));
  }
  let path = `M${fmt(controls[0])}`;
  for (let i = 1; i + 2 < controls.length; i += 3) path += `C${fmt(controls[i])} ${fmt(controls[i + 1])} ${fmt(controls[i + 2])}`;
  return { path, arrow: tip ? arrowhead(controls[controls.length - 1], tip) : null, label: labelPos ? at(labelPos) : null };
}

function arrowhead(base: Point, tip: Point): [Point, Point, Point] {
  const dx = tip.x - base.x;
  const dy = tip.y - base.y;
  // Graphviz's normal arrow is 0.35 times as wide (each side) as it is long.
  const nx = -dy * 0.35;
  const ny = dx * 0.35;
  return [tip, { x: base.x + nx, y: base.y + ny }, { x: base.x - nx, y: base.y - ny }];
}

function fmt(p: Point): string {
  return `${+p.x.toFixed(2)},${+p.y.toFixed(2)}`;
}
