function rounded(v: number): string {
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Growth rate with its sign and unit: `+4,060/min`, `-2.5/min`, `+5.00/snapshot`. */
export function rateLabel(perUnit: number, timed: boolean): string {
  const unit = timed ? '/min' : '/snapshot';
  if (perUnit === 0) return `0${unit}`;
  return `${perUnit > 0 ? '+' : ''}${rounded(perUnit)}${unit}`;
}
