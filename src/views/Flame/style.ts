import { diffChange } from '../../core/flame/diff';
import type { Box } from '../../core/flame/visible';
import { ROOT, SMALL_FRAMES } from '../../core/flame/window';
import type { FlameData, FlameWindowData } from '../../worker/flame';
import { diffIndex, type Paint } from './colours';
import type { BoxStyle } from './draw';
import { visibleName } from '../../core/report/visible';

export type ColourMode = 'package' | 'state' | 'diff';

export interface StyleInputs {
  data: FlameData;
  mode: ColourMode;
  /** Per name (package mode). */
  namePaints: Paint[];
  /** Per state name (state mode). */
  statePaints: Paint[];
  /** From full shrink to full growth (diff mode). */
  diffPaints: Paint[];
  root: Paint;
  small: Paint;
  rootLabel: string;
  /** Per name, 1 when it matches the search; null when not searching. */
  keyMatch: Uint8Array | null;
  selectedFunction: string | null;
}

/** How each box of a window is painted, labelled, dimmed and marked. */
export function boxStyle(s: StyleInputs, win: FlameWindowData): BoxStyle {
  const { data, keyMatch } = s;
  const paint = (b: Box): Paint => {
    const i = b.frame;
    const key = win.key[i];
    if (b.run > 0 || key === SMALL_FRAMES) return s.small;
    if (key === ROOT) return s.mode === 'diff' && win.base ? s.diffPaints[diffIndex(diffChange(win.width[i], win.base[i]))] : s.root;
    if (s.mode === 'diff' && win.base) return s.diffPaints[diffIndex(diffChange(win.width[i], win.base[i]))];
    if (s.mode === 'state' && win.state) return win.state[i] === 255 ? s.small : s.statePaints[win.state[i]];
    return s.namePaints[key];
  };
  return {
    paint,
    label: (b) => {
      const key = win.key[b.frame];
      if (b.run > 0 || key === SMALL_FRAMES) return `+${b.run || win.count[b.frame]}`;
      return visibleName(key === ROOT ? s.rootLabel : data.names[key]);
    },
    dimmed: (b) => {
      if (!keyMatch) return false;
      const key = win.key[b.frame];
      return b.run > 0 || key < 0 || keyMatch[key] !== 1;
    },
    marked: (b) => {
      const key = win.key[b.frame];
      return s.selectedFunction !== null && b.run === 0 && key >= 0 && data.funcs[key] === s.selectedFunction;
    },
  };
}
