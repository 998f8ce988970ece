import type { Snapshot } from './snapshot';
import { StringTable } from './strings';
import { FrameTable, FunctionTable, GroupTable, LabelSetTable, StackTable } from './tables';

/**
 * Everything loaded in one session. Strings, functions, frames, stacks, label sets and groups are
 * interned once across all snapshots, so one stack in two snapshots is the same group id.
 */
export class Session {
  readonly strings = new StringTable();
  readonly functions = new FunctionTable(this.strings);
  readonly frames = new FrameTable();
  readonly stacks = new StackTable();
  readonly labelSets = new LabelSetTable();
  readonly groups = new GroupTable();
  readonly snapshots: Snapshot[] = [];
  private nextId = 1;
  private loads = 0;

  /** Reserves an id and load position for a snapshot about to be decoded. */
  reserve(): { id: number; loadOrder: number } {
    return { id: this.nextId++, loadOrder: this.loads++ };
  }

  add(s: Snapshot): Snapshot {
    this.snapshots.push(s);
    return s;
  }

  get(id: number): Snapshot {
    const s = this.snapshots.find((x) => x.id === id);
    if (!s) throw new Error(`no snapshot ${id}`);
    return s;
  }

  remove(id: number): void {
    const i = this.snapshots.findIndex((x) => x.id === id);
    if (i >= 0) this.snapshots.splice(i, 1);
  }

  clear(): void {
    this.snapshots.length = 0;
  }

  funcName(frame: number): string {
    return this.strings.get(this.functions.name.get(this.frames.func.get(frame)));
  }

  fileName(frame: number): string {
    return this.strings.get(this.functions.file.get(this.frames.func.get(frame)));
  }

  /** Function names of a stack, leaf first. */
  stackNames(stack: number): string[] {
    return this.stacks.framesOf(stack).map((f) => this.funcName(f));
  }
}
