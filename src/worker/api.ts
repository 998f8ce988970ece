import { flameApi } from './flame';
import { goroutinesApi } from './goroutines';
import { graphApi } from './graph';
import { leaksApi } from './leaks';
import { loadApi } from './load';
import { refineApi } from './refine';
import { shareApi } from './share';
import { sourceApi } from './source';
import { topApi } from './top';

/** Everything the Worker answers; each view's module adds its own queries. */
export const api = {
  ...loadApi,
  ...topApi,
  ...flameApi,
  ...graphApi,
  ...refineApi,
  ...shareApi,
  ...leaksApi,
  ...goroutinesApi,
  ...sourceApi,
};

export type WorkerApi = typeof api;
