import type { Session } from '../../model/session';
import type { CallTree } from '../call-tree';
import type { NodeKeys } from '../granularity';
import { checkedRegex, type RegexSource } from '../refine-regex';
import { topReport } from '../top';

export interface LineValue {
  line: number;
  flat: number;
  cum: number;
}

/** One function in one source file, as a `ROUTINE` of `go tool pprof -list`. */
export interface SourceRoutine {
  name: string;
  /** Source file as the profile records it. */
  file: string;
  /** Line of the `func` keyword, 0 when the profile does not say. */
  startLine: number;
  /** pprof's header figures: the sums of the line values (cum may count a sample twice under recursion). */
  flat: number;
  cum: number;
  /** Lines with samples, ascending; empty when the profile names no file (pprof: "No source information"). */
  lines: LineValue[];
}

export type RoutineOrder = 'name' | 'cum';

/**
 * Per-line flat and cum of every function whose name matches, as `go tool pprof -list` computes
 * them: a report at `lines` granularity, so inlined frames count on their own function's lines;
 * flat on the leaf line, cum once per sample on every line of the stack.
 * `keys` must be the session's `lines` node keys.
 */
export function listRoutines(session: Session, tree: CallTree, keys: NodeKeys, matches: (name: string) => boolean, order: RoutineOrder = 'name'): SourceRoutine[] {
  const firstFrame = new Int32Array(keys.name.length).fill(-1);
  for (let f = 0; f < keys.ofFrame.length; f++) if (firstFrame[keys.ofFrame[f]] < 0) firstFrame[keys.ofFrame[f]] = f;
  const byName = new Map<string, boolean>();
  const routines = new Map<string, SourceRoutine>();
  for (const row of topReport(tree, keys, session.frames).rows) {
    const frame = firstFrame[row.key];
    const name = session.funcName(frame);
    let ok = byName.get(name);
    if (ok === undefined) byName.set(name, (ok = matches(name)));
    if (!ok) continue;
    const file = keys.file[row.key];
    const id = `${name}\u0000${file}`;
    let r = routines.get(id);
    if (!r) {
      const startLine = session.functions.startLine.get(session.frames.func.get(frame));
      routines.set(id, (r = { name, file, startLine, flat: 0, cum: 0, lines: [] }));
    }
    r.flat += row.flat;
    r.cum += row.cum;
    if (file) r.lines.push({ line: keys.line[row.key], flat: row.flat, cum: row.cum });
  }
  // pprof lists a function without any source file once, as "No source information".
  const withFile = new Set<string>();
  for (const r of routines.values()) if (r.file) withFile.add(r.name);
  const out = [...routines.values()].filter((r) => r.file || !withFile.has(r.name));
  for (const r of out) r.lines.sort((a, b) => a.line - b.line);
  return out.sort(order === 'name' ? byNameThenFile : (a, b) => b.cum - a.cum || b.flat - a.flat || byNameThenFile(a, b));
}

function byNameThenFile(a: SourceRoutine, b: SourceRoutine): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** A `-list` pattern (Go regex syntax) as a checked JavaScript regex; a bad pattern throws `parsing regexp …: why`. */
export function listRegex(pattern: string): RegexSource {
  try {
    return checkedRegex(pattern);
  } catch (e) {
    throw new SyntaxError(`parsing regexp ${pattern}: ${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`);
  }
}

/** A `-list` pattern as a name test run in place (the CLI); a bad pattern throws `parsing regexp …: why`. */
export function nameMatcher(pattern: string): (name: string) => boolean {
  const { source, flags } = listRegex(pattern);
  const re = new RegExp(source, flags);
  return (name) => re.test(name);
}

/** Every distinct function name of the session, each once: what a `-list` regex is tested against. */
export function functionNames(session: Session): string[] {
  const { functions, strings } = session;
  const seen = new Uint8Array(strings.size);
  const out: string[] = [];
  const name = functions.name.data;
  for (let fn = 0; fn < functions.size; fn++) {
    const id = name[fn];
    if (!seen[id]) {
      seen[id] = 1;
      out.push(strings.get(id));
    }
  }
  return out;
}
