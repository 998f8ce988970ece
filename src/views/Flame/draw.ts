import { fitName } from '../../core/flame/names';
import type { Box } from '../../core/flame/visible';
import type { Paint } from './colours';

/** Height of one row of frames, in CSS pixels. */
export const ROW = 18;
export const FONT_SIZE = 11.5;
export const FONT = `${FONT_SIZE}px ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace`;
const TEXT_PAD = 4;

export type Orientation = 'icicle' | 'flame';

/** Top of a row on the (scrolled) page: the root on top for an icicle, at the bottom for a flame. */
export function rowTop(depth: number, orientation: Orientation, rows: number): number {
  return orientation === 'icicle' ? depth * ROW : (rows - 1 - depth) * ROW;
}

/** The row under a y coordinate of the scrolled content. */
export function rowAt(y: number, orientation: Orientation, rows: number): number {
  const r = Math.floor(y / ROW);
  return orientation === 'icicle' ? r : rows - 1 - r;
}

/** How to draw each box. */
export interface BoxStyle {
  paint(box: Box): Paint;
  /** The name to write in the box (shortened to fit here). */
  label(box: Box): string;
  /** Drawn faintly (it does not match the search). */
  dimmed(box: Box): boolean;
  /** Outlined (the selected function). */
  marked(box: Box): boolean;
}

export interface DrawArea {
  width: number;
  height: number;
  /** Content y at the top of the area. */
  scrollTop: number;
  rows: number;
  orientation: Orientation;
  background: string;
  accent: string;
  /** Frame index to outline strongly (hovered), or -1. */
  hovered: number;
}

/** Width of one character of FONT (monospace), measured once per context. */
export function charWidth(ctx: CanvasRenderingContext2D): number {
  ctx.font = FONT;
  return ctx.measureText('MMMMMMMMMM').width / 10;
}

export function drawBoxes(ctx: CanvasRenderingContext2D, boxes: readonly Box[], style: BoxStyle, area: DrawArea): void {
  const cw = charWidth(ctx);
  ctx.fillStyle = area.background;
  ctx.fillRect(0, 0, area.width, area.height);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  let hovered: { x: number; y: number; w: number } | null = null;
  for (const b of boxes) {
    const y = rowTop(b.depth, area.orientation, area.rows) - area.scrollTop;
    if (y + ROW <= 0 || y >= area.height) continue;
    const p = style.paint(b);
    const dim = style.dimmed(b);
    ctx.globalAlpha = dim ? 0.28 : 1;
    const w = b.width > 2 ? b.width - 1 : b.width;
    ctx.fillStyle = p.fill;
    ctx.fillRect(b.left, y, w, ROW - 1);
    if (style.marked(b)) {
      ctx.strokeStyle = area.accent;
      ctx.lineWidth = 2;
      ctx.strokeRect(b.left + 1, y + 1, Math.max(0, w - 2), ROW - 3);
    }
    const room = Math.floor((w - 2 * TEXT_PAD) / cw);
    if (room >= 3) {
      const text = fitName(style.label(b), room);
      if (text) {
        ctx.fillStyle = p.text;
        ctx.fillText(text, b.left + TEXT_PAD, y + ROW / 2);
      }
    }
    if (b.frame === area.hovered && b.run === 0) hovered = { x: b.left, y, w };
  }
  ctx.globalAlpha = 1;
  if (hovered) {
    ctx.strokeStyle = area.accent;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(hovered.x + 0.75, hovered.y + 0.75, Math.max(0, hovered.w - 1.5), ROW - 2.5);
  }
}
