import { IntList } from './int-list';
import { PairTable } from './pair-table';
import { hashFrames, StackCache } from './stack-cache';
import { StringTable } from './strings';

/** Functions interned by (name, system name, file). */
export class FunctionTable {
  readonly name = new IntList();
  readonly file = new IntList();
  readonly startLine = new IntList();
  private byKey = new Map<string, number>();

  constructor(private strings: StringTable) {}

  intern(name: string, file: string, startLine = 0, systemName = name): number {
    const key = `${name}\u0000${systemName}\u0000${file}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.name.push(this.strings.intern(name));
      this.file.push(this.strings.intern(file));
      this.startLine.push(startLine);
      this.byKey.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.name.length;
  }
}

/**
 * Frames are (function, line, inlined) triples: one source position of one call. A frame is
 * inlined when the compiler folded it into its caller (it is not the last line of its location).
 */
export class FrameTable {
  readonly func = new IntList();
  readonly line = new IntList();
  readonly inlined = new IntList();
  private byKey = new PairTable();

  intern(func: number, line: number, inlined = false): number {
    const l = line > 0 && line < 0x3fffffff ? line : 0;
    const id = this.byKey.intern(func, l * 2 + (inlined ? 1 : 0), this.func.length);
    if (id === this.func.length) {
      this.func.push(func);
      this.line.push(l);
      this.inlined.push(inlined ? 1 : 0);
    }
    return id;
  }

  get size(): number {
    return this.func.length;
  }
}

/**
 * Stacks as a prefix tree: each node is (parent node, frame), root-most frame first.
 * Node 0 is the virtual root above every stack; a stack is named by its leaf node.
 */
export class StackTable {
  readonly parent = new IntList(4096);
  readonly frame = new IntList(4096);
  readonly depth = new IntList(4096);
  /**
   * Per node two ints: its only child (0: none; most nodes have one, the next node of a chain), or
   * -1 when it has several, which are then found in `wide`; and that child's frame, beside it so
   * that one memory read both finds and checks the child.
   */
  private only = new IntList(8192);
  private wide = new PairTable();
  private cache = new StackCache();
  /** Leaves interned without the cache, waiting to be added to it. */
  private uncached = new IntList(0);

  constructor() {
    this.parent.push(-1);
    this.frame.push(-1);
    this.depth.push(0);
    this.only.reserve(2);
    this.only.length = 2;
  }

  child(parent: number, frame: number): number {
    const at = parent * 2;
    const c = this.only.data[at];
    if (c > 0) {
      const onlyFrame = this.only.data[at + 1];
      if (onlyFrame === frame) return c;
      const id = this.push(parent, frame);
      this.wide.set(parent, onlyFrame, c);
      this.wide.set(parent, frame, id);
      this.only.data[at] = -1;
      return id;
    }
    if (c < 0) {
      const id = this.wide.intern(parent, frame, this.parent.length);
      return id === this.parent.length ? this.push(parent, frame) : id;
    }
    const id = this.push(parent, frame);
    this.only.data[at] = id;
    this.only.data[at + 1] = frame;
    return id;
  }

  /**
   * Interns the stack of frames[0..n), root-most first; returns its leaf node. A load that cannot
   * repeat itself (a pprof profile's samples into an empty table) passes `cache` false: its stacks
   * go to the whole-stack cache only when a later load asks for them.
   */
  intern(framesRootFirst: ArrayLike<number>, n = framesRootFirst.length, cache = true): number {
    if (!cache) {
      const leaf = this.walk(framesRootFirst, n);
      this.uncached.push(leaf);
      return leaf;
    }
    if (this.uncached.length) this.cacheUncached();
    const h = hashFrames(framesRootFirst, n);
    let node = this.cache.find(framesRootFirst, n, h);
    if (node < 0) {
      node = this.walk(framesRootFirst, n);
      this.cache.add(framesRootFirst, n, h, node);
    }
    return node;
  }

  /** Follows the nodes the stack already has, then adds the rest. */
  private walk(framesRootFirst: ArrayLike<number>, n: number): number {
    const only = this.only.data;
    let node = 0;
    let i = 0;
    for (; i < n; i++) {
      const frame = framesRootFirst[i];
      const c = only[node * 2];
      const next = c > 0 ? (only[node * 2 + 1] === frame ? c : -1) : c < 0 ? this.wide.get(node, frame) : -1;
      if (next < 0) break;
      node = next;
    }
    if (i === n) return node;
    node = this.child(node, framesRootFirst[i]);
    return i + 1 < n ? this.chain(node, framesRootFirst, i + 1, n) : node;
  }

  /** Adds the stacks interned without the cache to it. */
  private cacheUncached(): void {
    const leaves = this.uncached;
    const depth = this.depth.data;
    let total = 0;
    for (let i = 0; i < leaves.length; i++) total += depth[leaves.data[i]];
    this.cache.reserve(leaves.length, total);
    let frames = new Int32Array(64);
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves.data[i];
      if (frames.length < depth[leaf]) frames = new Int32Array(depth[leaf] * 2);
      const n = this.writeRootFirst(leaf, frames);
      const h = hashFrames(frames, n);
      if (this.cache.find(frames, n, h) < 0) this.cache.add(frames, n, h, leaf);
    }
    this.uncached = new IntList(0);
  }

  /** Makes room for `more` nodes, ahead of a load of stacks with up to that many frames in all. */
  reserve(more: number): void {
    this.parent.reserve(more);
    this.frame.reserve(more);
    this.depth.reserve(more);
    this.only.reserve(2 * more);
  }

  /**
   * Appends new nodes for frames[from..n) below `parent`, a node created just now and so without
   * children; each new node is its parent's only child. Returns the last one.
   */
  private chain(parent: number, frames: ArrayLike<number>, from: number, n: number): number {
    const k = n - from;
    this.reserve(k);
    const parents = this.parent.data;
    const fr = this.frame.data;
    const depths = this.depth.data;
    const only = this.only.data;
    const first = this.parent.length;
    let depth = depths[parent];
    only[2 * parent] = first;
    only[2 * parent + 1] = frames[from];
    for (let i = 0; i < k; i++) {
      const id = first + i;
      parents[id] = i === 0 ? parent : id - 1;
      fr[id] = frames[from + i];
      depths[id] = ++depth;
      // The last one keeps 0 (no child): an IntList is zero past its length.
      if (i < k - 1) {
        only[2 * id] = id + 1;
        only[2 * id + 1] = frames[from + i + 1];
      }
    }
    this.parent.length += k;
    this.frame.length += k;
    this.depth.length += k;
    this.only.length += 2 * k;
    return first + k - 1;
  }

  private push(parent: number, frame: number): number {
    const id = this.parent.push(parent);
    this.frame.push(frame);
    this.depth.push(this.depth.data[parent] + 1);
    this.only.push(0);
    this.only.push(0);
    return id;
  }

  /** Writes the frames of a stack to out[0 .. depth), root-most first (out must hold them); returns its depth. */
  writeRootFirst(stack: number, out: Int32Array): number {
    const n = this.depth.data[stack];
    const parent = this.parent.data;
    const frame = this.frame.data;
    for (let s = stack, d = n - 1; s > 0; s = parent[s], d--) out[d] = frame[s];
    return n;
  }

  /** Frames of a stack, leaf first. */
  framesOf(stack: number): number[] {
    const out: number[] = [];
    for (let s = stack; s > 0; s = this.parent.get(s)) out.push(this.frame.get(s));
    return out;
  }

  get size(): number {
    return this.parent.length;
  }
}

export interface Label {
  key: string;
  value: string;
  /** Set for numeric labels. */
  num?: number;
  unit?: string;
}

/** Label sets interned by their canonical text; id 0 is the empty set. */
export class LabelSetTable {
  readonly sets: Label[][] = [[]];
  private byKey = new Map<string, number>([['', 0]]);

  intern(labels: Label[]): number {
    if (labels.length === 0) return 0;
    const sorted = labels.length > 1 ? [...labels].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) : labels;
    const key = sorted.map(labelKey).join('\u0001');
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(sorted);
      this.byKey.set(key, id);
    }
    return id;
  }

  get(id: number): Label[] {
    return this.sets[id];
  }
}

function labelKey(l: Label): string {
  return l.num === undefined ? `${l.key}\u0000${l.value}` : `${l.key}\u0000#${l.num}\u0000${l.unit ?? ''}`;
}

/** Groups are (stack, label set) pairs: the unit that snapshots count and the timeline follows. */
export class GroupTable {
  readonly stack = new IntList(4096);
  readonly labels = new IntList(4096);
  /**
   * Per stack node, its first group plus one (0: none); per group, the next group of the same
   * stack plus one. A stack has one group per label set it was seen with, usually one or a few.
   */
  private firstOfStack = new IntList(4096);
  private nextOfStack = new IntList(4096);

  /** Makes room for `more` groups, of stacks up to node `stacks`, ahead of a large load. */
  reserve(more: number, stacks: number): void {
    this.stack.reserve(more);
    this.labels.reserve(more);
    this.nextOfStack.reserve(more);
    this.firstOfStack.reserve(stacks - this.firstOfStack.length);
  }

  intern(stack: number, labelSet: number): number {
    const first = this.firstOfStack;
    if (stack >= first.length) {
      first.reserve(stack + 1 - first.length);
      first.length = stack + 1;
    }
    const labels = this.labels.data;
    const next = this.nextOfStack.data;
    for (let g = first.data[stack] - 1; g >= 0; g = next[g] - 1) if (labels[g] === labelSet) return g;
    const id = this.stack.push(stack);
    this.labels.push(labelSet);
    this.nextOfStack.push(first.data[stack]);
    first.data[stack] = id + 1;
    return id;
  }

  get size(): number {
    return this.stack.length;
  }
}
