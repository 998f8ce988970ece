import { IntList } from './int-list';
import { keepAlive } from './keep-alive';
import type { Session } from './session';
import type { GoroutineFacts, SampleType, Snapshot, SourceFormat } from './snapshot';

export interface SnapshotHeader {
  name: string;
  format: SourceFormat;
  kind: string;
  sampleTypes: SampleType[];
  defaultSampleType?: number;
  timeMs?: number | null;
  periodType?: SampleType | null;
  period?: number;
  durationNanos?: number;
  comments?: string[];
  binary?: string;
  buildId?: string;
}

/** Accumulates one snapshot's samples into session-interned groups. */
export class SnapshotBuilder {
  /** Index in this snapshot of each session group, plus one (0: absent), by group id. */
  private indexOf = new Int32Array(1024);
  private groupIds = new IntList(1024);
  /** Per sample type, the values by index in this snapshot; each holds `capacity` values. */
  private columns: Float64Array[];
  private capacity = 1024;
  readonly warnings: string[] = [];
  goroutines: GoroutineFacts | null = null;

  constructor(
    readonly session: Session,
    private header: SnapshotHeader,
  ) {
    this.columns = header.sampleTypes.map(() => new Float64Array(this.capacity));
  }

  /** Interns a stack given root-most frame first. */
  stack(framesRootFirst: ArrayLike<number>): number {
    return this.session.stacks.intern(framesRootFirst);
  }

  /** Makes room for `groups` more groups, of stacks up to node `stacks`, when the decoder knows how many are coming. */
  reserve(groups: number, stacks: number): void {
    this.session.groups.reserve(groups, stacks);
    this.groupIds.reserve(groups);
    this.growIndex(this.session.groups.size + groups);
    this.growColumns(this.groupIds.length + groups);
  }

  /** Adds values to the (stack, labels) group; returns the group's index in this snapshot. */
  add(stack: number, labelSet: number, values: ArrayLike<number>): number {
    const group = this.session.groups.intern(stack, labelSet);
    if (group >= this.indexOf.length) this.growIndex(group + 1);
    let idx = this.indexOf[group] - 1;
    if (idx < 0) {
      idx = this.groupIds.push(group);
      this.indexOf[group] = idx + 1;
      if (idx >= this.capacity) this.growColumns(idx + 1);
    }
    // A new group's values start at zero.
    const cols = this.columns;
    for (let t = 0; t < cols.length; t++) cols[t][idx] += values[t];
    return idx;
  }

  private growIndex(size: number): void {
    if (size <= this.indexOf.length) return;
    const grown = new Int32Array(Math.max(size, this.indexOf.length * 2));
    grown.set(this.indexOf);
    this.indexOf = grown;
  }

  private growColumns(size: number): void {
    if (size <= this.capacity) return;
    this.capacity = Math.max(size, this.capacity * 2);
    this.columns = this.columns.map((c) => {
      const grown = new Float64Array(this.capacity);
      grown.set(c);
      return grown;
    });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** The snapshot; the builder is emptied and takes no more samples. */
  finish(seq: number | null): Snapshot {
    const h = this.header;
    const values = this.columns.map((c) => c.slice(0, this.groupIds.length));
    const totals = values.map((v) => {
      let sum = 0;
      for (let i = 0; i < v.length; i++) sum += Math.abs(v[i]);
      return sum;
    });
    const groups = this.groupIds.toArray();
    const goroutines = this.goroutines;
    this.goroutines = null;
    this.indexOf = new Int32Array(0);
    this.groupIds = new IntList(0);
    this.columns = [];
    keepAlive(this);
    const { id, loadOrder } = this.session.reserve();
    return {
      id,
      name: h.name,
      timeMs: h.timeMs ?? null,
      seq,
      loadOrder,
      kind: h.kind,
      format: h.format,
      sampleTypes: h.sampleTypes,
      defaultSampleType: h.defaultSampleType ?? h.sampleTypes.length - 1,
      periodType: h.periodType ?? null,
      period: h.period ?? 0,
      durationNanos: h.durationNanos ?? 0,
      comments: h.comments ?? [],
      binary: h.binary ?? '',
      buildId: h.buildId ?? '',
      groups,
      values,
      totals,
      goroutines,
      warnings: this.warnings,
    };
  }
}
