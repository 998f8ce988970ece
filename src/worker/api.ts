import type { QueryEngine } from '../core/engine/engine';
import { flameApi } from './flame';
import { goroutinesApi } from './goroutines';
import { graphApi } from './graph';
import { leaksApi } from './leaks';
import { loadApi } from './load';
import { planRefresher, refineApi } from './refine';
import { shareApi } from './share';
import { sourceApi } from './source';
import { topApi } from './top';

/** Everything the Worker answers over one engine; each view's module adds its own queries. */
export function workerApi(engine: QueryEngine) {
  const plans = planRefresher(engine);
  const load = loadApi(engine, plans);
  return {
    ...load,
    ...topApi(engine),
    ...flameApi(engine),
    ...graphApi(engine),
    ...refineApi(engine),
    ...shareApi(engine, plans, load.decodeLimits),
    ...leaksApi(engine),
    ...goroutinesApi(engine),
    ...sourceApi(engine),
  };
}

export type WorkerApi = ReturnType<typeof workerApi>;
