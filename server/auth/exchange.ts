import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, errors as joseErrors, type JWK } from 'jose';
import type { Deps } from '../deps.js';
import { ApiError } from '../http/errors.js';
import { createSession } from './sessions.js';
import { audit } from '../domain/audit.js';
import { normalizeEmail } from '../domain/accounts.js';

/**
 * Host sign-in (DESIGN.md sign-in mode 3): the partner's intranet backend signs a short JWT for
 * its logged-in user with the key it registered with us; the widget exchanges it for a bearer
 * session. Checks: the algorithm is the one of the registered key (never taken from the token),
 * the signature, `iss` and `aud` of that key, `exp` present and at most 5 minutes ahead, `jti`
 * present and never seen before (replays refused), the account exists, is active and belongs to
 * the key's business partner. The request's origin, when foreign, must be registered by that
 * same partner.
 */
export const MAX_TOKEN_LIFETIME_S = 5 * 60;

const refuse = (why: string) => new ApiError('unauthenticated', `The host token was refused: ${why}`);

async function verificationKey(alg: 'HS256' | 'EdDSA' | 'RS256', material: string): Promise<Uint8Array | KeyObject | CryptoKey> {
  if (alg === 'HS256') return new TextEncoder().encode(material);
  const trimmed = material.trim();
  if (trimmed.startsWith('{')) return (await importJWK(JSON.parse(trimmed) as JWK, alg)) as CryptoKey;
  return createPublicKey(trimmed);
}

export async function exchangeHostToken(
  deps: Deps,
  token: string,
  ctx: { originPartners: string[] | undefined; userAgent: string | null; requestId: string },
) {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw refuse('not a JWT');
  }
  const iss = typeof claims.iss === 'string' ? claims.iss : null;
  if (!iss) throw refuse('no issuer');
  const keys = await deps.db
    .selectFrom('partner_key')
    .selectAll()
    .where('issuer', '=', iss)
    .where('revoked_at', 'is', null)
    .execute();
  if (keys.length === 0) throw refuse('unknown issuer');

  const now = deps.clock.now();
  const nowS = Math.floor(now.getTime() / 1000);
  let verified: { key: (typeof keys)[number]; payload: Awaited<ReturnType<typeof jwtVerify>>['payload'] } | null = null;
  for (const key of keys) {
    try {
      const { payload } = await jwtVerify(token, await verificationKey(key.alg, key.key_material), {
        algorithms: [key.alg],
        issuer: key.issuer,
        audience: key.audience,
        currentDate: now,
        requiredClaims: ['exp', 'jti', 'sub'],
        clockTolerance: 30,
      });
      verified = { key, payload };
      break;
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw refuse('expired');
      if (e instanceof joseErrors.JWTClaimValidationFailed) throw refuse(`claim ${e.claim} is not valid`);
      // wrong signature or algorithm for this key: try the partner's next key
    }
  }
  if (!verified) throw refuse('signature or algorithm not valid');
  const { key, payload } = verified;
  if (typeof payload.exp !== 'number' || payload.exp > nowS + MAX_TOKEN_LIFETIME_S + 30) {
    throw refuse(`it must expire within ${MAX_TOKEN_LIFETIME_S / 60} minutes`);
  }
  if (ctx.originPartners && !ctx.originPartners.includes(key.business_partner_id)) {
    throw new ApiError('forbidden', 'This origin is not registered for the business partner of the host token');
  }
  const jti = String(payload.jti);
  if (jti.length === 0 || jti.length > 200) throw refuse('claim jti is not valid');

  const email = normalizeEmail(String(payload.sub));
  const account = await deps.db
    .selectFrom('account')
    .innerJoin('membership', 'membership.account_id', 'account.id')
    .select(['account.id', 'account.email', 'account.name', 'account.locale', 'account.kind', 'account.disabled_at'])
    .where('account.email', '=', email)
    .where('account.kind', '=', 'customer')
    .where('membership.business_partner_id', '=', key.business_partner_id)
    .executeTakeFirst();
  if (!account || account.disabled_at) throw refuse('no such account at this business partner');

  // Replays: the first use of a jti wins; the primary key refuses the second.
  const inserted = await deps.db
    .insertInto('used_jti')
    .values({ jti, partner_key_id: key.id, expires_at: new Date((payload.exp + 60) * 1000).toISOString() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw refuse('it was used before');

  const { token: sessionToken } = await createSession(deps, account.id, 'bearer', ctx.userAgent, 'host');
  await audit(deps.db, { at: now, actorId: account.id, action: 'auth.host_sign_in', data: { partnerKey: key.id }, requestId: ctx.requestId });
  return {
    account: { id: account.id, email: account.email, name: account.name, locale: account.locale, kind: account.kind },
    mustChangePassword: false,
    token: sessionToken,
  };
}

export async function pruneUsedJti(deps: Deps): Promise<void> {
  await deps.db.deleteFrom('used_jti').where('expires_at', '<', deps.clock.now().toISOString()).execute();
}
