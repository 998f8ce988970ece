import { SnapshotBuilder } from '../model/builder';
import type { Session } from '../model/session';
import type { Ancestors } from '../model/snapshot';
import { parseTextLabels } from './debug1';
import { ProfileError } from '../io/errors';
import { UNCANCELLABLE } from '../io/pace';
import { exactIntOf, quoted } from './numbers';

/** net/http/pprof stops writing a goroutine dump at this size. */
const GO_DUMP_CAP = 64 * 1024 * 1024;
const ONE = [1];
const NL = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const DOT = 46;
const COLON = 58;
const RPAREN = 41;
const ORIGIN = '[originating from goroutine ';

/** A goroutine header anywhere in the text: a panic's dump may follow any amount of log output. */
export function isDebug2(text: string): boolean {
  return /^goroutine \d+ .*\[/m.test(text);
}

/** What the bracket of a goroutine header says, e.g. `[chan send, 3 minutes, locked to thread]`. */
interface Status {
  state: number;
  minutes: number;
  locked: number;
  /** The synctest bubble (Go 1.25+), or -1. */
  bubble: number;
}

/** Per-goroutine facts, appended as goroutines are read. */
class Facts {
  id: number[] = [];
  group: number[] = [];
  state: number[] = [];
  minutes: number[] = [];
  locked: number[] = [];
  bubble: number[] = [];
  createdBy: number[] = [];
  parentId: number[] = [];
  /** Per goroutine, where its ancestors start in the ancestor columns. */
  ancestorStart: number[] = [];
  ancestorId: number[] = [];
  ancestorCreatedBy: number[] = [];

  /** The ancestor columns, or undefined when no goroutine has ancestors. */
  ancestors(): Ancestors | undefined {
    if (this.ancestorId.length === 0) return undefined;
    return { start: Int32Array.from([...this.ancestorStart, this.ancestorId.length]), id: Float64Array.from(this.ancestorId), createdBy: Int32Array.from(this.ancestorCreatedBy) };
  }
}

/**
 * Reads a debug=2 goroutine dump (also panics and runtime.Stack(all) output) line by line with
 * indexOf, interning as it goes; one instance per dump.
 */
class Reader {
  private readonly funcs = new Map<string, number>();
  private readonly statuses = new Map<string, Status>();
  private readonly labelSets = new Map<string, number>();
  private frames = new Int32Array(256);
  readonly facts = new Facts();
  /** Whether the last goroutine block was whole; set by `block`. */
  whole = true;

  constructor(
    private readonly text: string,
    private readonly session: Session,
    private readonly builder: SnapshotBuilder,
  ) {}

  /** End of the line starting at `p` (the index of its newline, or the text's length). */
  private eol(p: number): number {
    const e = this.text.indexOf('\n', p);
    return e < 0 ? this.text.length : e;
  }

  /** End of a line's content, before any carriage return or trailing blanks (pasted text gains them). */
  private trimCR(e: number): number {
    const text = this.text;
    while (e > 0) {
      const c = text.charCodeAt(e - 1);
      if (c !== CR && c !== SPACE && c !== TAB) break;
      e--;
    }
    return e;
  }

  /** Whether the line at `p` holds nothing but blanks (a line of the text's very end is not blank). */
  private isBlank(p: number): boolean {
    const text = this.text;
    for (let q = p; q < text.length; q++) {
      const c = text.charCodeAt(q);
      if (c === NL) return true;
      if (c !== CR && c !== SPACE && c !== TAB) return false;
    }
    return false;
  }

  /**
   * Whether the line at `p` is indented: a file line. Go indents them with a tab; a dump pasted
   * through a chat or an issue has spaces instead.
   */
  private isIndented(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return c === TAB || c === SPACE;
  }

  /** Whether the line in [p, e) may be a call line, or the start of one: words with spaces are not, unless in its arguments. */
  private mayBeCall(p: number, e: number): boolean {
    const space = this.text.indexOf(' ', p);
    return space < 0 || space >= e || this.text.lastIndexOf('(', space) >= p;
  }

  /** True when the line at `p` is `goroutine <digit>…`. */
  isHeader(p: number): boolean {
    const c = this.text.charCodeAt(p + 10);
    return c >= 48 && c <= 57 && this.text.startsWith('goroutine ', p);
  }

  /** A malformed line: the error names it by number. */
  private fail(p: number, reason: string): never {
    let line = 1;
    for (let q = this.text.indexOf('\n'); q >= 0 && q < p; q = this.text.indexOf('\n', q + 1)) line++;
    throw new ProfileError(`malformed debug=2 text: line ${line}: ${reason}`);
  }

  /** Index of the next goroutine header at or after `p`, or -1. */
  nextHeader(p: number): number {
    if (this.isHeader(p)) return p;
    for (let q = this.text.indexOf('\ngoroutine ', p); q >= 0; q = this.text.indexOf('\ngoroutine ', q + 1)) {
      if (this.isHeader(q + 1)) return q + 1;
    }
    return -1;
  }

  /** The status in the brackets of the header at `p`. */
  private status(inner: string, p: number): Status {
    let s = this.statuses.get(inner);
    if (s) return s;
    const parts = inner.split(', ');
    let minutes = -1;
    let locked = 0;
    let bubble = -1;
    for (const part of parts.slice(1)) {
      if (part === 'locked to thread') locked = 1;
      else if (/^synctest bubble \d{1,9}$/.test(part)) bubble = Number(part.slice('synctest bubble '.length));
      else if (/^\d+ minutes?$/.test(part)) {
        const digits = part.slice(0, part.indexOf(' '));
        minutes = Number(digits);
        if (minutes > 0x7fffffff) this.fail(p, `a wait of ${quoted(digits)} minutes is out of range`);
      }
    }
    s = { state: this.session.strings.intern(parts[0].replace(/ \(scan\)$/, '')), minutes, locked, bubble };
    this.statuses.set(inner, s);
    return s;
  }

  /** The label set of the header at `p`. */
  private labels(raw: string, p: number): number {
    let id = this.labelSets.get(raw);
    if (id === undefined) {
      try {
        id = this.session.labelSets.intern(parseTextLabels(raw));
      } catch (e) {
        if (e instanceof ProfileError) this.fail(p, e.message);
        throw e;
      }
      this.labelSets.set(raw, id);
    }
    return id;
  }

  /** Frame id of function `name` at the `\tfile:line +0x…` line starting at `p`. */
  private frame(name: string, p: number, e: number, inlined: boolean): number {
    const text = this.text;
    // `p` ends up just before the file name, wherever the indentation ends.
    while (p + 1 < e && this.isIndented(p + 1)) p++;
    let colon = text.lastIndexOf(':', e);
    if (colon <= p) colon = e;
    let line = 0;
    for (let q = colon + 1; q < e; q++) {
      const c = text.charCodeAt(q);
      if (c < 48 || c > 57) break;
      line = line * 10 + c - 48;
    }
    const fns = this.session.functions;
    let fn = this.funcs.get(name);
    if (fn !== undefined) {
      const file = this.session.strings.get(fns.file.get(fn));
      if (file.length !== colon - p - 1 || !text.startsWith(file, p + 1)) fn = undefined;
    }
    if (fn === undefined) {
      fn = fns.intern(name, text.slice(p + 1, colon));
      this.funcs.set(name, fn);
    }
    return this.session.frames.intern(fn, line, inlined);
  }

  /** The goroutine id of a `created by … in goroutine N` line at `p`. */
  private parentId(digits: string, p: number): number {
    const id = exactIntOf(digits);
    if (id !== null) return id;
    return this.fail(p, /^\d+$/.test(digits) ? `the parent goroutine id "${quoted(digits)}" is out of range` : `the parent goroutine id "${quoted(digits)}" is not a number`);
  }

  private pushFrame(n: number, frame: number): number {
    if (n === this.frames.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.frames);
      this.frames = grown;
    }
    this.frames[n] = frame;
    return n + 1;
  }

  /**
   * Reads the goroutine block whose header starts at `p`; returns where the next block may start.
   * Sets `whole` to false when the text ends inside the block.
   */
  block(p: number): number {
    const text = this.text;
    const len = text.length;
    const he = this.eol(p);
    const hc = this.trimCR(he);
    const open = text.indexOf('[', p);
    const close = open < 0 ? -1 : text.indexOf(']', open);
    if (he === len || close < 0 || close > hc || text.charCodeAt(hc - 1) !== COLON) {
      this.whole = he < len;
      return he + 1;
    }
    let id = 0;
    let idEnd = p + 10;
    for (; idEnd < len; idEnd++) {
      const c = text.charCodeAt(idEnd);
      if (c < 48 || c > 57) break;
      id = id * 10 + c - 48;
    }
    if (id > Number.MAX_SAFE_INTEGER) this.fail(p, `goroutine id ${quoted(text.slice(p + 10, idEnd))} is out of range`);
    const status = this.status(text.slice(open + 1, close), p);
    const labelSet = hc - 1 > close + 1 ? this.labels(text.slice(close + 1, hc - 1), p) : 0;
    let n = 0;
    let createdBy = -1;
    let parent = -1;
    let ended = false;
    let pending = false;
    let ancestors = false;
    const f = this.facts;
    const ancestorsFrom = f.ancestorId.length;
    let q = he + 1;
    while (q < len) {
      if (this.isBlank(q)) {
        ended = true;
        q = this.eol(q) + 1;
        break;
      }
      if (this.isHeader(q)) {
        ended = true;
        break;
      }
      const e = this.eol(q);
      const c = this.trimCR(e);
      const next = e + 1;
      const c0 = text.charCodeAt(q);
      if (c0 === TAB || c0 === SPACE || c0 === DOT) {
        // A stray file line, or `...N frames elided...`: nothing to keep.
        q = next;
        continue;
      }
      // Ancestor stacks (GODEBUG=tracebackancestors) close the block: what each ancestor ran when it
      // started the next one is not kept, only who it is and what created it.
      if (text.startsWith(ORIGIN, q)) {
        ancestors = true;
        f.ancestorId.push(parseInt(text.slice(q + ORIGIN.length, c), 10));
        f.ancestorCreatedBy.push(-1);
        q = next;
        continue;
      }
      if (ancestors) {
        if (text.startsWith('created by ', q) && next < len && this.isIndented(next)) {
          const fe = this.eol(next);
          f.ancestorCreatedBy[f.ancestorCreatedBy.length - 1] = this.frame(text.slice(q + 11, c), next, this.trimCR(fe), false);
          q = fe + 1;
        } else q = next;
        continue;
      }
      if (next >= len || !this.isIndented(next)) {
        // A line without a file line: trailing text (`exit status 2` after a panic), or a call
        // whose file line the cut took away.
        pending = (e >= len && this.mayBeCall(q, c)) || (next >= len && text.charCodeAt(c - 1) === RPAREN);
        q = next;
        continue;
      }
      const fe = this.eol(next);
      const fc = this.trimCR(fe);
      // At the very end, a file line without its newline is whole only if it got as far as the pc offset.
      pending = fe >= len && text.lastIndexOf(' +0x', fc) < next;
      if (text.startsWith('created by ', q)) {
        const inG = text.lastIndexOf(' in goroutine ', c);
        const nameEnd = inG > q ? inG : c;
        createdBy = this.frame(text.slice(q + 11, nameEnd), next, fc, false);
        if (inG > q) parent = this.parentId(text.slice(inG + 14, c), q);
      } else {
        let args = text.lastIndexOf('(', c);
        if (args < q) args = c;
        const inlined = c - args === 5 && text.startsWith('(...)', args);
        n = this.pushFrame(n, this.frame(text.slice(q, args), next, fc, inlined));
      }
      q = fe + 1;
    }
    this.whole = ended || (!pending && len !== GO_DUMP_CAP && q > he + 1);
    if (!this.whole) {
      f.ancestorId.length = f.ancestorCreatedBy.length = ancestorsFrom;
      return len;
    }
    const node = this.session.stacks.intern(this.frames.subarray(0, n).reverse(), n);
    f.ancestorStart.push(ancestorsFrom);
    f.id.push(id);
    f.group.push(this.builder.add(node, labelSet, ONE));
    f.state.push(status.state);
    f.minutes.push(status.minutes);
    f.locked.push(status.locked);
    f.bubble.push(status.bubble);
    f.createdBy.push(createdBy);
    f.parentId.push(parent);
    return q;
  }
}

/**
 * Decodes a debug=2 goroutine dump into one group per distinct stack and labels, with per-goroutine
 * facts (id, state, wait minutes, creator). A dump cut short keeps its whole goroutines.
 */
export async function decodeDebug2(text: string, session: Session, name: string, pace = UNCANCELLABLE): Promise<SnapshotBuilder> {
  const builder = new SnapshotBuilder(session, { name, format: 'debug2', kind: 'goroutine', sampleTypes: [{ type: 'goroutine', unit: 'count' }] });
  const r = new Reader(text, session, builder);
  for (let p = r.nextHeader(0), n = 0; p >= 0 && p < text.length; n++) {
    if ((n & 1023) === 0 && pace.due()) await pace.pause();
    p = r.block(p);
    if (p < text.length && !r.isHeader(p)) p = r.nextHeader(p);
  }
  const f = r.facts;
  if (f.id.length === 0) {
    throw new ProfileError(r.whole ? 'malformed debug=2 text: no goroutine could be read' : 'debug=2 text is cut off inside its first goroutine, so nothing whole is left to show');
  }
  if (!r.whole) {
    builder.warn(`The dump is cut off mid-goroutine (Go stops writing goroutine dumps at 64 MiB): kept the ${f.id.length} whole goroutines and dropped the partial last one.`);
  }
  builder.goroutines = {
    id: Float64Array.from(f.id),
    group: Int32Array.from(f.group),
    state: Int32Array.from(f.state),
    waitMinutes: Int32Array.from(f.minutes),
    locked: Uint8Array.from(f.locked),
    createdBy: Int32Array.from(f.createdBy),
    parentId: Float64Array.from(f.parentId),
  };
  const ancestors = f.ancestors();
  if (ancestors) builder.goroutines.ancestors = ancestors;
  if (f.bubble.some((b) => b >= 0)) builder.goroutines.bubble = Int32Array.from(f.bubble);
  return builder;
}
