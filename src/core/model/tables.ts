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
   * A node's first child is nearly always the node after it: a new stack's nodes are added in one
   * run, each below the one before. `branching` marks the nodes that have another child (or whose
   * only child is elsewhere): all their children are then found in `wide`.
   */
  private branching = new Uint8Array(4096);
  private wide = new PairTable();
  private cache = new StackCache();
  /** Leaves interned without the cache, waiting to be added to it. */
  private uncached = new IntList(0);

  constructor() {
    this.parent.push(-1);
    this.frame.push(-1);
    this.depth.push(0);
  }

  /** The child of `parent` with `frame`, or -1. */
  private find(parent: number, frame: number): number {
    if (this.branching[parent] !== 0) return this.wide.get(parent, frame);
    const c = parent + 1;
    return c < this.parent.length && this.parent.data[c] === parent && this.frame.data[c] === frame ? c : -1;
  }

  child(parent: number, frame: number): number {
    const found = this.find(parent, frame);
    return found >= 0 ? found : this.add(parent, frame);
  }

  /** Adds the child of `parent` with `frame`, which it does not have yet. */
  private add(parent: number, frame: number): number {
    const id = this.push(parent, frame);
    if (this.branching[parent] !== 0) this.wide.set(parent, frame, id);
    else if (id !== parent + 1) {
      // A second child, or an only child away from its parent: from now on all are in `wide`.
      const next = parent + 1;
      if (this.parent.data[next] === parent) this.wide.set(parent, this.frame.data[next], next);
      this.wide.set(parent, frame, id);
      this.branching[parent] = 1;
    }
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
    let node = 0;
    let i = 0;
    for (; i < n; i++) {
      const next = this.find(node, framesRootFirst[i]);
      if (next < 0) break;
      node = next;
    }
    if (i === n) return node;
    node = this.add(node, framesRootFirst[i]);
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
    if (this.parent.data.length > this.branching.length) {
      const grown = new Uint8Array(this.parent.data.length);
      grown.set(this.branching);
      this.branching = grown;
    }
  }

  /**
   * Appends new nodes for frames[from..n) below `parent`, a node created just now and so without
   * children: each new node is the first child of the one before it. Returns the last one.
   */
  private chain(parent: number, frames: ArrayLike<number>, from: number, n: number): number {
    const k = n - from;
    if (this.parent.length + k > this.parent.data.length) this.reserve(k);
    const parents = this.parent.data;
    const fr = this.frame.data;
    const depths = this.depth.data;
    const first = this.parent.length;
    let depth = depths[parent];
    parents[first] = parent;
    for (let i = 0; i < k; i++) {
      const id = first + i;
      if (i > 0) parents[id] = id - 1;
      fr[id] = frames[from + i];
      depths[id] = ++depth;
    }
    this.parent.length = this.frame.length = this.depth.length = first + k;
    return first + k - 1;
  }

  /** Adds a node; the three lists grow together, so one of them tells for all. */
  private push(parent: number, frame: number): number {
    const id = this.parent.length;
    if (id === this.parent.data.length) this.reserve(1);
    this.parent.data[id] = parent;
    this.frame.data[id] = frame;
    this.depth.data[id] = this.depth.data[parent] + 1;
    this.parent.length = this.frame.length = this.depth.length = id + 1;
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
