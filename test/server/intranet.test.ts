/**
 * The demo intranet (issue 7): its registration with the portal is idempotent; its own login is an
 * HttpOnly cookie that cannot be forged; `GET /token` signs a 60-second HS256 host token that the
 * portal's exchange accepts from the intranet's origin; its page carries the portal's URL and a
 * CSP that allows exactly the portal besides itself.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIntranetApp, INTRANET_COOKIE } from '../../server/intranet/app.js';
import { DEMO_AUDIENCE, DEMO_ISSUER, ensureDemoIntranet } from '../../server/intranet/registry.js';
import { call, testContext, type TestContext } from './helpers.js';
import { createAccount, seedPartners } from './auth-fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const INTRANET = 'http://localhost:8788';
const PORTAL = 'http://localhost:8787';

let t: TestContext;

beforeEach(async () => {
  t = await testContext();
  await seedPartners(t.db);
  await createAccount(t, { email: 'erik.editor@nordwind.example', name: 'Erik Brandt', memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] });
  await createAccount(t, { email: 'neu.kunde@nordwind.example', name: 'Lena Neumann', mustChangePassword: true, memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] });
  await createAccount(t, { email: 'bob.editor@blueharbor.example', memberships: [{ businessPartnerId: 'bp-blue', role: 'editor' }] });
});

async function intranet() {
  const reg = (await ensureDemoIntranet(t.deps, INTRANET))!;
  const app = createIntranetApp({
    portalUrl: PORTAL,
    issuer: reg.issuer,
    audience: reg.audience,
    secret: reg.secret,
    users: reg.users,
    pageDir: join(root, 'demo'),
    now: () => t.clock.now(),
  });
  return { reg, app };
}

async function login(app: Awaited<ReturnType<typeof intranet>>['app'], email: string) {
  const res = await app.request(`${INTRANET}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: INTRANET, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ email }).toString(),
  });
  return res;
}

const cookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith(`${INTRANET_COOKIE}=`));

describe('the registration at start', () => {
  it('registers the origin and one HS256 key for Nordwind, the same on every start', async () => {
    const first = (await ensureDemoIntranet(t.deps, INTRANET))!;
    const second = (await ensureDemoIntranet(t.deps, INTRANET))!;
    expect(second.secret).toBe(first.secret);
    expect(Buffer.byteLength(first.secret)).toBeGreaterThanOrEqual(32);
    const keys = await t.db.selectFrom('partner_key').selectAll().execute();
    expect(keys.map((k) => [k.business_partner_id, k.alg, k.issuer, k.audience])).toEqual([['bp-nord', 'HS256', DEMO_ISSUER, DEMO_AUDIENCE]]);
    const origins = await t.db.selectFrom('partner_origin').select(['business_partner_id', 'origin']).execute();
    expect(origins).toEqual([{ business_partner_id: 'bp-nord', origin: INTRANET }]);
    // the employees the demo login offers: Nordwind's customer accounts only
    expect(first.users.map((u) => u.email).sort()).toEqual(['erik.editor@nordwind.example', 'neu.kunde@nordwind.example']);
  });

  it('does nothing without Nordwind (an installation without the demo data)', async () => {
    const empty = await testContext();
    expect(await ensureDemoIntranet(empty.deps, INTRANET)).toBeNull();
    expect(await empty.db.selectFrom('partner_key').selectAll().execute()).toEqual([]);
  });
});

describe('the intranet app', () => {
  it('shows its login until someone picked a person; the page then carries the portal URL and a strict CSP', async () => {
    const { app } = await intranet();
    const loginPage = await app.request(`${INTRANET}/`);
    expect(loginPage.status).toBe(200);
    const loginHtml = await loginPage.text();
    expect(loginHtml).toContain('value="erik.editor@nordwind.example"');
    expect(loginHtml).not.toContain('<portal-session');

    const res = await login(app, 'erik.editor@nordwind.example');
    expect(res.status).toBe(303);
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const page = await app.request(`${INTRANET}/`, { headers: { cookie: cookie.split(';')[0]! } });
    const html = await page.text();
    expect(html).toContain(`<script type="module" src="${PORTAL}/widgets/loader.js"></script>`);
    expect(html).toContain(`<portal-session api-base="${PORTAL}">`);
    expect(html).toContain('Erik Brandt');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src 'self' ${PORTAL}`);
    expect(csp).toContain(`connect-src 'self' ${PORTAL}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('refuses an unknown person, a login from another site, and a forged or missing cookie', async () => {
    const { app } = await intranet();
    expect(cookieOf(await login(app, 'bob.editor@blueharbor.example'))).toBeUndefined();
    const crossSite = await app.request(`${INTRANET}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: 'email=erik.editor%40nordwind.example',
    });
    expect(crossSite.status).toBe(403);
    expect(cookieOf(crossSite)).toBeUndefined();

    expect((await app.request(`${INTRANET}/token`)).status).toBe(401);
    const forged = `${Buffer.from('erik.editor@nordwind.example').toString('base64url')}.AAAA`;
    expect((await app.request(`${INTRANET}/token`, { headers: { cookie: `${INTRANET_COOKIE}=${forged}` } })).status).toBe(401);
    // a good cookie, asked for from another site
    const cookie = cookieOf(await login(app, 'erik.editor@nordwind.example'))!.split(';')[0]!;
    expect((await app.request(`${INTRANET}/token`, { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('signs a 60-second host token that the portal exchanges from the intranet origin, once', async () => {
    const { app } = await intranet();
    const cookie = cookieOf(await login(app, 'neu.kunde@nordwind.example'))!.split(';')[0]!;
    const res = await app.request(`${INTRANET}/token`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token } = (await res.json()) as { token: string };
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'neu.kunde@nordwind.example', iss: DEMO_ISSUER, aud: DEMO_AUDIENCE });
    expect(claims.exp! - claims.iat!).toBe(60);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);

    const exchanged = await call(t.app, 'POST', '/api/auth/exchange', { body: { token }, headers: { origin: INTRANET, 'sec-fetch-site': 'cross-site' } });
    expect(exchanged.status, exchanged.text).toBe(200);
    expect(exchanged.headers.get('access-control-allow-origin')).toBe(INTRANET);
    expect(exchanged.json.mustChangePassword).toBe(false);
    const again = await call(t.app, 'POST', '/api/auth/exchange', { body: { token }, headers: { origin: INTRANET, 'sec-fetch-site': 'cross-site' } });
    expect(again.status).toBe(401);
    // a fresh token each time
    const second = (await (await app.request(`${INTRANET}/token`, { headers: { cookie } })).json()) as { token: string };
    expect(decodeJwt(second.token).jti).not.toBe(claims.jti);
  });
});
