import { fitName } from '../../core/flame/names';
import type { Box } from '../../core/flame/visible';
import { drawBoxes, FONT_SIZE, ROW, rowTop, type BoxStyle, type DrawArea } from './draw';
import { visibleName } from '../../core/report/visible';

/**
 * Text safe inside SVG (XML) content and attributes: markup characters escaped, and characters XML
 * cannot hold (controls) or that would show a name as another (bidi overrides) written as Go escapes.
 */
export function xmlText(s: string): string {
  return visibleName(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface ExportScene {
  boxes: readonly Box[];
  style: BoxStyle;
  /** Full text per box, for the hover title in SVG viewers. */
  title(box: Box): string;
  width: number;
  rows: number;
  orientation: DrawArea['orientation'];
  background: string;
  foreground: string;
  accent: string;
  heading: string;
}

const HEAD = 24;
/** Canvas height limit of browsers; taller exports are cut at the bottom rows. */
const MAX_PNG_HEIGHT = 16000;

/** The graph as it is zoomed now, every row, as an SVG document. */
export function flameSvg(scene: ExportScene): string {
  const height = HEAD + scene.rows * ROW;
  const cw = FONT_SIZE * 0.6;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${height}" viewBox="0 0 ${scene.width} ${height}" font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" font-size="${FONT_SIZE}">`,
    `<rect width="100%" height="100%" fill="${scene.background}"/>`,
    `<text x="4" y="${HEAD / 2}" dominant-baseline="middle" fill="${scene.foreground}" font-size="12">${xmlText(scene.heading)}</text>`,
  ];
  for (const b of scene.boxes) {
    const p = scene.style.paint(b);
    const y = HEAD + rowTop(b.depth, scene.orientation, scene.rows);
    const w = Math.max(0.5, b.width > 2 ? b.width - 1 : b.width);
    const opacity = scene.style.dimmed(b) ? ' opacity="0.28"' : '';
    out.push(`<g${opacity}><title>${xmlText(scene.title(b))}</title>`);
    out.push(`<rect x="${b.left.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${ROW - 1}" fill="${p.fill}"/>`);
    const text = fitName(scene.style.label(b), Math.floor((w - 8) / cw));
    if (text) out.push(`<text x="${(b.left + 4).toFixed(2)}" y="${y + ROW / 2}" dominant-baseline="middle" fill="${p.text}">${xmlText(text)}</text>`);
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The same picture as a PNG at twice the screen's resolution. */
export function flamePng(scene: ExportScene): Promise<Blob> {
  const scale = 2;
  const height = Math.min(MAX_PNG_HEIGHT / scale, HEAD + scene.rows * ROW);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(scene.width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, scene.width, HEAD);
  ctx.translate(0, HEAD);
  drawBoxes(ctx, scene.boxes, scene.style, {
    width: scene.width,
    height: height - HEAD,
    scrollTop: 0,
    rows: scene.rows,
    orientation: scene.orientation,
    background: scene.background,
    accent: scene.accent,
    hovered: -1,
  });
  ctx.translate(0, -HEAD);
  ctx.fillStyle = scene.foreground;
  ctx.font = `12px ${getComputedStyle(document.body).fontFamily}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(scene.heading, 4, HEAD / 2);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}

/** Saves a blob as a file download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
