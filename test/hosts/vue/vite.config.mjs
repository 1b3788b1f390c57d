// The Vue 3 host app (issue 7): its own small Vite build, like a partner's Vue intranet.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { portalAlias } from '../shared.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // the portal's tags are custom elements, not Vue components
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } } })],
  resolve: { alias: portalAlias() },
  logLevel: 'warn',
  // relative asset URLs: the test serves each app from a folder of its own
  base: './',
  build: { outDir: process.env.HOST_OUT_DIR || 'dist', emptyOutDir: true, target: 'es2022' },
});
