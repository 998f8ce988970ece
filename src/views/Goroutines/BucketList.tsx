import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { bubblesText } from '../../core/analysis/facts';
import { waitLabel } from '../../core/units/duration';
import type { Filters } from '../../core/options/filters';
import { worker } from '../../worker/client';
import type { BucketRow } from '../../worker/goroutines';
import { useWorkerResult } from '../../ui/use-worker-result';
import { FrameLink } from '../Source/FrameLink';
import { visibleName } from '../../core/report/visible';

const ROW_HEIGHT = 30;
const OPEN_ESTIMATE = 260;
const SHOWN_IDS = 200;

export interface BucketListProps {
  snapshot: number;
  buckets: BucketRow[];
  showStuck: boolean;
  /** The refine filters and least wait the buckets were made with; a bucket's details must use the same. */
  filters?: Filters;
  minWait: number;
}

/** Virtualized buckets; a click opens one to its full stack and goroutine ids. */
export function BucketList({ snapshot, buckets, showStuck, filters, minWait }: BucketListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const virtual = useVirtualizer({
    count: buckets.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (open.has(buckets[i].index) ? OPEN_ESTIMATE : ROW_HEIGHT),
    getItemKey: (i) => buckets[i].index,
    overscan: 10,
  });
  useEffect(() => {
    scroller.current?.scrollTo(0, 0);
  }, [buckets]);
  const toggle = (index: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  return (
    <div className="bucket-list" ref={scroller} role="list" aria-label="Goroutine groups">
      <div className="bucket-body" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((v) => {
          const b = buckets[v.index];
          const isOpen = open.has(b.index);
          return (
            <div key={v.key} ref={virtual.measureElement} data-index={v.index} className={isOpen ? 'bucket open' : 'bucket'} role="listitem" style={{ transform: `translateY(${v.start}px)` }}>
              <button className="bucket-head" aria-expanded={isOpen} onClick={() => toggle(b.index)}>
                <span className="chevron" aria-hidden="true">
                  {isOpen ? '▾' : '▸'}
                </span>
                <span className="bucket-count">{b.count.toLocaleString('en-US')}</span>
                <span className={`state-chip ${b.category}`} title={b.label === b.state ? undefined : `The dump says “${b.state}”; the stack says ${b.label}`}>
                  {b.label}
                </span>
                <span className="bucket-wait">{waitLabel(b.waitMin, b.waitMax)}</span>
                <span className="bucket-main">
                  <span className="bucket-fn">{visibleName(b.function)}</span>
                  {b.caller && <span className="bucket-caller">← {visibleName(b.caller)}</span>}
                  {b.locked > 0 && <span className="badge">locked to thread</span>}
                  {b.flag === 'stuck' && (
                    <span
                      className="badge stuck"
                      title={`${b.stuck} of these goroutines were already in the previous dump, some in ${b.stuckDumps} earlier dumps in a row, and the series grows: a leak suspect`}
                    >
                      {b.stuck === b.count ? 'all' : b.stuck.toLocaleString('en-US')} stuck
                    </span>
                  )}
                  {b.flag === 'long wait' && (
                    <span
                      className="badge long-wait"
                      title={
                        showStuck
                          ? 'Waiting a minute or more, but the group does not grow across the dumps: a long-lived goroutine, not a leak'
                          : 'Waiting a minute or more; load more dumps of the same process to tell a leak (a growing group) from a long-lived goroutine'
                      }
                    >
                      long wait
                    </span>
                  )}
                  {b.labels.length > 0 && (
                    <span className="bucket-labels" title={b.labels.map(visibleName).join('\n')}>
                      {b.labels.length === 1 ? `{${visibleName(b.labels[0])}}` : `${b.labels.length} label sets`}
                    </span>
                  )}
                </span>
                <span className="bucket-creator" title={b.chain.length > 1 ? `created by ${b.chain.map(visibleName).join('\n  ← ')}` : undefined}>
                  {b.creator && `created by ${b.chain.length > 1 ? b.chain.map(visibleName).join(' ← ') : visibleName(b.creator)}`}
                </span>
              </button>
              {isOpen && <BucketBody snapshot={snapshot} index={b.index} count={b.count} showStuck={showStuck} filters={filters} minWait={minWait} />}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface BucketBodyProps {
  snapshot: number;
  index: number;
  count: number;
  showStuck: boolean;
  filters?: Filters;
  minWait: number;
}

function BucketBody({ snapshot, index, count, showStuck, filters, minWait }: BucketBodyProps) {
  const { data } = useWorkerResult(() => worker.goroutineBucket(snapshot, index, filters, minWait), [snapshot, index, filters, minWait]);
  if (!data) return <div className="bucket-detail muted">Loading…</div>;
  const more = count - Math.min(SHOWN_IDS, data.goroutines.length);
  return (
    <div className="bucket-detail">
      <p className="bucket-explain">{data.explanation}</p>
      {data.bubbles.length > 0 && <p className="bucket-bubble">Goroutines {bubblesText(data.bubbles)}</p>}
      {data.chain.length > 0 && (
        <p className="bucket-chain" aria-label="Creation chain">
          Goroutine {data.goroutines[0]?.id} was created by{' '}
          {data.chain.map((l, i) => (
            <span key={i}>
              {i > 0 && ' ← '}
              <code>{visibleName(l.site)}</code>
              {l.goroutine >= 0 && ` in goroutine ${l.goroutine}`}
            </span>
          ))}
        </p>
      )}
      <ol className="bucket-stack">
        {data.frames.map((f, i) => (
          <li key={i}>
            <FrameLink frame={f} fullPath />
          </li>
        ))}
      </ol>
      {data.labels.length > 1 && (
        <div className="bucket-label-list">
          {data.labels.map((l) => (
            <code key={l}>{`{${visibleName(l)}}`}</code>
          ))}
        </div>
      )}
      <div className="bucket-ids" aria-label="Goroutine ids">
        {data.goroutines.slice(0, SHOWN_IDS).map((g) => (
          <span key={g.id} className={showStuck && g.age > 0 ? 'gid stuck' : 'gid'} title={showStuck ? (g.age > 0 ? `in ${g.age} earlier dump${g.age === 1 ? '' : 's'} in a row` : 'new in this dump') : undefined}>
            {g.id}
            {g.waitMinutes >= 0 ? ` · ${g.waitMinutes}m` : ''}
          </span>
        ))}
        {more > 0 && <span className="gid more">+{more.toLocaleString('en-US')} more</span>}
      </div>
    </div>
  );
}
