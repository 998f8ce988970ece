import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { prepareTargets, TARGETS } from './targets';

/**
 * The short fuzz run of every test run: fixed seeds and run counts, so a failure is the same on
 * every machine and fast-check's report (seed, path, shrunk input) reproduces it. About a minute in
 * all; `npm run fuzz -- --minutes N` runs longer with new seeds and saves crashers to the corpus.
 */
const RUNS: Record<string, number> = { query: 500 };
const DECODER_RUNS = 1500;

describe('fuzz (short run)', () => {
  beforeAll(() => prepareTargets());

  for (const [i, target] of TARGETS.entries()) {
    it(`${target.name}: every mutated input decodes with exact totals or fails with a one-line error`, async () => {
      await fc.assert(
        fc.asyncProperty(target.input, (input) => target.run(input)),
        { seed: 0x5eed + i, numRuns: RUNS[target.name] ?? DECODER_RUNS },
      );
    }, 180_000);
  }
});
