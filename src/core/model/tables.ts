import { IntList } from './int-list';
import { PairTable } from './pair-table';
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
    const key = l * 2 + (inlined ? 1 : 0);
    let id = this.byKey.get(func, key);
    if (id < 0) {
      id = this.func.push(func);
      this.line.push(l);
      this.inlined.push(inlined ? 1 : 0);
      this.byKey.set(func, key, id);
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
  readonly parent = new IntList();
  readonly frame = new IntList();
  readonly depth = new IntList();
  private byKey = new PairTable(4096);

  constructor() {
    this.parent.push(-1);
    this.frame.push(-1);
    this.depth.push(0);
  }

  child(parent: number, frame: number): number {
    let id = this.byKey.get(parent, frame);
    if (id < 0) {
      id = this.parent.push(parent);
      this.frame.push(frame);
      this.depth.push(this.depth.get(parent) + 1);
      this.byKey.set(parent, frame, id);
    }
    return id;
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
  private byKey = new PairTable(4096);

  intern(stack: number, labelSet: number): number {
    let id = this.byKey.get(stack, labelSet);
    if (id < 0) {
      id = this.stack.push(stack);
      this.labels.push(labelSet);
      this.byKey.set(stack, labelSet, id);
    }
    return id;
  }

  get size(): number {
    return this.stack.length;
  }
}
