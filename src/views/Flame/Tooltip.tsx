import { diffChange } from '../../core/flame/diff';
import { stateCategory } from '../../core/flame/states';
import type { Box } from '../../core/flame/visible';
import { ROOT } from '../../core/flame/window';
import type { FlameData, FlameWindowData } from '../../worker/flame';
import { percentLabel } from '../../core/units/scale';
import { deltaLabel, valueLabel, valueNoun } from '../../core/units/value';
import { statePaint } from './colours';
import type { Theme } from '../../ui/theme';
import { visibleName } from '../../core/report/visible';
import { useSources } from '../../store/sources';
import { FrameLink } from '../Source/FrameLink';

export interface HoverTarget {
  win: FlameWindowData;
  box: Box;
}

interface Props {
  data: FlameData;
  target: HoverTarget;
  rootLabel: string;
  showDiff: boolean;
  showState: boolean;
  theme: Theme;
  /** What the frame's own value is called: `self`, or for callers `calls start here`. */
  selfLabel: string;
}

/** What a hovered frame stands for: full name, place in the source, its share of the whole and of its caller. */
export function FrameTooltip({ data, target, rootLabel, showDiff, showState, theme, selfLabel }: Props) {
  const { win, box } = target;
  const i = box.frame;
  const noun = valueNoun(data.sampleType);
  if (box.run > 0) {
    return (
      <>
        <div className="flame-tip-name">
          {box.run.toLocaleString('en-US')} smaller frames
        </div>
        <dl className="flame-tip-grid">
          <dt>{noun}</dt>
          <dd>
            {valueLabel(box.runValue, data.unit)} <span className="muted">({percentLabel(box.runValue, data.total)} of total)</span>
          </dd>
        </dl>
        <div className="flame-tip-hint">Too narrow to draw one by one · click or zoom in to see them</div>
      </>
    );
  }
  const key = win.key[i];
  const isRoot = key === ROOT;
  const name = isRoot ? rootLabel : data.names[key];
  const file = isRoot ? '' : data.files[key];
  const parent = win.parent[i];
  const value = win.width[i];
  const base = showDiff && win.base ? win.base[i] : null;
  const state = showState && win.state && win.state[i] !== 255 && data.states ? data.states.names[win.state[i]] : null;
  return (
    <>
      {isRoot || key >= data.labelFrom ? (
        <div className="flame-tip-name">{visibleName(name)}</div>
      ) : (
        <>
          {name !== data.funcs[key] && <div className="flame-tip-name">{visibleName(name)}</div>}
          <FrameLink frame={{ name: data.funcs[key], file, line: win.line[i], inlined: false }} fullPath />
        </>
      )}
      {!isRoot && key >= data.labelFrom && <div className="flame-tip-file">label group</div>}
      <dl className="flame-tip-grid">
        <dt>{noun}</dt>
        <dd>
          <strong>{valueLabel(value, data.unit)}</strong>
        </dd>
        <dt>of total</dt>
        <dd>{percentLabel(value, data.total)}</dd>
        {parent >= 0 && (
          <>
            <dt>of parent</dt>
            <dd>{percentLabel(value, win.width[parent])}</dd>
          </>
        )}
        <dt>{selfLabel}</dt>
        <dd>
          {valueLabel(win.self[i], data.unit)} <span className="muted">({percentLabel(win.self[i], data.total)})</span>
        </dd>
        {base !== null && data.base && (
          <>
            <dt>in base</dt>
            <dd>
              {valueLabel(base, data.unit)} <span className={diffChange(value, base) > 0 ? 'grew' : diffChange(value, base) < 0 ? 'shrank' : 'muted'}>({deltaLabel(value - base, data.unit)}{base > 0 ? `, ×${(value / base).toFixed(value / base >= 10 ? 0 : 2)}` : ', new'})</span>
            </dd>
          </>
        )}
        {state !== null && (
          <>
            <dt>state</dt>
            <dd>
              <span className="swatch" style={{ background: statePaint(stateCategory(state), theme).fill }} /> {state}{' '}
              {win.stateShare && win.stateShare[i] < 0.995 && <span className="muted">({percentLabel(win.stateShare[i], 1)} of it)</span>}
            </dd>
          </>
        )}
      </dl>
      <div className="flame-tip-hint">
        Click to zoom · right-click for focus, hide, source…
        {!isRoot && key < data.labelFrom && <SourceHint file={file} />}
      </div>
    </>
  );
}

/** How the name's link gets to the source: move onto the tooltip, and add the file if no dropped folder has it. */
function SourceHint({ file }: { file: string }) {
  const known = useSources((s) => file !== '' && s.index.match(file) !== null);
  return (
    <div>
      Move here and click the name for its source line
      {!known && ' (no source added for this file yet: the Source view offers to add it)'}
    </div>
  );
}
