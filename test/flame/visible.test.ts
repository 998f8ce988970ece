import { describe, expect, it } from 'vitest';
import { visibleBoxes, boxAt } from '../../src/core/flame/visible';
import { extractWindow } from '../../src/core/flame/window';
import { loadSession } from './load';

describe('boxes on screen', async () => {
  const { flame } = await loadSession('service/pprof.service.goroutine.040.pb.gz');
  const { model } = flame(0);
  const total = model.tree.total;
  const win = extractWindow(model, 0, total, 0);
  const screen = { x0: 0, pxPerUnit: 1000 / total, width: 1000, rowFrom: 0, rowTo: 100, minPx: 2 };

  it('draw wide frames one by one and merge runs of narrow siblings, keeping their total', () => {
    const boxes = visibleBoxes(win, screen);
    expect(boxes[0]).toMatchObject({ frame: 0, left: 0, width: 1000, depth: 0, run: 0 });
    const runs = boxes.filter((b) => b.run > 0);
    expect(runs.length).toBeGreaterThan(0);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.left + b.width).toBeLessThanOrEqual(1000 + 1e-9);
      if (b.run === 0) expect(win.width[b.frame] * screen.pxPerUnit).toBeGreaterThanOrEqual(2);
    }
    // Every row's boxes stay within their parents and never overlap.
    const byRow = new Map<number, typeof boxes>();
    for (const b of boxes) byRow.set(b.depth, [...(byRow.get(b.depth) ?? []), b]);
    for (const row of byRow.values()) {
      for (let i = 1; i < row.length; i++) expect(row[i].left).toBeGreaterThanOrEqual(row[i - 1].left + row[i - 1].width - 1e-9);
    }
  });

  it('when zoomed into a frame, show its ancestors full width and skip what is off screen', () => {
    const send = model.find(['main.(*exporter).send']).node;
    const i = [...win.node].indexOf(send);
    const zoom = { ...screen, x0: win.x[i], pxPerUnit: 1000 / win.width[i] };
    const boxes = visibleBoxes(win, zoom);
    const top = boxAt(boxes, 500, 1);
    expect(top?.frame).toBe(i);
    expect(top?.width).toBe(1000);
    expect(boxAt(boxes, 10, 0)?.frame).toBe(0);
    expect(boxes.every((b) => b.depth === 0 || win.x[b.frame] >= win.x[i])).toBe(true);
  });
});
