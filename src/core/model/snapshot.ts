// debug=1 text leaves out a stack's leading runtime frames, but its address list keeps them. A
// group's `parking` is how many of them lie between runtime.gopark and the first frame shown, or:
/** No runtime frame was left out: the goroutine is where its first shown frame is. */
export const PARKED_NOT = -1;
/** Runtime frames were left out, but they do not start at a known runtime.gopark address. */
export const PARKED_UNKNOWN = -2;

/**
 * The addresses a debug=1 record lists before its first shown frame's, and that frame's, per group
 * (of its first record): group i's are `address[start[i] .. start[i + 1])`, innermost first, the
 * shown frame's last; none when the group hides no frame.
 */
export interface HiddenAddresses {
  start: Int32Array;
  address: Float64Array;
}

/**
 * A protobuf profile's location addresses, ascending, with their frames innermost first: address
 * i's are `frame[start[i] .. start[i + 1])` (several where calls were inlined).
 */
export interface AddressFrames {
  address: Float64Array;
  start: Int32Array;
  frame: Int32Array;
}

export interface SampleType {
  type: string;
  unit: string;
}

/** How the snapshot reached us: pprof protobuf, or one of Go's text forms. */
export type SourceFormat = 'pprof' | 'debug1' | 'debug2';

/** Per-goroutine facts that only text dumps (debug=2, panics) carry; parallel arrays, one entry per goroutine. */
export interface GoroutineFacts {
  id: Float64Array;
  /** Index into the snapshot's groups. */
  group: Int32Array;
  /** String id of the status / wait reason ("chan send", "IO wait", …). */
  state: Int32Array;
  /** Wait minutes, or -1 when the header gives none. */
  waitMinutes: Int32Array;
  locked: Uint8Array;
  /** Frame id of the `created by` call site, or -1. */
  createdBy: Int32Array;
  /** Id of the creating goroutine, or -1 when unknown. */
  parentId: Float64Array;
  /** The `synctest bubble N` of each goroutine (Go 1.25+), -1 outside one; absent when none is in a bubble. */
  bubble?: Int32Array;
  /** What GODEBUG=tracebackancestors adds to a dump; absent when it lists no ancestors. */
  ancestors?: Ancestors;
}

/**
 * The ancestors of each goroutine (`[originating from goroutine N]` blocks), nearest first: those
 * of goroutine i are entries start[i] to start[i + 1] of the other columns.
 */
export interface Ancestors {
  start: Int32Array;
  id: Float64Array;
  /** Frame id of the ancestor's own `created by` site, or -1. */
  createdBy: Int32Array;
}

export interface SampleList {
  group: Int32Array;
  /** values[sampleType][k] belongs to sample k. */
  values: Float64Array[];
}

export interface Snapshot {
  id: number;
  name: string;
  /** Capture time in ms since the epoch, when known: the profile's own, or a timestamp in the file name. */
  timeMs: number | null;
  /** Series position taken from the file name (`NNN` of pprof's names, or its timestamp), when present. */
  seq: number | null;
  /** The file's modification time: orders snapshots nothing else orders, never a capture time. */
  fileTimeMs: number | null;
  /** Highest goroutine id of a text dump: ids only grow, so a later dump of a process has newer ones. */
  lastGoroutineId: number | null;
  /** Order in which the session loaded it. */
  loadOrder: number;
  /** Profile kind ("goroutine", "goroutineleak", "cpu", "heap", …), from the content. */
  kind: string;
  format: SourceFormat;
  sampleTypes: SampleType[];
  defaultSampleType: number;
  periodType: SampleType | null;
  period: number;
  durationNanos: number;
  comments: string[];
  /** Main binary's base name, when the profile names it. */
  binary: string;
  /** Its build id, when the profile gives one. */
  buildId: string;
  /** Session group ids, one per distinct (stack, labels) of this snapshot. */
  groups: Int32Array;
  /** values[sampleType][i] belongs to groups[i]. */
  values: Float64Array[];
  /**
   * Per sample type, the sum of the samples' magnitudes, each sample as the file has it (so +5 and
   * -3 in one group count 8): pprof's report total, what percentages are of.
   */
  totals: number[];
  /**
   * The samples (pprof samples, debug=1 records) in file order, when they are not simply the
   * groups (two samples had the same stack and labels): each one's group index and values.
   * pprof's `-traces` prints them. A permalink does not carry them.
   */
  samples: SampleList | null;
  goroutines: GoroutineFacts | null;
  /** debug=1 text only: per group, what its hidden runtime frames say about parking (see PARKED_NOT, PARKED_UNKNOWN). */
  parking?: Int8Array;
  /** debug=1 goroutine text only: per group, the addresses of its hidden runtime frames (see HiddenAddresses). */
  hidden?: HiddenAddresses;
  /** Protobuf only: the frames at each location's address, to read other forms' bare addresses by (see AddressFrames). */
  addressFrames?: AddressFrames;
  /** Facts the user should know about the input (cut-off dump, rounded values…). */
  warnings: string[];
}

/** What the main thread needs to list a snapshot; no per-group data. */
export type SnapshotInfo = Omit<Snapshot, 'groups' | 'values' | 'goroutines' | 'samples' | 'parking' | 'hidden' | 'addressFrames'> & {
  groupCount: number;
  goroutineCount: number;
};

export function snapshotInfo(s: Snapshot): SnapshotInfo {
  const { groups, values: _values, goroutines, samples: _samples, parking: _parking, hidden: _hidden, addressFrames: _addressFrames, ...rest } = s;
  return { ...rest, groupCount: groups.length, goroutineCount: goroutines ? goroutines.id.length : 0 };
}
