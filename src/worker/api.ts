import { loadApi } from './load';
import { topApi } from './top';

/** Everything the Worker answers; each view's module adds its own queries. */
export const api = {
  ...loadApi,
  ...topApi,
};

export type WorkerApi = typeof api;
