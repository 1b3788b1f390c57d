/**
 * Sign-in, sessions and password changes (R-AUTH-2, R-AUTH-3, R-AUTH-4, R-AUTH-5) through the
 * HTTP API, with the injected clock for throttling and expiry.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, ORIGIN, testContext, type TestContext } from './helpers.js';
import {
  bearerSignIn,
  cookieSignIn,
  createAccount,
  dbSnapshot,
  expectErrorEnvelope,
  PASSWORD,
  seedPartners,
  sessionCookie,
} from './auth-fixtures.js';
import { defaultConfig } from '../../server/config.js';
import { MINUTE, HOUR } from '../../server/clock.js';
import { defaultHashCost, hashPassword, verifyPassword } from '../../server/auth/passwords.js';
import { sessionIdFromToken } from '../../server/auth/sessions.js';
import { multipartRoutes, publicRoutes } from '../../server/http/middleware.js';

const EMAIL = 'erik.editor@nordwind.example';
const NEW_PASSWORD = 'Tiefsee-Anker-47%';

async function setup(config: Parameters<typeof testContext>[0] = {}) {
  const t = await testContext(config);
  await seedPartners(t.db);
  const id = await createAccount(t, {
    email: EMAIL,
    name: 'Erik Editor',
    memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }],
  });
  return { t, id };
}

const signIn = (t: TestContext, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(t.app, 'POST', '/api/auth/sign-in', { body, headers });

const me = (t: TestContext, auth: { token?: string; cookie?: string }) => call(t.app, 'GET', '/api/me', auth);

/** The error body without the part that differs per request. */
const withoutRequestId = (json: any) => ({ ...json, error: { ...json.error, requestId: undefined } });

const sessionsOf = (t: TestContext, accountId: string) =>
  t.db.selectFrom('session').selectAll().where('account_id', '=', accountId).execute();

function throttleConfig(over: Partial<ReturnType<typeof defaultConfig>['throttle']>) {
  return { throttle: { ...defaultConfig().throttle, ...over } };
}

describe('sign-in, cookie mode', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, not Secure on http://localhost, and no token in the body', async () => {
    const { t, id } = await setup();
    const r = await signIn(t, { email: EMAIL, password: PASSWORD });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({
      account: { id, email: EMAIL, name: 'Erik Editor', locale: 'de', kind: 'customer' },
      mustChangePassword: false,
    });
    const lines = r.headers.getSetCookie();
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    const attrs = line.split(';').map((s) => s.trim().toLowerCase());
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=lax');
    expect(attrs).toContain('path=/');
    expect(attrs).not.toContain('secure');
    const cookie = sessionCookie(t, r.headers)!;
    expect(cookie).toMatch(/^portal_session=[a-z2-7]{32}$/);
    expect(r.text).not.toContain(cookie.split('=')[1]);

    const m = await me(t, { cookie });
    expect(m.status, m.text).toBe(200);
    expect(m.json.account.id).toBe(id);
  });

  it('marks the cookie Secure on an https origin and on any non-local host', async () => {
    const { t } = await setup();
    for (const origin of ['https://portal.example.com', 'https://localhost', 'http://portal.example.com']) {
      const res = await t.app.request(`${origin}/api/auth/sign-in`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(res.status, origin).toBe(200);
      const line = res.headers.getSetCookie().find((l) => l.startsWith('portal_session='))!;
      expect(line, origin).toBeDefined();
      const attrs = line.split(';').map((s) => s.trim().toLowerCase());
      expect(attrs, origin).toContain('secure');
      expect(attrs, origin).toContain('httponly');
      expect(attrs, origin).toContain('samesite=lax');
    }
  });

  it('follows an explicit secureCookie setting', async () => {
    const { t } = await setup({ session: { ...defaultConfig().session, secureCookie: true } });
    const r = await signIn(t, { email: EMAIL, password: PASSWORD });
    expect(r.status).toBe(200);
    expect(r.headers.getSetCookie()[0]!.toLowerCase()).toContain('; secure');
  });
});

describe('sign-in, bearer mode', () => {
  it('returns the token in the body and never in a cookie; the token authenticates', async () => {
    const { t, id } = await setup();
    const r = await signIn(t, { email: EMAIL, password: PASSWORD, mode: 'bearer' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.token).toMatch(/^[a-z2-7]{32}$/);
    expect(r.json.account.id).toBe(id);
    expect(r.headers.getSetCookie()).toEqual([]);
    expect(r.headers.get('set-cookie')).toBeNull();

    const m = await me(t, { token: r.json.token });
    expect(m.status, m.text).toBe(200);
    expect(m.json.account.id).toBe(id);
  });

  it('works from an origin the business partner registered (embedded widgets), not from others', async () => {
    const { t } = await setup();
    const refused = await signIn(
      t,
      { email: EMAIL, password: PASSWORD, mode: 'bearer' },
      { origin: 'https://intranet.customer.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(refused.status, refused.text).toBe(403);
    await t.db.insertInto('partner_origin').values({ business_partner_id: 'bp-nord', origin: 'https://intranet.customer.example' }).execute();
    const r = await signIn(
      t,
      { email: EMAIL, password: PASSWORD, mode: 'bearer' },
      { origin: 'https://intranet.customer.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(r.status, r.text).toBe(200);
    expect(r.json.token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('matches the e-mail case-insensitively and ignores surrounding spaces', async () => {
    const { t } = await setup();
    const r = await signIn(t, { email: '  Erik.Editor@NORDWIND.example ', password: PASSWORD, mode: 'bearer' });
    expect(r.status, r.text).toBe(200);
  });
});

describe('wrong credentials (no account enumeration)', () => {
  it('answers a wrong password, an unknown e-mail, a disabled account and one without a password alike', async () => {
    const { t } = await setup();
    await createAccount(t, { email: 'no.password@nordwind.example', password: null });
    const disabled = await createAccount(t, { email: 'gone@nordwind.example' });
    await t.db.updateTable('account').set({ disabled_at: t.clock.now().toISOString() }).where('id', '=', disabled).execute();

    const wrong = await signIn(t, { email: EMAIL, password: 'Wrong-Password-1!' });
    const unknown = await signIn(t, { email: 'nobody@nordwind.example', password: 'Wrong-Password-1!' });
    const noPassword = await signIn(t, { email: 'no.password@nordwind.example', password: 'Wrong-Password-1!' });
    const gone = await signIn(t, { email: 'gone@nordwind.example', password: PASSWORD });

    expectErrorEnvelope(wrong, 401, 'unauthenticated');
    for (const r of [unknown, noPassword, gone]) {
      expectErrorEnvelope(r, 401, 'unauthenticated');
      expect(withoutRequestId(r.json)).toEqual(withoutRequestId(wrong.json));
      expect(r.headers.getSetCookie()).toEqual([]);
    }
    expect(await t.db.selectFrom('session').selectAll().execute()).toEqual([]);
  });

  it('takes comparable time for a wrong password and an unknown e-mail (both run argon2)', async () => {
    const t = await testContext({
      hashCost: defaultHashCost,
      ...throttleConfig({ accountThreshold: 1000, clientThreshold: 1000 }),
    });
    await seedPartners(t.db);
    const hash = await hashPassword(PASSWORD, defaultHashCost);
    await t.db
      .insertInto('account')
      .values({ id: 'acc-timing', system_partner_id: 'sp-main', kind: 'customer', email: EMAIL, name: 'E', password_hash: hash, password_expires_at: null, password_changed_at: null, disabled_at: null })
      .execute();

    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const wrongPw = () => signIn(t, { email: EMAIL, password: 'Wrong-Password-1!' });
    const unknown = () => signIn(t, { email: 'nobody@nordwind.example', password: 'Wrong-Password-1!' });
    // warm up (the dummy hash is computed once per cost)
    await wrongPw();
    await unknown();
    const a: number[] = [];
    const b: number[] = [];
    const argon: number[] = [];
    for (let i = 0; i < 7; i++) {
      a.push(await time(wrongPw));
      b.push(await time(unknown));
      argon.push(await time(() => verifyPassword(hash, 'Wrong-Password-1!')));
    }
    const [ma, mb, mArgon] = [median(a), median(b), median(argon)];
    // both paths pay for one argon2 verification…
    expect(ma).toBeGreaterThan(mArgon * 0.5);
    expect(mb).toBeGreaterThan(mArgon * 0.5);
    // …and take the same order of magnitude
    expect(ma / mb).toBeGreaterThan(1 / 3);
    expect(ma / mb).toBeLessThan(3);
  });
});

describe('throttling (R-AUTH-2)', () => {
  async function failUntilThrottled(t: TestContext, email: string, n: number) {
    const answers = [];
    for (let i = 0; i < n; i++) answers.push(await signIn(t, { email, password: `Wrong-${i}-Password!` }));
    return answers;
  }

  it('throttles an account after the threshold, even with the right password, and answers an unknown e-mail the same way', async () => {
    const { t } = await setup();
    const { accountThreshold, baseBlockMs } = t.deps.config.throttle;

    t.client.address = '198.51.100.1';
    const known = await failUntilThrottled(t, EMAIL, accountThreshold);
    t.client.address = '198.51.100.2';
    const unknown = await failUntilThrottled(t, 'nobody@nordwind.example', accountThreshold);
    for (const r of [...known, ...unknown]) expectErrorEnvelope(r, 401, 'unauthenticated');

    t.client.address = '198.51.100.3';
    const blockedKnown = await signIn(t, { email: EMAIL, password: PASSWORD });
    const blockedUnknown = await signIn(t, { email: 'nobody@nordwind.example', password: PASSWORD });
    for (const r of [blockedKnown, blockedUnknown]) {
      expectErrorEnvelope(r, 429, 'rate_limited');
      expect(r.headers.get('retry-after')).toBe(String(baseBlockMs / 1000));
      expect(r.json.error.details.retryAfterSeconds).toBe(baseBlockMs / 1000);
      expect(r.headers.getSetCookie()).toEqual([]);
    }
    expect(withoutRequestId(blockedUnknown.json)).toEqual(withoutRequestId(blockedKnown.json));
    expect(await t.db.selectFrom('session').selectAll().execute()).toEqual([]);
  });

  it('counts e-mails case-insensitively', async () => {
    const { t } = await setup();
    const { accountThreshold } = t.deps.config.throttle;
    for (let i = 0; i < accountThreshold; i++) {
      const email = i % 2 ? EMAIL.toUpperCase() : ` ${EMAIL}`;
      expect((await signIn(t, { email, password: 'Wrong-Password-1!' })).status).toBe(401);
    }
    expect((await signIn(t, { email: EMAIL, password: PASSWORD })).status).toBe(429);
  });

  it('lets the wait grow per further failure up to the maximum, then expire: never a permanent lock-out', async () => {
    const { t } = await setup();
    const { accountThreshold, baseBlockMs, maxBlockMs } = t.deps.config.throttle;
    await failUntilThrottled(t, EMAIL, accountThreshold);

    const waits: number[] = [];
    for (let round = 0; round < 8; round++) {
      const blocked = await signIn(t, { email: EMAIL, password: PASSWORD });
      expect(blocked.status).toBe(429);
      const wait = Number(blocked.headers.get('retry-after'));
      waits.push(wait);
      // one millisecond early: still blocked
      t.clock.advance(wait * 1000 - 1);
      expect((await signIn(t, { email: EMAIL, password: PASSWORD })).status).toBe(429);
      t.clock.advance(1);
      // allowed to try again; another failure makes the next wait longer
      const again = await signIn(t, { email: EMAIL, password: 'Still-Wrong-1!' });
      expectErrorEnvelope(again, 401, 'unauthenticated');
    }
    const base = baseBlockMs / 1000;
    expect(waits.slice(0, 4)).toEqual([base, base * 2, base * 4, base * 8]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(Math.max(...waits)).toBe(maxBlockMs / 1000);

    // after the (capped) wait the right password works
    const last = await signIn(t, { email: EMAIL, password: PASSWORD });
    t.clock.advance(Number(last.headers.get('retry-after')) * 1000);
    const ok = await signIn(t, { email: EMAIL, password: PASSWORD, mode: 'bearer' });
    expect(ok.status, ok.text).toBe(200);
  });

  it('forgets old failures after the window and after a successful sign-in', async () => {
    const { t } = await setup();
    const { accountThreshold, windowMs } = t.deps.config.throttle;
    await failUntilThrottled(t, EMAIL, accountThreshold - 1);
    t.clock.advance(windowMs);
    // the window passed: this is failure 1 again, not the one that blocks
    await failUntilThrottled(t, EMAIL, accountThreshold - 1);
    expect((await signIn(t, { email: EMAIL, password: PASSWORD })).status).toBe(200);
    // success cleared the count
    await failUntilThrottled(t, EMAIL, accountThreshold - 1);
    expect((await signIn(t, { email: EMAIL, password: PASSWORD })).status).toBe(200);
  });

  it('throttles a client address that tries many e-mails, and only that address', async () => {
    const { t } = await setup(throttleConfig({ clientThreshold: 4 }));
    t.client.address = '192.0.2.7';
    for (let i = 0; i < 4; i++) {
      const r = await signIn(t, { email: `guess${i}@nordwind.example`, password: 'Guess-Password-1!' });
      expect(r.status).toBe(401);
    }
    // a real account with the right password, from the same address: throttled
    const blocked = await signIn(t, { email: EMAIL, password: PASSWORD });
    expectErrorEnvelope(blocked, 429, 'rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // the account itself is not throttled: another address signs in
    t.client.address = '192.0.2.8';
    expect((await signIn(t, { email: EMAIL, password: PASSWORD })).status).toBe(200);
    // and the address may try again once its wait is over
    t.client.address = '192.0.2.7';
    t.clock.advance(Number(blocked.headers.get('retry-after')) * 1000);
    expect((await signIn(t, { email: EMAIL, password: PASSWORD })).status).toBe(200);
  });
});

describe('session fixation', () => {
  it('creates a new token on every sign-in and ends the session a cookie request carried', async () => {
    const { t, id } = await setup();
    const first = await cookieSignIn(t, EMAIL);
    const r = await call(t.app, 'POST', '/api/auth/sign-in', { body: { email: EMAIL, password: PASSWORD }, cookie: first });
    expect(r.status).toBe(200);
    const second = sessionCookie(t, r.headers)!;
    expect(second).not.toBe(first);
    expect((await me(t, { cookie: first })).status).toBe(401);
    expect((await me(t, { cookie: second })).status).toBe(200);
    expect(await sessionsOf(t, id)).toHaveLength(1);
  });

  it('ends the session a bearer request carried', async () => {
    const { t, id } = await setup();
    const first = await bearerSignIn(t, EMAIL);
    const r = await call(t.app, 'POST', '/api/auth/sign-in', { body: { email: EMAIL, password: PASSWORD, mode: 'bearer' }, token: first });
    expect(r.status).toBe(200);
    expect(r.json.token).not.toBe(first);
    expect((await me(t, { token: first })).status).toBe(401);
    expect((await me(t, { token: r.json.token })).status).toBe(200);
    expect(await sessionsOf(t, id)).toHaveLength(1);
  });

  it('ends a carried session of another account too, and keeps independent sessions apart', async () => {
    const { t, id } = await setup();
    const otherId = await createAccount(t, { email: 'dora@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] });
    const dora = await bearerSignIn(t, 'dora@nordwind.example');
    const r = await call(t.app, 'POST', '/api/auth/sign-in', { body: { email: EMAIL, password: PASSWORD, mode: 'bearer' }, token: dora });
    expect(r.status).toBe(200);
    expect((await me(t, { token: dora })).status).toBe(401);
    expect(await sessionsOf(t, otherId)).toHaveLength(0);

    // two devices signing in independently both stay signed in, with different tokens
    const a = await bearerSignIn(t, EMAIL);
    const b = await bearerSignIn(t, EMAIL);
    expect(a).not.toBe(b);
    expect((await me(t, { token: a })).status).toBe(200);
    expect((await me(t, { token: b })).status).toBe(200);
    expect(await sessionsOf(t, id)).toHaveLength(3);
  });
});

describe('sign-out (R-AUTH-5)', () => {
  it('ends a cookie session and clears the cookie', async () => {
    const { t, id } = await setup();
    const cookie = await cookieSignIn(t, EMAIL);
    const other = await bearerSignIn(t, EMAIL);
    const r = await call(t.app, 'POST', '/api/auth/sign-out', { cookie });
    expect(r.status).toBe(204);
    const cleared = r.headers.getSetCookie().find((l) => l.startsWith('portal_session='));
    expect(cleared).toBeDefined();
    expect(cleared!.toLowerCase()).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
    expect((await me(t, { cookie })).status).toBe(401);
    // other sessions of the account go on
    expect((await me(t, { token: other })).status).toBe(200);
    expect(await sessionsOf(t, id)).toHaveLength(1);
  });

  it('ends a bearer session', async () => {
    const { t } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    expect((await call(t.app, 'POST', '/api/auth/sign-out', { token })).status).toBe(204);
    const after = await me(t, { token });
    expectErrorEnvelope(after, 401, 'unauthenticated');
  });

  it('is harmless without a session, with an unknown token and twice in a row', async () => {
    const { t } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    const before = await dbSnapshot(t.db);
    expect((await call(t.app, 'POST', '/api/auth/sign-out')).status).toBe(204);
    expect((await call(t.app, 'POST', '/api/auth/sign-out', { token: 'a'.repeat(32) })).status).toBe(204);
    expect((await call(t.app, 'POST', '/api/auth/sign-out', { cookie: 'portal_session=garbage' })).status).toBe(204);
    expect((await dbSnapshot(t.db)).checksum).toBe(before.checksum);
    expect((await call(t.app, 'POST', '/api/auth/sign-out', { token })).status).toBe(204);
    expect((await call(t.app, 'POST', '/api/auth/sign-out', { token })).status).toBe(204);
  });
});

describe('first login: forced password change (R-AUTH-3)', () => {
  const NEW = 'neu.kunde@nordwind.example';
  const INITIAL = 'Start-2026!';

  async function firstLogin(config: Parameters<typeof testContext>[0] = {}) {
    const { t } = await setup(config);
    const id = await createAccount(t, {
      email: NEW,
      password: INITIAL,
      mustChangePassword: true,
      passwordExpiresAt: new Date(t.clock.now().getTime() + 7 * 24 * HOUR).toISOString(),
      memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }],
    });
    return { t, id };
  }

  /** Every route the app has, with path parameters filled in; new routes are covered automatically. */
  function allRoutes(t: TestContext) {
    const seen = new Set<string>();
    const out: { method: string; path: string }[] = [];
    for (const r of t.app.routes) {
      if (r.method === 'ALL') continue;
      const path = r.path.replace(/:[A-Za-z_]\w*(\{[^}]*\})?/g, 'x1').replace(/\*$/, 'x1');
      const key = `${r.method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ method: r.method, path });
    }
    return out;
  }

  /** A request with the body each route takes: none for GET, multipart for uploads, else JSON. */
  async function send(t: TestContext, method: string, path: string, headers: Record<string, string>) {
    let body: BodyInit | undefined;
    const h: Record<string, string> = { origin: ORIGIN, ...headers };
    if (method !== 'GET' && method !== 'HEAD') {
      if (multipartRoutes.some((r) => r.test(path))) {
        const form = new FormData();
        form.set('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
        body = form;
      } else {
        body = '{}';
        h['content-type'] = 'application/json';
      }
    }
    const res = await t.app.request(`${ORIGIN}${path}`, { method, headers: h, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: JSON.parse(text) };
  }

  const allowed = new Set(['POST /api/auth/password', 'POST /api/auth/sign-out', 'GET /api/auth/policy']);
  const isPublic = (method: string, path: string) =>
    publicRoutes.some((p) => p.method === method && p.path.test(path));

  it('signs in and reports mustChangePassword', async () => {
    const { t } = await firstLogin();
    const r = await signIn(t, { email: NEW, password: INITIAL, mode: 'bearer' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.mustChangePassword).toBe(true);
  });

  it('answers 403 password_change_required on every route but password, sign-out and policy', async () => {
    const { t } = await firstLogin();
    const token = await bearerSignIn(t, NEW, INITIAL);
    const cookie = await cookieSignIn(t, NEW, INITIAL);
    const routes = allRoutes(t);
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([...allowed, 'GET /api/me']));
    // routes that do not exist yet must not slip through either
    routes.push({ method: 'GET', path: '/api/tickets' }, { method: 'POST', path: '/api/tickets' }, { method: 'DELETE', path: '/api/me' });

    const before = await dbSnapshot(t.db);
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      if (allowed.has(key)) continue;
      // public routes work without any session, so a session cannot make them stricter
      if (isPublic(method, path)) continue;
      const auths: Record<string, string>[] = [{ authorization: `Bearer ${token}` }, { cookie }];
      for (const auth of auths) {
        const r = await send(t, method, path, auth);
        expectErrorEnvelope(r, 403, 'password_change_required');
      }
    }
    expect((await dbSnapshot(t.db)).checksum).toBe(before.checksum);

    const policy = await call(t.app, 'GET', '/api/auth/policy', { token });
    expect(policy.status).toBe(200);
    expect(policy.json.passwordPolicy.minLength).toBe(8);
  });

  it('lets the account change its password with the same session, then use everything', async () => {
    const { t, id } = await firstLogin();
    const token = await bearerSignIn(t, NEW, INITIAL);
    const r = await call(t.app, 'POST', '/api/auth/password', { token, body: { oldPassword: INITIAL, newPassword: NEW_PASSWORD } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.mustChangePassword).toBe(false);
    expect((await me(t, { token })).status).toBe(200);
    const row = await t.db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(0);
    expect(row.password_expires_at).toBeNull();
    expect(row.password_changed_at).toBe(t.clock.now().toISOString());
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    // the initial password is gone, the new one works
    expect((await signIn(t, { email: NEW, password: INITIAL })).status).toBe(401);
    const again = await signIn(t, { email: NEW, password: NEW_PASSWORD, mode: 'bearer' });
    expect(again.status).toBe(200);
    expect(again.json.mustChangePassword).toBe(false);
  });

  it('sign-out works while the change is pending', async () => {
    const { t } = await firstLogin();
    const token = await bearerSignIn(t, NEW, INITIAL);
    expect((await call(t.app, 'POST', '/api/auth/sign-out', { token })).status).toBe(204);
    expect((await me(t, { token })).status).toBe(401);
  });

  it('refuses an expired initial password with 401 password_expired and creates no session', async () => {
    const { t, id } = await firstLogin();
    t.clock.advance(7 * 24 * HOUR);
    const r = await signIn(t, { email: NEW, password: INITIAL, mode: 'bearer' });
    expectErrorEnvelope(r, 401, 'password_expired');
    expect(r.json.token).toBeUndefined();
    expect(await sessionsOf(t, id)).toHaveLength(0);
    // a wrong password says nothing about expiry
    const wrong = await signIn(t, { email: NEW, password: 'Wrong-Password-1!' });
    expectErrorEnvelope(wrong, 401, 'unauthenticated');
  });

  it('accepts the initial password just before it expires', async () => {
    const { t } = await firstLogin();
    t.clock.advance(7 * 24 * HOUR - 1);
    expect((await signIn(t, { email: NEW, password: INITIAL })).status).toBe(200);
  });
});

describe('password change (R-AUTH-4, R-AUTH-5)', () => {
  const change = (t: TestContext, token: string, oldPassword: string, newPassword: string) =>
    call(t.app, 'POST', '/api/auth/password', { token, body: { oldPassword, newPassword } });

  async function passwordHash(t: TestContext, id: string) {
    return (await t.db.selectFrom('account').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;
  }

  it('needs a session', async () => {
    const { t } = await setup();
    const r = await call(t.app, 'POST', '/api/auth/password', { body: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expectErrorEnvelope(r, 401, 'unauthenticated');
  });

  it('refuses a wrong old password with 422 at oldPassword and changes nothing', async () => {
    const { t, id } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    const before = await passwordHash(t, id);
    const r = await change(t, token, 'Not-The-Password-1!', NEW_PASSWORD);
    expectErrorEnvelope(r, 422, 'validation_failed');
    expect(r.json.error.details.issues).toEqual([expect.objectContaining({ path: 'oldPassword', message: expect.any(String) })]);
    expect(await passwordHash(t, id)).toBe(before);
  });

  it('throttles guessing the old password like sign-in', async () => {
    const { t } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    const { accountThreshold } = t.deps.config.throttle;
    for (let i = 0; i < accountThreshold; i++) expect((await change(t, token, `Guess-${i}-Word!`, NEW_PASSWORD)).status).toBe(422);
    const r = await change(t, token, PASSWORD, NEW_PASSWORD);
    expectErrorEnvelope(r, 429, 'rate_limited');
    expect(r.headers.get('retry-after')).toBeTruthy();
  });

  const cases: [string, string, string][] = [
    ['length', 'Ab1!xyz', 'shorter than 8'],
    ['upper', 'tiefsee-anker-47%', 'no upper-case letter'],
    ['lower', 'TIEFSEE-ANKER-47%', 'no lower-case letter'],
    ['digit', 'Tiefsee-Anker-%%', 'no digit'],
    ['special', 'TiefseeAnker47', 'no special character'],
    ['not_email', 'Erik.Editor@nordwind.example1', 'the e-mail'],
    ['not_email', 'xX-erik.editor-Xx9', "the e-mail's local part"],
    ['differs', PASSWORD, 'the same as the old one'],
    ['not_common', 'Passwort123!', 'a common password'],
    ['not_common', 'Sommer2026!', 'a common word with a year'],
    ['max_length', 'Aa1!' + 'x'.repeat(200), 'longer than 128'],
  ];
  it.each(cases)('refuses rule %s (%s: %s) with details.issues[].rule', async (rule, newPassword) => {
    const { t, id } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    const before = await passwordHash(t, id);
    const r = await change(t, token, PASSWORD, newPassword);
    expectErrorEnvelope(r, 422, 'validation_failed');
    const issues = r.json.error.details.issues as { path: string; rule: string; message: string }[];
    expect(issues.map((i) => i.rule)).toContain(rule);
    for (const i of issues) {
      expect(i.path).toBe('newPassword');
      expect(i.message.length).toBeGreaterThan(0);
    }
    expect(await passwordHash(t, id)).toBe(before);
    // the error never echoes a password
    expect(r.text).not.toContain(newPassword);
    expect(r.text).not.toContain(PASSWORD);
  });

  it('lists every broken rule at once', async () => {
    const { t } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    const r = await change(t, token, PASSWORD, 'abc');
    expect(r.status).toBe(422);
    const rules = (r.json.error.details.issues as { rule: string }[]).map((i) => i.rule).sort();
    expect(rules).toEqual(['digit', 'length', 'special', 'upper'].concat(rules.includes('not_common') ? ['not_common'] : []).sort());
  });

  it('on success ends every other session of the account and keeps the current one', async () => {
    const { t, id } = await setup();
    const otherId = await createAccount(t, { email: 'dora@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] });
    const current = await bearerSignIn(t, EMAIL);
    const laptop = await bearerSignIn(t, EMAIL);
    const browser = await cookieSignIn(t, EMAIL);
    const dora = await bearerSignIn(t, 'dora@nordwind.example');

    const r = await change(t, current, PASSWORD, NEW_PASSWORD);
    expect(r.status, r.text).toBe(200);
    expect(r.json.account.id).toBe(id);

    expect((await me(t, { token: current })).status).toBe(200);
    expect((await me(t, { token: laptop })).status).toBe(401);
    expect((await me(t, { cookie: browser })).status).toBe(401);
    expect((await me(t, { token: dora })).status).toBe(200);
    const left = await sessionsOf(t, id);
    expect(left.map((s) => s.id)).toEqual([sessionIdFromToken(current)]);
    expect(await sessionsOf(t, otherId)).toHaveLength(1);

    expect((await signIn(t, { email: EMAIL, password: PASSWORD })).status).toBe(401);
    expect((await signIn(t, { email: EMAIL, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('changes the password and ends the other sessions together or not at all', async () => {
    const { t, id } = await setup();
    const current = await bearerSignIn(t, EMAIL);
    const other = await bearerSignIn(t, EMAIL);
    const before = await passwordHash(t, id);
    await sql`create trigger session_keep before delete on session begin select raise(abort, 'sessions are stuck'); end`.execute(t.db);
    const r = await change(t, current, PASSWORD, NEW_PASSWORD);
    expectErrorEnvelope(r, 500, 'internal');
    // the new password did not go live while the other session survived
    expect(await passwordHash(t, id)).toBe(before);
    expect((await me(t, { token: other })).status).toBe(200);
    await sql`drop trigger session_keep`.execute(t.db);
    expect((await change(t, current, PASSWORD, NEW_PASSWORD)).status).toBe(200);
    expect((await me(t, { token: other })).status).toBe(401);
  });

  it('keeps a cookie session when the change is made through it', async () => {
    const { t, id } = await setup();
    const cookie = await cookieSignIn(t, EMAIL);
    const other = await bearerSignIn(t, EMAIL);
    const r = await call(t.app, 'POST', '/api/auth/password', { cookie, body: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(r.status, r.text).toBe(200);
    expect((await me(t, { cookie })).status).toBe(200);
    expect((await me(t, { token: other })).status).toBe(401);
    expect(await sessionsOf(t, id)).toHaveLength(1);
  });

  it('honours a configured minimum length of 6 (the manual exactly)', async () => {
    const { t } = await setup({ passwordPolicy: { minLength: 6, maxLength: 128 } });
    const token = await bearerSignIn(t, EMAIL);
    const short = await change(t, token, PASSWORD, 'Ky7#q');
    expect(short.status).toBe(422);
    expect(short.json.error.details.issues.map((i: { rule: string }) => i.rule)).toContain('length');
    const ok = await change(t, token, PASSWORD, 'Ky7#qz');
    expect(ok.status, ok.text).toBe(200);
  });
});

describe('session expiry (R-AUTH-5)', () => {
  const IDLE = 30 * MINUTE;
  const ABSOLUTE = 2 * HOUR;
  const config = { session: { ...defaultConfig().session, idleMs: IDLE, absoluteMs: ABSOLUTE } };

  it('ends a session unused for the idle time', async () => {
    const { t, id } = await setup(config);
    const token = await bearerSignIn(t, EMAIL);
    t.clock.advance(IDLE - 1);
    expect((await me(t, { token })).status).toBe(200);
    // that use slid the idle expiry: another almost-idle period is fine
    t.clock.advance(IDLE - 1);
    expect((await me(t, { token })).status).toBe(200);
    t.clock.advance(IDLE);
    const r = await me(t, { token });
    expectErrorEnvelope(r, 401, 'unauthenticated');
    expect(await sessionsOf(t, id)).toHaveLength(0);
  });

  it('ends a cookie session after the idle time too', async () => {
    const { t } = await setup(config);
    const cookie = await cookieSignIn(t, EMAIL);
    t.clock.advance(IDLE);
    expect((await me(t, { cookie })).status).toBe(401);
  });

  it('never slides beyond the absolute expiry, however active the session is', async () => {
    const { t, id } = await setup(config);
    const token = await bearerSignIn(t, EMAIL);
    const signedInAt = t.clock.now().getTime();
    while (t.clock.now().getTime() + 20 * MINUTE < signedInAt + ABSOLUTE) {
      t.clock.advance(20 * MINUTE);
      expect((await me(t, { token })).status).toBe(200);
      const [s] = await sessionsOf(t, id);
      expect(s!.idle_expires_at <= s!.absolute_expires_at).toBe(true);
      expect(s!.absolute_expires_at).toBe(new Date(signedInAt + ABSOLUTE).toISOString());
    }
    t.clock.set(new Date(signedInAt + ABSOLUTE - 1));
    expect((await me(t, { token })).status).toBe(200);
    t.clock.advance(1);
    expect((await me(t, { token })).status).toBe(401);
    expect(await sessionsOf(t, id)).toHaveLength(0);
  });

  it('ends the sessions of a disabled account', async () => {
    const { t, id } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    await t.db.updateTable('account').set({ disabled_at: t.clock.now().toISOString() }).where('id', '=', id).execute();
    expect((await me(t, { token })).status).toBe(401);
  });
});

describe('tokens at rest and in transit', () => {
  it('stores only the SHA-256 hex of the token; a session id is no usable token', async () => {
    const { t, id } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    const cookie = await cookieSignIn(t, EMAIL);
    const cookieToken = cookie.split('=')[1]!;
    const rows = await sessionsOf(t, id);
    expect(rows.map((r) => r.id).sort()).toEqual([sessionIdFromToken(token), sessionIdFromToken(cookieToken)].sort());
    for (const r of rows) expect(r.id).toMatch(/^[0-9a-f]{64}$/);

    // the token appears nowhere in the database
    const dump = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db);
    for (const { name } of dump.rows) {
      const all = JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(t.db)).rows);
      expect(all, name).not.toContain(token);
      expect(all, name).not.toContain(cookieToken);
    }

    // a stolen session id gets nowhere, as bearer or cookie
    for (const r of rows) {
      expect((await me(t, { token: r.id })).status).toBe(401);
      expect((await me(t, { cookie: `portal_session=${r.id}` })).status).toBe(401);
    }
    expect((await me(t, { token })).status).toBe(200);
    expect((await me(t, { token: token.toUpperCase() })).status).toBe(401);
  });

  it('judges a request with an Authorization header by it alone', async () => {
    const { t } = await setup();
    const cookie = await cookieSignIn(t, EMAIL);
    expect((await call(t.app, 'GET', '/api/me', { cookie, headers: { authorization: 'Bearer ' + 'b'.repeat(32) } })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/me', { cookie, headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status).toBe(401);
  });

  it('never writes tokens or passwords to the log or into error bodies', async () => {
    const { t } = await setup();
    const bodies: string[] = [];
    const token = await bearerSignIn(t, EMAIL);
    const cookie = await cookieSignIn(t, EMAIL);
    const cookieToken = cookie.split('=')[1]!;
    const steps = [
      await me(t, { token }),
      await me(t, { cookie }),
      await call(t.app, 'GET', '/api/nope', { token }),
      await call(t.app, 'PATCH', '/api/me', { token, body: { locale: 'xx' } }),
      await call(t.app, 'POST', '/api/auth/password', { token, body: { oldPassword: 'Wrong-Old-1!', newPassword: NEW_PASSWORD } }),
      await call(t.app, 'POST', '/api/auth/password', { cookie, body: { oldPassword: PASSWORD, newPassword: 'weak' } }),
      await call(t.app, 'POST', '/api/me', { cookie, headers: { origin: 'https://evil.example' }, body: {} }),
      await signIn(t, { email: EMAIL, password: 'Wrong-Password-1!' }),
      await call(t.app, 'POST', '/api/auth/sign-out', { token }),
      await me(t, { token }),
    ];
    for (const s of steps) bodies.push(s.text);
    // force an internal error with the token in hand
    await sql`drop table audit_event`.execute(t.db);
    const boom = await call(t.app, 'POST', '/api/auth/sign-out', { cookie });
    expectErrorEnvelope(boom, 500, 'internal');
    bodies.push(boom.text);

    const log = t.logger.lines.join('\n');
    expect(t.logger.lines.length).toBeGreaterThan(steps.length);
    for (const secret of [token, cookieToken, PASSWORD, NEW_PASSWORD, 'Wrong-Password-1!', 'Wrong-Old-1!']) {
      expect(log).not.toContain(secret);
      for (const b of bodies) expect(b).not.toContain(secret);
    }
    // the internal error's detail went to the log, tied to the request id
    expect(log).toContain(boom.json.error.requestId);
  });
});
