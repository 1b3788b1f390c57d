// Is dist/widgets/ older than its sources? Build it when it is. Used by scripts/start.mjs and the
// end-to-end harness; `npm run build` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const loaderPath = join(root, 'dist/widgets/loader.js');

/** Everything the widget bundle is built from. */
const sources = ['widgets', 'server/schemas', 'vite.config.ts'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** The reason to rebuild, or null when dist/widgets/loader.js is newer than every source. */
export function widgetsStale() {
  if (!existsSync(loaderPath)) return 'dist/widgets/loader.js is missing';
  const built = statSync(loaderPath).mtimeMs;
  for (const src of sources) {
    if (newestMtime(join(root, src)) > built) return `${src} changed since the last build`;
  }
  return null;
}

/** `vite build` with vite.config.ts; warnings and errors only. Throws when the build fails. */
export async function buildWidgets({ logLevel = 'warn' } = {}) {
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel });
}

/** Builds when stale; returns whether it built. */
export async function ensureWidgets(options) {
  const reason = widgetsStale();
  if (!reason) return false;
  await buildWidgets(options);
  return true;
}
