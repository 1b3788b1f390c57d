import { Hono } from 'hono';
import type { AppEnv } from '../deps.js';
import { notFound } from '../http/errors.js';

/**
 * Demo installations only (PORTAL_SEED=demo): the outbox, so a person trying the portal without
 * an SMTP server can read the invitation and notification e-mails (demo/mail.html).
 * Everywhere else these routes answer 404 like any unknown route.
 */
export const demoRoutes = new Hono<AppEnv>()
  // GET /api/demo/outbox
  .get('/outbox', async (c) => {
    const { db, config } = c.var.deps;
    if (!config.demoMode) throw notFound('Route');
    const rows = await db
      .selectFrom('outbox')
      .select(['id', 'to_address', 'kind', 'subject', 'text_body', 'html_body', 'status', 'created_at', 'sent_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return c.json(
      {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          kind: r.kind,
          subject: r.subject,
          text: r.text_body,
          html: r.html_body,
          status: r.status,
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
      },
      200,
    );
  });
