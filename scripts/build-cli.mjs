#!/usr/bin/env node
// Bundles the `parkview` command (cli/main.ts and everything it imports) into one file,
// dist-cli/main.mjs, so the published package runs it with no dependencies and no build step.
import { build } from 'esbuild';

const pkg = (await import('../package.json', { with: { type: 'json' } })).default;

await build({
  entryPoints: ['cli/main.ts'],
  outfile: 'dist-cli/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${/\d+(\.\d+)?/.exec(pkg.engines.node)[0]}`,
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
