import { Hono } from 'hono';
import type { AppEnv } from '../deps.js';
import { describeMe } from '../domain/me.js';
import { jsonBody } from '../http/validate.js';
import { mePatchBody } from '../schemas/auth.js';

export const meRoutes = new Hono<AppEnv>()
  // GET /api/me
  .get('/', async (c) => {
    return c.json(await describeMe(c.var.deps, c.var.actor!), 200);
  })

  // PATCH /api/me — the caller's own settings (language, e-mail notifications, name)
  .patch('/', jsonBody(mePatchBody), async (c) => {
    const { db, clock } = c.var.deps;
    const actor = c.var.actor!;
    const body = c.req.valid('json');
    const set: { locale?: 'de' | 'en'; notify_email?: number; name?: string; updated_at: string } = {
      updated_at: clock.now().toISOString(),
    };
    if (body.locale !== undefined) set.locale = body.locale;
    if (body.notifyEmail !== undefined) set.notify_email = body.notifyEmail ? 1 : 0;
    if (body.name !== undefined) set.name = body.name;
    await db.updateTable('account').set(set).where('id', '=', actor.accountId).execute();
    const fresh = { ...actor, ...(body.locale ? { locale: body.locale } : {}), ...(body.name ? { name: body.name } : {}) };
    return c.json(await describeMe(c.var.deps, fresh), 200);
  });
