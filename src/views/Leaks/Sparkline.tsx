import * as d3 from 'd3';
import { useMemo } from 'react';

const W = 80;
const H = 20;

/** A group's count across the series, scaled to its own range; the last value is marked. */
export function Sparkline({ counts, hot }: { counts: number[]; hot: boolean }) {
  const { line, lastX, lastY } = useMemo(() => {
    const max = Math.max(1, ...counts);
    const x = d3.scaleLinear().domain([0, Math.max(1, counts.length - 1)]).range([2, W - 3]);
    const y = d3.scaleLinear().domain([0, max]).range([H - 2, 2]);
    return {
      line: d3.line<number>().x((_, i) => x(i)).y((v) => y(v))(counts) ?? '',
      lastX: x(counts.length - 1),
      lastY: y(counts[counts.length - 1] ?? 0),
    };
  }, [counts]);
  return (
    <svg className={hot ? 'sparkline hot' : 'sparkline'} width={W} height={H} aria-hidden="true">
      <path d={line} />
      <circle cx={lastX} cy={lastY} r={2} />
    </svg>
  );
}
