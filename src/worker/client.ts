import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from './api';

/** The main thread's handle on the Worker; every call is async and runs off the main thread. */
export const worker: Remote<WorkerApi> = wrap<WorkerApi>(new Worker(new URL('./index.ts', import.meta.url), { type: 'module' }));
