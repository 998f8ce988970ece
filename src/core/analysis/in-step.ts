import type { KeyedCounts } from './grouping';
import type { Trend } from './signals';

/**
 * Finds, for a group, another group whose count is the same in every snapshot among the groups a
 * predicate picks (those whose goroutines wake by themselves): a handler blocked on a channel
 * while its backend call sleeps or reads moves in step with it. Indexed by last count, lazily.
 */
export class InStepGroups {
  private byLast: Map<number, number[]> | null = null;

  constructor(
    private readonly keyed: KeyedCounts,
    private readonly trends: Trend[],
    private readonly picked: (key: number) => boolean,
  ) {}

  /** The label of a picked group, other than `key`, whose counts equal its counts; else null. */
  partnerOf(key: number): string | null {
    const { counts, snapshots, label } = this.keyed;
    const last = this.trends[key].last;
    for (const other of this.index().get(last) ?? []) {
      if (other === key) continue;
      let same = true;
      for (let i = 0; i < snapshots && same; i++) same = counts[key * snapshots + i] === counts[other * snapshots + i];
      if (same) return label[other];
    }
    return null;
  }

  private index(): Map<number, number[]> {
    if (this.byLast) return this.byLast;
    const byLast = new Map<number, number[]>();
    for (let k = 0; k < this.trends.length; k++) {
      const t = this.trends[k];
      if (t.last <= t.first || !this.picked(k)) continue;
      const list = byLast.get(t.last);
      if (list) list.push(k);
      else byLast.set(t.last, [k]);
    }
    this.byLast = byLast;
    return byLast;
  }
}
