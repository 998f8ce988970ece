import { IntList } from './int-list';
import { keepAlive } from './keep-alive';
import type { Session } from './session';
import type { AddressFrames, GoroutineFacts, HiddenAddresses, SampleType, Snapshot, SourceFormat } from './snapshot';

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
  private totals: number[];
  /**
   * The samples (pprof samples, debug=1 records) in file order, kept from the first one that joins
   * an existing group on (before it, samples are the groups). debug=2 goroutines are no samples.
   */
  private sampleGroups: IntList | null = null;
  private sampleValues: number[][] = [];
  readonly warnings: string[] = [];
  goroutines: GoroutineFacts | null = null;
  /** Per group index, the debug=1 parking signature (see Snapshot.parking). */
  parking: Int8Array | undefined;
  hidden: HiddenAddresses | undefined;
  addressFrames: AddressFrames | undefined;

  constructor(
    readonly session: Session,
    private header: SnapshotHeader,
  ) {
    this.columns = header.sampleTypes.map(() => new Float64Array(this.capacity));
    this.totals = header.sampleTypes.map(() => 0);
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

  /** Adds a sample's values to its (stack, labels) group; returns the group's index in this snapshot. */
  add(stack: number, labelSet: number, values: ArrayLike<number>): number {
    const group = this.session.groups.intern(stack, labelSet);
    if (group >= this.indexOf.length) this.growIndex(group + 1);
    let idx = this.indexOf[group] - 1;
    if (idx < 0) {
      idx = this.groupIds.push(group);
      this.indexOf[group] = idx + 1;
      if (idx >= this.capacity) this.growColumns(idx + 1);
    } else if (!this.sampleGroups && this.header.format !== 'debug2') this.keepSamples();
    // A new group's values start at zero.
    const cols = this.columns;
    const totals = this.totals;
    for (let t = 0; t < cols.length; t++) {
      cols[t][idx] += values[t];
      totals[t] += Math.abs(values[t]);
    }
    if (this.sampleGroups) {
      this.sampleGroups.push(idx);
      for (let t = 0; t < cols.length; t++) this.sampleValues[t].push(values[t]);
    }
    return idx;
  }

  /** Starts the list of samples: so far each sample made its own group, with the group's values. */
  private keepSamples(): void {
    const n = this.groupIds.length;
    this.sampleGroups = new IntList(n * 2);
    for (let i = 0; i < n; i++) this.sampleGroups.push(i);
    this.sampleValues = this.columns.map((c) => Array.from(c.subarray(0, n)));
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
    const totals = this.totals;
    const samples = this.sampleGroups ? { group: this.sampleGroups.toArray(), values: this.sampleValues.map((v) => Float64Array.from(v)) } : null;
    this.sampleGroups = null;
    this.sampleValues = [];
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
      fileTimeMs: null,
      lastGoroutineId: goroutines && goroutines.id.length ? maxOf(goroutines.id) : null,
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
      samples,
      goroutines,
      ...(this.parking ? { parking: this.parking } : {}),
      ...(this.hidden ? { hidden: this.hidden } : {}),
      ...(this.addressFrames ? { addressFrames: this.addressFrames } : {}),
      warnings: this.warnings,
    };
  }
}

function maxOf(a: Float64Array): number {
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  return max;
}
