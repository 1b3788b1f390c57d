import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { addKey, listKeys, listOrigins, requirePartner, revokeKey, setOrigins } from '../domain/partners.js';
import { jsonBody, jsonText, pathParams, queryParams } from '../http/validate.js';
import { requestLocale } from '../http/locale.js';
import { agentPositionBody, agentStatusBody, idParam, listTicketsQuery } from '../schemas/tickets.js';
import { getTicketDetail, listPositions, listTicketsBody, type ListResult } from '../domain/tickets.js';
import { addAgentPosition, changeStatusAsAgent, requireAgent } from '../domain/agent.js';
import { uploadToTicket } from '../domain/attachments.js';

/** The provider side (`/api/agent/*`): agent accounts only, released tickets only. */
export const agentRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    requireAgent(c.var.actor!);
    await next();
  })
  // GET /api/agent/partners — the system partner's business partners
  .get('/partners', async (c) => {
    const rows = await c.var.deps.db
      .selectFrom('business_partner')
      .select(['id', 'name'])
      .where('system_partner_id', '=', c.var.actor!.systemPartnerId)
      .orderBy('name')
      .execute();
    return c.json({ items: rows }, 200);
  })
  // GET /api/agent/partners/:id/embedding — allowed origins and host-token keys (never key material)
  .get('/partners/:id/embedding', pathParams(idParam), async (c) => {
    const p = await requirePartner(c.var.deps.db, c.var.actor!.systemPartnerId, c.req.valid('param').id);
    return c.json({ origins: await listOrigins(c.var.deps.db, p.id), keys: await listKeys(c.var.deps.db, p.id) }, 200);
  })
  // PUT /api/agent/partners/:id/origins {origins}
  .put('/partners/:id/origins', pathParams(idParam), jsonBody(z.object({ origins: z.array(z.string().max(300)).max(50) })), async (c) => {
    const p = await requirePartner(c.var.deps.db, c.var.actor!.systemPartnerId, c.req.valid('param').id);
    const origins = await setOrigins(c.var.deps.db, p.id, c.req.valid('json').origins, c.var.deps.clock.now());
    return c.json({ origins }, 200);
  })
  // POST /api/agent/partners/:id/keys {alg, issuer, audience, key?} — a generated HS256 secret is shown once
  .post(
    '/partners/:id/keys',
    pathParams(idParam),
    jsonBody(
      z.object({
        alg: z.enum(['HS256', 'EdDSA', 'RS256']),
        issuer: z.string().trim().min(1).max(200),
        audience: z.string().trim().min(1).max(200),
        key: z.string().max(10_000).optional(),
      }),
    ),
    async (c) => {
      const p = await requirePartner(c.var.deps.db, c.var.actor!.systemPartnerId, c.req.valid('param').id);
      return c.json(await addKey(c.var.deps.db, p.id, c.req.valid('json'), c.var.deps.clock.now()), 201);
    },
  )
  // DELETE /api/agent/partners/:id/keys/:keyId — revoke
  .delete('/partners/:id/keys/:keyId', pathParams(z.object({ id: z.string().min(1).max(64), keyId: z.string().min(1).max(64) })), async (c) => {
    const { id, keyId } = c.req.valid('param');
    const p = await requirePartner(c.var.deps.db, c.var.actor!.systemPartnerId, id);
    await revokeKey(c.var.deps.db, p.id, keyId, c.var.deps.clock.now());
    return c.body(null, 204);
  })
  // GET /api/agent/tickets — released tickets of the agent's system partner
  .get('/tickets', queryParams(listTicketsQuery), async (c) => {
    return jsonText<ListResult>(c, await listTicketsBody(c.var.deps, c.var.actor!, c.req.valid('query'), requestLocale(c)));
  })
  // GET /api/agent/tickets/:id — the ticket with its whole history (internal notes included)
  .get('/tickets/:id', pathParams(idParam), async (c) => {
    const { id } = c.req.valid('param');
    const detail = await getTicketDetail(c.var.deps, c.var.actor!, id, requestLocale(c));
    const positions = await listPositions(c.var.deps, c.var.actor!, id);
    return c.json({ ...detail, positions }, 200);
  })
  // POST /api/agent/tickets/:id/positions {body, internal}
  .post('/tickets/:id/positions', pathParams(idParam), jsonBody(agentPositionBody), async (c) => {
    const { id } = c.req.valid('param');
    const positionId = await addAgentPosition(c.var.deps, c.var.actor!, id, c.req.valid('json'));
    const items = await listPositions(c.var.deps, c.var.actor!, id);
    return c.json(items.find((p) => p.id === positionId)!, 201);
  })
  // POST /api/agent/tickets/:id/status {status, reason?}
  .post('/tickets/:id/status', pathParams(idParam), jsonBody(agentStatusBody), async (c) => {
    const { id } = c.req.valid('param');
    const { status, reason } = c.req.valid('json');
    await changeStatusAsAgent(c.var.deps, c.var.actor!, id, status, reason, c.var.requestId);
    return c.json(await getTicketDetail(c.var.deps, c.var.actor!, id, requestLocale(c)), 200);
  })
  // POST /api/agent/tickets/:id/attachments (multipart; ?internal=1 keeps them with internal notes)
  .post('/tickets/:id/attachments', pathParams(idParam), async (c) => {
    const items = await uploadToTicket(c.var.deps, c.var.actor!, c.req.valid('param').id, c.req.raw, {
      internal: c.req.query('internal') === '1',
    });
    return c.json({ items }, 201);
  });
