#!/usr/bin/env node
// The `parkview` command. Written for old Node versions too, so that they get a clear message
// instead of a syntax error: the command itself needs the version package.json's engines names.
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const minimum = /^>=\s*(\d+)\.(\d+)/.exec(pkg.engines.node);
const current = process.versions.node.split('.').map(Number);
if (minimum && (current[0] < +minimum[1] || (current[0] === +minimum[1] && current[1] < +minimum[2]))) {
  process.stderr.write('parkview: needs Node.js ' + minimum[1] + '.' + minimum[2] + ' or newer; this is Node.js ' + process.versions.node + '. Install a current Node.js from https://nodejs.org and run it again.\n');
  process.exit(1);
}

// An installed package runs the bundle `npm pack` built; a clone runs the TypeScript source.
const bundle = new URL('../dist-cli/main.mjs', import.meta.url);
const source = new URL('./main.ts', import.meta.url);
const load = existsSync(source)
  ? import('tsx/esm/api').then((tsx) => {
      tsx.register();
      return import(source.href);
    })
  : import(bundle.href);
load.then((cli) => cli.main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
