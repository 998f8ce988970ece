import { flameApi } from './flame';
import { graphApi } from './graph';
import { loadApi } from './load';
import { refineApi } from './refine';
import { shareApi } from './share';
import { sourceApi } from './source';
import { timelineApi } from './leaks';
import { topApi } from './top';

/** Everything the Worker answers; each view's module adds its own queries. */
export const api = {
  ...loadApi,
  ...topApi,
  ...flameApi,
  ...graphApi,
  ...refineApi,
  ...shareApi,
  ...timelineApi,
  ...sourceApi,
};

export type WorkerApi = typeof api;
