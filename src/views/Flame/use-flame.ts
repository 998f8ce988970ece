import { useEffect, useRef, useState } from 'react';
import { useWorkerResult } from '../../ui/use-worker-result';
import { worker } from '../../worker/client';
import type { FlameData, FlameSearch, FlameSpec } from '../../worker/flame';

/**
 * The Worker's flame graph for a spec; `busy` while a newer one is computed (the old one stays on
 * screen meanwhile). `resolution` and `zoomPath` are read when a request starts, not followed.
 */
export function useFlameData(spec: FlameSpec | null, resolution: () => number, zoomPath: () => string[] | null) {
  const read = useRef({ resolution, zoomPath });
  read.current = { resolution, zoomPath };
  return useWorkerResult<FlameData>(spec && (() => worker.flame(spec, read.current.resolution(), read.current.zoomPath())), [spec]);
}

const SEARCH_DELAY_MS = 90;

/** Search matches in a graph, a moment after the text stops changing. */
export function useFlameSearch(graphId: number | null, text: string): FlameSearch | null {
  const [result, setResult] = useState<FlameSearch | null>(null);
  useEffect(() => {
    if (graphId === null || text.trim() === '') {
      setResult(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      worker.flameSearch(graphId, text).then((r) => live && setResult(r));
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [graphId, text]);
  return result;
}

/** Label keys of a snapshot's goroutines (for grouping by label). */
export function useLabelKeys(snapshotId: number | null): string[] {
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    if (snapshotId === null) return;
    let live = true;
    worker.flameLabelKeys(snapshotId).then((k) => live && setKeys(k));
    return () => {
      live = false;
    };
  }, [snapshotId]);
  return keys;
}
