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

/** Go's %.Nf (N = digits): like toFixed but exact ties round to even. */
export function goFixed(v: number, digits: number): string {
  const scale = 10 ** digits;
  const t = Math.abs(v) * scale;
  if (!Number.isInteger(t) && Number.isInteger(t * 2) && Math.floor(t) % 2 === 0) {
    return (Math.sign(v) * (Math.floor(t) / scale)).toFixed(digits);
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

/** Go's %.2g for small positive ratios. */
function formatG2(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  let s = x.toPrecision(2);
  if (exp < -4 || exp >= 2) {
    const [m, e] = x.toExponential(1).split('e');
    const n = Number(e);
    s = `${m.replace(/\.0$/, '')}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  } else if (s.includes('.')) {
    s = s.replace(/0+$/, '').replace(/\.$/, '');
  }
  return s;
}

/** pprof's Percentage: at least two significant digits, "100%" near 100. */
export function percentage(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  if (ratio >= 1) return `${goFixed(ratio, 2).padStart(5)}%`;
  return `${formatG2(ratio).padStart(5)}%`;
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
