import { QueryEngine } from '../src/core/engine/engine';
import { ProfileError } from '../src/core/decode';
import { Session } from '../src/core/model/session';
import type { Snapshot } from '../src/core/model/snapshot';
import type { Granularity } from '../src/core/options/table';
import { sampleIndexOf } from '../src/core/query/sample-index';
import type { ViewQuery } from '../src/core/query/view-query';
import { loadFile } from './load';
import { filtersOf, warnUnmatched } from './refine';

/** What a report command asks the engine: the query of the profile it loaded. */
export interface ReportQuery {
  engine: QueryEngine;
  snapshot: Snapshot;
  query: ViewQuery & { sampleIndex: number };
}

/**
 * Loads the profile a report command names into a new engine, and the `--diff_base` profile when
 * given, with pprof's warning for each filter that matches nothing in the profile.
 */
export async function reportQuery(opts: Record<string, string>, file: string, granularity?: Granularity): Promise<ReportQuery> {
  const engine = new QueryEngine(new Session());
  const snapshot = await loadFile(engine.session, file);
  const query = { snapshot: snapshot.id, sampleIndex: sampleIndexOf(snapshot, opts.sample_index), granularity, filters: filtersOf(opts) };
  warnUnmatched(engine, query);
  if (opts.diff_base === undefined) return { engine, snapshot, query };
  const base = await loadFile(engine.session, opts.diff_base);
  return { engine, snapshot, query: { ...query, base: base.id } };
}

/** A diff the engine could not make (the base lacks the profile's sample type) is the command's error. */
export function checkBase(r: { baseError: string | null }): void {
  if (r.baseError) throw new ProfileError(r.baseError);
}
