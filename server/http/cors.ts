import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../deps.js';
import type { Actor } from '../domain/actor.js';
import { ApiError } from './errors.js';
import { ownOrigins, setResponseHeader } from './middleware.js';

/**
 * Cross-origin use (embedding, DESIGN.md "Sign-in modes" 2 and 3). Each business partner
 * registers the exact origins of its intranet pages; only an exact match is reflected in
 * `Access-Control-Allow-Origin` (never `*`, never `null`, never a suffix match), always with
 * `Vary: Origin`. Credentials (cookies) are never allowed cross-origin: embedded widgets use
 * bearer tokens. A request that names a foreign origin that no partner registered is refused.
 */

/** `scheme://host[:port]` in canonical form, or null when `value` is not a plain web origin. */
export function canonicalOrigin(value: string): string | null {
  if (!value || value === 'null' || value.length > 300) return null;
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  if (u.origin !== value.replace(/\/$/, '').toLowerCase() && u.origin !== value) {
    // only bare origins: no path, query or fragment
    if (u.pathname !== '/' || u.search || u.hash) return null;
  }
  return u.origin;
}

/** The business partners that registered `origin` (exact match). */
export async function partnersForOrigin(deps: Deps, origin: string): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('partner_origin')
    .select('business_partner_id')
    .where('origin', '=', origin)
    .execute();
  return rows.map((r) => r.business_partner_id);
}

const allowHeaders = 'Authorization, Content-Type, Accept-Language, X-Request-Id';
const exposeHeaders = 'X-Request-Id, Retry-After, Content-Disposition';
const allowMethods = 'GET, POST, PUT, PATCH, DELETE';

function foreignOrigin(c: Context<AppEnv>): string | null {
  const origin = c.req.header('origin');
  if (origin === undefined) return null;
  if (ownOrigins(c).includes(origin)) return null;
  return origin;
}

/** CORS for /api/*: preflights answered here; the origin's partners stored for later checks. */
export const apiCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = foreignOrigin(c);
  if (origin === null) {
    await next();
    setResponseHeader(c, 'Vary', 'Origin', true);
    return;
  }
  const canonical = canonicalOrigin(origin);
  const partners = canonical && canonical === origin ? await partnersForOrigin(c.var.deps, canonical) : [];
  const allowed = partners.length > 0;
  if (c.req.method === 'OPTIONS') {
    const res = new Response(null, { status: allowed ? 204 : 403 });
    res.headers.set('Vary', 'Origin');
    if (allowed) {
      res.headers.set('Access-Control-Allow-Origin', origin);
      res.headers.set('Access-Control-Allow-Methods', allowMethods);
      res.headers.set('Access-Control-Allow-Headers', allowHeaders);
      res.headers.set('Access-Control-Max-Age', '600');
    }
    return res;
  }
  if (!allowed) {
    c.header('Vary', 'Origin', { append: true });
    throw new ApiError('forbidden', 'This origin is not registered for the portal');
  }
  c.set('originPartners', partners);
  await next();
  setResponseHeader(c, 'Vary', 'Origin', true);
  // a session of another partner's account: its answers are not for this origin's page
  const actor = c.var.actor;
  if (actor && !actorMayUseOrigin(actor, partners)) return;
  setResponseHeader(c, 'Access-Control-Allow-Origin', origin);
  setResponseHeader(c, 'Access-Control-Expose-Headers', exposeHeaders);
};

/** A foreign origin acts only for the business partners that registered it. */
function actorMayUseOrigin(actor: Actor, partners: string[]): boolean {
  return actor.kind === 'customer' && actor.memberships.some((m) => partners.includes(m.businessPartnerId));
}

/**
 * After `authenticate`: a request from a registered foreign origin with a session of an account
 * that belongs to none of the partners that registered it (another partner's account, an agent)
 * is refused before it does anything.
 */
export const originGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const partners = c.var.originPartners;
  const actor = c.var.actor;
  if (partners && actor && !actorMayUseOrigin(actor, partners)) {
    throw new ApiError('forbidden', 'This origin is not registered for the business partner of this account');
  }
  return next();
};

/** CORS for the widget files (/widgets/*): the same registered origins may load them. */
export function staticCors(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    await next();
    c.header('Vary', 'Origin', { append: true });
    if (!origin) return;
    const canonical = canonicalOrigin(origin);
    if (!canonical || canonical !== origin) return;
    if ((await partnersForOrigin(deps, canonical)).length > 0) {
      c.header('Access-Control-Allow-Origin', origin);
    }
  };
}
