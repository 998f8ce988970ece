import type { Snapshot } from '../model/snapshot';
import { filterSettings, type Filters } from '../options/filters';
import { percentage, scale, scaledLabel } from '../units/scale';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's "Jan 2, 2006 at 3:04pm (MST)" in UTC. */
export function pprofTime(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const min = String(d.getUTCMinutes()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} at ${h12}:${min}${h < 12 ? 'am' : 'pm'} (UTC)`;
}

/** pprof's legend of the filters in force: `   focus=…` under "Active filters:", each cut at 80 characters. */
function activeFilterLines(filters: Filters | undefined): string[] {
  const settings = filterSettings(filters);
  if (settings.length === 0) return [];
  return ['Active filters:', ...settings.map((s) => `   ${s.length > 80 ? `${s.slice(0, 80)}…` : s}`)];
}

/** pprof's profile labels: `File:`, the comments, `Type:`, `Time:` and `Duration:` (what `-traces` starts with). */
export function profileLabels(s: Snapshot, sampleIndex: number, total: number, formatValue: (v: number) => string): string[] {
  const lines: string[] = [];
  if (s.binary) lines.push(`File: ${s.binary}`);
  if (s.buildId) lines.push(`Build ID: ${s.buildId}`);
  for (const c of s.comments) if (!c.startsWith('#')) lines.push(c);
  lines.push(`Type: ${s.sampleTypes[sampleIndex].type}`);
  // Text dumps carry no capture time; a file's date is no capture time pprof would show.
  if (s.timeMs !== null && s.format === 'pprof') lines.push(`Time: ${pprofTime(s.timeMs)}`);
  if (s.durationNanos) {
    const [totalNanos, unit] = scale(total, s.sampleTypes[sampleIndex].unit, 'nanoseconds');
    const ratio = unit === 'ns' && totalNanos !== 0 ? `(${percentage(totalNanos, s.durationNanos)})` : '';
    // pprof writes the space before the ratio even when there is none.
    lines.push(`Duration: ${scaledLabel(s.durationNanos, 'nanoseconds', 'auto')}, Total samples = ${formatValue(total)} ${ratio}`);
  }
  return lines;
}

/** The header of a pprof report (`-top`, `-dot`): the profile labels, then the filters in force. */
export function reportHeader(s: Snapshot, sampleIndex: number, total: number, formatValue: (v: number) => string, filters?: Filters): string[] {
  return [...profileLabels(s, sampleIndex, total, formatValue), ...activeFilterLines(filters)];
}
