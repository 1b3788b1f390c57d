import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../deps.js';
import { ApiError } from './errors.js';
import { validateSessionToken } from '../auth/sessions.js';
import { actorOf } from '../auth/actor.js';

/**
 * Sets a header on the response a handler has already made. Hono's `c.header()` at that point
 * copies the whole response first (its body becomes a stream that is piped out chunk by
 * chunk): with the five headers the middleware adds afterwards, that was a quarter of a board
 * request's CPU (`npm run bench`, R-BOARD-5). The headers of a response we made ourselves can be
 * changed in place; only a response with immutable headers goes the copying way.
 */
export function setResponseHeader(c: Context, name: string, value: string, append = false): void {
  try {
    if (append) c.res.headers.append(name, value);
    else c.res.headers.set(name, value);
  } catch {
    c.header(name, value, { append });
  }
}

/** A request id for logs and error bodies; a sane incoming X-Request-Id is kept. */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[A-Za-z0-9_.-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', id);
  c.set('actor', null);
  c.set('session', null);
  const started = performance.now();
  await next();
  setResponseHeader(c, 'X-Request-Id', id);
  const { logger } = c.var.deps;
  // the fields cost something to gather (LOG_LEVEL=warn in production, `npm run bench`)
  if (!logger.enabled('info')) return;
  logger.info('request', {
    requestId: id,
    method: c.req.method,
    // the path only: query strings may carry search terms, never log them
    path: new URL(c.req.url).pathname,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    account: c.var.actor?.accountId,
  });
};

export const apiHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  setResponseHeader(c, 'X-Content-Type-Options', 'nosniff');
  setResponseHeader(c, 'Referrer-Policy', 'no-referrer');
  if (!c.res.headers.has('Cache-Control')) setResponseHeader(c, 'Cache-Control', 'no-store');
};

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const jsonType = /^application\/([\w.-]+\+)?json$/i;

/** Routes that take multipart bodies instead of JSON. */
export const multipartRoutes: RegExp[] = [/^\/api\/tickets\/[^/]+\/attachments$/, /^\/api\/uploads$/, /^\/api\/agent\/tickets\/[^/]+\/attachments$/];

/**
 * JSON endpoints take JSON only (415 otherwise) and no more than the configured size (413).
 * An empty body without a content type is fine (e.g. sign-out).
 */
export const bodyGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!unsafe.has(c.req.method)) return next();
  const path = new URL(c.req.url).pathname;
  const contentType = c.req.header('content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const length = c.req.header('content-length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
  if (multipartRoutes.some((r) => r.test(path))) {
    if (mediaType !== 'multipart/form-data') {
      throw new ApiError('unsupported_media_type', 'Send files as multipart/form-data');
    }
    return next();
  }
  if (!contentType && !hasBody) return next();
  if (!jsonType.test(mediaType)) {
    throw new ApiError('unsupported_media_type', 'Send the request body as application/json');
  }
  const limit = c.var.deps.config.jsonBodyLimit;
  if (length !== undefined && Number(length) > limit) {
    throw new ApiError('payload_too_large', `The request body is larger than ${limit} bytes`, { limit });
  }
  // Read once with the limit enforced even without a Content-Length (chunked bodies): stop
  // reading as soon as the limit is passed instead of buffering whatever the client sends.
  const raw = await readBodyWithLimit(c, limit);
  if (raw.byteLength > 0) {
    try {
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch {
      throw new ApiError('bad_request', 'The request body is not valid JSON');
    }
  }
  return next();
};

/**
 * The request body, read chunk by chunk and abandoned once it passes `limit` (413). Kept in
 * Hono's body cache, so the validators after this gate read it from there.
 */
async function readBodyWithLimit(c: Context<AppEnv>, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiError('payload_too_large', `The request body is larger than ${limit} bytes`, { limit });
  const stream = c.req.raw.body;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (stream) {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // Hono keeps promises in its body cache (its type says otherwise)
  (c.req.bodyCache as { arrayBuffer?: Promise<ArrayBuffer> }).arrayBuffer = Promise.resolve(body.buffer as ArrayBuffer);
  return body;
}

function bearerToken(c: Context): string | null {
  const h = c.req.header('authorization');
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : '';
}

/**
 * Resolves the session from `Authorization: Bearer` or the session cookie and loads the actor.
 * A request that presents a bearer header is judged by it alone.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.var.deps;
  const bearer = bearerToken(c);
  const token = bearer ?? getCookie(c, deps.config.session.cookieName) ?? null;
  if (token) {
    const found = await validateSessionToken(deps, token);
    if (found) {
      c.set('session', {
        id: found.session.id,
        mode: bearer !== null ? 'bearer' : 'cookie',
        // a host-token session was authenticated by the partner's intranet: no portal password to change
        mustChangePassword: found.account.must_change_password === 1 && found.session.via !== 'host',
      });
      c.set('actor', actorOf(found.account, found.memberships));
    }
  }
  return next();
};

/** The origin this server answers on (the public URL's, else the request's). */
export function ownOrigins(c: Context<AppEnv>): string[] {
  const origins = [new URL(c.req.url).origin];
  const pub = c.var.deps.config.publicUrl;
  if (pub) origins.push(new URL(pub).origin);
  return origins;
}

/** True when the browser says this request comes from our own pages. */
export function isSameOriginRequest(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (origin !== undefined) return ownOrigins(c).includes(origin);
  return false;
}

/**
 * Cookie sessions ride along with any request the browser sends, so state-changing requests
 * that rely on the cookie must come from our own origin (Sec-Fetch-Site, else Origin).
 * Bearer requests carry their credential explicitly and are not at risk.
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (unsafe.has(c.req.method) && c.var.session?.mode === 'cookie' && !isSameOriginRequest(c)) {
    throw new ApiError('forbidden', 'Cross-site request refused');
  }
  return next();
};

/** Routes anyone may call. Everything else needs a session: new routes are closed by default. */
export const publicRoutes: { method: string; path: RegExp }[] = [
  { method: 'GET', path: /^\/api\/health$/ },
  { method: 'GET', path: /^\/api\/openapi\.json$/ },
  { method: 'GET', path: /^\/api\/auth\/policy$/ },
  { method: 'POST', path: /^\/api\/auth\/sign-in$/ },
  { method: 'POST', path: /^\/api\/auth\/sign-out$/ },
  { method: 'POST', path: /^\/api\/auth\/exchange$/ },
  // demo installations only; the handler answers 404 otherwise
  { method: 'GET', path: /^\/api\/demo\/outbox$/ },
];

/** What an account that still has to change its initial password may call. */
const passwordChangeRoutes: { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/api\/auth\/password$/ },
  { method: 'POST', path: /^\/api\/auth\/sign-out$/ },
  { method: 'GET', path: /^\/api\/auth\/policy$/ },
];

const matches = (list: { method: string; path: RegExp }[], method: string, path: string) =>
  list.some((r) => (r.method === method || (method === 'HEAD' && r.method === 'GET')) && r.path.test(path));

export const accessGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = new URL(c.req.url).pathname;
  const method = c.req.method;
  if (matches(publicRoutes, method, path)) return next();
  if (!c.var.actor) throw new ApiError('unauthenticated', 'Sign in to continue');
  if (c.var.session?.mustChangePassword && !matches(passwordChangeRoutes, method, path)) {
    throw new ApiError('password_change_required', 'Set a new password before you continue');
  }
  return next();
};
