import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Deps } from './deps.js';
import { ApiError } from './http/errors.js';
import type { ErrorBody, ErrorCode } from './schemas/errors.js';
import {
  accessGate,
  apiHeaders,
  authenticate,
  bodyGate,
  csrfGuard,
  requestContext,
} from './http/middleware.js';
import { apiCors, originGate } from './http/cors.js';
import { healthRoutes } from './routes/health.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { meRoutes } from './routes/me.routes.js';
import { demoRoutes } from './routes/demo.routes.js';
import { ticketsRoutes } from './routes/tickets.routes.js';
import { attachmentsRoutes } from './routes/attachments.routes.js';
import { lookupsRoutes } from './routes/lookups.routes.js';
import { agentRoutes } from './routes/agent.routes.js';
import { dashboardRoutes } from './routes/dashboard.routes.js';
import { agentKbRoutes, kbRoutes } from './routes/kb.routes.js';
import { agentPlanRoutes, planRoutes } from './routes/plan.routes.js';

const codeForStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

/** The API, mounted under /api. Pure: everything it touches comes in through `deps`. */
export function createApi(deps: Deps) {
  const api = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('deps', deps);
      await next();
    })
    .use(requestContext, apiHeaders, apiCors, authenticate, originGate, csrfGuard, accessGate, bodyGate)
    .route('/', healthRoutes)
    .route('/auth', authRoutes)
    .route('/me', meRoutes)
    .route('/demo', demoRoutes)
    .route('/tickets', ticketsRoutes)
    .route('/', attachmentsRoutes)
    .route('/', lookupsRoutes)
    .route('/dashboard', dashboardRoutes)
    .route('/kb', kbRoutes)
    .route('/agent/kb', agentKbRoutes)
    .route('/', planRoutes)
    .route('/agent/plan', agentPlanRoutes)
    .route('/agent', agentRoutes);
  return api;
}

export type ApiType = ReturnType<typeof createApi>;

/** The whole app: the API under /api plus whatever the host adds (static files in main.ts). */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>().route('/api', createApi(deps));

  app.onError((err, c) => {
    const requestId = c.get('requestId') ?? crypto.randomUUID();
    let code: ErrorCode = 'internal';
    let message = 'Something went wrong on our side. Please try again; if it keeps happening, tell us the request id.';
    let details: Record<string, unknown> | undefined;
    let headers: Record<string, string> | undefined;
    if (err instanceof ApiError) {
      code = err.code;
      message = err.message;
      details = err.details;
      headers = err.headers;
    } else if (err instanceof HTTPException && codeForStatus[err.status]) {
      code = codeForStatus[err.status]!;
      message = err.status === 400 ? 'The request body is not valid JSON' : err.message || code;
    } else {
      deps.logger.error('unhandled error', {
        requestId,
        path: new URL(c.req.url).pathname,
        error: err instanceof Error ? err.stack ?? err.message : String(err),
      });
    }
    const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}), requestId } };
    const res = c.json(body, (code === 'internal' ? 500 : (err as ApiError).status ?? 500) as 500);
    res.headers.set('X-Request-Id', requestId);
    res.headers.set('Cache-Control', 'no-store');
    res.headers.set('X-Content-Type-Options', 'nosniff');
    for (const [k, v] of Object.entries(headers ?? {})) res.headers.set(k, v);
    return res;
  });

  app.notFound((c) => {
    const requestId = c.get('requestId') ?? crypto.randomUUID();
    const body: ErrorBody = { error: { code: 'not_found', message: 'No such route', requestId } };
    // outside /api no middleware sets these; every error carries them
    return c.json(body, 404, { 'X-Request-Id': requestId, 'Cache-Control': 'no-store' });
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
