import { captureOrder } from '../model/order';
import type { Session } from '../model/session';
import type { Snapshot, SourceFormat } from '../model/snapshot';

/** Snapshots of one kind and format in capture order, with their time axis. */
export interface Series {
  snapshots: Snapshot[];
  kind: string;
  format: SourceFormat | null;
  /** Minutes since the first snapshot when every snapshot has a capture time; else 0, 1, 2… */
  x: number[];
  timed: boolean;
  /** Loaded snapshots left out of the series, and why. */
  excluded: { id: number; name: string; reason: string }[];
}

export const LEAK_PROFILE_KIND = 'goroutineleak';

const FORMAT_NAMES: Record<SourceFormat, string> = { pprof: 'protobuf', debug1: 'debug=1 text', debug2: 'debug=2 text' };

/** Time axis in minutes from the first snapshot; equal steps when any capture time is missing. */
export function timeAxis(snapshots: Snapshot[]): { x: number[]; timed: boolean } {
  const t0 = snapshots[0]?.timeMs ?? null;
  const last = snapshots.at(-1)?.timeMs ?? null;
  const timed = t0 !== null && last !== null && last > t0 && snapshots.every((s) => s.timeMs !== null);
  return { x: snapshots.map((s, i) => (timed ? ((s.timeMs as number) - (t0 as number)) / 60000 : i)), timed };
}

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
 */
export function pickSeries(session: Session, anchorId?: number | null): Series {
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
    for (const [f, list] of byFormat) if (format === null || list.length > (byFormat.get(format)?.length ?? 0)) format = f;
  }
  const snapshots = format ? [...(byFormat.get(format) ?? [])].sort(captureOrder) : [];
  const excluded = session.snapshots
    .filter((s) => !snapshots.includes(s))
    .map((s) => ({ id: s.id, name: s.name, reason: exclusionReason(s, kind, format) }));
  return { snapshots, kind, format, ...timeAxis(snapshots), excluded };
}

function exclusionReason(s: Snapshot, kind: string, format: SourceFormat | null): string {
  if (s.kind === LEAK_PROFILE_KIND && kind !== LEAK_PROFILE_KIND) return 'goroutineleak profile: its stacks are marked as proven leaks';
  if (s.kind !== kind) return `${s.kind} profile, not part of the ${kind} series`;
  const other = format ? FORMAT_NAMES[format] : '';
  const facts = s.format === 'debug2' ? '; its wait reasons, wait minutes and creators still inform the suspects' : '';
  return `${FORMAT_NAMES[s.format]}: its stacks are written differently from the ${other} snapshots, so it is not on the same time line${facts}`;
}
