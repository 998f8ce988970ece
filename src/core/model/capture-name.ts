/** What a file name says about a snapshot's place in a series. */
export interface NameKey {
  /** The snapshot number (`.005.`, `-005`), or the time in the name as ms since the epoch. */
  seq: number | null;
  /** The capture time a timestamp in the name gives, or null. */
  timeMs: number | null;
}

const MIN_EPOCH_MS = Date.UTC(2000, 0, 1);
const MAX_EPOCH_MS = Date.UTC(2100, 0, 1);

/** `2024-05-01T12:00:15Z`, `2024-05-01_12-00-15`, `20240501T120015`, `20240501-120015.123`; without a zone, local time. */
const STAMP =
  /(?:^|[^0-9])((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?([0-2]\d|3[01])[T_ -]?([01]\d|2[0-3])[:.-]?([0-5]\d)[:.-]?([0-5]\d)(?:[.,](\d{1,9}))?(Z|[+-]\d\d:?\d\d)?(?![0-9])/;

function stampMs(m: RegExpExecArray): number | null {
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms] as const;
  if (!zone) return new Date(...fields).getTime();
  const utc = Date.UTC(...fields);
  if (zone === 'Z') return utc;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
}

/** Unix seconds, milliseconds or nanoseconds between 2000 and 2100, as `date +%s` names files. */
function epochMs(digits: string): number | null {
  const n = Number(digits);
  const ms = digits.length === 10 ? n * 1000 : digits.length === 13 ? n : digits.length === 19 ? n / 1e6 : NaN;
  return ms >= MIN_EPOCH_MS && ms < MAX_EPOCH_MS ? ms : null;
}

/**
 * The series position a file name gives: a timestamp anywhere in the name (which is also its capture
 * time), else its last number standing alone between separators (`pprof.x.goroutine.005.pb.gz`,
 * `dump-005.txt`, `goroutine.005.debug2.txt`; not the 2 of `debug2`).
 */
export function nameKey(path: string): NameKey {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const stamp = STAMP.exec(name);
  const stampTime = stamp ? stampMs(stamp) : null;
  if (stampTime !== null && !Number.isNaN(stampTime)) return { seq: stampTime, timeMs: stampTime };
  const numbers = name.split(/[._\s-]+/).filter((t) => /^\d+$/.test(t));
  const last = numbers.at(-1);
  if (last === undefined) return { seq: null, timeMs: null };
  const epoch = epochMs(last);
  if (epoch !== null) return { seq: epoch, timeMs: epoch };
  const seq = Number(last);
  return { seq: Number.isSafeInteger(seq) ? seq : null, timeMs: null };
}
