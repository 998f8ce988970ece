import type { TopColumns } from '../../worker/top';

/** One row of the table: a report node, `index` its place in pprof's flat order. */
export interface TopEntry {
  index: number;
  name: string;
  func: string;
  flat: number;
  cum: number;
  inline: TopColumns['inline'][number];
}

/** Rows from the Worker's columns. */
export function topEntries(c: TopColumns): TopEntry[] {
  return c.name.map((name, index) => ({ index, name, func: c.func[index], flat: c.flat[index], cum: c.cum[index], inline: c.inline[index] }));
}
