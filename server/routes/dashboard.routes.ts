import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { queryParams } from '../http/validate.js';
import { requestLocale } from '../http/locale.js';
import { dashboard } from '../domain/dashboard.js';

export const dashboardRoutes = new Hono<AppEnv>()
  // GET /api/dashboard?scope=mine|all (R-DASH-1..4)
  .get('/', queryParams(z.object({ scope: z.enum(['mine', 'all']).default('mine'), lang: z.enum(['de', 'en']).optional() })), async (c) => {
    return c.json(await dashboard(c.var.deps, c.var.actor!, requestLocale(c), c.req.valid('query').scope), 200);
  });
