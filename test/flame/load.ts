import type { Snapshot } from '../../src/core/model/snapshot';
import { Session } from '../../src/core/model/session';
import { QueryEngine } from '../../src/core/engine/engine';
import { buildFlame } from '../../src/core/flame/build';
import { load } from '../fixtures';

/** A session with the given fixtures loaded, and a query engine over it. */
export async function loadSession(...rel: string[]) {
  const session = new Session();
  const snapshots: Snapshot[] = [];
  for (const r of rel) snapshots.push(await load(session, r));
  const engine = new QueryEngine(session);
  const flame = (i: number, groupBy: string | null = null) => buildFlame(engine, { snapshot: snapshots[i].id }, groupBy);
  return { session, snapshots, engine, flame };
}
