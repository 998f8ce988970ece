import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { percentage } from '../../core/units/scale';
import type { LineValue, SourceRoutine } from '../../core/query/source/list';
import { listBlocks, type LineRange } from '../../core/query/source/range';
import { showInFlame } from '../../store/flame';
import type { Token } from './highlight';
import { SourceOrigin } from './SourceOrigin';
import { useSourceView } from '../../store/source';
import { valueLabel } from '../../core/units/value';
import { useHighlighted, useSourceText } from './use-source-text';
import { visibleName } from '../../core/report/visible';

interface Props {
  routine: SourceRoutine;
  total: number;
  unit: string;
}

/** The line most samples pass through (for goroutines: where they block); ties go to more flat, then the first. */
function hottestLine(lines: LineValue[]): number {
  let best: LineValue | null = null;
  for (const l of lines) if (l.cum > 0 && (!best || l.cum > best.cum || (l.cum === best.cum && l.flat > best.flat))) best = l;
  return best ? best.line : -1;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function Code({ tokens, text }: { tokens: Token[] | undefined; text: string }) {
  if (!tokens) return <>{text}</>;
  return (
    <>
      {tokens.map((t, i) =>
        t.cls ? (
          <span key={i} className={t.cls}>
            {t.text}
          </span>
        ) : (
          t.text
        ),
      )}
    </>
  );
}

interface RowProps {
  routine: string;
  line: number;
  value: LineValue | undefined;
  hot: boolean;
  max: number;
  unit: string;
  /** The line a stack frame elsewhere asked for: marked and scrolled into view. */
  target: boolean;
  children: ReactNode;
}

function LineRow({ routine, line, value, hot, max, unit, target, children }: RowProps) {
  const sampled = !!value && (value.cum !== 0 || value.flat !== 0);
  const jump = () => showInFlame({ function: routine });
  const cls = ['src-row', sampled ? 'sampled' : '', hot ? 'hot' : '', target ? 'target' : ''].filter(Boolean).join(' ');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (target) ref.current?.scrollIntoView({ block: 'center' });
  }, [target]);
  return (
    <div
      ref={ref}
      className={cls}
      data-line={line}
      aria-current={target ? 'location' : undefined}
      {...(sampled
        ? {
            role: 'button',
            tabIndex: 0,
            title: `Line ${line}: show the stacks through ${visibleName(routine)} in the flame graph`,
            onClick: jump,
            onKeyDown: (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), jump()),
          }
        : {})}
    >
      <span className="src-num flat">{value?.flat ? valueLabel(value.flat, unit) : <span className="dot">.</span>}</span>
      <span className="src-num cum">
        {value?.cum ? (
          <>
            <span className="heat" style={{ width: `${Math.max(2, (100 * value.cum) / max)}%` }} />
            <span className="src-value">{valueLabel(value.cum, unit)}</span>
          </>
        ) : (
          <span className="dot">.</span>
        )}
      </span>
      <span className="src-lineno">
        {hot && <span className="hot-mark" aria-label="hottest line" title="Most samples pass through this line" />}
        {line}
      </span>
      <span className="src-code">{children}</span>
    </div>
  );
}

function GapRow({ range, onOpen }: { range: LineRange; onOpen: () => void }) {
  const n = range.end - range.start + 1;
  return (
    <button className="src-gap" onClick={onOpen} title={`Show lines ${range.start}–${range.end}`}>
      ⋯ {n} line{n === 1 ? '' : 's'} without samples
    </button>
  );
}

/** One function in one file, like a `pprof -list` ROUTINE: its lines with flat and cum, in blocks. */
export const RoutineListing = memo(function RoutineListing({ routine: r, total, unit }: Props) {
  const text = useSourceText(r.file);
  const target = useSourceView((s) => s.target);
  const targetLine = target && target.file === r.file ? target.line : -1;
  const lines = text?.kind === 'text' ? text.lines : null;
  const tokens = useHighlighted(r.file, lines);
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  const byLine = useMemo(() => new Map(r.lines.map((l) => [l.line, l])), [r]);
  // Marking the only line there is would say nothing.
  const hot = useMemo(() => (lines || r.lines.length > 1 ? hottestLine(r.lines) : -1), [r, lines]);
  const max = useMemo(() => r.lines.reduce((m, l) => Math.max(m, l.cum), 1), [r]);
  const blocks = useMemo(() => (lines ? listBlocks(r, lines.length) : []), [r, lines]);
  const pastEnd = lines ? r.lines.filter((l) => l.line > lines.length) : [];

  const rows: ReactNode[] = [];
  const row = (n: number, code: ReactNode) =>
    rows.push(
      <LineRow key={n} routine={r.name} line={n} value={byLine.get(n)} hot={n === hot} max={max} unit={unit} target={n === targetLine}>
        {code}
      </LineRow>,
    );
  if (lines) {
    blocks.forEach((b, i) => {
      if (i > 0) {
        const gap = { start: blocks[i - 1].end + 1, end: b.start - 1 };
        if (opened.has(i)) for (let n = gap.start; n <= gap.end; n++) row(n, <Code tokens={tokens?.[n - 1]} text={lines[n - 1]} />);
        else rows.push(<GapRow key={`gap${i}`} range={gap} onOpen={() => setOpened(new Set(opened).add(i))} />);
      }
      for (let n = b.start; n <= b.end; n++) row(n, <Code tokens={tokens?.[n - 1]} text={lines[n - 1]} />);
    });
  } else if (text) {
    for (const l of r.lines) if (l.line > 0) row(l.line, <span className="src-location">{`${baseName(r.file)}:${l.line}`}</span>);
  }

  return (
    <section className="routine" aria-label={visibleName(r.name)}>
      <header className="routine-head">
        <button className="routine-name" title="Show the stacks through this function in the flame graph" onClick={() => showInFlame({ function: r.name })}>
          {visibleName(r.name)}
        </button>
        <span className="routine-sums">
          <span>
            flat <strong>{valueLabel(r.flat, unit)}</strong>
          </span>
          <span>
            cum <strong>{valueLabel(r.cum, unit)}</strong>
          </span>
          <span className="routine-pct">{percentage(r.cum, total).trim()} of total</span>
        </span>
      </header>
      <SourceOrigin file={r.file} text={text} />
      {!r.file ? (
        <div className="routine-note">The profile records no source file for this function.</div>
      ) : (
        <div className="src-listing" role="list">
          {rows}
        </div>
      )}
      {pastEnd.length > 0 && (
        <div className="routine-note warn">
          This file has {lines?.length} lines, but samples fall on line {pastEnd.map((l) => l.line).join(', ')}: the text is probably not the version that was profiled.
        </div>
      )}
    </section>
  );
});
