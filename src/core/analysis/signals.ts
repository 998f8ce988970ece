/** How one group's count moved across a series; pure numbers, no verdict. */
export interface Trend {
  first: number;
  last: number;
  min: number;
  max: number;
  /** Least-squares slope, in goroutines per unit of x (per minute on a time axis). */
  slope: number;
  /** Coefficient of determination of that fit (0 when the count never changes). */
  r2: number;
  /** Share of steps that do not decrease. */
  monotonic: number;
  /** Steps that increase. */
  rises: number;
  /** Biggest fall from a previous high, as a share of the range (0: never fell, 1: fell all the way). */
  drawdown: number;
  /** Whether the count came back down to where it started after rising at least halfway to its peak. */
  returned: boolean;
  /** last >= 90% of max and never returned to the baseline. */
  neverDrains: boolean;
  /** Slope over the later half of the series relative to the whole (1: linear, ~0: filled then plateaued). */
  recent: number;
  /**
   * How far the steps stray from one steady rate, per degree of freedom: goroutines left one by one
   * at a steady rate arrive as a Poisson process, whose steps vary by about their square root (~1);
   * goroutines that come by the hundred at once stray far more. 0 without growth or with one step.
   */
  stepSpread: number;
  /** Net growth in standard deviations of a count that only drifts around its level (Poisson: variance = count). */
  growthSignificance: number;
}

export interface Fit {
  slope: number;
  intercept: number;
  r2: number;
}

/** Ordinary least squares of y on x over [from, to). */
export function leastSquares(x: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = y.length): Fit {
  const n = to - from;
  if (n < 2) return { slope: 0, intercept: n === 1 ? y[from] : 0, r2: 0 };
  let sx = 0;
  let sy = 0;
  for (let i = from; i < to; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = from; i < to; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return { slope: 0, intercept: my, r2: 0 };
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: my - slope * mx, r2 };
}

/** Share of the rise toward the peak a count must reach before a return to baseline counts. */
const RISE_SHARE = 0.5;
/** How close to the baseline a count must come back to count as returned. */
const BASELINE_SHARE = 0.1;
/** Points the later-half fit needs to mean anything. */
const RECENT_MIN_POINTS = 2;

/** Chi-square per degree of freedom of the steps of y against the one rate from first to last (see Trend.stepSpread). */
function stepSpreadOf(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = y.length;
  const span = n > 1 ? x[n - 1] - x[0] : 0;
  if (n < 3 || span <= 0 || y[n - 1] <= y[0]) return 0;
  const rate = (y[n - 1] - y[0]) / span;
  let chi2 = 0;
  let steps = 0;
  for (let i = 1; i < n; i++) {
    const expected = rate * (x[i] - x[i - 1]);
    if (expected <= 0) continue;
    const d = y[i] - y[i - 1] - expected;
    chi2 += (d * d) / Math.max(1, expected);
    steps++;
  }
  return steps > 1 ? chi2 / (steps - 1) : 0;
}

/** The trend of counts y (one per snapshot, at positions x). */
export function trendOf(x: ArrayLike<number>, y: ArrayLike<number>): Trend {
  const n = y.length;
  const first = n ? y[0] : 0;
  const last = n ? y[n - 1] : 0;
  let min = first;
  let max = first;
  for (let i = 1; i < n; i++) {
    if (y[i] < min) min = y[i];
    if (y[i] > max) max = y[i];
  }
  const range = max - min;
  let nonDecreasing = 0;
  let rises = 0;
  let drawdown = 0;
  let high = first;
  let risen = false;
  let returned = false;
  const risenAt = first + RISE_SHARE * (max - first);
  const baseline = first + BASELINE_SHARE * (max - first);
  for (let i = 1; i < n; i++) {
    if (y[i] >= y[i - 1]) nonDecreasing++;
    if (y[i] > y[i - 1]) rises++;
    if (y[i] > high) high = y[i];
    if (range > 0) drawdown = Math.max(drawdown, (high - y[i]) / range);
    if (max > first && y[i] >= risenAt) risen = true;
    else if (risen && y[i] <= baseline) returned = true;
  }
  const fit = leastSquares(x, y);
  const half = Math.floor(n / 2);
  const recentFit = n - half >= RECENT_MIN_POINTS ? leastSquares(x, y, half, n).slope : fit.slope;
  const recent = fit.slope > 0 ? Math.max(0, Math.min(1.5, recentFit / fit.slope)) : 0;
  return {
    first,
    last,
    min,
    max,
    slope: fit.slope,
    r2: n > 2 ? fit.r2 : fit.slope !== 0 ? 1 : 0,
    monotonic: n > 1 ? nonDecreasing / (n - 1) : 1,
    rises,
    drawdown,
    returned,
    neverDrains: last >= 0.9 * max && !returned,
    recent,
    stepSpread: stepSpreadOf(x, y),
    growthSignificance: (last - first) / Math.sqrt(Math.max(1, first + last)),
  };
}
