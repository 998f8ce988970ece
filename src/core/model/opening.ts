import { captureOrder, type CaptureKeys } from './order';
import type { SourceFormat } from './snapshot';

export interface OpeningKeys extends CaptureKeys {
  kind: string;
  format: SourceFormat;
}

const GOROUTINE_KINDS = new Set(['goroutine', 'goroutineleak']);
/** A protobuf series wins a tie: it carries capture times and every runtime frame. */
const FORMAT_RANK: Record<SourceFormat, number> = { pprof: 2, debug2: 1, debug1: 0 };

/**
 * The goroutine snapshots that form the longest timeline: those of one format (the same goroutine's
 * stack differs between protobuf and text), the format with the most snapshots, in capture order.
 */
export function goroutineSeries<T extends OpeningKeys>(list: readonly T[]): T[] {
  const byFormat = new Map<SourceFormat, T[]>();
  for (const s of list) {
    if (!GOROUTINE_KINDS.has(s.kind)) continue;
    const group = byFormat.get(s.format) ?? [];
    group.push(s);
    byFormat.set(s.format, group);
  }
  let best: T[] = [];
  for (const [format, group] of byFormat) {
    const rank = best.length ? FORMAT_RANK[best[0].format] : -1;
    if (group.length > best.length || (group.length === best.length && FORMAT_RANK[format] > rank)) best = group;
  }
  return [...best].sort(captureOrder);
}

/**
 * The snapshot to show after `added` joined `all`: the newest of the goroutine series when the new
 * ones extend it (a folder's debug=1 text, taken last, is not what opens), else the newest added.
 */
export function openingSnapshot<T extends OpeningKeys>(all: readonly T[], added: readonly T[] = all): T | undefined {
  const series = goroutineSeries(all);
  if (added.some((s) => series.includes(s))) return series.at(-1);
  return goroutineSeries(added).at(-1) ?? [...added].sort(captureOrder).at(-1);
}

/** The view that answers first: Leaks for a series of goroutine snapshots, the flame graph for one profile. */
export function openingView(list: readonly OpeningKeys[]): 'leaks' | 'flame' {
  return goroutineSeries(list).length >= 2 ? 'leaks' : 'flame';
}
