// The React 19 host app (issue 7): its own small Vite build, like a partner's React intranet.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { portalAlias } from '../shared.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: portalAlias() },
  logLevel: 'warn',
  // relative asset URLs: the test serves each app from a folder of its own
  base: './',
  build: { outDir: process.env.HOST_OUT_DIR || 'dist', emptyOutDir: true, target: 'es2022' },
});
