import type { Context, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEnv, Deps } from './deps.js';
import { staticCors } from './http/cors.js';

/**
 * The built widgets at /widgets/ and the demo pages at / and /demo/. Content-hashed files are
 * cached for a year; stable entries (loader.js, define.js, index.js) must be revalidated.
 * Intranet pages load the widgets as module scripts, which browsers fetch in CORS mode: the
 * origins business partners registered get `Access-Control-Allow-Origin` (issue 7).
 */
export function mountStatic(app: Hono<AppEnv>, root: string, deps: Deps): void {
  const widgetsDir = join(root, 'dist/widgets');
  const demoDir = join(root, 'demo');
  const hashed = /-[A-Za-z0-9_-]{8,}\.(js|css|map)$/;

  app.use('/widgets/*', staticCors(deps));
  app.use('/widgets/*', async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    const path = new URL(c.req.url).pathname;
    c.header('Cache-Control', hashed.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.get(
    '/widgets/*',
    serveStatic({ root: widgetsDir, rewriteRequestPath: (p) => p.replace(/^\/widgets/, '') }),
  );

  const page = (file: string) => async (c: Context<AppEnv>) => {
    const { readFile } = await import('node:fs/promises');
    const path = join(demoDir, file);
    if (!existsSync(path)) return c.text('Not found', 404);
    const html = await readFile(path, 'utf8');
    c.header('Cache-Control', 'no-cache');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(html);
  };
  app.get('/', page('index.html'));
  app.get('/demo', (c) => c.redirect('/demo/', 301));
  app.get('/demo/', page('index.html'));
  app.get('/demo/*', async (c, next) => {
    const name = new URL(c.req.url).pathname.replace(/^\/demo\//, '');
    // plain file names only: no traversal, no hidden files
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name.includes('..')) return next();
    if (name.endsWith('.html')) return page(name)(c);
    return serveStatic({ root: demoDir, rewriteRequestPath: (p) => p.replace(/^\/demo/, '') })(c, next);
  });
}
