import { expect, type Page } from '@playwright/test';

export const SIZES = [
  { width: 800, height: 900 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Controls and texts that sit off screen with no scrolling container to bring them back. */
export async function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrolls = (el: Element) => {
      const s = getComputedStyle(el);
      return /(auto|scroll)/.test(s.overflowX + s.overflowY);
    };
    const out: string[] = [];
    const w = innerWidth;
    const h = innerHeight;
    for (const el of document.querySelectorAll('button, [role="tab"], select, input:not([type="file"]), h2, h3, [role="columnheader"], .view-summary')) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left >= -1 && r.top >= -1 && r.right <= w + 1 && r.bottom <= h + 1) continue;
      let p = el.parentElement;
      while (p && !scrolls(p)) p = p.parentElement;
      if (p && p !== document.documentElement && p !== document.body) continue;
      out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
    return out;
  });
}

/** The page neither scrolls sideways nor leaves a control out of reach. */
export async function expectFits(page: Page): Promise<void> {
  const scroll = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: innerWidth }));
  expect(scroll.page, 'horizontal page scroll').toBeLessThanOrEqual(scroll.view);
  expect(scroll.body, 'horizontal body scroll').toBeLessThanOrEqual(scroll.view);
  expect(await offScreen(page)).toEqual([]);
  expect(await clippedStatusButtons(page), 'status bar buttons cut off').toEqual([]);
}

/** Buttons of the status bar that its own edges or the window's cut (it hides what overflows). */
function clippedStatusButtons(page: Page): Promise<string[]> {
  return page.locator('.statusbar button').evaluateAll((buttons) =>
    buttons
      .filter((b) => {
        const r = b.getBoundingClientRect();
        const bar = b.closest('.statusbar')!.getBoundingClientRect();
        return r.left < bar.left - 0.5 || r.right > Math.min(bar.right, innerWidth) + 0.5 || r.bottom > innerHeight + 0.5;
      })
      .map((b) => (b.textContent ?? '').trim()),
  );
}

/** Cells of a Leaks table column whose text does not fit them. */
export function clippedCells(page: Page, column: string): Promise<string[]> {
  return page.locator(`.suspects-body .suspects-row ${column}`).evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => (c.textContent ?? '').trim()));
}

/** Loads the service folder (40 protobuf snapshots and the two text dumps) through the folder picker. */
export async function openServiceFolder(page: Page, folder: string): Promise<void> {
  await page.locator('#pv-open-folder').setInputFiles(folder);
  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(42);
}
