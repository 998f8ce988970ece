import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goFixed, percentage, scale, scaledLabel } from '../../src/core/units/scale';

// pprof's own measurement package (Go 1.23) printed these: scripts/pprof-oracle/format-sweep.go.
const SWEEP = readFileSync(new URL('../fixtures/pprof-oracle/format-sweep.txt', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => line.split('\t'));

function cases(kind: string): string[][] {
  return SWEEP.filter((c) => c[0] === kind).map((c) => c.slice(1));
}

describe('formatting swept against pprof', () => {
  it('covers exact ties, sub-1% ratios and every unit family', () => {
    expect(cases('percentage').length).toBeGreaterThan(3000);
    expect(cases('percentage').some((c) => c[2] === '0.0001%')).toBe(true);
    expect(cases('percentage').some((c) => /e-\d\d%$/.test(c[2]))).toBe(true);
    expect(cases('scaled').map((c) => c[1])).toContain('milligcu');
  });

  it('Percentage is pprof\'s on every value/total pair', () => {
    const wrong = cases('percentage').filter(([v, t, want]) => percentage(Number(v), Number(t)) !== want);
    expect(wrong).toEqual([]);
  });

  it('ScaledLabel is pprof\'s on every value and unit pair', () => {
    const wrong = cases('scaled').filter(([v, from, to, want]) => scaledLabel(Number(v), from, to) !== want);
    expect(wrong).toEqual([]);
  });

  it('the one-decimal amounts of -tags are pprof\'s', () => {
    const wrong = cases('tenths').filter(([v, from, to, want]) => {
      const [f, u] = scale(Number(v), from, to);
      return `${goFixed(f, 1)}${u}` !== want;
    });
    expect(wrong).toEqual([]);
  });
});

describe('the rounding cases the sweep guards', () => {
  it('rounds like strconv: near-ties by their exact value, exact ties to even', () => {
    expect(scaledLabel(19605, 'nanoseconds', 'us')).toBe('19.61us'); // 19.605 is stored just above the tie
    expect(goFixed(0.125, 2)).toBe('0.12');
    expect(goFixed(0.375, 2)).toBe('0.38');
    expect(goFixed(-0.125, 2)).toBe('-0.12');
    expect(percentage(89, 4000)).toBe(' 2.23%');
  });

  it('prints sub-1% ratios as %.2g after rounding, ties to even', () => {
    expect(percentage(1, 1000003)).toBe('0.0001%');
    expect(percentage(1, 1048576)).toBe('9.5e-05%');
    expect(percentage(1, 800)).toBe(' 0.12%');
    expect(percentage(0, 7)).toBe('    0%');
  });
});
