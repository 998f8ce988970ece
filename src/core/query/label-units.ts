import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';

/** pprof's unit of a numeric label key: the first unit a sample gives it, else one guessed from the key. */
export function numLabelUnits(session: Session, s: Snapshot): Map<string, string> {
  const units = new Map<string, string>();
  for (const g of s.groups) {
    for (const l of session.labelSets.get(session.groups.labels.data[g])) {
      if (l.num === undefined) continue;
      if (l.unit && !units.get(l.key)) units.set(l.key, l.unit);
      else if (!units.has(l.key)) units.set(l.key, '');
    }
  }
  for (const [key, unit] of units) if (!unit) units.set(key, key === 'alignment' || key === 'request' ? 'bytes' : key);
  return units;
}
