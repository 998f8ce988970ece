import { captureOrder } from '../model/order';
import { seriesClock, type ClockSource } from './clock';
import { placeDumps, type DumpPlace } from './dump-times';
import type { Session } from '../model/session';
import type { Snapshot, SourceFormat } from '../model/snapshot';

/** Snapshots of one kind and format in capture order, with their time axis. */
export interface Series {
  snapshots: Snapshot[];
  kind: string;
  format: SourceFormat | null;
  /** Minutes since the first snapshot when the series has a clock (see seriesClock); else 0, 1, 2… */
  x: number[];
  timed: boolean;
  /** Where x comes from: capture times, the interval the user gave, or nowhere (growth per snapshot). */
  clock: ClockSource;
  /** Why capture times were set aside, or what the dumps say against the interval given; else null. */
  clockDoubt: string | null;
  /** Text dumps of a protobuf series placed on its timeline (see placeDumps), in timeline order. */
  placed: PlacedDump[];
  /** Loaded snapshots left out of the series, and why. */
  excluded: { id: number; name: string; reason: string }[];
}

/**
 * A text dump on a protobuf series' timeline: between the snapshots at indexes `after` and `before`
 * of the series, or with the one snapshot when both are the same (it then has that capture time).
 */
export interface PlacedDump {
  snapshot: Snapshot;
  after: number;
  before: number;
  /** How it was placed, for the reader. */
  how: string;
}

export const LEAK_PROFILE_KIND = 'goroutineleak';

const PREFERRED_FORMATS: SourceFormat[] = ['pprof', 'debug2', 'debug1'];

const FORMAT_NAMES: Record<SourceFormat, string> = { pprof: 'protobuf', debug1: 'debug=1 text', debug2: 'debug=2 text' };

/**
 * The kind the series follows: the anchor's, else goroutine profiles; goroutineleak profiles form
 * the series only when no goroutine profile is loaded (beside one, they mark its proven leaks).
 */
function seriesKind(session: Session, anchor: Snapshot | undefined): string {
  if (anchor && anchor.kind !== LEAK_PROFILE_KIND) return anchor.kind;
  const has = (kind: string) => session.snapshots.some((s) => s.kind === kind);
  if (has('goroutine')) return 'goroutine';
  if (has(LEAK_PROFILE_KIND)) return LEAK_PROFILE_KIND;
  return session.snapshots[0]?.kind ?? 'goroutine';
}

/**
 * The series the timeline follows: snapshots of the anchor's kind and format. Formats do not mix
 * because the same goroutine's stack differs between them (text forms leave out runtime frames);
 * the anchor's format wins when it has two snapshots or more, else the format with the most.
 * `intervalMs`, the time between snapshots as the user knows it, times a series without capture times.
 */
export function pickSeries(session: Session, anchorId?: number | null, intervalMs: number | null = null): Series {
  const anchor = anchorId == null ? undefined : session.snapshots.find((s) => s.id === anchorId);
  const kind = seriesKind(session, anchor);
  const byFormat = new Map<SourceFormat, Snapshot[]>();
  for (const s of session.snapshots) {
    if (s.kind !== kind) continue;
    const list = byFormat.get(s.format) ?? [];
    list.push(s);
    byFormat.set(s.format, list);
  }
  let format: SourceFormat | null = anchor && anchor.kind === kind && (byFormat.get(anchor.format)?.length ?? 0) >= 2 ? anchor.format : null;
  if (format === null) {
    // Equal counts: protobuf has capture times, and debug=2 dumps have goroutine ids to order them by.
    const size = (f: SourceFormat) => byFormat.get(f)?.length ?? 0;
    for (const f of PREFERRED_FORMATS) if (size(f) > 0 && (format === null || size(f) > size(format))) format = f;
  }
  const snapshots = format ? [...(byFormat.get(format) ?? [])].sort(captureOrder) : [];
  const places = format === 'pprof' ? placeDumps(session, kind) : new Map<Snapshot, DumpPlace>();
  const placed = [...places]
    .map(([dump, place]): PlacedDump => {
      const [after, before] = 'takenWith' in place ? [place.takenWith, place.takenWith] : [place.after, place.before];
      return { snapshot: dump, after: snapshots.indexOf(after), before: snapshots.indexOf(before), how: placement(dump, place) };
    })
    .sort((a, b) => a.after + a.before - b.after - b.before || a.snapshot.id - b.snapshot.id);
  const excluded = session.snapshots
    .filter((s) => !snapshots.includes(s) && !places.has(s))
    .map((s) => ({ id: s.id, name: s.name, reason: exclusionReason(s, kind, format) }));
  const { x, timed, source, doubt } = seriesClock(snapshots, intervalMs);
  return { snapshots, kind, format, x, timed, clock: source, clockDoubt: doubt, placed, excluded };
}

/** What a dump's text adds to the suspects besides its counts. */
function dumpFactsNote(s: Snapshot): string {
  return s.format === 'debug2' ? '; its wait reasons, wait minutes and creators still inform the suspects' : '';
}

function placement(s: Snapshot, place: DumpPlace): string {
  if ('takenWith' in place) return `${FORMAT_NAMES[s.format]} taken with ${place.takenWith.name} (the same goroutines on the same stacks): it stands at that snapshot's capture time${dumpFactsNote(s)}`;
  return `${FORMAT_NAMES[s.format]} taken between ${place.after.name} and ${place.before.name} (its goroutines per stack lie between theirs), placed without a capture time${dumpFactsNote(s)}`;
}

function exclusionReason(s: Snapshot, kind: string, format: SourceFormat | null): string {
  if (s.kind === LEAK_PROFILE_KIND && kind !== LEAK_PROFILE_KIND) return 'goroutineleak profile: its stacks are marked as proven leaks';
  if (s.kind !== kind) return `${s.kind} profile, not part of the ${kind} series`;
  const other = format ? FORMAT_NAMES[format] : '';
  return `${FORMAT_NAMES[s.format]}: its stacks are written differently from the ${other} snapshots, so it is not on the same time line${dumpFactsNote(s)}`;
}
