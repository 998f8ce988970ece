/** Go-style durations: `15s`, `1m`, `500ms`, `1m30s`. */
export function parseDuration(text: string): number | null {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return null;
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0);
  return ms > 0 ? ms : null;
}
