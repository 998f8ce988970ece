// Value scaling and percentages exactly as pprof's internal/measurement prints them.

interface Unit {
  name: string;
  aliases: string[];
  factor: number;
}
interface UnitType {
  units: Unit[];
  defaultUnit: Unit;
}

const NS = 1;
const UNIT_TYPES: UnitType[] = [
  {
    units: [
      { name: 'B', aliases: ['b', 'byte'], factor: 1 },
      { name: 'kB', aliases: ['kb', 'kbyte', 'kilobyte'], factor: 2 ** 10 },
      { name: 'MB', aliases: ['mb', 'mbyte', 'megabyte'], factor: 2 ** 20 },
      { name: 'GB', aliases: ['gb', 'gbyte', 'gigabyte'], factor: 2 ** 30 },
      { name: 'TB', aliases: ['tb', 'tbyte', 'terabyte'], factor: 2 ** 40 },
      { name: 'PB', aliases: ['pb', 'pbyte', 'petabyte'], factor: 2 ** 50 },
    ],
    defaultUnit: { name: 'B', aliases: ['b', 'byte'], factor: 1 },
  },
  {
    units: [
      { name: 'ns', aliases: ['ns', 'nanosecond'], factor: NS },
      { name: 'us', aliases: ['μs', 'us', 'microsecond'], factor: 1e3 },
      { name: 'ms', aliases: ['ms', 'millisecond'], factor: 1e6 },
      { name: 's', aliases: ['s', 'sec', 'second'], factor: 1e9 },
      { name: 'hrs', aliases: ['hour', 'hr'], factor: 3600e9 },
    ],
    defaultUnit: { name: 's', aliases: [], factor: 1e9 },
  },
  {
    units: [
      { name: 'n*GCU', aliases: ['nanogcu'], factor: 1e-9 },
      { name: 'u*GCU', aliases: ['microgcu'], factor: 1e-6 },
      { name: 'm*GCU', aliases: ['milligcu'], factor: 1e-3 },
      { name: 'GCU', aliases: ['gcu'], factor: 1 },
      { name: 'k*GCU', aliases: ['kilogcu'], factor: 1e3 },
      { name: 'M*GCU', aliases: ['megagcu'], factor: 1e6 },
      { name: 'G*GCU', aliases: ['gigagcu'], factor: 1e9 },
      { name: 'T*GCU', aliases: ['teragcu'], factor: 1e12 },
      { name: 'P*GCU', aliases: ['petagcu'], factor: 1e15 },
    ],
    defaultUnit: { name: 'GCU', aliases: [], factor: 1 },
  },
];

function sniff(ut: UnitType, unit: string): Unit | undefined {
  let u = unit.toLowerCase();
  if (u.length > 2) u = u.replace(/s$/, '');
  return ut.units.find((x) => x.aliases.includes(u));
}

function autoScale(ut: UnitType, value: number): [number, string] | null {
  let f = 0;
  let name = '';
  for (const u of ut.units) {
    if (u.factor >= f && value / u.factor >= 1) {
      f = u.factor;
      name = u.name;
    }
  }
  return f === 0 ? null : [value / f, name];
}

/** Converts `value` in `fromUnit` to `toUnit` ("minimum"/"auto" pick the largest unit keeping it >= 1). */
export function scale(value: number, fromUnit: string, toUnit: string): [number, string] {
  if (value < 0) {
    const [v, u] = scale(-value, fromUnit, toUnit);
    return [-v, u];
  }
  for (const ut of UNIT_TYPES) {
    const from = sniff(ut, fromUnit);
    if (!from) continue;
    const v = value * from.factor;
    if (toUnit === 'minimum' || toUnit === 'auto') {
      return autoScale(ut, v) ?? [v / ut.defaultUnit.factor, ut.defaultUnit.name];
    }
    const to = sniff(ut, toUnit) ?? ut.defaultUnit;
    return [v / to.factor, to.name];
  }
  return ['count', 'sample', 'unit', 'minimum', 'auto'].includes(toUnit) ? [value, ''] : [value, toUnit];
}

/**
 * Go's %.Nf (N = digits), as strconv rounds: to the nearest, and exact ties to even. toFixed
 * rounds correctly too but sends exact ties up. A double is an exact tie at N digits only when
 * it is an odd multiple of 2^-(N+1), which the multiplication below tests without rounding error.
 */
export function goFixed(v: number, digits: number): string {
  const a = Math.abs(v);
  const halves = a * 2 ** (digits + 1);
  if (Number.isInteger(halves) && halves % 2 === 1) {
    const down = Math.floor(a * 10 ** digits);
    if (down % 2 === 0) return `${v < 0 ? '-' : ''}${(down / 10 ** digits).toFixed(digits)}`;
  }
  return v.toFixed(digits);
}

/** pprof's ScaledLabel: two decimals, ".00" dropped, unit appended. */
export function scaledLabel(value: number, fromUnit: string, toUnit: string): string {
  if (fromUnit === '' && toUnit === 'count') return String(value);
  const [v, u] = scale(value, fromUnit, toUnit);
  const sv = goFixed(v, 2).replace(/\.00$/, '');
  if (sv === '0' || sv === '-0') return '0';
  return sv + u;
}

/**
 * Go's %.2g of a ratio in (0, 1), rounded as strconv rounds: two significant digits, trailing
 * zeros dropped, and the exponent form (`1.5e-05`) only when the rounded value is below 1e-4.
 */
function percentG2(x: number): string {
  const exp = Number(x.toExponential(1).split('e')[1]);
  const fixed = goFixed(x, 1 - exp);
  const rounded = Number(fixed) >= Number(`1e${exp + 1}`) ? exp + 1 : exp;
  if (rounded >= -4) return fixed.replace(/0+$/, '').replace(/\.$/, '');
  const digits = fixed.replace(/^0\.0*/, '');
  const mantissa = `${digits[0]}.${digits[1] ?? '0'}`.replace(/\.0$/, '');
  return `${mantissa}e-${String(-rounded).padStart(2, '0')}`;
}

/** pprof's Percentage: at least two significant digits, "100%" near 100. */
export function percentage(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  if (ratio >= 1) return `${goFixed(ratio, 2).padStart(5)}%`;
  return `${(ratio === 0 ? '0' : percentG2(ratio)).padStart(5)}%`;
}

/** pprof's Percentage without its padding: `23%`, `0.52%`. */
export function percentLabel(value: number, total: number): string {
  return percentage(value, total).trim();
}

/**
 * The single output unit pprof picks for a report (its selectOutputUnit): the unit of the smallest
 * node value (|flat|, or |cum| where flat is 0), or a larger one when that would leave the total
 * more than 100 times bigger than the smallest value.
 */
export function reportUnit(nodes: Iterable<{ flat: number; cum: number }>, total: number, sampleUnit: string): string {
  let min = 0;
  for (const n of nodes) {
    const v = Math.abs(n.flat) || Math.abs(n.cum);
    if (v > 0 && (min === 0 || v < min)) min = v;
  }
  const max = Math.abs(total);
  if (min === 0) min = max;
  const minUnit = scale(min, sampleUnit, 'minimum')[1];
  const maxUnit = scale(max, sampleUnit, 'minimum')[1];
  let unit = minUnit;
  if (minUnit !== maxUnit && min * 100 < max) unit = scale(100 * min, sampleUnit, 'minimum')[1];
  return unit !== '' ? unit : sampleUnit;
}
