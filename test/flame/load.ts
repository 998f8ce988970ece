import type { Snapshot } from '../../src/core/model/snapshot';
import { Session } from '../../src/core/model/session';
import { buildFlame } from '../../src/core/flame/build';
import { QueryCache } from '../../src/core/query/view-query';
import { load } from '../fixtures';

/** A session with the given fixtures loaded, and a query cache over it. */
export async function loadSession(...rel: string[]) {
  const session = new Session();
  const snapshots: Snapshot[] = [];
  for (const r of rel) snapshots.push(await load(session, r));
  const queries = new QueryCache(session);
  const flame = (i: number, groupBy: string | null = null) => buildFlame(session, queries, { snapshot: snapshots[i].id }, groupBy);
  return { session, snapshots, queries, flame };
}
