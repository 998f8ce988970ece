import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { fixture } from './helpers';

/** Opens the app at `path` and waits until it is ready for keys and drops. */
export async function openApp(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await page.locator('.header').waitFor();
}

/** Drops files on the page through a real DataTransfer built in the page from their bytes. */
export async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const payload = files.map(({ name, bytes }) => ({ name, b64: Buffer.from(bytes).toString('base64') }));
  const data = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const it of items) {
      const bin = atob(it.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], it.name));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: data });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('body', 'drop', { dataTransfer: data });
}

/** Drops fixture files on the page. */
export function dropFixtures(page: Page, rels: string[]): Promise<void> {
  return dropFiles(
    page,
    rels.map((rel) => ({ name: basename(rel), bytes: readFileSync(fixture(rel)) })),
  );
}

/** Opens fixture files through the file picker. */
export async function pickFixtures(page: Page, rels: string[]): Promise<void> {
  await page.locator('#pv-open-files').setInputFiles(rels.map(fixture));
}

/** The Top table row whose Name cell is exactly `name`. */
export function topRow(page: Page, name: string) {
  return page.locator('.top-body [role="row"]').filter({ has: page.locator('.fn', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
}

/** The text of a Top row's cells, keyed by column id. */
export async function rowCells(row: ReturnType<typeof topRow>): Promise<Record<string, string>> {
  const cells = row.locator('[role="gridcell"]');
  const ids = ['flat', 'flatPct', 'sumPct', 'cum', 'cumPct', 'name'];
  const texts = await cells.allTextContents();
  return Object.fromEntries(ids.map((id, i) => [id, texts[i]]));
}

/** Adds a filter through the refine bar's editor, as a user would. */
export async function addFilter(page: Page, name: string, pattern: string): Promise<void> {
  const editor = page.getByRole('dialog', { name: 'Add a filter' });
  if (!(await editor.isVisible())) await page.locator('.refine-add').click();
  await editor.getByLabel('Filter').selectOption({ label: name });
  await editor.getByLabel('Pattern').fill(pattern);
  await editor.getByRole('button', { name: 'Apply' }).click();
  // Applied (the editor closes) or refused (it says why).
  await expect(editor.getByRole('alert').or(page.locator('.refine-add[aria-expanded="false"]'))).toBeVisible({ timeout: 10_000 });
}
