import { expect, test } from '@playwright/test';

test('the app runs under its Content-Security-Policy: the header, the meta tag, and no violation in any view', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) console.push(m.text());
  });
  const response = await page.goto('./?demo');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(headers['content-security-policy']).toMatch(/; frame-ancestors 'none'$/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  // The static build carries the same policy for hosts that send none; frame-ancestors only works as a header.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(`${meta}; frame-ancestors 'none'`).toBe(headers['content-security-policy']);

  await expect(page.locator('.snapshot-list .snapshot')).toHaveCount(40);
  for (const view of ['Flame graph', 'Graph', 'Source', 'Leaks', 'Top']) {
    await page.getByRole('tab', { name: view, exact: true }).click();
    await expect(page.getByRole('tab', { name: view, exact: true })).toHaveAttribute('aria-selected', 'true');
  }
  await page.getByRole('tab', { name: 'Graph', exact: true }).click();
  await expect(page.locator('.gnode').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(console).toEqual([]);
});
