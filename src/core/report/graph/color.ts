/** Saturation and value (HSV) of a colour scale; hue runs from grey (0) to red (1) or green (-1). */
export interface Shade {
  saturation: number;
  value: number;
}

/** pprof's shades: strong borders and edges, pale fills, for a white page. */
export const PPROF_FOREGROUND: Shade = { saturation: 1, value: 0.7 };
export const PPROF_BACKGROUND: Shade = { saturation: 0.1, value: 0.93 };

function hex2(v: number): string {
  return Math.trunc(v * 255)
    .toString(16)
    .padStart(2, '0');
}

/**
 * pprof's dotColor: a score in [-1, 1] (a node's cum, or an edge's weight, over the total) maps to
 * grey at 0, red towards 1 and green towards -1 (in a diff: grew, shrank), pushed away from grey.
 */
export function scoreColor(score: number, shade: Shade): string {
  const shift = 0.7;
  let s = Math.max(-1, Math.min(1, score));
  let saturation = shade.saturation;
  if (Math.abs(s) < 0.2) saturation *= Math.abs(s) / 0.2;
  s = s > 0 ? s ** (1 - shift) : s < 0 ? -((-s) ** (1 - shift)) : 0;
  const v = shade.value;
  const [r, g] = s < 0 ? [v * (1 + saturation * s), v] : [v, v * (1 - saturation * s)];
  return `#${hex2(r)}${hex2(g)}${hex2(v * (1 - saturation))}`;
}

export function dotColor(score: number, isBackground: boolean): string {
  return scoreColor(score, isBackground ? PPROF_BACKGROUND : PPROF_FOREGROUND);
}
