import type { Snapshot } from '../model/snapshot';
import type { Filters } from '../options/filters';
import type { TopReport } from '../query/top';
import { reportHeader } from './header';
import { percentage, reportUnit, scaledLabel } from '../units/scale';

/** `go tool pprof -top` output for a report (of a tree built with `filters`, when any). */
export function topText(s: Snapshot, sampleIndex: number, report: TopReport, filters?: Filters): string {
  const sampleUnit = s.sampleTypes[sampleIndex].unit;
  const unit = reportUnit(report.rows, report.total, sampleUnit);
  const fmt = (v: number) => scaledLabel(v, sampleUnit, unit);
  const total = report.total;
  let shown = 0;
  for (const r of report.rows) shown += r.flat;
  const out = reportHeader(s, sampleIndex, total, fmt, filters);
  out.push(`Showing nodes accounting for ${fmt(shown)}, ${percentage(shown, total).trim()} of ${fmt(total)} total`);
  out.push('      flat  flat%   sum%        cum   cum%');
  let sum = 0;
  for (const r of report.rows) {
    sum += r.flat;
    out.push(`${fmt(r.flat).padStart(10)} ${percentage(r.flat, total)} ${percentage(sum, total)} ${fmt(r.cum).padStart(10)} ${percentage(r.cum, total)}  ${r.name}${r.inline ? ` (${r.inline})` : ''}`);
  }
  return out.join('\n') + '\n';
}
