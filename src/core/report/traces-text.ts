import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import type { Label } from '../model/tables';
import { groupFrames, type StackRewrite } from '../query/call-tree';
import { numLabelUnits } from '../query/label-units';
import { profileLabels } from './header';
import { scaledLabel } from '../units/scale';

const SEPARATOR = '-----------+-------------------------------------------------------';

/** Whether group i has a value in some sample type: pprof's graphs drop those that have none. */
export function hasValue(s: Snapshot, i: number): boolean {
  return s.values.some((column) => column[i] !== 0);
}

/** Values of each key in order, a key's several values joined by spaces, as pprof prints a sample's labels. */
function byKey(labels: Label[], text: (l: Label) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of labels) out.set(l.key, out.has(l.key) ? `${out.get(l.key)} ${text(l)}` : text(l));
  return out;
}

/**
 * `go tool pprof -traces`: every sample as the file has it, in file order, even those of one stack
 * and labels or with no value (pprof merges nothing since Go 1.20), with labels, value and stack, leaf first.
 */
export function tracesText(session: Session, s: Snapshot, sampleIndex: number, rewrite?: StackRewrite): string {
  const unit = s.sampleTypes[sampleIndex].unit;
  const fmt = (v: number) => scaledLabel(v, unit, 'minimum');
  const units = numLabelUnits(session, s);
  const out = profileLabels(s, sampleIndex, s.totals[sampleIndex], fmt);
  const values = s.samples ? s.samples.values[sampleIndex] : s.values[sampleIndex];
  const scratch = { frames: new Int32Array(256) };
  for (let i = 0; i < values.length; i++) {
    const g = s.groups[s.samples ? s.samples.group[i] : i];
    const frames = groupFrames(session, g, rewrite, scratch);
    if (!frames || frames.length === 0) continue;
    const stack = Array.from(frames).reverse();
    out.push(SEPARATOR);
    const labels = session.labelSets.get(session.groups.labels.data[g]);
    const text = byKey(
      labels.filter((l) => l.num === undefined),
      (l) => l.value,
    );
    const numeric = byKey(
      labels.filter((l) => l.num !== undefined),
      (l) => scaledLabel(l.num ?? 0, units.get(l.key) ?? l.key, 'auto'),
    );
    for (const lines of [text, numeric]) out.push(...[...lines].map(([k, v]) => `${k.padStart(10)}:  ${v}`).sort());
    stack.forEach((f, j) => {
      const value = j === 0 ? fmt(values[i]) : '';
      out.push(`${value.padStart(10)}   ${session.funcName(f) || '<unknown>'}${session.frames.inlined.data[f] ? ' (inline)' : ''}`);
    });
  }
  out.push(SEPARATOR);
  return `${out.join('\n')}\n`;
}
