/** The benchmark's series: which scenario runs under which conditions, and how each is read back. */

export const LEAK_FAMILIES = [
  'chan-send-timeout',
  'chan-recv-early',
  'range-never-closed',
  'context-no-cancel',
  'double-lock',
  'ab-ba',
  'rwr-deadlock',
  'waitgroup-mismatch',
  'cond-no-signal',
  'nil-chan',
  'select-no-exit',
] as const;

export const BENIGN_LOOKALIKES = ['plateau-pool', 'request-bursts', 'churning-conns', 'stopped-tickers', 'errgroup-fanout', 'bounded-backlog'] as const;

/** How a run's files are loaded: which formats, and whether text dumps get their capture times. */
export interface Reading {
  name: string;
  /** The series' format. */
  series: 'pb' | 'debug1' | 'debug2';
  /** debug=2 dumps loaded beside a protobuf series. */
  withDumps?: boolean;
  /** goroutineleak profiles loaded beside the series. */
  withLeakProfiles?: boolean;
  /** Give text dumps their capture times (as a file's modification time does). */
  timed?: boolean;
  /** Score only the first n snapshots. */
  first?: number;
}

export interface Track {
  name: string;
  /** What the track stands for, in the report. */
  about: string;
  scenarios: readonly string[];
  /** Runs of each scenario (different random timings). */
  repeat?: number;
  /** Flags for the scenarios program. */
  flags: string[];
  /** Go toolchain to build the scenarios with (GOTOOLCHAIN), when not the installed one. */
  toolchain?: string;
  readings: Reading[];
  /** The issue-20 tracks: counted apart from the steady ones. */
  group: 'steady' | 'burst';
}

const ALL = [...LEAK_FAMILIES, ...BENIGN_LOOKALIKES];

export const TRACKS: Track[] = [
  {
    name: 'three',
    about: '3 protobuf snapshots over 90 s, 20 leaks/min',
    scenarios: ALL,
    flags: ['-at=0s,45s,90s', '-formats=pb', '-rate=20'],
    readings: [{ name: 'pb', series: 'pb' }],
    group: 'steady',
  },
  {
    name: 'slow',
    about: '1 leak/min beside 2,000+ healthy goroutines, 4 protobuf snapshots over 6.5 min',
    scenarios: ALL,
    flags: ['-at=0s,130s,260s,390s', '-formats=pb', '-rate=1'],
    readings: [
      { name: 'pb', series: 'pb' },
      { name: 'pb, first 3', series: 'pb', first: 3 },
    ],
    group: 'steady',
  },
  {
    name: 'bursty',
    about: 'bursts of 1,000-3,000 short requests in the background, 10 leaks/min, 4 snapshots over 2 min',
    scenarios: ALL,
    flags: ['-at=0s,40s,80s,120s', '-formats=pb', '-rate=10', '-bursty'],
    readings: [
      { name: 'pb', series: 'pb' },
      { name: 'pb, first 3', series: 'pb', first: 3 },
    ],
    group: 'steady',
  },
  {
    name: 'text',
    about: 'debug=1-only and debug=2-only series without capture times, 10 leaks/min, 4 snapshots',
    scenarios: ALL,
    flags: ['-at=0s,40s,80s,120s', '-formats=debug1,debug2', '-rate=10'],
    readings: [
      { name: 'debug1', series: 'debug1' },
      { name: 'debug2', series: 'debug2' },
      { name: 'debug2, first 3', series: 'debug2', first: 3 },
    ],
    group: 'steady',
  },
  {
    name: 'burst',
    about: 'buggy path run for 5 s only, then idle; snapshots at 0, 20 s, 90 s, 160 s',
    scenarios: LEAK_FAMILIES,
    flags: ['-at=0s,20s,90s,160s', '-formats=pb,debug2', '-burst=5s'],
    readings: [
      { name: 'pb + debug2 dumps', series: 'pb', withDumps: true, timed: true },
      { name: 'debug2 only, untimed', series: 'debug2' },
      { name: 'pb only', series: 'pb' },
    ],
    group: 'burst',
  },
  {
    name: 'burst-go1.27',
    about: 'the burst track built with Go 1.27, which also writes goroutineleak profiles (and marks proven goroutines "(leaked)" in later dumps)',
    scenarios: LEAK_FAMILIES,
    toolchain: 'go1.27.3',
    flags: ['-at=0s,20s,90s,160s', '-formats=pb,debug2,leak', '-burst=5s'],
    readings: [
      { name: 'pb + goroutineleak', series: 'pb', withLeakProfiles: true },
      { name: 'pb + debug2 dumps', series: 'pb', withDumps: true, timed: true },
    ],
    group: 'burst',
  },
  {
    name: 'slow-fill',
    about: 'a cache starting one refresher (20 s ticker) per new key every 1-3 s; snapshots at 0, 65, 130, 195 s',
    scenarios: ['slow-fill-cache'],
    repeat: 10,
    flags: ['-at=0s,65s,130s,195s', '-formats=pb,debug2'],
    readings: [
      { name: 'pb + debug2 dumps', series: 'pb', withDumps: true, timed: true },
      { name: 'debug2 only, untimed', series: 'debug2' },
      { name: 'pb only', series: 'pb' },
    ],
    group: 'burst',
  },
];

/** One process of the scenarios program. */
export interface Run {
  track: Track;
  scenario: string;
  dir: string;
}

export function runsOf(root: string): Run[] {
  return TRACKS.flatMap((track) =>
    track.scenarios.flatMap((scenario) =>
      Array.from({ length: track.repeat ?? 1 }, (_, i) => ({
        track,
        scenario,
        dir: `${root}/${track.name}/${scenario}${track.repeat ? `-${i + 1}` : ''}`,
      })),
    ),
  );
}
