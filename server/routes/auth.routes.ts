import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../deps.js';
import { jsonBody } from '../http/validate.js';
import { exchangeBody, passwordChangeBody, signInBody } from '../schemas/auth.js';
import { exchangeHostToken } from '../auth/exchange.js';
import { ApiError, invalid } from '../http/errors.js';
import { isSameOriginRequest } from '../http/middleware.js';
import { dummyHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { createSession, invalidateSession } from '../auth/sessions.js';
import { accountKey, clearFailures, clientKey, recordFailure, throttleWait } from '../auth/throttle.js';
import { passwordIssues } from '../domain/password-policy.js';
import { audit } from '../domain/audit.js';

function secureCookie(c: Context<AppEnv>): boolean {
  const setting = c.var.deps.config.session.secureCookie;
  if (setting !== 'auto') return setting;
  const url = new URL(c.req.url);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return !(local && url.protocol === 'http:');
}

function setSessionCookie(c: Context<AppEnv>, token: string) {
  const { cookieName, absoluteMs } = c.var.deps.config.session;
  setCookie(c, cookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookie(c),
    path: '/',
    maxAge: Math.floor(absoluteMs / 1000),
  });
}

function throttled(waitMs: number) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ApiError(
    'rate_limited',
    `Too many failed sign-in attempts. Try again in ${seconds} seconds.`,
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
}

const wrongCredentials = () => new ApiError('unauthenticated', 'The e-mail address or the password is wrong.');

export const authRoutes = new Hono<AppEnv>()
  // GET /api/auth/policy — the password rules the forms show
  .get('/policy', (c) => {
    return c.json({ passwordPolicy: c.var.deps.config.passwordPolicy }, 200);
  })

  // POST /api/auth/sign-in
  .post('/sign-in', jsonBody(signInBody), async (c) => {
    const deps = c.var.deps;
    const { email, password, mode = 'cookie' } = c.req.valid('json');
    if (mode === 'cookie' && !isSameOriginRequest(c)) {
      throw new ApiError('forbidden', 'Cookie sign-in is only possible from the portal itself; use mode "bearer"');
    }
    const aKey = accountKey(email);
    const cKey = clientKey(deps.clientAddress(c));
    const wait = Math.max(await throttleWait(deps, aKey), await throttleWait(deps, cKey));
    if (wait > 0) throw throttled(wait);

    const account = await deps.db
      .selectFrom('account')
      .selectAll()
      .where('email', '=', email.toLowerCase().normalize('NFC'))
      .executeTakeFirst();
    const usable = account && !account.disabled_at && account.password_hash;
    const ok = usable
      ? await verifyPassword(account.password_hash!, password)
      : (await verifyPassword(await dummyHash(deps.config.hashCost), password), false);
    if (!ok || !account) {
      await recordFailure(deps, aKey, deps.config.throttle.accountThreshold);
      await recordFailure(deps, cKey, deps.config.throttle.clientThreshold);
      throw wrongCredentials();
    }
    const now = deps.clock.now();
    if (account.must_change_password && account.password_expires_at && account.password_expires_at <= now.toISOString()) {
      throw new ApiError(
        'password_expired',
        'Your initial password has expired. Ask your service desk for a new invitation.',
      );
    }
    // From a registered foreign origin only accounts of the partners that registered it sign in.
    const originPartners = c.var.originPartners;
    if (originPartners) {
      const member = await deps.db
        .selectFrom('membership')
        .select('business_partner_id')
        .where('account_id', '=', account.id)
        .where('business_partner_id', 'in', originPartners)
        .executeTakeFirst();
      if (!member || account.kind !== 'customer') {
        throw new ApiError('forbidden', 'This account cannot sign in on this page; use the portal itself');
      }
    }
    await clearFailures(deps, aKey);

    // A fresh session every time; a session the browser still presented is ended (no fixation).
    const previous = c.var.session;
    if (previous) await invalidateSession(deps, previous.id);
    const { token } = await createSession(deps, account.id, mode, c.req.header('user-agent') ?? null);
    await audit(deps.db, { at: now, actorId: account.id, action: 'auth.sign_in', data: { mode }, requestId: c.var.requestId });
    if (mode === 'cookie') setSessionCookie(c, token);
    return c.json(
      {
        account: { id: account.id, email: account.email, name: account.name, locale: account.locale, kind: account.kind },
        mustChangePassword: account.must_change_password === 1,
        ...(mode === 'bearer' ? { token } : {}),
      },
      200,
    );
  })

  // POST /api/auth/exchange {token} — a partner's host token for a bearer session (embedding)
  .post('/exchange', jsonBody(exchangeBody), async (c) => {
    const result = await exchangeHostToken(c.var.deps, c.req.valid('json').token, {
      originPartners: c.var.originPartners,
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.var.requestId,
    });
    return c.json(result, 200);
  })

  // POST /api/auth/sign-out — ends the current session; harmless without one
  .post('/sign-out', async (c) => {
    const deps = c.var.deps;
    const session = c.var.session;
    if (session) {
      await invalidateSession(deps, session.id);
      await audit(deps.db, { at: deps.clock.now(), actorId: c.var.actor?.accountId ?? null, action: 'auth.sign_out', requestId: c.var.requestId });
    }
    deleteCookie(c, deps.config.session.cookieName, { path: '/', secure: secureCookie(c), httpOnly: true, sameSite: 'Lax' });
    return c.body(null, 204);
  })

  // POST /api/auth/password — change the password (also the forced first-login change)
  .post('/password', jsonBody(passwordChangeBody), async (c) => {
    const deps = c.var.deps;
    const actor = c.var.actor!;
    const session = c.var.session!;
    const { oldPassword, newPassword } = c.req.valid('json');
    const aKey = accountKey(actor.email);
    const wait = await throttleWait(deps, aKey);
    if (wait > 0) throw throttled(wait);
    const account = await deps.db.selectFrom('account').selectAll().where('id', '=', actor.accountId).executeTakeFirstOrThrow();
    if (!account.password_hash || !(await verifyPassword(account.password_hash, oldPassword))) {
      await recordFailure(deps, aKey, deps.config.throttle.accountThreshold);
      throw invalid([{ path: 'oldPassword', message: 'The current password is not correct', rule: 'old_password' }]);
    }
    const issues = passwordIssues(newPassword, { email: account.email, oldPassword }, deps.config.passwordPolicy);
    if (issues.length > 0) throw invalid(issues, 'The new password does not meet the password rules');
    const hash = await hashPassword(newPassword, deps.config.hashCost);
    const now = deps.clock.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('account')
        .set({ password_hash: hash, must_change_password: 0, password_expires_at: null, password_changed_at: now, updated_at: now })
        .where('id', '=', account.id)
        .execute();
      await trx.updateTable('invitation').set({ accepted_at: now }).where('account_id', '=', account.id).where('accepted_at', 'is', null).execute();
      await audit(trx, { at: deps.clock.now(), actorId: account.id, action: 'auth.password_changed', requestId: c.var.requestId });
      // Every other session of the account ends with the old password, in the same transaction:
      // a new password never goes live while the old sessions (perhaps an intruder's) survive.
      await trx.deleteFrom('session').where('account_id', '=', account.id).where('id', '!=', session.id).execute();
    });
    await clearFailures(deps, aKey);
    return c.json(
      {
        account: { id: account.id, email: account.email, name: account.name, locale: account.locale, kind: account.kind },
        mustChangePassword: false,
      },
      200,
    );
  });
