/**
 * Cross-origin use of the API and the widget files (issue 7, DESIGN.md "Sign-in modes" 2 and 3):
 * only an origin a business partner registered, spelled exactly as the browser sends it, gets
 * `Access-Control-Allow-Origin`; never `*`, never `null`, never by suffix or prefix; credentials
 * are never allowed cross-origin; every answer varies by Origin. A session of another partner's
 * account gets nothing from a partner's origin (R-X-4).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { mountStatic } from '../../server/static.js';
import { ORIGIN, testContext, type TestContext } from './helpers.js';
import { bearerSignIn, createAccount, dbSnapshot, expectErrorEnvelope, seedPartners } from './auth-fixtures.js';

const NORD_ORIGIN = 'https://intranet.customer.example';
const NORD_ORIGIN_2 = 'https://partner.example';
const BLUE_ORIGIN = 'https://intranet.blueharbor.example';

/** Origins no partner registered, each a way someone might try to pass as a registered one. */
const refusedOrigins = [
  'https://unknown.example',
  'null',
  'https://partner.example.evil.test',
  'https://evil-intranet.customer.example',
  'https://intranet.customer.example.evil.test',
  'https://evil.test/https://intranet.customer.example',
  'HTTPS://INTRANET.CUSTOMER.EXAMPLE',
  'https://Intranet.Customer.Example',
  'https://intranet.customer.example/',
  'https://intranet.customer.example:443',
  'https://intranet.customer.example.',
  'http://intranet.customer.example',
  'https://intranet.customer.example:8443',
  'https://sub.intranet.customer.example',
  '*',
  '',
];

interface Res {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

async function send(app: { request: TestContext['app']['request'] }, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Res> {
  const res = await app.request(`${ORIGIN}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

function expectVaryOrigin(r: Res, what: string) {
  const vary = (r.headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
  expect(vary, `${what}: Vary`).toContain('origin');
}

function expectNoCors(r: Res, what: string) {
  expect(r.headers.get('access-control-allow-origin'), `${what}: Access-Control-Allow-Origin`).toBeNull();
  expect(r.headers.get('access-control-allow-credentials'), `${what}: credentials`).toBeNull();
  expect(r.headers.get('access-control-allow-methods'), `${what}: methods`).toBeNull();
  expectVaryOrigin(r, what);
}

let t: TestContext;
let nordToken: string;
let blueToken: string;
let agentToken: string;

beforeAll(async () => {
  t = await testContext();
  await seedPartners(t.db);
  await createAccount(t, { email: 'erik.editor@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] });
  await createAccount(t, { email: 'bob.editor@blueharbor.example', memberships: [{ businessPartnerId: 'bp-blue', role: 'editor' }] });
  await createAccount(t, { email: 'alex.agent@servicedesk.example', kind: 'agent' });
  nordToken = await bearerSignIn(t, 'erik.editor@nordwind.example');
  blueToken = await bearerSignIn(t, 'bob.editor@blueharbor.example');
  agentToken = await bearerSignIn(t, 'alex.agent@servicedesk.example');
  const now = t.clock.now().toISOString();
  await t.db
    .insertInto('partner_origin')
    .values([
      { business_partner_id: 'bp-nord', origin: NORD_ORIGIN, created_at: now },
      { business_partner_id: 'bp-nord', origin: NORD_ORIGIN_2, created_at: now },
      { business_partner_id: 'bp-blue', origin: BLUE_ORIGIN, created_at: now },
    ])
    .execute();
});

describe('API: registered origins', () => {
  it('reflects exactly the registered origin, exposes the request id, never allows credentials', async () => {
    for (const [origin, token] of [
      [NORD_ORIGIN, nordToken],
      [NORD_ORIGIN_2, nordToken],
      [BLUE_ORIGIN, blueToken],
    ] as const) {
      const r = await send(t.app, 'GET', '/api/me', { origin, authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' });
      expect(r.status, r.text).toBe(200);
      expect(r.headers.get('access-control-allow-origin')).toBe(origin);
      expect(r.headers.get('access-control-allow-credentials')).toBeNull();
      expect(r.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/i);
      expectVaryOrigin(r, origin);
    }
  });

  it('answers public routes (health, sign-in) to any registered origin, with the CORS headers', async () => {
    const r = await send(t.app, 'GET', '/api/health', { origin: BLUE_ORIGIN });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(BLUE_ORIGIN);
    expectVaryOrigin(r, 'health');
  });

  it('lets the error envelope of a registered origin be read (so the widget can show it)', async () => {
    const r = await send(t.app, 'GET', '/api/me', { origin: NORD_ORIGIN });
    expectErrorEnvelope(r, 401, 'unauthenticated');
    expect(r.headers.get('access-control-allow-origin')).toBe(NORD_ORIGIN);
  });

  it('answers a preflight of a registered origin with the methods and headers the widgets use', async () => {
    const r = await send(t.app, 'OPTIONS', '/api/tickets', {
      origin: NORD_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(NORD_ORIGIN);
    const methods = (r.headers.get('access-control-allow-methods') ?? '').split(/,\s*/);
    for (const m of ['GET', 'POST', 'PATCH']) expect(methods).toContain(m);
    const headers = (r.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
    for (const h of ['authorization', 'content-type', 'accept-language']) expect(headers).toContain(h);
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    expect(Number(r.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expectVaryOrigin(r, 'preflight');
  });
});

describe('API: everything else gets no CORS headers', () => {
  it.each(refusedOrigins.map((o) => [o]))('refuses %j: no Access-Control-Allow-Origin, 403, nothing done', async (origin) => {
    const before = await dbSnapshot(t.db);
    const headers = { origin, authorization: `Bearer ${nordToken}`, 'sec-fetch-site': 'cross-site' };
    const get = await send(t.app, 'GET', '/api/me', headers);
    const post = await send(t.app, 'POST', '/api/tickets', headers, {
      subject: 'From a foreign page',
      description: '<p>x</p>',
      tags: [],
      typeId: 'type-sp-main',
      areaId: 'area-sp-main',
      urgency: 'low',
      impact: 'low',
      release: false,
      private: false,
    });
    const preflight = await send(t.app, 'OPTIONS', '/api/tickets', { origin, 'access-control-request-method': 'POST' });
    const health = await send(t.app, 'GET', '/api/health', { origin });
    if (origin === '') {
      // an empty Origin header is no origin at all: treated like a request without one
      for (const r of [get, health]) expect(r.headers.get('access-control-allow-origin')).toBeNull();
    } else {
      for (const r of [get, post, health]) expectErrorEnvelope(r, 403, 'forbidden');
      expect(preflight.status).toBe(403);
    }
    for (const [name, r] of Object.entries({ get, post, preflight, health })) expectNoCors(r, `${name} from ${JSON.stringify(origin)}`);
    const after = await dbSnapshot(t.db);
    expect(after.counts.ticket).toBe(before.counts.ticket);
    expect(after.counts.session).toBe(before.counts.session);
  });

  it("refuses another partner's account on a partner's origin, and agents on any foreign origin", async () => {
    for (const [origin, token, who] of [
      [NORD_ORIGIN, blueToken, 'Blue Harbor account on the Nordwind intranet'],
      [BLUE_ORIGIN, nordToken, 'Nordwind account on the Blue Harbor intranet'],
      [NORD_ORIGIN, agentToken, 'agent on the Nordwind intranet'],
    ] as const) {
      const before = await dbSnapshot(t.db);
      const headers = { origin, authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' };
      const get = await send(t.app, 'GET', '/api/me', headers);
      expectErrorEnvelope(get, 403, 'forbidden');
      expectNoCors(get, who);
      const patch = await send(t.app, 'PATCH', '/api/me', headers, { locale: 'en' });
      expectErrorEnvelope(patch, 403, 'forbidden');
      expectNoCors(patch, who);
      const after = await dbSnapshot(t.db);
      expect(after.checksum, who).toBe(before.checksum);
    }
  });

  it('does not answer same-origin requests with CORS headers, but still varies by Origin', async () => {
    const none = await send(t.app, 'GET', '/api/health', {});
    expect(none.status).toBe(200);
    expectNoCors(none, 'no Origin');
    const own = await send(t.app, 'GET', '/api/me', { origin: ORIGIN, authorization: `Bearer ${nordToken}` });
    expect(own.status).toBe(200);
    expectNoCors(own, 'own origin');
  });

  it('never answers with a wildcard or credentials, whatever the request asks for', async () => {
    const r = await send(t.app, 'OPTIONS', '/api/me', {
      origin: NORD_ORIGIN,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
      'access-control-request-private-network': 'true',
    });
    expect(r.headers.get('access-control-allow-origin')).toBe(NORD_ORIGIN);
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    for (const [, value] of r.headers) expect(value).not.toBe('*');
  });
});

describe('widget files (/widgets/*)', () => {
  let app: TestContext['app'];
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'portal-static-'));
    mkdirSync(join(root, 'dist/widgets'), { recursive: true });
    mkdirSync(join(root, 'demo'), { recursive: true });
    writeFileSync(join(root, 'dist/widgets/loader.js'), 'import "./core-AbCdEf12.js";\n');
    writeFileSync(join(root, 'dist/widgets/core-AbCdEf12.js'), 'export const x = 1;\n');
    writeFileSync(join(root, 'demo/index.html'), '<!doctype html><title>x</title>');
    // a second app on the same deps with the static files mounted, as main.ts does
    app = createApp(t.deps);
    mountStatic(app, root, t.deps);
  });

  it('lets registered origins load the module scripts (CORS), with the right caching', async () => {
    const loader = await send(app, 'GET', '/widgets/loader.js', { origin: NORD_ORIGIN });
    expect(loader.status).toBe(200);
    expect(loader.headers.get('access-control-allow-origin')).toBe(NORD_ORIGIN);
    expect(loader.headers.get('access-control-allow-credentials')).toBeNull();
    expect(loader.headers.get('cache-control')).toBe('no-cache');
    expect(loader.headers.get('content-type')).toMatch(/javascript/);
    expectVaryOrigin(loader, 'loader.js');
    const chunk = await send(app, 'GET', '/widgets/core-AbCdEf12.js', { origin: BLUE_ORIGIN });
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('access-control-allow-origin')).toBe(BLUE_ORIGIN);
    expect(chunk.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expectVaryOrigin(chunk, 'chunk');
  });

  it.each(refusedOrigins.filter((o) => o !== '').map((o) => [o]))('gives %j no CORS headers for the widget files', async (origin) => {
    const r = await send(app, 'GET', '/widgets/loader.js', { origin });
    expectNoCors(r, `loader.js from ${JSON.stringify(origin)}`);
  });

  it('serves same-origin pages without CORS headers', async () => {
    const r = await send(app, 'GET', '/widgets/loader.js', {});
    expect(r.status).toBe(200);
    expectNoCors(r, 'same origin');
  });
});

describe('signing in from a registered origin', () => {
  it("accepts only accounts of the partners that registered it: another partner's account or an agent gets 403 and no session", async () => {
    const ok = await send(t.app, 'POST', '/api/auth/sign-in', { origin: NORD_ORIGIN }, { email: 'erik.editor@nordwind.example', password: 'Portal-Demo-2026!', mode: 'bearer' });
    expect(ok.status, ok.text).toBe(200);
    expect(typeof ok.json.token).toBe('string');
    for (const email of ['bob.editor@blueharbor.example', 'alex.agent@servicedesk.example']) {
      const before = await t.db.selectFrom('session').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const r = await send(t.app, 'POST', '/api/auth/sign-in', { origin: NORD_ORIGIN }, { email, password: 'Portal-Demo-2026!', mode: 'bearer' });
      expectErrorEnvelope(r, 403, 'forbidden');
      expect(r.json.token).toBeUndefined();
      const after = await t.db.selectFrom('session').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    }
  });
});
