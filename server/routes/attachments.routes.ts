import { Hono } from 'hono';
import type { AppEnv } from '../deps.js';
import { pathParams } from '../http/validate.js';
import { idParam } from '../schemas/tickets.js';
import { deleteDraft, openAttachment, uploadDraft } from '../domain/attachments.js';

export const attachmentsRoutes = new Hono<AppEnv>()
  // GET /api/attachments/:id[?inline=1] — download (raster images may be previewed inline)
  .get('/attachments/:id', pathParams(idParam), async (c) => {
    const inline = c.req.query('inline') === '1';
    const { headers, body } = await openAttachment(c.var.deps, c.var.actor!, c.req.valid('param').id, inline);
    return new Response(body, { status: 200, headers });
  })

  // POST /api/uploads (multipart) — files added while writing a ticket or position
  .post('/uploads', async (c) => {
    const items = await uploadDraft(c.var.deps, c.var.actor!, c.req.raw);
    return c.json({ items }, 201);
  })

  // DELETE /api/uploads/:id — remove an upload again before sending
  .delete('/uploads/:id', pathParams(idParam), async (c) => {
    await deleteDraft(c.var.deps, c.var.actor!, c.req.valid('param').id);
    return c.body(null, 204);
  });

