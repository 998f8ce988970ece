import { ProfileError } from '../../src/core/decode';
import type { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { RefineError } from '../../src/core/query/refine-regex';

/** A fuzz input that broke a promise: a crash (TypeError, RangeError…), a bad error, a wrong total, or too much time or memory. */
export class Crash extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Crash';
  }
}

/** Longest one input may take to decode or query, on a busy two-core machine. */
export const TIME_LIMIT_MS = 3000;
/** Most memory one input may leave allocated (inputs are a few KiB; the decompression limit is below). */
const MEMORY_LIMIT_BYTES = 512 * 1024 * 1024;
/** Decode limits of fuzz runs: small, so that a bomb is stopped quickly. */
export const FUZZ_LIMITS = { maxDecompressedBytes: 16 * 1024 * 1024 };

function memoryInUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Why an error is no user-facing error: anything but a ProfileError (or RefineError) of one line. */
function badError(e: unknown, allowRefine: boolean): string | null {
  if (e instanceof ProfileError || (allowRefine && e instanceof RefineError)) {
    if (/internal error/.test(e.message)) return `internal error shown to the user: ${e.message}`;
    if (e.message.includes('\n') || e.message.trim() === '') return `error message is not one line: ${JSON.stringify(e.message)}`;
    return null;
  }
  const err = e as Error;
  return `${err?.name ?? typeof e}: ${err?.message ?? String(e)}\n${err?.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
}

/**
 * Runs `work` under the fuzz promises: it returns (its result is checked by the caller) or throws a
 * user-facing error (the result is then null); it never crashes nor takes more than the set time or memory.
 */
export async function guarded<T>(work: () => Promise<T> | T, allowRefine = false): Promise<T | null> {
  const before = memoryInUse();
  const start = performance.now();
  let result: T | null = null;
  try {
    result = await work();
  } catch (e) {
    const bad = badError(e, allowRefine);
    if (bad) throw new Crash(bad);
  }
  const ms = performance.now() - start;
  if (ms > TIME_LIMIT_MS) throw new Crash(`took ${Math.round(ms)} ms, more than ${TIME_LIMIT_MS} ms`);
  const grown = memoryInUse() - before;
  if (grown > MEMORY_LIMIT_BYTES) throw new Crash(`left ${Math.round(grown / 2 ** 20)} MiB allocated`);
  return result;
}

function check(ok: boolean, what: () => string): void {
  if (!ok) throw new Crash(what());
}

/** A decoded snapshot keeps the model's promises: finite values, totals that are the sum of its samples, valid indexes. */
export function checkSnapshot(session: Session, s: Snapshot): void {
  const types = s.sampleTypes.length;
  check(types > 0 && s.values.length === types && s.totals.length === types, () => `${s.name}: ${types} sample types, ${s.values.length} value columns, ${s.totals.length} totals`);
  check(s.defaultSampleType >= 0 && s.defaultSampleType < types, () => `${s.name}: default sample type ${s.defaultSampleType} of ${types}`);
  for (let t = 0; t < types; t++) {
    const col = s.values[t];
    check(col.length === s.groups.length, () => `${s.name}: ${col.length} values for ${s.groups.length} groups`);
    let sum = 0;
    for (let i = 0; i < col.length; i++) {
      check(Number.isFinite(col[i]), () => `${s.name}: value ${col[i]} in column ${t}`);
      sum += Math.abs(col[i]);
    }
    check(sum === s.totals[t], () => `${s.name}: total ${s.totals[t]} of column ${t}, but its samples add up to ${sum}`);
  }
  for (const g of s.groups) check(g >= 0 && g < session.groups.size, () => `${s.name}: group ${g} not in the session`);
  for (const n of [s.timeMs, s.seq, s.period, s.durationNanos]) check(n === null || Number.isFinite(n), () => `${s.name}: header number ${n}`);
  const f = s.goroutines;
  if (!f) return;
  const n = f.id.length;
  const columns = [f.group, f.state, f.waitMinutes, f.locked, f.createdBy, f.parentId];
  check(
    columns.every((c) => c.length === n),
    () => `${s.name}: goroutine facts of unequal lengths`,
  );
  for (let i = 0; i < n; i++) {
    check(Number.isFinite(f.id[i]) && Number.isFinite(f.parentId[i]), () => `${s.name}: goroutine id ${f.id[i]}, parent ${f.parentId[i]}`);
    check(f.group[i] >= 0 && f.group[i] < s.groups.length, () => `${s.name}: goroutine group ${f.group[i]} of ${s.groups.length}`);
    check(f.waitMinutes[i] >= -1, () => `${s.name}: wait of ${f.waitMinutes[i]} minutes`);
  }
}
