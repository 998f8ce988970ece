import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Box } from '../../core/flame/visible';
import { worker } from '../../worker/client';
import type { FlameGraphInfo, FlameWindowData } from '../../worker/flame';
import { PaneController, type PaneLook } from './controller';
import { registerPane } from './panes';
import type { HoverTarget } from './Tooltip';

export type PaneRole = 'main' | 'callers' | 'callees';

export interface MenuRequest {
  win: FlameWindowData;
  box: Box;
  path: string[];
  x: number;
  y: number;
}

interface Props {
  role: PaneRole;
  graph: FlameGraphInfo;
  names: readonly string[];
  look: PaneLook;
  zoomPath: string[] | null;
  onZoom: (path: string[] | null) => void;
  onMenu: (m: MenuRequest) => void;
  tooltip: (target: HoverTarget) => ReactNode;
  /** A frame's context menu is open: the hover tooltip steps aside. */
  menuOpen?: boolean;
  /** Heading above the pane (sandwich halves), or none. */
  title?: ReactNode;
  style?: CSSProperties;
}

/** How long the tooltip waits for a pointer on its way to it before following it again. */
const TRANSIT_MS = 300;

const fetchWindow = (id: number, r: Parameters<typeof worker.flameWindow>[1]) => worker.flameWindow(id, r);
const locate = (id: number, path: string[]) => worker.flameLocate(id, path);

/** One flame graph on a canvas, with its tooltip; the drawing and zooming live in PaneController. */
export function FlamePane({ role, graph, names, look, zoomPath, onZoom, onMenu, tooltip, menuOpen = false, title, style }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const controller = useRef<PaneController | null>(null);
  const handlers = useRef({ onZoom, onMenu });
  handlers.current = { onZoom, onMenu };
  const [hover, setHover] = useState<HoverTarget | null>(null);
  // Pinned: the pointer went onto the tooltip, which then stays put so its link can be clicked.
  const [pinned, setPinned] = useState(false);
  const pinnedRef = useRef(false);
  pinnedRef.current = pinned;
  /** Where the pointer was when the tooltip was last placed, and the follow put off while it heads there. */
  const anchor = useRef<{ x: number; y: number } | null>(null);
  const transit = useRef(0);

  const unpin = () => {
    setPinned(false);
    setHover(null);
    controller.current?.holdHover(null);
  };

  useLayoutEffect(() => {
    const follow = (win: FlameWindowData, box: Box | null, e: MouseEvent) => {
      setHover((h) => (box === null ? null : h && h.win === win && h.box.frame === box.frame && h.box.run === box.run ? h : { win, box }));
      placeTip(tip.current, e);
      anchor.current = { x: e.clientX, y: e.clientY };
    };
    const c = new PaneController(scroller.current!, spacer.current!, canvas.current!, {
      fetchWindow,
      locate,
      hover: (win, box, e) => {
        if (pinnedRef.current) return;
        clearTimeout(transit.current);
        const el = tip.current;
        if (el && !el.hidden && anchor.current && headsFor(anchor.current, el.getBoundingClientRect(), e)) {
          transit.current = window.setTimeout(() => follow(win, box, e), TRANSIT_MS);
          return;
        }
        follow(win, box, e);
      },
      zoom: (path) => handlers.current.onZoom(path),
      menu: (win, box, e) => handlers.current.onMenu({ win, box, path: c.pathOf(box.frame), x: e.clientX, y: e.clientY }),
    });
    controller.current = c;
    const unregister = registerPane(role, c);
    return () => {
      clearTimeout(transit.current);
      unregister();
      c.destroy();
      controller.current = null;
    };
  }, [role]);

  useLayoutEffect(() => {
    controller.current!.setLook(look);
  }, [look]);

  useLayoutEffect(() => {
    controller.current!.setGraph(graph, names, zoomPath);
    unpin();
    // zoomPath is applied with the graph only when the graph changes; later changes animate below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, names]);

  useEffect(() => {
    void controller.current!.zoomToPath(zoomPath);
  }, [zoomPath]);

  useEffect(() => {
    if (!pinned) return;
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      unpin();
    };
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [pinned]);

  const pin = () => {
    if (!hover || menuOpen) return;
    clearTimeout(transit.current);
    setPinned(true);
    controller.current?.holdHover(hover.box);
  };

  return (
    <div className="flame-pane" data-role={role} style={style}>
      {title && <div className="flame-pane-title">{title}</div>}
      <div className="flame-stage">
        <canvas ref={canvas} className="flame-canvas" aria-label={`${role === 'main' ? 'Flame graph' : role === 'callers' ? 'Callers' : 'Callees'} (canvas)`} />
        <div ref={scroller} className="flame-scroll" data-testid={`flame-${role}`}>
          <div ref={spacer} />
        </div>
        <div ref={tip} className={`flame-tip${pinned ? ' pinned' : ''}`} role="tooltip" hidden={hover === null || menuOpen} onMouseEnter={pin} onMouseLeave={() => pinned && unpin()}>
          {hover && !menuOpen && tooltip(hover)}
        </div>
      </div>
    </div>
  );
}

/** Whether the pointer is on the tooltip or between it and where it last was (in their convex hull): on its way there. */
function headsFor(from: { x: number; y: number }, r: DOMRect, e: MouseEvent): boolean {
  const corners = [
    [r.left, r.top],
    [r.right, r.top],
    [r.right, r.bottom],
    [r.left, r.bottom],
  ];
  const p = [e.clientX, e.clientY];
  const side = (a: number[], b: number[], c: number[]) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const o = [from.x, from.y];
  return corners.some((a, i) => {
    const b = corners[(i + 1) % 4];
    const [s1, s2, s3] = [side(o, a, p), side(a, b, p), side(b, o, p)];
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  });
}

/** Keeps the tooltip next to the pointer, flipped to stay inside the window. */
function placeTip(el: HTMLDivElement | null, e: MouseEvent): void {
  if (!el) return;
  const pad = 14;
  const w = el.offsetWidth || 320;
  const h = el.offsetHeight || 120;
  const x = e.clientX + pad + w > window.innerWidth ? e.clientX - pad - w : e.clientX + pad;
  const y = e.clientY + pad + h > window.innerHeight ? e.clientY - pad - h : e.clientY + pad;
  el.style.left = `${Math.max(4, x)}px`;
  el.style.top = `${Math.max(4, y)}px`;
}
