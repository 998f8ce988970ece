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

  useLayoutEffect(() => {
    const c = new PaneController(scroller.current!, spacer.current!, canvas.current!, {
      fetchWindow,
      locate,
      hover: (win, box, e) => {
        setHover((h) => (box === null ? null : h && h.win === win && h.box.frame === box.frame && h.box.run === box.run ? h : { win, box }));
        placeTip(tip.current, e);
      },
      zoom: (path) => handlers.current.onZoom(path),
      menu: (win, box, e) => handlers.current.onMenu({ win, box, path: c.pathOf(box.frame), x: e.clientX, y: e.clientY }),
    });
    controller.current = c;
    const unregister = registerPane(role, c);
    return () => {
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
    setHover(null);
    // zoomPath is applied with the graph only when the graph changes; later changes animate below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, names]);

  useEffect(() => {
    void controller.current!.zoomToPath(zoomPath);
  }, [zoomPath]);

  return (
    <div className="flame-pane" data-role={role} style={style}>
      {title && <div className="flame-pane-title">{title}</div>}
      <div className="flame-stage">
        <canvas ref={canvas} className="flame-canvas" aria-label={`${role === 'main' ? 'Flame graph' : role === 'callers' ? 'Callers' : 'Callees'} (canvas)`} />
        <div ref={scroller} className="flame-scroll" data-testid={`flame-${role}`}>
          <div ref={spacer} />
        </div>
        <div ref={tip} className="flame-tip" role="tooltip" hidden={hover === null || menuOpen}>
          {hover && !menuOpen && tooltip(hover)}
        </div>
      </div>
    </div>
  );
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
