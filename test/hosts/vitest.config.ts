// The framework hosts (issue 7): a React 19 and a Vue 3 app built with Vite into a temp dir and
// driven in Chromium, plus the TypeScript declarations checked from a host's point of view.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/hosts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    // building the widgets, two apps and the declarations takes a while on a busy machine
    hookTimeout: 600_000,
  },
});
