import { percentage } from '../../core/units/scale';
import { visibleName } from '../../core/report/visible';
import type { ViewQuery } from '../../core/query/view-query';
import { useWorkerResult } from '../../ui/use-worker-result';
import { useView } from '../../store/view';
import { worker } from '../../worker/client';
import type { PeekEntry } from '../../worker/top';
import { Change } from './TopTable';

interface Props {
  query: ViewQuery;
  /** The report node peeked at: the table's active row. */
  name: string;
  fmt: (v: number) => string;
  total: number;
  /** The values are changes from a base snapshot. */
  diff: boolean;
}

function Calls({ label, calls, cum, fmt, diff, empty }: { label: string; calls: PeekEntry[]; cum: number; fmt: (v: number) => string; diff: boolean; empty: string }) {
  const select = useView((s) => s.selectFunction);
  return (
    <ul className="peek-calls" aria-label={label}>
      {calls.length === 0 && <li className="peek-none">{empty}</li>}
      {calls.map((c) => (
        <li key={c.key}>
          <button type="button" className="peek-row" title={`Select ${visibleName(c.name)}`} onClick={() => select(c.func)}>
            <span className="cell">{diff ? <Change value={c.weight} label={fmt(c.weight)} /> : fmt(c.weight)}</span>
            <span className="cell pct">{percentage(c.weight, cum).trim()}</span>
            <span className="cell col-name">
              <span className="fn">{visibleName(c.name)}</span>
              {c.inline && <span className="inline-mark"> (inline)</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * pprof's Peek for the active Top row: the calls into it above, the calls it makes below, each
 * with its value and its share of the row's cum. Clicking one selects its function.
 */
export function PeekPanel({ query, name, fmt, total, diff }: Props) {
  const { data: peek, error } = useWorkerResult(() => worker.peek(query, name), [query, name]);
  if (error) return <div className="view-message error">Could not find the callers and callees: {error}</div>;
  if (!peek) return <div className="peek-empty">Finding callers and callees…</div>;
  const value = (v: number) => (diff ? <Change value={v} label={fmt(v)} /> : fmt(v));
  return (
    <>
      <div className="peek-head peek-row" aria-hidden="true">
        <span className="cell">Calls</span>
        <span className="cell pct">Calls%</span>
        <span className="cell col-name">Callers above, callees below</span>
      </div>
      <div className="peek-body">
        <Calls label="Callers" calls={peek.callers} cum={peek.cum} fmt={fmt} diff={diff} empty="No callers: its goroutines start here." />
        <div className="peek-row peek-node" aria-label="Peeked function">
          <span className="cell" />
          <span className="cell" />
          <span className="cell col-name">
            <span className="fn">{visibleName(peek.name)}</span>
            <span className="peek-values">
              flat {value(peek.flat)} ({percentage(peek.flat, total).trim()}) · cum {value(peek.cum)} ({percentage(peek.cum, total).trim()})
            </span>
          </span>
        </div>
        <Calls label="Callees" calls={peek.callees} cum={peek.cum} fmt={fmt} diff={diff} empty={peek.flat === peek.cum ? 'No callees: its stacks end here.' : 'No callees.'} />
      </div>
    </>
  );
}
