import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { jsonBody, pathParams, queryParams } from '../http/validate.js';
import { requestLocale } from '../http/locale.js';
import { idParam, savedQueryBody } from '../schemas/tickets.js';
import {
  createQuery,
  deleteQuery,
  getPref,
  listAreas,
  listPartners,
  listQueries,
  listTypes,
  priorityMatrix,
  setPref,
  suggestTags,
} from '../domain/lookups.js';

const prefKey = z.object({ key: z.string().regex(/^[a-z][a-z0-9._:-]{0,79}$/i, 'Not a valid preference key') });

export const lookupsRoutes = new Hono<AppEnv>()
  // GET /api/lookups/types — most used first
  .get('/lookups/types', async (c) => c.json({ items: await listTypes(c.var.deps, c.var.actor!, requestLocale(c)) }, 200))
  // GET /api/lookups/areas
  .get('/lookups/areas', async (c) => c.json({ items: await listAreas(c.var.deps, c.var.actor!, requestLocale(c)) }, 200))
  // GET /api/lookups/partners — the caller's business partners and rights
  .get('/lookups/partners', (c) => c.json({ items: listPartners(c.var.actor!) }, 200))
  // GET /api/lookups/priority — urgency × impact matrix for the wizard's preview
  .get('/lookups/priority', async (c) => c.json({ matrix: await priorityMatrix(c.var.deps, c.var.actor!) }, 200))
  // GET /api/tags?prefix=&partner=&limit=
  .get(
    '/tags',
    queryParams(
      z.object({
        prefix: z.string().max(40).default(''),
        partner: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
        limit: z.coerce.number().int().min(1).max(50).default(10),
      }),
    ),
    async (c) => {
      const { prefix, partner, limit } = c.req.valid('query');
      return c.json({ items: await suggestTags(c.var.deps, c.var.actor!, prefix, partner, limit) }, 200);
    },
  )
  // GET /api/queries — system and personal queries (R-BOARD-2)
  .get('/queries', async (c) => {
    const items = await listQueries(c.var.deps, c.var.actor!, requestLocale(c));
    return c.json({ items }, 200);
  })
  // POST /api/queries — save the current filters as a personal query
  .post('/queries', jsonBody(savedQueryBody), async (c) => {
    return c.json(await createQuery(c.var.deps, c.var.actor!, c.req.valid('json')), 201);
  })
  // DELETE /api/queries/:id — own personal queries only
  .delete('/queries/:id', pathParams(idParam), async (c) => {
    await deleteQuery(c.var.deps, c.var.actor!, c.req.valid('param').id);
    return c.body(null, 204);
  })
  // GET /api/prefs/:key
  .get('/prefs/:key', pathParams(prefKey), async (c) => {
    return c.json({ value: await getPref(c.var.deps, c.var.actor!, c.req.valid('param').key) }, 200);
  })
  // PUT /api/prefs/:key {value}
  .put('/prefs/:key', pathParams(prefKey), jsonBody(z.object({ value: z.json() })), async (c) => {
    const { key } = c.req.valid('param');
    await setPref(c.var.deps, c.var.actor!, key, c.req.valid('json').value);
    return c.json({ value: c.req.valid('json').value }, 200);
  });
