import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));

/** The shared fixtures, next to the project checkout. */
export const FIXTURES = resolve(here, '../../shared/fixtures');

export function fixture(rel: string): string {
  return resolve(FIXTURES, rel);
}

const ARTIFACTS = resolve(here, 'artifacts');

/** Saves a screenshot of the page as a test artifact (not committed). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
}
