/** Live panes by role, for export and for the test hook (`window.__parkviewFlame`). */
import type { PaneController } from './controller';

/** What end-to-end tests and the benchmark read from the canvas, which has no element per frame. */
export interface FlameTestHook {
  /** Centre of the widest frame named `name` in a pane, in client coordinates (scrolled into view). */
  findFrame(name: string, pane?: string): { x: number; y: number; width: number } | null;
  /** Draws of a pane so far: when each started (performance.now()) and how long it took, in ms. */
  draws(pane?: string): { at: number; ms: number }[];
  panes(): string[];
  /** The value range a pane shows and its rows' scroll offset. */
  shown(pane?: string): { x0: number; x1: number; scrollTop: number } | null;
}

declare global {
  interface Window {
    __parkviewFlame?: FlameTestHook;
  }
}

const panes = new Map<string, PaneController>();

function install(): void {
  window.__parkviewFlame ??= {
    findFrame: (name, pane = 'main') => panes.get(pane)?.locateName(name) ?? null,
    draws: (pane = 'main') => panes.get(pane)?.draws.slice() ?? [],
    panes: () => [...panes.keys()],
    shown: (pane = 'main') => panes.get(pane)?.shown ?? null,
  };
}

/** The live pane of a role (main, callers, callees), for exporting what it shows. */
export function paneController(role: string): PaneController | undefined {
  return panes.get(role);
}

export function registerPane(role: string, c: PaneController): () => void {
  install();
  panes.set(role, c);
  return () => {
    if (panes.get(role) === c) panes.delete(role);
  };
}
