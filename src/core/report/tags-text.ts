import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { groupFrames, type StackRewrite } from '../query/call-tree';
import { byWeight } from '../query/graph/tags';
import { alignRight } from './tabwriter';
import { numLabelUnits } from '../query/label-units';
import { goFixed, percentage, scale, scaledLabel } from '../units/scale';

/** `go tool pprof -tags`: for each label key, its total and every value's share of it (values of samples worth 0 included, as pprof lists them). */
export function tagsText(session: Session, s: Snapshot, sampleIndex: number, rewrite?: StackRewrite): string {
  const unit = s.sampleTypes[sampleIndex].unit;
  const values = s.values[sampleIndex];
  const units = numLabelUnits(session, s);
  const tags = new Map<string, Map<string, number>>();
  const scratch = { frames: new Int32Array(256) };
  for (let i = 0; i < s.groups.length; i++) {
    const g = s.groups[i];
    if (rewrite && !groupFrames(session, g, rewrite, scratch)) continue;
    for (const l of session.labelSets.get(session.groups.labels.data[g])) {
      const value = l.num === undefined ? l.value : scaledLabel(l.num, units.get(l.key) ?? l.key, 'minimum');
      let byValue = tags.get(l.key);
      if (!byValue) tags.set(l.key, (byValue = new Map()));
      byValue.set(value, (byValue.get(value) ?? 0) + values[i]);
    }
  }
  const amount = (v: number) => {
    const [f, u] = scale(v, unit, 'minimum');
    return `${goFixed(f, 1)}${u}`;
  };
  const lines: string[] = [];
  for (const key of [...tags.keys()].sort()) {
    const byValue = [...tags.get(key)!].map(([name, flat]) => ({ name, flat, cum: 0 })).sort(byWeight(true));
    let total = 0;
    for (const t of byValue) total += t.flat;
    lines.push(`${key}:\t Total ${amount(total)}`);
    for (const t of byValue) lines.push(total > 0 ? ` \t${amount(t.flat)} (${percentage(t.flat, total)}):\t ${t.name}` : ` \t${amount(t.flat)}:\t ${t.name}`);
    lines.push('');
  }
  return lines.length ? `${alignRight(lines).join('\n')}\n` : '';
}
