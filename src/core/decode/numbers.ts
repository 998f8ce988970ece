/** Checks on the numbers text profiles print, so that a model never holds NaN or Infinity. */

const INT64_MAX = 2n ** 63n - 1n;

/** What decoders say when a value had to be rounded to the nearest double. */
export const ROUNDED_WARNING = 'some values exceed 2^53 and are shown rounded to the nearest representable number';

/** A number as an error message quotes it: long ones by their first digits. */
export function quoted(digits: string): string {
  return digits.length > 20 ? `${digits.slice(0, 20)}…` : digits;
}

/**
 * The value of decimal digits Go printed as an int64: exact up to 2^53, rounded to the nearest
 * double above (setting `exact.inexact`), null past 2^63 - 1.
 */
export function int64Of(digits: string, exact: { inexact: boolean }): number | null {
  if (digits.length <= 15) return Number(digits);
  const big = BigInt(digits);
  if (big > INT64_MAX) return null;
  const v = Number(big);
  if (BigInt(v) !== big) exact.inexact = true;
  return v;
}

/** A goroutine id or other count that must be exact: its value, or null when not decimal digits within 2^53. */
export function exactIntOf(digits: string): number | null {
  if (!/^\d+$/.test(digits)) return null;
  const v = Number(digits);
  return Number.isSafeInteger(v) ? v : null;
}
