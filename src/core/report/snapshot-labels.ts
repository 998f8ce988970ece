import type { SnapshotInfo } from '../model/snapshot';
import { scaledLabel } from '../units/scale';
import { countLabel } from '../units/value';

/** A snapshot's total of a sample type, readable: "23,697", "1.52s", "120.50MB"; `noun` adds " goroutines" to goroutine counts. */
export function totalLabel(s: SnapshotInfo, sampleIndex = s.defaultSampleType, noun = false): string {
  const type = s.sampleTypes[sampleIndex];
  const total = s.totals[sampleIndex];
  if (!type || type.unit === 'count' || type.unit === '') {
    const goroutines = type?.type === 'goroutine' || type?.type === 'goroutineleak';
    return `${countLabel(total)}${noun && goroutines ? ' goroutines' : ''}`;
  }
  return scaledLabel(total, type.unit, 'minimum');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Capture time as local HH:MM:SS (the list is usually one series on one day). */
export function clockTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Full local date and time, for tooltips and the status bar. */
export function dateTime(ms: number | null): string {
  if (ms === null) return 'unknown capture time';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clockTime(ms)}`;
}

export const FORMAT_LABEL: Record<SnapshotInfo['format'], string> = {
  pprof: 'pprof protobuf',
  debug1: 'debug=1 text',
  debug2: 'debug=2 dump',
};

/** The file name part of a path or URL-derived name. */
export function baseName(name: string): string {
  const i = name.lastIndexOf('/');
  return i >= 0 && i < name.length - 1 ? name.slice(i + 1) : name;
}

/**
 * Characters a cut snapshot name keeps at its end: from its last number of two digits or more (the
 * NNN of `…005.debug2.txt`, which tells it from `…015.debug2.txt`), and at least 12.
 */
export function numberedTail(name: string): number {
  let at = -1;
  for (const m of name.matchAll(/\d{2,}/g)) at = m.index;
  return Math.max(12, at < 0 ? 0 : Math.min(name.length - at, 28));
}
