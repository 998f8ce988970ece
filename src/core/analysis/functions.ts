import { isStdlibPackage, packageOf } from '../model/go-packages';
import type { Session } from '../model/session';

export function isStdlib(fn: string): boolean {
  return isStdlibPackage(packageOf(fn));
}

/**
 * Scheduler plumbing a goroutine parks through: the runtime itself and its linknamed entry points
 * in other packages (`sync.runtime_SemacquireMutex`, `internal/poll.runtime_pollWait`).
 */
export function isRuntimeFrame(fn: string): boolean {
  return fn.startsWith('runtime.') || fn.startsWith('internal/runtime/') || fn.includes('.runtime_');
}

/** Where a function's code lives: the program, the standard library, or the runtime's plumbing. */
export type CodeKind = 'own' | 'library' | 'runtime';

const kinds = new Map<string, CodeKind>();

/** codeKind of a function name, memoised: stacks repeat the same few hundred functions. */
export function codeKind(fn: string): CodeKind {
  let k = kinds.get(fn);
  if (k === undefined) {
    k = fn === '' || isRuntimeFrame(fn) ? 'runtime' : isStdlib(fn) ? 'library' : 'own';
    if (kinds.size > 100_000) kinds.clear();
    kinds.set(fn, k);
  }
  return k;
}

/**
 * The function that stands for a stack (leaf first): the first frame in the program's own code; for
 * stacks entirely in the runtime and standard library, the function the goroutine started in
 * (`net/http.(*persistConn).readLoop` says more than the `internal/poll` frame it waits in).
 */
export function representativeIndex(names: string[]): number {
  for (let i = 0; i < names.length; i++) if (codeKind(names[i]) === 'own') return i;
  return entryIndex(names);
}

/** Root-most frame that is not runtime.goexit: the function a go statement started. */
export function entryIndex(names: string[]): number {
  let i = names.length - 1;
  while (i > 0 && names[i] === 'runtime.goexit') i--;
  return i;
}

/**
 * A stack's function names with the parts that differ between Go's output formats removed: the
 * runtime frames under the blocking call (absent from debug=1 `#` lines and debug=2 dumps) and
 * `runtime.goexit`. Two stacks with the same key are the same code path in any format.
 */
export function portableStackKey(namesLeafFirst: string[]): string {
  let start = 0;
  while (start < namesLeafFirst.length - 1 && namesLeafFirst[start].startsWith('runtime.')) start++;
  let end = namesLeafFirst.length;
  while (end > start && namesLeafFirst[end - 1] === 'runtime.goexit') end--;
  return namesLeafFirst.slice(start, end).join('\n');
}

/** Memoises per-stack names and portable keys for one session; stacks are immutable once interned. */
export class StackNames {
  private names = new Map<number, string[]>();
  private keys = new Map<number, string>();
  private reps = new Map<number, string>();

  constructor(private session: Session) {}

  of(stack: number): string[] {
    let n = this.names.get(stack);
    if (!n) {
      n = this.session.stackNames(stack);
      this.names.set(stack, n);
    }
    return n;
  }

  portable(stack: number): string {
    let k = this.keys.get(stack);
    if (k === undefined) {
      k = portableStackKey(this.of(stack));
      this.keys.set(stack, k);
    }
    return k;
  }

  representative(stack: number): string {
    let r = this.reps.get(stack);
    if (r === undefined) {
      const names = this.of(stack);
      r = names.length ? names[representativeIndex(names)] : '';
      this.reps.set(stack, r);
    }
    return r;
  }

  /** The caller that tells apart stacks sharing a representative: the next own function toward the root. */
  caller(stack: number): string {
    const names = this.of(stack);
    const i = representativeIndex(names);
    for (let j = i + 1; j < names.length; j++) if (names[j] !== names[i] && codeKind(names[j]) === 'own') return names[j];
    return '';
  }

  entry(stack: number): string {
    const names = this.of(stack);
    return names.length ? names[entryIndex(names)] : '';
  }
}

/** One frame of a stack as the views show it. */
export interface FrameInfo {
  name: string;
  file: string;
  line: number;
  inlined: boolean;
}

/** A stack's frames, leaf first, with file and line. */
export function stackFrames(session: Session, stack: number): FrameInfo[] {
  return session.stacks.framesOf(stack).map((f) => ({
    name: session.funcName(f),
    file: session.fileName(f),
    line: session.frames.line.get(f),
    inlined: session.frames.inlined.get(f) === 1,
  }));
}
