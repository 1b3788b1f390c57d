import { hash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Account, Role, Session } from '../db/schema.js';
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
  return hash('sha256', token, 'hex');
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
): Promise<{ session: Session; account: Account; memberships: MembershipRow[] } | null> {
  if (!tokenShape.test(token)) return null;
  const id = sessionIdFromToken(token);
  // one statement for the session, its account and (customers) the memberships, in the order
  // loadActor gives them; the account's columns as one JSON object (`npm run bench`: three
  // statements built by Kysely were a fifth of a board request's CPU)
  const found = await sql<Session & { account: string | null; memberships: string | null }>`
    SELECT session.*,
      (SELECT json_object(${accountJsonArgs})
        FROM account WHERE account.id = session.account_id) AS account,
      (SELECT json_group_array(json_array(membership.business_partner_id, business_partner.name, membership.role,
          membership.can_write, membership.can_release) ORDER BY business_partner.name)
        FROM account JOIN membership ON membership.account_id = account.id
        JOIN business_partner ON business_partner.id = membership.business_partner_id
        WHERE account.id = session.account_id AND account.kind = 'customer') AS memberships
    FROM session WHERE session.id = ${id}`.execute(deps.db);
  const found0 = found.rows[0];
  if (!found0) return null;
  const { account: accountJson, memberships: membershipsJson, ...row } = found0;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (row.idle_expires_at <= nowIso || row.absolute_expires_at <= nowIso) {
    await deps.db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  const account = accountJson === null ? undefined : (JSON.parse(accountJson) as Account);
  if (!account || account.disabled_at) {
    await deps.db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  const memberships = (JSON.parse(membershipsJson ?? '[]') as [string, string, Role, number, number][]).map(
    ([business_partner_id, name, role, can_write, can_release]) => ({ business_partner_id, name, role, can_write, can_release }),
  );
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
  return { session: row, account, memberships };
}

/** A membership as `loadActor` reads it. */
export interface MembershipRow {
  business_partner_id: string;
  name: string;
  role: Role;
  can_write: number;
  can_release: number;
}

/** Every column of `account`, in the table's order (the JSON object carries them all). */
const accountColumns: readonly (keyof Account)[] = [
  'id',
  'system_partner_id',
  'kind',
  'email',
  'name',
  'locale',
  'password_hash',
  'must_change_password',
  'password_expires_at',
  'password_changed_at',
  'notify_email',
  'disabled_at',
  'created_at',
  'updated_at',
];
const accountJsonArgs = sql.raw(accountColumns.map((c) => `'${c}', account.${c}`).join(', '));

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
