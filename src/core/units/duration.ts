/** Go-style durations: `15s`, `1m`, `500ms`, `1m30s`. */
export function parseDuration(text: string): number | null {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return null;
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0);
  return ms > 0 ? ms : null;
}

/** Wait minutes as debug=2 dumps give them: `1~3 min`, `3 min`, or '' when none are known. */
export function waitLabel(min: number, max: number): string {
  if (max < 0) return '';
  return min === max ? `${max} min` : `${min}~${max} min`;
}

/** A span of minutes: `9s`, `3m12s`, `1h02m`. */
export function spanLabel(minutes: number): string {
  const s = Math.round(minutes * 60);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
