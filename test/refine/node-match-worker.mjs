// Node stand-in for src/worker/refine-regex-worker.ts: the same job loop over worker_threads.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runMatchJobs } = await import('../../src/core/query/refine-match.ts');

parentPort.on('message', (jobs) => {
  const results = runMatchJobs(jobs, (started) => parentPort.postMessage({ started }));
  parentPort.postMessage({ results });
});
