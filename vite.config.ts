import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
import { CONTENT_SECURITY_POLICY } from './src/core/io/csp.ts';

/**
 * The built page carries the app's policy in a meta tag, first in <head> so it covers every script.
 * Not in `vite dev`: React's hot reload needs an inline script.
 */
const cspMeta: Plugin = {
  name: 'parkview-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
};

export default defineConfig({
  base: './',
  plugins: [react(), cspMeta],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2048 },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
  },
});
