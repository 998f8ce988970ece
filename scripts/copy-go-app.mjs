#!/usr/bin/env node
// Copies the Vite build (dist/) into the Go module, which embeds it: go/parkview/app/ becomes an
// exact copy. test/go/embedded-app.test.ts checks the copy matches a fresh build.
import { cpSync, existsSync, rmSync } from 'node:fs';

const from = 'dist';
const to = 'go/parkview/app';
if (!existsSync(`${from}/index.html`)) {
  process.stderr.write('copy-go-app: dist/ holds no build: run `npx vite build` first\n');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
