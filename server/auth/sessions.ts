import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Deps } from '../deps.js';
import type { Account, Session } from '../db/schema.js';
import { MINUTE } from '../clock.js';

/**
 * Sessions in Lucia's pattern: the client holds a random token, the database only its SHA-256,
 * so a leaked database holds no usable token. A session ends after `idleMs` without use
 * (sliding) and after `absoluteMs` in any case.
 */

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Tokens we hand out are 32 base32 characters; anything else is not worth a lookup. */
const tokenShape = /^[a-z2-7]{32}$/;

export async function createSession(
  deps: Deps,
  accountId: string,
  mode: 'cookie' | 'bearer',
  userAgent: string | null,
  via: 'password' | 'host' = 'password',
): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const now = deps.clock.now();
  const session: Session = {
    id: sessionIdFromToken(token),
    account_id: accountId,
    mode,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    idle_expires_at: new Date(now.getTime() + deps.config.session.idleMs).toISOString(),
    absolute_expires_at: new Date(now.getTime() + deps.config.session.absoluteMs).toISOString(),
    user_agent: userAgent ? userAgent.slice(0, 300) : null,
    via,
  };
  await deps.db.insertInto('session').values(session).execute();
  return { token, session };
}

/** The session and its account for a token, or null; extends the idle expiry on use. */
export async function validateSessionToken(
  deps: Deps,
  token: string,
): Promise<{ session: Session; account: Account } | null> {
  if (!tokenShape.test(token)) return null;
  const id = sessionIdFromToken(token);
  const row = await deps.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (row.idle_expires_at <= nowIso || row.absolute_expires_at <= nowIso) {
    await deps.db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  const account = await deps.db
    .selectFrom('account')
    .selectAll()
    .where('id', '=', row.account_id)
    .executeTakeFirst();
  if (!account || account.disabled_at) {
    await deps.db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  // Slide the idle expiry, at most once a minute per session to spare writes.
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= MINUTE) {
    const idle = new Date(now.getTime() + deps.config.session.idleMs).toISOString();
    row.last_seen_at = nowIso;
    row.idle_expires_at = idle < row.absolute_expires_at ? idle : row.absolute_expires_at;
    await deps.db
      .updateTable('session')
      .set({ last_seen_at: row.last_seen_at, idle_expires_at: row.idle_expires_at })
      .where('id', '=', id)
      .execute();
  }
  return { session: row, account };
}

export async function invalidateSession(deps: Deps, sessionId: string): Promise<void> {
  await deps.db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Ends every session of the account, except `keepSessionId` when given. */
export async function invalidateAccountSessions(
  deps: Deps,
  accountId: string,
  keepSessionId?: string,
): Promise<void> {
  let q = deps.db.deleteFrom('session').where('account_id', '=', accountId);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  await q.execute();
}

export async function deleteExpiredSessions(deps: Deps): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
    .execute();
}
