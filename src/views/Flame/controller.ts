import { scaleLinear, select, zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { ROOT } from '../../core/flame/window';
import { boxAt, visibleBoxes, type Box } from '../../core/flame/visible';
import type { FlameGraphInfo, FlameWindowData, WindowRequest } from '../../worker/flame';
import { drawBoxes, ROW, rowAt, rowTop, type BoxStyle, type Orientation } from './draw';

/** Frames narrower than this (CSS pixels) merge with their smaller siblings on screen. */
const MIN_PX = 1;
/** Windows carry frames down to 1 / (screen width * DETAIL) of the range: zooming in 2x needs no new window. */
const DETAIL = 2;
const ZOOM_MS = 380;

export interface PaneCallbacks {
  fetchWindow(id: number, r: WindowRequest): Promise<FlameWindowData | null>;
  locate(id: number, path: string[]): Promise<{ x: number; width: number; matched: number } | null>;
  /** The pointer moved onto another box (or off every box). */
  hover(win: FlameWindowData, box: Box | null, e: MouseEvent): void;
  /** A frame was clicked: zoom into it (null: the root, show all). */
  zoom(path: string[] | null): void;
  menu(win: FlameWindowData, box: Box, e: MouseEvent): void;
}

export interface PaneLook {
  style: (win: FlameWindowData) => BoxStyle;
  orientation: Orientation;
  background: string;
  accent: string;
}

/**
 * Draws one flame graph on a canvas and drives it: d3-zoom for ctrl/⌘+wheel zoom and drag to pan,
 * animated zoom into frames, native vertical scrolling for deep stacks, hover and clicks. Frames come
 * from the Worker in windows; a new window is asked for when the view leaves the current one or needs
 * finer detail.
 */
export class PaneController {
  private graph!: FlameGraphInfo;
  private win!: FlameWindowData;
  private look!: PaneLook;
  private boxStyle!: BoxStyle;
  /** The value range on screen. */
  private vx0 = 0;
  private vx1 = 1;
  private boxes: Box[] = [];
  private hovered: Box | null = null;
  /** The hovered box is held while its tooltip is pinned, whatever the pointer does. */
  private held = false;
  private frameRequest = 0;
  private windowTimer = 0;
  private windowSeq = 0;
  private syncing = false;
  private zoomedPath: string[] | null = null;
  private animating = false;
  /** A window that arrived during a zoom animation, for when it ends. */
  private pending: FlameWindowData | null = null;
  private names: readonly string[] = [];
  private readonly zoom: ZoomBehavior<HTMLDivElement, unknown>;
  private readonly resizeObserver: ResizeObserver;
  /** When each draw started (performance.now()) and how long it took, for the benchmark. */
  readonly draws: { at: number; ms: number }[] = [];

  constructor(
    private scroller: HTMLDivElement,
    private spacer: HTMLDivElement,
    private canvas: HTMLCanvasElement,
    private callbacks: PaneCallbacks,
  ) {
    this.zoom = d3zoom<HTMLDivElement, unknown>()
      .filter((e: Event) => (e.type === 'wheel' ? (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey : e.type === 'mousedown' ? (e as MouseEvent).button === 0 : e.type.startsWith('touch')))
      .scaleExtent([1, 1e7])
      // Gentler than d3's default for ctrl+wheel (which it multiplies by 10 for pinch gestures).
      .wheelDelta((e: WheelEvent) => -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002) * 3)
      .clickDistance(4)
      .constrain((t) => this.clampTransform(t))
      .on('zoom', (e: { transform: ZoomTransform }) => {
        if (this.syncing) return;
        this.fromTransform(e.transform);
        this.requestDraw();
        this.scheduleWindow();
      });
    select(scroller).call(this.zoom).on('dblclick.zoom', null);
    scroller.addEventListener('wheel', this.onWheel, { passive: false });
    scroller.addEventListener('scroll', this.requestDraw);
    scroller.addEventListener('mousemove', this.onMove);
    scroller.addEventListener('mouseleave', this.onLeave);
    scroller.addEventListener('click', this.onClick);
    scroller.addEventListener('contextmenu', this.onContextMenu);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(scroller);
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    select(this.scroller).on('.zoom', null).interrupt();
    this.scroller.removeEventListener('wheel', this.onWheel);
    this.scroller.removeEventListener('scroll', this.requestDraw);
    this.scroller.removeEventListener('mousemove', this.onMove);
    this.scroller.removeEventListener('mouseleave', this.onLeave);
    this.scroller.removeEventListener('click', this.onClick);
    this.scroller.removeEventListener('contextmenu', this.onContextMenu);
    cancelAnimationFrame(this.frameRequest);
    clearTimeout(this.windowTimer);
  }

  private get width(): number {
    return Math.max(1, this.scroller.clientWidth);
  }

  private get height(): number {
    return Math.max(1, this.scroller.clientHeight);
  }

  private get rows(): number {
    return this.graph.maxDepth + 1;
  }

  private get total(): number {
    return Math.max(this.graph.total, Number.MIN_VALUE);
  }

  /** A new graph: show its first window, zoomed where the Worker placed it. */
  setGraph(graph: FlameGraphInfo, names: readonly string[], zoomPath: string[] | null): void {
    const first = !this.graph;
    this.graph = graph;
    this.names = names;
    this.windowSeq++;
    this.pending = null;
    this.zoomedPath = zoomPath;
    this.setWindow(graph.window);
    const z = graph.zoom;
    this.setRange(z ? z.x : 0, z ? z.x + z.width : graph.total, false);
    this.spacer.style.height = `${this.rows * ROW + ROW}px`;
    if (first && this.look?.orientation === 'flame') this.scroller.scrollTop = this.scroller.scrollHeight;
    this.hovered = null;
  }

  setLook(look: PaneLook): void {
    const flipped = this.look && this.look.orientation !== look.orientation;
    this.look = look;
    if (this.win) this.boxStyle = look.style(this.win);
    if (flipped || (!this.graph && look.orientation === 'flame')) requestAnimationFrame(() => (this.scroller.scrollTop = look.orientation === 'flame' ? this.scroller.scrollHeight : 0));
    this.requestDraw();
  }

  /** The name key of the frame under the pointer (-1 for none, or for merged small frames). */
  hoveredKey(): number {
    return this.hovered && this.hovered.run === 0 && this.win ? this.win.key[this.hovered.frame] : -1;
  }

  /** Keeps `box` highlighted while its tooltip is pinned; null gives the highlight back to the pointer. */
  holdHover(box: Box | null): void {
    this.held = box !== null;
    this.hovered = box;
    this.requestDraw();
  }

  /** Zooms all the way out if zoomed (by wheel or drag) at all; tells whether it was. */
  resetZoom(): boolean {
    if (!this.graph || (this.vx0 <= 0 && this.vx1 >= this.graph.total)) return false;
    this.setRange(0, this.graph.total, true);
    return true;
  }

  /** The value range across the screen and the rows' scroll offset (for tests). */
  get shown(): { x0: number; x1: number; scrollTop: number } {
    return { x0: this.vx0, x1: this.vx1, scrollTop: this.scroller.scrollTop };
  }

  /** Keyboard moves: pan a fifth of the width, scroll three rows, zoom by 1.5 around the centre. */
  nudge(move: 'left' | 'right' | 'up' | 'down' | 'in' | 'out'): void {
    if (!this.graph) return;
    const sel = select(this.scroller);
    const k = this.total / Math.max(this.vx1 - this.vx0, Number.MIN_VALUE) || 1;
    if (move === 'left' || move === 'right') this.zoom.translateBy(sel, ((move === 'left' ? 1 : -1) * this.width) / 5 / k, 0);
    else if (move === 'up' || move === 'down') this.scroller.scrollTop += (move === 'up' ? -3 : 3) * ROW;
    else this.zoom.scaleBy(sel, move === 'in' ? 1.5 : 1 / 1.5, [this.width / 2, 0]);
  }

  /** Follows the store's zoom path: animates to its frame, found here or by the Worker. */
  async zoomToPath(path: string[] | null): Promise<void> {
    if (samePath(path, this.zoomedPath)) return;
    this.zoomedPath = path;
    if (!path) return this.setRange(0, this.graph.total, true);
    const local = this.findLocal(path);
    const target = local ?? (await this.callbacks.locate(this.graph.id, path));
    if (target && target.width > 0 && samePath(path, this.zoomedPath)) this.setRange(target.x, target.x + target.width, true);
  }

  private findLocal(path: string[]): { x: number; width: number } | null {
    const w = this.win;
    let node = 0;
    for (const name of path) {
      let next = -1;
      for (let c = node + 1; c < w.end[node]; c = w.end[c]) {
        if (w.key[c] >= 0 && this.names[w.key[c]] === name) {
          next = c;
          break;
        }
      }
      if (next < 0) return null;
      node = next;
    }
    return { x: w.x[node], width: w.width[node] };
  }

  private setWindow(win: FlameWindowData): void {
    this.win = win;
    if (this.look) this.boxStyle = this.look.style(win);
    this.hovered = null;
    this.requestDraw();
  }

  /** Shows [x0, x1], animated like a camera move or at once. */
  setRange(x0: number, x1: number, animate: boolean): void {
    const t = this.transformFor(x0, x1);
    const sel = select(this.scroller);
    if (animate) {
      this.animating = true;
      this.ensureWindow(x0, x1);
      const done = () => {
        this.animating = false;
        if (this.pending) this.offerWindow(this.pending);
        this.pending = null;
      };
      sel.transition().duration(ZOOM_MS).call(this.zoom.transform, t).on('end', done).on('interrupt', done);
    } else {
      sel.interrupt();
      this.syncing = true;
      this.zoom.transform(sel, t);
      this.syncing = false;
      this.fromTransform(t);
      this.requestDraw();
    }
  }

  /** Values to pixels with nothing zoomed: the whole graph across the screen. */
  private baseScale() {
    return scaleLinear().domain([0, this.total]).range([0, this.width]);
  }

  private transformFor(x0: number, x1: number): ZoomTransform {
    const base = this.baseScale();
    const k = Math.max(1, this.total / Math.max(x1 - x0, Number.MIN_VALUE));
    return zoomIdentity.translate(-base(x0) * k, 0).scale(k);
  }

  private clampTransform(t: ZoomTransform): ZoomTransform {
    const k = Math.max(1, t.k);
    const w = this.width;
    const x = Math.min(0, Math.max(w - w * k, t.x));
    return x === t.x && k === t.k && t.y === 0 ? t : zoomIdentity.translate(x, 0).scale(k);
  }

  private fromTransform(t: ZoomTransform): void {
    const shown = t.rescaleX(this.baseScale());
    [this.vx0, this.vx1] = [shown.invert(0), shown.invert(this.width)];
  }

  private resize(): void {
    if (!this.graph) return;
    const [x0, x1] = [this.vx0, this.vx1];
    this.setRange(x0, x1, false);
    this.ensureWindow(x0, x1);
  }

  private scheduleWindow(): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = window.setTimeout(() => this.ensureWindow(this.vx0, this.vx1), 40);
  }

  /** Asks for a window around [x0, x1] unless the current one covers it in enough detail. */
  private ensureWindow(x0: number, x1: number): void {
    const span = x1 - x0;
    const need = span / (this.width * DETAIL);
    const w = this.win;
    const slack = span * 1e-9;
    if (w.x0 <= x0 + slack && w.x1 >= x1 - slack && w.minWidth <= need * 2) return;
    const seq = ++this.windowSeq;
    const req = { x0: Math.max(0, x0 - span), x1: Math.min(this.graph.total, x1 + span), minWidth: need };
    void this.callbacks.fetchWindow(this.graph.id, req).then((win) => {
      if (win && seq === this.windowSeq) this.offerWindow(win);
    });
  }

  /**
   * Shows a window that arrived from the Worker if it covers the screen; one that does not (the view
   * moved on, or is still flying to it) waits for the animation's end or is asked for again.
   */
  private offerWindow(win: FlameWindowData): void {
    const slack = (this.vx1 - this.vx0) * 1e-6;
    if (win.x0 <= this.vx0 + slack && win.x1 >= this.vx1 - slack) this.setWindow(win);
    else if (this.animating) this.pending = win;
    else this.scheduleWindow();
  }

  private viewport(rowFrom: number, rowTo: number) {
    const pxPerUnit = this.width / Math.max(this.vx1 - this.vx0, Number.MIN_VALUE);
    return { x0: this.vx0, pxPerUnit, width: this.width, rowFrom, rowTo, minPx: MIN_PX };
  }

  /** Content y of the top of the screen, counting the blank space above a short flame graph. */
  private get contentTop(): number {
    const pad = this.look.orientation === 'flame' ? Math.max(0, this.height - this.rows * ROW) : 0;
    return this.scroller.scrollTop - pad;
  }

  private visibleRows(): [number, number] {
    const top = this.contentTop;
    const a = rowAt(top, this.look.orientation, this.rows);
    const b = rowAt(top + this.height, this.look.orientation, this.rows);
    return [Math.max(0, Math.min(a, b) - 1), Math.max(a, b) + 2];
  }

  readonly requestDraw = (): void => {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.draw();
    });
  };

  private draw(): void {
    if (!this.graph || !this.look || !this.boxStyle) return;
    const start = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const [w, h] = [this.width, this.height];
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const [rowFrom, rowTo] = this.visibleRows();
    visibleBoxes(this.win, this.viewport(rowFrom, rowTo), this.boxes);
    drawBoxes(ctx, this.boxes, this.boxStyle, {
      width: w,
      height: h,
      scrollTop: this.contentTop,
      rows: this.rows,
      orientation: this.look.orientation,
      background: this.look.background,
      accent: this.look.accent,
      hovered: this.hovered?.frame ?? -1,
    });
    this.draws.push({ at: start, ms: performance.now() - start });
    if (this.draws.length > 4000) this.draws.splice(0, 2000);
  }

  private boxAtEvent(e: MouseEvent): Box | undefined {
    const r = this.scroller.getBoundingClientRect();
    const row = rowAt(e.clientY - r.top + this.contentTop, this.look.orientation, this.rows);
    return boxAt(this.boxes, e.clientX - r.left, row);
  }

  private readonly onMove = (e: MouseEvent): void => {
    if (!this.graph || this.held) return;
    const box = this.boxAtEvent(e) ?? null;
    if (box?.frame !== this.hovered?.frame || box?.run !== this.hovered?.run) {
      this.hovered = box;
      this.requestDraw();
    }
    this.callbacks.hover(this.win, box, e);
  };

  private readonly onLeave = (e: MouseEvent): void => {
    if (this.held) return;
    this.hovered = null;
    this.requestDraw();
    if (this.win) this.callbacks.hover(this.win, null, e);
  };

  private readonly onClick = (e: MouseEvent): void => {
    const box = this.boxAtEvent(e);
    if (!box) return;
    const w = this.win;
    if (box.run > 0) {
      this.setRange(w.x[box.frame], w.x[box.frame] + box.runValue, true);
      return;
    }
    const path = this.pathOf(box.frame);
    this.zoomedPath = path.length ? path : null;
    this.callbacks.zoom(this.zoomedPath);
    this.setRange(w.x[box.frame], w.x[box.frame] + w.width[box.frame], true);
  };

  private readonly onContextMenu = (e: MouseEvent): void => {
    const box = this.boxAtEvent(e);
    if (!box || box.run > 0 || this.win.key[box.frame] === ROOT) return;
    e.preventDefault();
    this.callbacks.menu(this.win, box, e);
  };

  /** Horizontal wheel (trackpads, shift+wheel) pans. */
  private readonly onWheel = (e: WheelEvent): void => {
    if (e.ctrlKey || e.metaKey) return;
    const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
    if (Math.abs(dx) <= Math.abs(e.shiftKey ? 0 : e.deltaY)) return;
    e.preventDefault();
    const k = (this.total / Math.max(this.vx1 - this.vx0, Number.MIN_VALUE)) || 1;
    this.zoom.translateBy(select(this.scroller), -dx / k, 0);
  };

  /** Names from the root's child down to a frame of the current window. */
  pathOf(frame: number): string[] {
    const w = this.win;
    const out: string[] = [];
    for (let f = frame; f > 0; f = w.parent[f]) out.push(this.names[w.key[f]]);
    return out.reverse();
  }

  /** Boxes of every row at the current zoom (for export). */
  allBoxes(): Box[] {
    return visibleBoxes(this.win, this.viewport(0, this.rows)).slice();
  }

  get window(): FlameWindowData {
    return this.win;
  }

  /** The widest box named `name` on screen, scrolled into view, in client coordinates (for tests). */
  locateName(name: string): { x: number; y: number; width: number; frame: number } | null {
    const all = this.allBoxes().filter((b) => b.run === 0 && this.win.key[b.frame] >= 0 && this.names[this.win.key[b.frame]] === name);
    if (all.length === 0) return null;
    const b = all.reduce((a, c) => (c.width > a.width ? c : a));
    const pad = this.look.orientation === 'flame' ? Math.max(0, this.height - this.rows * ROW) : 0;
    const y = rowTop(b.depth, this.look.orientation, this.rows) + pad;
    if (y < this.scroller.scrollTop || y + ROW > this.scroller.scrollTop + this.height) this.scroller.scrollTop = y - this.height / 2;
    this.draw();
    const r = this.scroller.getBoundingClientRect();
    return { x: r.left + b.left + b.width / 2, y: r.top + y - this.scroller.scrollTop + ROW / 2, width: b.width, frame: b.frame };
  }
}

function samePath(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
