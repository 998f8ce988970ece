import { bubblesText } from '../../core/analysis/facts';
import { waitLabel } from '../../core/units/duration';
import { rateLabel } from '../../core/units/rate';
import type { SuspectDetail, SuspectRow } from '../../worker/leaks';

/**
 * A group as plain text for an issue or a chat: what it is, its verdict and evidence, state, growth, wait, creator,
 * and its stack in Go's own form (function, then a tab and file:line).
 */
export function suspectText(row: SuspectRow, detail: SuspectDetail | null, timed: boolean): string {
  const verdict = row.proven ? 'proven leak' : row.suspect ? 'leak suspect' : 'not a suspect';
  const lines = [
    `${row.label}: ${verdict} (score ${row.score}): ${row.reason}`,
    ...row.evidence.map((e) => `  - ${e}`),
    `State: ${row.state.label}${row.state.source === 'stack' ? ' (inferred from the stack)' : ''}`,
    `Growth: ${row.first.toLocaleString('en-US')} -> ${row.last.toLocaleString('en-US')} goroutines over ${row.counts.length} snapshots, ${rateLabel(row.perMinute, timed)}, ${(row.share * 100).toFixed(1)}% of all goroutines`,
  ];
  const wait = waitLabel(row.waitMin, row.waitMax);
  if (wait) lines.push(`Waiting: ${wait}`);
  if (row.creator) lines.push(`Created by: ${row.creator}`);
  if (row.bubbles.length) lines.push(`Goroutines ${bubblesText(row.bubbles)}`);
  if (detail?.explanation) lines.push('', detail.explanation);
  if (detail?.frames.length) {
    lines.push('', 'Stack (leaf first):');
    for (const f of detail.frames) lines.push(`${f.name}${f.inlined ? ' (inlined)' : ''}`, ...(f.file ? [`\t${f.file}${f.line ? `:${f.line}` : ''}`] : []));
  }
  return `${lines.join('\n')}\n`;
}
