import type { SourceRoutine } from './list';

/** Lines shown before the first and after the last line with samples. */
const MARGIN = 5;
/** Lines with samples closer than this stay in one block. */
const MERGE_LIMIT = 20;

/** Inclusive line range. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * The lines `go tool pprof -list` prints for a routine: from the function's first line (or 5
 * before its first sampled line when unknown) to 5 after its last, never before line 1. pprof
 * stops earlier at the end of the file; `lineCount` (when the text is known) does the same.
 */
export function listRange(r: SourceRoutine, lineCount?: number): LineRange {
  if (r.lines.length === 0) return { start: 1, end: 0 };
  const first = r.lines[0].line;
  const last = r.lines[r.lines.length - 1].line;
  const start = Math.max(1, r.startLine > 0 ? r.startLine : first - MARGIN);
  const end = Math.max(start, last) + MARGIN;
  return { start, end: lineCount === undefined ? end : Math.min(end, lineCount) };
}

/**
 * The routine's listing split like pprof's weblist: the function's first line and every sampled
 * line are anchors; anchors closer than 20 lines share a block; blocks get 5 lines of context,
 * sharing the gap between two blocks when it is narrower. Blocks lie within `listRange`, so with
 * one block (the usual case) they are exactly what `-list` prints.
 */
export function listBlocks(r: SourceRoutine, lineCount?: number): LineRange[] {
  const range = listRange(r, lineCount);
  if (range.end < range.start) return [];
  const anchors = r.lines.map((l) => l.line);
  if (r.startLine > 0) anchors.unshift(r.startLine);
  // Half-open [begin, end) runs, as pprof builds them.
  const runs: { begin: number; end: number }[] = [];
  for (const l of [...new Set(anchors)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && l - last.end < MERGE_LIMIT) last.end = l + 1;
    else runs.push({ begin: l, end: l + 1 });
  }
  for (let i = 1; i < runs.length; i++) {
    const half = Math.min(MARGIN, Math.floor((runs[i].begin - runs[i - 1].end) / 2));
    runs[i - 1].end += half;
    runs[i].begin -= half;
  }
  const blocks: LineRange[] = [];
  for (const run of runs) {
    const start = Math.max(range.start, run.begin);
    const end = Math.min(range.end, run.end - 1);
    if (start <= end) blocks.push({ start, end });
  }
  if (blocks.length > 0) {
    blocks[0].start = range.start;
    blocks[blocks.length - 1].end = range.end;
  }
  return blocks;
}
