import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../deps.js';

export const healthRoutes = new Hono<AppEnv>()
  // GET /api/health
  .get('/health', async (c) => {
    await sql`select 1`.execute(c.var.deps.db);
    return c.json({ status: 'ok' as const, time: c.var.deps.clock.now().toISOString() }, 200);
  });
