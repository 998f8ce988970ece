import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { CORPUS } from './run';
import { prepareTargets, targetNamed } from './targets';

/** Every crasher the fuzzer found, minimized, as it was saved: each must now decode or fail cleanly. */
const entries = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(CORPUS, d.name)).map((file) => ({ target: d.name, file })));

describe('fuzz corpus', () => {
  beforeAll(() => prepareTargets());

  it.each(entries)('$target/$file', async ({ target, file }) => {
    await targetNamed(target).run(new Uint8Array(readFileSync(join(CORPUS, target, file))));
  });
});
