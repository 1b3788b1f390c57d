import { Hono } from 'hono';
import type { AppEnv } from '../deps.js';
import { jsonBody, pathParams, queryParams } from '../http/validate.js';
import { requestLocale } from '../http/locale.js';
import { forbidden } from '../http/errors.js';
import { kbArticleBody, kbArticlePatch, kbIdParam, kbListQuery, kbSectionBody, kbSectionPatch, kbSharesBody } from '../schemas/kb.js';
import {
  agentCreateArticle,
  agentCreateSection,
  agentDeleteArticle,
  agentDeleteSection,
  agentListArticles,
  agentListSections,
  agentSetShares,
  agentUpdateArticle,
  agentUpdateSection,
  getArticle,
  listArticles,
  listLanguages,
  listSections,
} from '../domain/kb.js';

/** The knowledge base as customers (and agents) read it (R-KB-1..3). */
export const kbRoutes = new Hono<AppEnv>()
  // GET /api/kb/sections?q=&language= — sections with the number of visible (matching) articles
  .get('/sections', queryParams(kbListQuery), async (c) => {
    const { q, language } = c.req.valid('query');
    const items = await listSections(c.var.deps, c.var.actor!, requestLocale(c), q, language);
    return c.json({ items }, 200);
  })
  // GET /api/kb/languages?q= — the article languages with the number of visible (matching) articles
  .get('/languages', queryParams(kbListQuery), async (c) => {
    return c.json({ items: await listLanguages(c.var.deps, c.var.actor!, c.req.valid('query').q) }, 200);
  })
  // GET /api/kb/articles?section=&q=&language= — ranked, with highlighted snippets as segments
  .get('/articles', queryParams(kbListQuery), async (c) => {
    const { section, q, language } = c.req.valid('query');
    return c.json(
      await listArticles(c.var.deps, c.var.actor!, { ...(section ? { section } : {}), ...(q ? { q } : {}), ...(language ? { language } : {}) }),
      200,
    );
  })
  // GET /api/kb/articles/:id
  .get('/articles/:id', pathParams(kbIdParam), async (c) => {
    return c.json(await getArticle(c.var.deps, c.var.actor!, c.req.valid('param').id, requestLocale(c)), 200);
  });

/** Agents write the knowledge base (`/api/agent/kb/*`); customers get 403 on every route here. */
export const agentKbRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.var.actor!.kind !== 'agent') throw forbidden('Only service-desk agents may edit the knowledge base');
    await next();
  })
  // GET /api/agent/kb/sections
  .get('/sections', async (c) => c.json({ items: await agentListSections(c.var.deps, c.var.actor!) }, 200))
  // POST /api/agent/kb/sections
  .post('/sections', jsonBody(kbSectionBody), async (c) => {
    const id = await agentCreateSection(c.var.deps, c.var.actor!, c.req.valid('json'));
    const items = await agentListSections(c.var.deps, c.var.actor!);
    return c.json(items.find((s) => s.id === id)!, 201);
  })
  // PATCH /api/agent/kb/sections/:id
  .patch('/sections/:id', pathParams(kbIdParam), jsonBody(kbSectionPatch), async (c) => {
    const { id } = c.req.valid('param');
    await agentUpdateSection(c.var.deps, c.var.actor!, id, c.req.valid('json'));
    const items = await agentListSections(c.var.deps, c.var.actor!);
    return c.json(items.find((s) => s.id === id)!, 200);
  })
  // DELETE /api/agent/kb/sections/:id — only when empty
  .delete('/sections/:id', pathParams(kbIdParam), async (c) => {
    await agentDeleteSection(c.var.deps, c.var.actor!, c.req.valid('param').id);
    return c.body(null, 204);
  })
  // GET /api/agent/kb/articles — all articles with their shares
  .get('/articles', async (c) => c.json(await agentListArticles(c.var.deps, c.var.actor!), 200))
  // POST /api/agent/kb/articles
  .post('/articles', jsonBody(kbArticleBody), async (c) => {
    const id = await agentCreateArticle(c.var.deps, c.var.actor!, c.req.valid('json'));
    return c.json(await getArticle(c.var.deps, c.var.actor!, id, requestLocale(c)), 201);
  })
  // GET /api/agent/kb/articles/:id
  .get('/articles/:id', pathParams(kbIdParam), async (c) => {
    return c.json(await getArticle(c.var.deps, c.var.actor!, c.req.valid('param').id, requestLocale(c)), 200);
  })
  // PATCH /api/agent/kb/articles/:id {version, …} — edit or move
  .patch('/articles/:id', pathParams(kbIdParam), jsonBody(kbArticlePatch), async (c) => {
    const { id } = c.req.valid('param');
    await agentUpdateArticle(c.var.deps, c.var.actor!, id, c.req.valid('json'), requestLocale(c));
    return c.json(await getArticle(c.var.deps, c.var.actor!, id, requestLocale(c)), 200);
  })
  // PUT /api/agent/kb/articles/:id/shares {businessPartnerIds}
  .put('/articles/:id/shares', pathParams(kbIdParam), jsonBody(kbSharesBody), async (c) => {
    const { id } = c.req.valid('param');
    await agentSetShares(c.var.deps, c.var.actor!, id, c.req.valid('json').businessPartnerIds);
    return c.json(await getArticle(c.var.deps, c.var.actor!, id, requestLocale(c)), 200);
  })
  // DELETE /api/agent/kb/articles/:id
  .delete('/articles/:id', pathParams(kbIdParam), async (c) => {
    await agentDeleteArticle(c.var.deps, c.var.actor!, c.req.valid('param').id);
    return c.body(null, 204);
  });
