/**
 * Where the dumps of a file holding several start: `cat`-ed captures, or a paste of two dumps.
 * One dump never lists a goroutine twice, and a debug=1 text has one header.
 */

/** Id of the goroutine whose header starts at `p`, or -1 when no header starts there. */
function headerId(text: string, p: number): number {
  let id = -1;
  for (let q = p + 10; q < text.length; q++) {
    const c = text.charCodeAt(q);
    if (c < 48 || c > 57) break;
    id = (id < 0 ? 0 : id * 10) + c - 48;
  }
  return text.startsWith('goroutine ', p) ? id : -1;
}

/** Start of the next line after `from` that begins with `goroutine `, or -1. */
function nextHeaderLine(text: string, from: number): number {
  const q = text.indexOf('\ngoroutine ', from);
  return q < 0 ? -1 : q + 1;
}

/** Whether the header at `p` says `[running`. */
function isRunning(text: string, p: number): boolean {
  const open = text.indexOf('[', p);
  return open >= 0 && text.startsWith('running', open + 1) && text.lastIndexOf('\n', open) < p;
}

/**
 * Offsets at which the debug=2 dumps of `text` start (the first is 0). A new dump starts where a
 * goroutine id comes back, or just before that at the `[running]` goroutine that wrote it, which
 * Go prints first.
 */
export function debug2Starts(text: string): number[] {
  const starts = [0];
  let seen = new Set<number>();
  let prev = -1;
  let prevId = -1;
  for (let p = text.startsWith('goroutine ') ? 0 : nextHeaderLine(text, 0); p >= 0; p = nextHeaderLine(text, p)) {
    const id = headerId(text, p);
    if (id < 0) continue;
    if (seen.has(id)) {
      const atWriter = prev > starts[starts.length - 1] && isRunning(text, prev) && !isRunning(text, p);
      starts.push(atWriter ? prev : p);
      seen = new Set(atWriter ? [prevId] : []);
    }
    seen.add(id);
    prev = p;
    prevId = id;
  }
  return starts;
}

/** Offsets at which the debug=1 texts of `text` start: at each `… profile: total N` header line. */
export function debug1Starts(text: string): number[] {
  const starts = [0];
  const header = /\n[\w.-]+ profile: total \d+|\nheap profile: *\d+: *\d+ *\[/g;
  const first = text.search(/\S/);
  for (let m = header.exec(text); m; m = header.exec(text)) if (m.index > first) starts.push(m.index + 1);
  return starts;
}

/** The parts of `text` between `starts`. */
export function partsAt(text: string, starts: number[]): string[] {
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
}

/** The warning of each part of a file holding several dumps. */
export function partWarning(part: number, parts: number): string {
  return `The file holds ${parts} dumps one after another; this snapshot is dump ${part + 1} of ${parts}.`;
}
