import { bubblesText } from '../../core/analysis/facts';
import { waitLabel } from '../../core/units/duration';
import { rateLabel } from '../../core/units/rate';
import { codeKind, type FrameInfo } from '../../core/analysis/functions';
import { visibleName } from '../../core/report/visible';
import { UNDECIDED_PLATEAU } from '../../core/analysis/verdict';
import type { SuspectDetail as Detail, SuspectRow } from '../../worker/leaks';
import { CopyTextButton } from '../../ui/CopyTextButton';
import { FrameLink } from '../Source/FrameLink';
import { suspectText } from './suspect-text';

export interface SuspectDetailProps {
  row: SuspectRow;
  detail: Detail | null;
  timed: boolean;
  onFlame: () => void;
  onGoroutines: (() => void) | null;
  onClose: () => void;
}

function frameClass(f: FrameInfo): string {
  return `frame ${codeKind(f.name)}`;
}

/** What a selected group is, why it ranks where it does, what its state means, and its stack. */
export function SuspectDetail({ row, detail, timed, onFlame, onGoroutines, onClose }: SuspectDetailProps) {
  const facts = [
    `${row.first.toLocaleString('en-US')} → ${row.last.toLocaleString('en-US')} goroutines`,
    rateLabel(row.perMinute, timed),
    `${Math.round(row.monotonic * 100)}% of steps not down, R² ${row.r2.toFixed(2)}`,
    `${(row.share * 100).toFixed(1)}% of all goroutines`,
  ];
  const wait = waitLabel(row.waitMin, row.waitMax);
  if (wait) facts.push(`waiting ${wait}`);
  return (
    <section className="suspect-detail" aria-label="Selected group">
      <div className="suspect-detail-text">
        <div className="suspect-detail-head">
          <h3 className="fn">{row.label}</h3>
          <button className="button small primary" onClick={onFlame} title="Flame graph focused on this function: its callers above, what it calls below">
            Show in flame graph
          </button>
          {onGoroutines && (
            <button className="button small" onClick={onGoroutines} title="The individual goroutines of the debug=2 dump">
              Goroutines
            </button>
          )}
          <CopyTextButton text={() => suspectText(row, detail, timed)} />
          <button className="icon" aria-label="Close details" title="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <div className="suspect-verdict">
          <span className={row.suspect ? 'badge verdict hot' : 'badge verdict'}>{row.suspect ? `suspect · score ${row.score}` : `not a suspect · score ${row.score}`}</span>
          {row.proven && <span className="badge proven">proven leak</span>}
          <span className="reason">{row.reason}</span>
        </div>
        {row.evidence.length > 0 && (
          <ul className="suspect-evidence" aria-label="Evidence">
            {row.evidence.map((e, i) => (
              <li key={i} className={i === 0 ? 'decisive' : undefined}>
                {i === 0 && <span className="evidence-tag">{UNDECIDED_PLATEAU.includes(e) ? 'undecided' : 'decided by'}</span>}
                {e}
              </li>
            ))}
          </ul>
        )}
        <p className="suspect-facts">{facts.join(' · ')}</p>
        {row.chain.length > 0 ? (
          <p className="suspect-facts creation-chain" aria-label="Creation chain" title="Each ← leads to the creator of the goroutine before it">
            Created by <code>{visibleName(row.chain[0])}</code>
            {row.chain.slice(1).map((site, i) => (
              <span key={i}>
                {' ← '}
                <code>{visibleName(site)}</code>
              </span>
            ))}
          </p>
        ) : (
          row.creator && (
            <p className="suspect-facts">
              Created by <code>{row.creator}</code>
            </p>
          )
        )}
        {row.bubbles.length > 0 && <p className="suspect-facts synctest-bubble">Goroutines {bubblesText(row.bubbles)}</p>}
        <p className="suspect-explain">
          <span className={`state-chip ${row.state.category}`}>{row.state.label}</span>{' '}
          {row.state.source === 'stack' && <span className="inferred">(inferred from the stack) </span>}
          {detail?.explanation}
        </p>
      </div>
      <ol className="suspect-stack" aria-label="Stack, leaf first">
        <li className="suspect-stack-caption">Stack, leaf first</li>
        {detail?.frames.map((f, i) => (
          <li key={i} className={frameClass(f)}>
            <FrameLink frame={f} />
          </li>
        ))}
      </ol>
    </section>
  );
}
