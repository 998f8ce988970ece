import { dotColor, scoreColor } from '../../core/report/graph/color';
import type { Theme } from '../../ui/theme';

export interface NodeColors {
  fill: string;
  stroke: string;
}

/** Colour strength grows fast with the share, as pprof's colours do. */
const strength = (score: number) => Math.min(1, Math.abs(score)) ** 0.3;

/**
 * pprof's shrinking green as blue, like the flame graph's diff: red and blue stay apart for
 * colour-blind eyes, red and green do not. (`#rrggbb` with green and blue swapped.)
 */
const shrinkBlue = (score: number, color: string) => (score < 0 ? `#${color.slice(1, 3)}${color.slice(5, 7)}${color.slice(3, 5)}` : color);

/** pprof's colours on a light page; on a dark one, dark fills and borders that brighten as they redden. */
export function nodeColors(score: number, theme: Theme): NodeColors {
  if (theme === 'light') return { fill: shrinkBlue(score, dotColor(score, true)), stroke: shrinkBlue(score, dotColor(score, false)) };
  const s = strength(score);
  return {
    fill: shrinkBlue(score, scoreColor(score, { saturation: 0.55, value: 0.17 + 0.1 * s })),
    stroke: shrinkBlue(score, scoreColor(score, { saturation: 0.85, value: 0.45 + 0.45 * s })),
  };
}

export function edgeColor(score: number, theme: Theme): string {
  if (theme === 'light') return shrinkBlue(score, dotColor(score, false));
  return shrinkBlue(score, scoreColor(score, { saturation: 0.85, value: 0.5 + 0.4 * strength(score) }));
}
