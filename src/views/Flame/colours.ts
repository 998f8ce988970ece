import { hsl, interpolateLab, rgb } from 'd3';
import { DIFF_SATURATION } from '../../core/flame/diff';
import { CLASS_LABEL, CLASS_PACKAGE, CLASS_RUNTIME, CLASS_STDLIB, stableHash } from '../../core/flame/palette';
import { stateCategory, type StateCategory } from '../../core/flame/states';
import type { Theme } from '../../ui/theme';

/** A frame's fill and the text colour readable on it. */
export interface Paint {
  fill: string;
  text: string;
}

const TEXT = { light: '#1f2328', dark: '#e6edf3' } as const;

/** The canvas's own colours: the page's --bg, --fg and --accent of each theme (styles.css). */
export const CANVAS: Record<Theme, { bg: string; fg: string; accent: string }> = {
  light: { bg: '#ffffff', fg: TEXT.light, accent: '#0969da' },
  dark: { bg: '#0f1318', fg: TEXT.dark, accent: '#4493f8' },
};

/** Dark text on light fills, light text on dark ones. */
function paint(fill: string): Paint {
  const c = rgb(fill);
  const luminance = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
  return { fill: c.formatHex(), text: luminance > 0.55 ? TEXT.light : TEXT.dark };
}

/** Per name, a fill from its package class, with a little lightness from the name so neighbours differ. */
export function packagePaints(names: readonly string[], classes: Uint8Array, theme: Theme): Paint[] {
  const dark = theme === 'dark';
  return names.map((name, i) => {
    const c = classes[i];
    const jitter = ((stableHash(name) % 9) - 4) / 100;
    let h: number;
    let s: number;
    let l: number;
    if (c === CLASS_RUNTIME) [h, s, l] = dark ? [215, 0.1, 0.3] : [215, 0.12, 0.84];
    else if (c === CLASS_STDLIB) [h, s, l] = dark ? [200, 0.16, 0.34] : [200, 0.22, 0.8];
    else if (c === CLASS_LABEL) [h, s, l] = dark ? [265, 0.3, 0.36] : [265, 0.45, 0.86];
    else {
      // Golden-angle steps spread the hashed classes around the wheel.
      h = ((c - CLASS_PACKAGE) * 137.508) % 360;
      [s, l] = dark ? [0.42, 0.36] : [0.62, 0.76];
    }
    return paint(hsl(h, s, Math.max(0.1, Math.min(0.92, l + jitter))).formatHex());
  });
}

export const ROOT_PAINT: Record<Theme, Paint> = { light: paint('#d8dee4'), dark: paint('#2d333b') };
export const SMALL_PAINT: Record<Theme, Paint> = { light: paint('#e4e8ec'), dark: paint('#262c34') };

const STATE_FILL: Record<StateCategory, [string, string]> = {
  'chan send': ['#f4a582', '#b4532a'],
  'chan receive': ['#fdd49e', '#9a6a1c'],
  select: ['#cab2d6', '#6a4c93'],
  sync: ['#f1b6da', '#9c3f74'],
  io: ['#92c5de', '#2f6690'],
  sleep: ['#d9d9d9', '#4a4f57'],
  syscall: ['#a6dba0', '#2f7a3f'],
  running: ['#b8e186', '#4d7c22'],
  other: ['#e0e0e0', '#3d434b'],
};

export const STATE_LABEL: Record<StateCategory, string> = {
  'chan send': 'chan send',
  'chan receive': 'chan receive',
  select: 'select',
  sync: 'mutex / WaitGroup / cond',
  io: 'IO wait',
  sleep: 'sleep',
  syscall: 'syscall',
  running: 'running',
  other: 'other / unknown',
};

export function statePaint(category: StateCategory, theme: Theme): Paint {
  return paint(STATE_FILL[category][theme === 'dark' ? 1 : 0]);
}

/** Paint per state name, by its category. */
export function statePaints(states: readonly string[], theme: Theme): Paint[] {
  return states.map((s) => statePaint(stateCategory(s), theme));
}

/** ColorBrewer RdBu ends (colour-blind safe): red grows, blue shrinks, a quiet neutral in between. */
const DIFF_ENDS = {
  light: { shrink: '#2166ac', neutral: '#eceff2', grow: '#b2182b' },
  dark: { shrink: '#4393c3', neutral: '#3a4048', grow: '#d6604d' },
} as const;

export const DIFF_STEPS = 20;

/** 2 * DIFF_STEPS + 1 paints from full shrink (index 0) through unchanged to full growth. */
export function diffPaints(theme: Theme): Paint[] {
  const ends = DIFF_ENDS[theme];
  const toShrink = interpolateLab(ends.neutral, ends.shrink);
  const toGrow = interpolateLab(ends.neutral, ends.grow);
  const out: Paint[] = [];
  for (let i = -DIFF_STEPS; i <= DIFF_STEPS; i++) {
    const t = Math.abs(i) / DIFF_STEPS;
    out.push(paint(i < 0 ? toShrink(t) : toGrow(t)));
  }
  return out;
}

/** The diff paint index of a change in [-1, 1] (see core/flame/diff.ts diffChange). */
export function diffIndex(change: number): number {
  return Math.round(change * DIFF_STEPS) + DIFF_STEPS;
}

/** Legend ticks of the diff scale: growth factors and where they sit in [-1, 1]. */
export function diffTicks(): { at: number; label: string }[] {
  const out: { at: number; label: string }[] = [];
  for (let f = DIFF_SATURATION; f >= 2; f /= 2) out.push({ at: -Math.log(f) / Math.log(DIFF_SATURATION), label: `÷${f}` });
  out.push({ at: 0, label: '=' });
  for (let f = 2; f <= DIFF_SATURATION; f *= 2) out.push({ at: Math.log(f) / Math.log(DIFF_SATURATION), label: `×${f}${f === DIFF_SATURATION ? '+' : ''}` });
  return out;
}
