import * as d3 from 'd3';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PlacedPoint, TimelineResult } from '../../worker/leaks';
import { clockTime } from '../../core/report/snapshot-labels';
import { spanLabel } from '../../core/units/duration';

const MARGIN = { top: 14, right: 18, bottom: 24, left: 56 };
const countFormat = d3.format(',');
const axisFormat = d3.format('~s');

export interface TimelineChartProps {
  data: TimelineResult;
  colors: string[];
  selectedId: number | null;
  baseId: number | null;
  highlightKey: number | null;
  onSelect: (id: number) => void;
  onRange: (baseId: number, targetId: number) => void;
}

/** Cumulative lower and upper bounds of each band, bottom band first. */
function stackBands(data: TimelineResult): { lower: number[]; upper: number[] }[] {
  const n = data.points.length;
  let below = new Array<number>(n).fill(0);
  return data.bands.map((b) => {
    const upper = below.map((v, i) => v + b.counts[i]);
    const out = { lower: below, upper };
    below = upper;
    return out;
  });
}

function useSize(ref: React.RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setSize({ width: Math.floor(e.contentRect.width), height: Math.floor(e.contentRect.height) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/**
 * Goroutines over capture time: the total as a line, the top groups as stacked areas beneath it.
 * Hover shows every group's count; a click selects a snapshot; dragging picks a base and a target.
 */
export function TimelineChart({ data, colors, selectedId, baseId, highlightKey, onSelect, onRange }: TimelineChartProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(wrap);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const brushLayer = useRef<SVGGElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [hoverDump, setHoverDump] = useState<number | null>(null);
  const { points, placed, clock } = data;
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(10, height - MARGIN.top - MARGIN.bottom);

  const xOf = useMemo(() => {
    const n = points.length;
    if (clock === 'capture') {
      const t0 = points[0].timeMs ?? 0;
      const t1 = points[n - 1].timeMs ?? 0;
      const scale = d3.scaleTime().domain([new Date(t0), new Date(t1)]).range([0, innerW]);
      return Object.assign((i: number) => scale(new Date(points[i].timeMs ?? 0)), { scale });
    }
    // Without capture times x is minutes at the interval given, else the snapshot's position.
    const scale = d3.scaleLinear().domain(n > 1 ? [0, points[n - 1].x] : [-1, 1]).range([0, innerW]);
    return Object.assign((i: number) => scale(points[i].x), { scale });
  }, [points, clock, innerW]);

  const y = useMemo(() => {
    const max = d3.max([...points, ...placed], (p) => p.total) ?? 1;
    return d3.scaleLinear().domain([0, Math.max(1, max)]).nice(5).range([innerH, 0]);
  }, [points, placed, innerH]);

  const stacked = useMemo(() => stackBands(data), [data]);
  const paths = useMemo(() => {
    const idx = points.map((_, i) => i);
    const area = (lower: number[], upper: number[]) =>
      d3.area<number>().x((i) => xOf(i)).y0((i) => y(lower[i])).y1((i) => y(upper[i]))(idx) ?? '';
    const top = stacked.at(-1)?.upper ?? points.map(() => 0);
    return {
      bands: stacked.map((s) => area(s.lower, s.upper)),
      others: area(top, points.map((p) => p.total)),
      total: d3.line<number>().x((i) => xOf(i)).y((i) => y(points[i].total))(idx) ?? '',
    };
  }, [points, stacked, xOf, y]);

  useEffect(() => {
    if (!xAxis.current || !yAxis.current) return;
    const ticks = Math.max(2, Math.min(points.length, Math.floor(innerW / 90)));
    const linear = xOf.scale as d3.ScaleLinear<number, number>;
    const bottom =
      clock === 'capture'
        ? d3.axisBottom(xOf.scale as d3.ScaleTime<number, number>).ticks(ticks)
        : clock === 'interval'
          ? d3.axisBottom(linear).ticks(ticks).tickFormat((v) => `+${spanLabel(Number(v))}`)
          : d3.axisBottom(linear).ticks(ticks).tickFormat((v) => (Number.isInteger(v) ? `#${Number(v) + 1}` : ''));
    d3.select(xAxis.current).call(bottom.tickSizeOuter(0));
    d3.select(yAxis.current).call(d3.axisLeft(y).ticks(4).tickFormat((v) => axisFormat(Number(v))).tickSize(-innerW));
  }, [xOf, y, clock, innerW, points.length]);

  const nearest = useMemo(
    () => (px: number) => {
      let best = 0;
      for (let i = 1; i < points.length; i++) if (Math.abs(xOf(i) - px) < Math.abs(xOf(best) - px)) best = i;
      return best;
    },
    [points, xOf],
  );

  useEffect(() => {
    const g = brushLayer.current;
    if (!g) return;
    const brush = d3
      .brushX()
      .extent([
        [0, 0],
        [innerW, innerH],
      ])
      .on('end', (ev: d3.D3BrushEvent<unknown>) => {
        if (!ev.sourceEvent) return;
        const sel = ev.selection as [number, number] | null;
        if (!sel) {
          onSelect(points[nearest(d3.pointer(ev.sourceEvent, g)[0])].id);
          return;
        }
        const inside = points.map((_, i) => i).filter((i) => xOf(i) >= sel[0] && xOf(i) <= sel[1]);
        if (inside.length >= 2) onRange(points[inside[0]].id, points[inside[inside.length - 1]].id);
        else onSelect(points[nearest((sel[0] + sel[1]) / 2)].id);
        d3.select(g).call(brush.move, null);
      });
    const sel = d3.select(g);
    sel.call(brush);
    sel.on('pointermove.hover', (ev: PointerEvent) => setHover(nearest(d3.pointer(ev, g)[0])));
    sel.on('pointerleave.hover', () => setHover(null));
    return () => {
      sel.on('.brush', null).on('.hover', null);
    };
  }, [innerW, innerH, points, xOf, nearest, onSelect, onRange]);

  const spread = useMemo(() => spreadDumps(placed), [placed]);
  const selIdx = points.findIndex((p) => p.id === selectedId);
  const baseIdx = points.findIndex((p) => p.id === baseId);
  const ready = width > 0 && height > 0;
  const dumpX = (d: PlacedPoint) => (xOf(d.after) + xOf(d.before)) / 2 + (spread.get(d.id) ?? 0);
  const selDump = placed.find((d) => d.id === selectedId);
  const baseDump = placed.find((d) => d.id === baseId);
  const selX = selIdx >= 0 ? xOf(selIdx) : selDump ? dumpX(selDump) : null;
  const baseX = baseIdx >= 0 ? xOf(baseIdx) : baseDump ? dumpX(baseDump) : null;

  return (
    <div className="timeline-chart" ref={wrap}>
      {ready && (
        <svg width={width} height={height} role="img" aria-label={`Goroutines across ${points.length} snapshots`}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g className="timeline-grid" ref={yAxis} />
            <g className="timeline-axis" ref={xAxis} transform={`translate(0,${innerH})`} />
            {baseX !== null && selX !== null && <rect className="timeline-range" x={Math.min(baseX, selX)} width={Math.abs(selX - baseX)} y={0} height={innerH} />}
            <path className="timeline-others" d={paths.others} />
            {paths.bands.map((d, b) => (
              <path
                key={data.bands[b].key}
                className={highlightKey === null || highlightKey === data.bands[b].key ? 'timeline-band' : 'timeline-band dim'}
                d={d}
                fill={colors[b]}
                stroke={colors[b]}
              />
            ))}
            <path className="timeline-total" d={paths.total} />
            {points.map((p, i) => (
              <circle key={p.id} className={i === selIdx ? 'timeline-point selected' : 'timeline-point'} data-id={p.id} cx={xOf(i)} cy={y(p.total)} r={i === selIdx ? 4.5 : 2.5} />
            ))}
            {baseX !== null && <Marker x={baseX} height={innerH} label="base" className="base" />}
            {selX !== null && <Marker x={selX} height={innerH} label={baseX !== null ? 'target' : 'shown'} className="shown" />}
            {hover !== null && <line className="timeline-hover" x1={xOf(hover)} x2={xOf(hover)} y1={0} y2={innerH} />}
            <g ref={brushLayer} className="timeline-brush" />
            {placed.map((d, i) => (
              <g
                key={d.id}
                className={`timeline-dump${d.after === d.before ? ' taken-with' : ' between'}${d.id === selectedId ? ' selected' : ''}`}
                data-id={d.id}
                transform={`translate(${dumpX(d)},${y(d.total)})`}
                role="button"
                aria-label={d.name}
                onClick={() => onSelect(d.id)}
                onPointerEnter={() => setHoverDump(i)}
                onPointerLeave={() => setHoverDump(null)}
              >
                <circle className="hit" r={9} />
                {d.after === d.before ? <rect className="mark" x={-3.5} y={-3.5} width={7} height={7} transform="rotate(45)" /> : <circle className="mark" r={4} />}
              </g>
            ))}
          </g>
        </svg>
      )}
      {ready && hoverDump === null && hover !== null && <HoverCard data={data} colors={colors} index={hover} left={MARGIN.left + xOf(hover)} width={width} />}
      {ready && hoverDump !== null && placed[hoverDump] && <DumpCard data={data} dump={placed[hoverDump]} left={MARGIN.left + dumpX(placed[hoverDump])} width={width} />}
    </div>
  );
}

function Marker({ x, height, label, className }: { x: number; height: number; label: string; className: string }) {
  return (
    <g className={`timeline-marker ${className}`} transform={`translate(${x},0)`}>
      <line y1={0} y2={height} />
      <text y={-4} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** Pixels between dumps at one place, so that each can be pointed at. */
const DUMP_GAP = 10;

/** Each dump's horizontal offset from its place: dumps at the same place side by side, centred on it. */
function spreadDumps(placed: PlacedPoint[]): Map<number, number> {
  const at = d3.group(placed, (d) => `${d.after} ${d.before}`);
  const out = new Map<number, number>();
  for (const same of at.values()) same.forEach((d, k) => out.set(d.id, (k - (same.length - 1) / 2) * DUMP_GAP));
  return out;
}

/** A hover card's frame: when and what, and the goroutines counted there. */
function Card({ data, when, name, total, left, width, className, children }: { data: TimelineResult; when: string; name: string; total: number; left: number; width: number; className: string; children: React.ReactNode }) {
  const flip = left > width / 2;
  return (
    <div className={`timeline-card ${className}`} style={flip ? { right: width - left + 12 } : { left: left + 12 }}>
      <div className="timeline-card-head">
        <strong>{when}</strong> <span>{name}</span>
      </div>
      <div className="timeline-card-row total">
        <span className="swatch line" />
        <span className="name">{data.filtered ? 'Goroutines the filters keep' : 'All goroutines'}</span>
        <span className="num">{countFormat(total)}</span>
      </div>
      {children}
    </div>
  );
}

/** What a text dump on the chart is and where it was placed. */
function DumpCard({ data, dump, left, width }: { data: TimelineResult; dump: PlacedPoint; left: number; width: number }) {
  const after = data.points[dump.after];
  const when = dump.after !== dump.before ? 'no capture time' : data.clock === 'capture' && after.timeMs !== null ? clockTime(after.timeMs) : 'text dump';
  return (
    <Card data={data} when={when} name={dump.name} total={dump.total} left={left} width={width} className="timeline-dump-card">
      <div className="timeline-dump-how">{dump.how}</div>
    </Card>
  );
}

function HoverCard({ data, colors, index, left, width }: { data: TimelineResult; colors: string[]; index: number; left: number; width: number }) {
  const p = data.points[index];
  const shown = data.bands.reduce((s, b) => s + b.counts[index], 0);
  const when = data.clock === 'capture' && p.timeMs !== null ? clockTime(p.timeMs) : data.clock === 'interval' ? `#${index + 1}, +${spanLabel(p.x)}` : `#${index + 1}`;
  return (
    <Card data={data} when={when} name={p.name} total={p.total} left={left} width={width} className="">
      {data.bands.map((b, i) => (
        <div className="timeline-card-row" key={b.key}>
          <span className="swatch" style={{ background: colors[i] }} />
          <span className="name">{b.label}</span>
          <span className="num">{countFormat(b.counts[index])}</span>
        </div>
      ))}
      {p.total - shown > 0 && (
        <div className="timeline-card-row">
          <span className="swatch others" />
          <span className="name">Other groups</span>
          <span className="num">{countFormat(p.total - shown)}</span>
        </div>
      )}
    </Card>
  );
}
