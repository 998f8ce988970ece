import { dotColor, scoreColor } from '../../core/query/graph/color';
import type { Theme } from '../../app/theme';

export interface NodeColors {
  fill: string;
  stroke: string;
}

/** Colour strength grows fast with the share, as pprof's colours do. */
const strength = (score: number) => Math.min(1, Math.abs(score)) ** 0.3;

/** pprof's colours on a light page; on a dark one, dark fills and borders that brighten as they redden. */
export function nodeColors(score: number, theme: Theme): NodeColors {
  if (theme === 'light') return { fill: dotColor(score, true), stroke: dotColor(score, false) };
  const s = strength(score);
  return {
    fill: scoreColor(score, { saturation: 0.55, value: 0.17 + 0.1 * s }),
    stroke: scoreColor(score, { saturation: 0.85, value: 0.45 + 0.45 * s }),
  };
}

export function edgeColor(score: number, theme: Theme): string {
  if (theme === 'light') return dotColor(score, false);
  return scoreColor(score, { saturation: 0.85, value: 0.5 + 0.4 * strength(score) });
}
