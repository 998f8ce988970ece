import { percentage, scaledLabel } from '../units/scale';
import type { SourceRoutine } from '../query/source/list';
import { listRange } from '../query/source/range';

/** A file's lines, or why they could not be read. */
export type SourceLines = { lines: string[] } | { error: string };

/**
 * `go tool pprof -list` output. Where pprof stops at " Error:" for a file it cannot read, the
 * sampled lines still follow, with their numbers and no text.
 */
export function listText(routines: SourceRoutine[], total: number, sampleUnit: string, source: (file: string) => SourceLines): string {
  const fmt = (v: number) => scaledLabel(v, sampleUnit, 'minimum');
  const dot = (v: number) => (v === 0 ? '.' : fmt(v));
  const row = (l: { flat: number; cum: number }, line: number, text: string) => `${dot(l.flat).padStart(10)} ${dot(l.cum).padStart(10)} ${String(line).padStart(6)}:${text}`;
  const out = [`Total: ${fmt(total)}`];
  for (const r of routines) {
    if (!r.file) {
      out.push(`No source information for ${r.name}`);
      continue;
    }
    out.push(`ROUTINE ======================== ${r.name} in ${r.file}`);
    out.push(`${fmt(r.flat).padStart(10)} ${fmt(r.cum).padStart(10)} (flat, cum) ${percentage(r.cum, total)} of Total`);
    const src = source(r.file);
    if ('error' in src) {
      out.push(` Error: ${src.error}`);
      for (const l of r.lines) if (l.line > 0) out.push(row(l, l.line, ''));
      continue;
    }
    const byLine = new Map(r.lines.map((l) => [l.line, l]));
    const { start, end } = listRange(r, src.lines.length);
    for (let n = start; n <= end; n++) out.push(row(byLine.get(n) ?? { flat: 0, cum: 0 }, n, src.lines[n - 1]));
  }
  return out.join('\n') + '\n';
}
