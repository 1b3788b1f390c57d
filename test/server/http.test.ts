/**
 * The HTTP layer every route shares: CSRF protection of cookie sessions, content types, body
 * size, validation errors and the error envelope (R-X-4, R-X-5) — and in every refused case,
 * nothing written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
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

const EMAIL = 'erik.editor@nordwind.example';

interface Raw {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

/** A request exactly as given: no Origin, no content type unless the caller sets them. */
async function raw(
  t: TestContext,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit | null; base?: string } = {},
): Promise<Raw> {
  const res = await t.app.request(`${init.base ?? ORIGIN}${path}`, {
    method,
    headers: init.headers ?? {},
    body: init.body ?? null,
    duplex: 'half',
  } as RequestInit);
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

async function setup(config: Parameters<typeof testContext>[0] = {}) {
  const t = await testContext(config);
  await seedPartners(t.db);
  const id = await createAccount(t, {
    email: EMAIL,
    locale: 'de',
    memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }],
  });
  return { t, id };
}

async function localeOf(t: TestContext, id: string) {
  return (await t.db.selectFrom('account').select('locale').where('id', '=', id).executeTakeFirstOrThrow()).locale;
}

/** Runs `fn`, expects the error envelope with `code`, and proves no table changed. */
async function refusedWithoutEffect(t: TestContext, status: number, code: string, fn: () => Promise<Raw>) {
  const before = await dbSnapshot(t.db);
  const r = await fn();
  expectErrorEnvelope(r, status, code);
  const after = await dbSnapshot(t.db);
  expect(after.counts).toEqual(before.counts);
  expect(after.checksum).toBe(before.checksum);
  return r;
}

describe('CSRF: cookie sessions only act on same-origin requests', () => {
  let t: TestContext;
  let id: string;
  let cookie: string;
  beforeEach(async () => {
    ({ t, id } = await setup());
    cookie = await cookieSignIn(t, EMAIL);
  });

  const patch = (headers: Record<string, string>) =>
    raw(t, 'PATCH', '/api/me', {
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ locale: 'en' }),
    });

  it.each([
    ['no Origin and no Sec-Fetch-Site', {}],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['the same host on another port', { origin: 'http://localhost:8080' }],
    ['the same host over https', { origin: 'https://localhost' }],
    ['Origin: null', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['Sec-Fetch-Site: none', { 'sec-fetch-site': 'none' }],
    ['Sec-Fetch-Site: cross-site with a same Origin', { 'sec-fetch-site': 'cross-site', origin: ORIGIN }],
  ])('refuses a cookie-authenticated PATCH with %s (403, nothing changed)', async (_, headers) => {
    await refusedWithoutEffect(t, 403, 'forbidden', () => patch(headers));
    expect(await localeOf(t, id)).toBe('de');
  });

  it('refuses cross-site sign-out and password change, and the session survives', async () => {
    await refusedWithoutEffect(t, 403, 'forbidden', () =>
      raw(t, 'POST', '/api/auth/sign-out', { headers: { cookie, origin: 'https://evil.example' } }),
    );
    await refusedWithoutEffect(t, 403, 'forbidden', () =>
      raw(t, 'POST', '/api/auth/password', {
        headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        body: JSON.stringify({ oldPassword: PASSWORD, newPassword: 'Tiefsee-Anker-47%' }),
      }),
    );
    expect((await call(t.app, 'GET', '/api/me', { cookie })).status).toBe(200);
  });

  it('lets same-origin requests through (by Sec-Fetch-Site or by Origin)', async () => {
    expect((await patch({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(await localeOf(t, id)).toBe('en');
    const r = await raw(t, 'PATCH', '/api/me', {
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'de' }),
    });
    expect(r.status, r.text).toBe(200);
    expect(await localeOf(t, id)).toBe('de');
  });

  it('lets safe methods through from a registered origin; an unregistered foreign origin is refused outright', async () => {
    const refused = await raw(t, 'GET', '/api/me', { headers: { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    await t.db.insertInto('partner_origin').values({ business_partner_id: 'bp-nord', origin: 'https://intranet.customer.example' }).execute();
    const r = await raw(t, 'GET', '/api/me', { headers: { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://intranet.customer.example' } });
    expect(r.status).toBe(200);
  });

  it('accepts the configured public URL as our origin (behind a proxy)', async () => {
    const p = await setup({ publicUrl: 'https://portal.example.com/' });
    const c = await cookieSignIn(p.t, EMAIL);
    const ok = await raw(p.t, 'PATCH', '/api/me', {
      headers: { cookie: c, origin: 'https://portal.example.com', 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en' }),
    });
    expect(ok.status, ok.text).toBe(200);
    await refusedWithoutEffect(p.t, 403, 'forbidden', () =>
      raw(p.t, 'PATCH', '/api/me', {
        headers: { cookie: c, origin: 'https://portal.example.com.evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ locale: 'de' }),
      }),
    );
  });

  it('does not apply to bearer requests (they carry their credential explicitly)', async () => {
    await t.db.insertInto('partner_origin').values({ business_partner_id: 'bp-nord', origin: 'https://intranet.customer.example' }).execute();
    const token = await bearerSignIn(t, EMAIL);
    const variants: Record<string, string>[] = [{}, { origin: 'https://intranet.customer.example' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of variants) {
      const r = await raw(t, 'PATCH', '/api/me', {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ locale: 'en' }),
      });
      expect(r.status, r.text).toBe(200);
    }
    expect(await localeOf(t, id)).toBe('en');
  });

  it('refuses a cookie-mode sign-in from a foreign origin: no cookie, no session', async () => {
    const fresh = await setup();
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      {},
    ];
    for (const headers of cases) {
      const r = await refusedWithoutEffect(fresh.t, 403, 'forbidden', () =>
        raw(fresh.t, 'POST', '/api/auth/sign-in', {
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
        }),
      );
      expect(sessionCookie(fresh.t, r.headers)).toBeNull();
    }
    // the same origin may, and bearer mode may from a registered origin
    expect((await call(fresh.t.app, 'POST', '/api/auth/sign-in', { body: { email: EMAIL, password: PASSWORD } })).status).toBe(200);
    await fresh.t.db.insertInto('partner_origin').values({ business_partner_id: 'bp-nord', origin: 'https://intranet.customer.example' }).execute();
    const bearer = await raw(fresh.t, 'POST', '/api/auth/sign-in', {
      headers: { 'content-type': 'application/json', origin: 'https://intranet.customer.example' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD, mode: 'bearer' }),
    });
    expect(bearer.status).toBe(200);
  });
});

describe('request bodies', () => {
  let t: TestContext;
  let token: string;
  beforeEach(async () => {
    ({ t } = await setup());
    token = await bearerSignIn(t, EMAIL);
  });

  const auth = () => ({ authorization: `Bearer ${token}` });

  describe('415 for anything but JSON on JSON routes', () => {
    const form = () => {
      const f = new FormData();
      f.set('locale', 'en');
      return f;
    };
    const bodies: [string, () => { body: BodyInit; type?: string }][] = [
      ['text/plain', () => ({ body: JSON.stringify({ locale: 'en' }), type: 'text/plain' })],
      ['text/plain without explicit type', () => ({ body: JSON.stringify({ locale: 'en' }) })],
      ['application/x-www-form-urlencoded', () => ({ body: new URLSearchParams({ locale: 'en' }) })],
      ['multipart/form-data', () => ({ body: form() })],
      ['application/xml', () => ({ body: '<locale>en</locale>', type: 'application/xml' })],
      ['application/jsonx', () => ({ body: JSON.stringify({ locale: 'en' }), type: 'application/jsonx' })],
    ];
    it.each(bodies)('PATCH /api/me with %s', async (_, make) => {
      const { body, type } = make();
      await refusedWithoutEffect(t, 415, 'unsupported_media_type', () =>
        raw(t, 'PATCH', '/api/me', { headers: { ...auth(), ...(type ? { 'content-type': type } : {}) }, body }),
      );
    });
    it.each(bodies)('POST /api/auth/sign-in with %s', async (_, make) => {
      const { body, type } = make();
      await refusedWithoutEffect(t, 415, 'unsupported_media_type', () =>
        raw(t, 'POST', '/api/auth/sign-in', { headers: { origin: ORIGIN, ...(type ? { 'content-type': type } : {}) }, body }),
      );
    });
    it('a body with a length but no content type', async () => {
      await refusedWithoutEffect(t, 415, 'unsupported_media_type', () =>
        raw(t, 'PATCH', '/api/me', {
          headers: { ...auth(), 'content-length': '16' },
          body: new Uint8Array(new TextEncoder().encode('{"locale":"en"} ')),
        }),
      );
    });
    it('accepts application/json with a charset and +json types', async () => {
      for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json']) {
        const r = await raw(t, 'PATCH', '/api/me', { headers: { ...auth(), 'content-type': type }, body: JSON.stringify({ locale: 'en' }) });
        expect(r.status, `${type}: ${r.text}`).toBe(200);
      }
    });
  });

  describe('400 for malformed JSON', () => {
    const bad: [string, BodyInit][] = [
      ['truncated', '{"locale":'],
      ['not JSON at all', 'locale=en'],
      ['a trailing comma', '{"locale":"en",}'],
      ['single quotes', "{'locale':'en'}"],
      ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
      ['an empty body', ''],
    ];
    it.each(bad)('%s', async (_, body) => {
      await refusedWithoutEffect(t, 400, 'bad_request', () =>
        raw(t, 'PATCH', '/api/me', { headers: { ...auth(), 'content-type': 'application/json' }, body }),
      );
      await refusedWithoutEffect(t, 400, 'bad_request', () =>
        raw(t, 'POST', '/api/auth/sign-in', { headers: { origin: ORIGIN, 'content-type': 'application/json' }, body }),
      );
    });
  });

  describe('422 validation_failed with details.issues[{path, message}]', () => {
    const signInCases: [string, unknown, string[]][] = [
      ['missing fields', {}, ['email', 'password']],
      ['missing password', { email: EMAIL }, ['password']],
      ['wrong types', { email: 42, password: ['x'] }, ['email', 'password']],
      ['an empty e-mail', { email: '   ', password: PASSWORD }, ['email']],
      ['an overlong e-mail', { email: 'a'.repeat(250) + '@x.example', password: PASSWORD }, ['email']],
      ['an overlong password', { email: EMAIL, password: 'A1!' + 'x'.repeat(1100) }, ['password']],
      ['an unknown mode', { email: EMAIL, password: PASSWORD, mode: 'magic' }, ['mode']],
      ['an array body', [], ['']],
      ['a null body', null, ['']],
      ['a string body', 'hello', ['']],
    ];
    it.each(signInCases)('POST /api/auth/sign-in with %s', async (_, body, paths) => {
      const r = await refusedWithoutEffect(t, 422, 'validation_failed', () =>
        raw(t, 'POST', '/api/auth/sign-in', { headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      );
      const issues = r.json.error.details.issues as { path: string; message: string }[];
      expect(issues.map((i) => i.path).sort()).toEqual([...paths].sort());
      for (const i of issues) {
        expect(typeof i.message).toBe('string');
        expect(i.message.length).toBeGreaterThan(0);
      }
      // the password is never echoed back
      expect(r.text).not.toContain(PASSWORD);
    });

    const meCases: [string, unknown, string][] = [
      ['an unknown locale', { locale: 'fr' }, 'locale'],
      ['notifyEmail as a string', { notifyEmail: 'yes' }, 'notifyEmail'],
      ['an empty name', { name: '  ' }, 'name'],
      ['an overlong name', { name: 'x'.repeat(121) }, 'name'],
      ['an unknown field', { email: 'someone@else.example' }, ''],
      ['an array', [{ locale: 'en' }], ''],
    ];
    it.each(meCases)('PATCH /api/me with %s', async (_, body, path) => {
      const r = await refusedWithoutEffect(t, 422, 'validation_failed', () =>
        raw(t, 'PATCH', '/api/me', { headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      );
      const issues = r.json.error.details.issues as { path: string; message: string }[];
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.map((i) => i.path)).toContain(path);
    });

    it('POST /api/auth/password with missing and overlong fields', async () => {
      const r = await refusedWithoutEffect(t, 422, 'validation_failed', () =>
        raw(t, 'POST', '/api/auth/password', {
          headers: { ...auth(), 'content-type': 'application/json' },
          body: JSON.stringify({ newPassword: 'x'.repeat(2000) }),
        }),
      );
      expect(r.json.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['newPassword', 'oldPassword']);
    });
  });

  describe('413 for oversized bodies', () => {
    it('refuses a body above the limit announced by Content-Length', async () => {
      const limit = t.deps.config.jsonBodyLimit;
      const body = JSON.stringify({ name: 'x'.repeat(limit) });
      await refusedWithoutEffect(t, 413, 'payload_too_large', () =>
        raw(t, 'PATCH', '/api/me', {
          headers: { ...auth(), 'content-type': 'application/json', 'content-length': String(body.length) },
          body,
        }),
      );
    });

    it('refuses a body above the limit sent without a length', async () => {
      const limit = t.deps.config.jsonBodyLimit;
      const body = JSON.stringify({ name: 'x'.repeat(limit) });
      const r = await refusedWithoutEffect(t, 413, 'payload_too_large', () =>
        raw(t, 'PATCH', '/api/me', { headers: { ...auth(), 'content-type': 'application/json' }, body }),
      );
      expect(r.json.error.details.limit).toBe(limit);
    });

    it('stops reading an endless chunked body soon after the limit', async () => {
      const small = await setup({ jsonBodyLimit: 64 * 1024 });
      const tok = await bearerSignIn(small.t, EMAIL);
      let sent = 0;
      const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const r = await raw(small.t, 'PATCH', '/api/me', {
        headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: endless,
      });
      expectErrorEnvelope(r, 413, 'payload_too_large');
      expect(sent).toBeLessThan(64 * 1024 * 4);
    });

    it('accepts a body just under the limit', async () => {
      const small = await setup({ jsonBodyLimit: 2048 });
      const tok = await bearerSignIn(small.t, EMAIL);
      const body = JSON.stringify({ name: 'Erik' }).padEnd(2048, ' ');
      const r = await raw(small.t, 'PATCH', '/api/me', { headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' }, body });
      expect(r.status, r.text).toBe(200);
      const tooBig = body + ' ';
      await refusedWithoutEffect(small.t, 413, 'payload_too_large', () =>
        raw(small.t, 'PATCH', '/api/me', { headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' }, body: tooBig }),
      );
    });
  });
});

describe('the error envelope', () => {
  it('carries code, message, requestId, the X-Request-Id header and safe headers on every error', async () => {
    const { t } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    const cases: [number, string, () => Promise<Raw>][] = [
      [401, 'unauthenticated', () => raw(t, 'GET', '/api/me')],
      [401, 'unauthenticated', () => raw(t, 'GET', '/api/me', { headers: { authorization: 'Bearer ' + 'x'.repeat(32) } })],
      [404, 'not_found', () => raw(t, 'GET', '/api/no-such-thing', { headers: { authorization: `Bearer ${token}` } })],
      [404, 'not_found', () => raw(t, 'GET', '/no-such-page')],
      [404, 'not_found', () => raw(t, 'DELETE', '/api/me', { headers: { authorization: `Bearer ${token}` } })],
      [415, 'unsupported_media_type', () => raw(t, 'PATCH', '/api/me', { headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: 'x' })],
    ];
    for (const [status, code, fn] of cases) {
      const r = await refusedWithoutEffect(t, status, code, fn);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('keeps a sane incoming X-Request-Id and replaces an insane one', async () => {
    const { t } = await setup();
    const kept = await raw(t, 'GET', '/api/me', { headers: { 'x-request-id': 'abc-12345.xyz' } });
    expect(kept.json.error.requestId).toBe('abc-12345.xyz');
    expect(kept.headers.get('x-request-id')).toBe('abc-12345.xyz');
    for (const bad of ['short', 'has spaces in it', '<script>alert(1)</script>', 'x'.repeat(65)]) {
      const r = await raw(t, 'GET', '/api/me', { headers: { 'x-request-id': bad } });
      expect(r.json.error.requestId).not.toBe(bad);
      expect(r.headers.get('x-request-id')).toBe(r.json.error.requestId);
      expect(r.text).not.toContain('<script>');
    }
  });

  it('answers an internal error with a generic message; the detail goes to the log only', async () => {
    const { t } = await setup();
    const token = await bearerSignIn(t, EMAIL);
    await sql`drop table kb_share`.execute(t.db);
    const r = await raw(t, 'GET', '/api/me', { headers: { authorization: `Bearer ${token}` } });
    expectErrorEnvelope(r, 500, 'internal');
    expect(r.text).not.toMatch(/kb_share|no such table|Error:/i);
    expect(r.json.error.details).toBeUndefined();
    const logged = t.logger.lines.map((l) => JSON.parse(l)).find((l) => l.level === 'error');
    expect(logged).toBeDefined();
    expect(logged.requestId).toBe(r.json.error.requestId);
    expect(JSON.stringify(logged)).toContain('kb_share');
  });

  it('sets nosniff and no-referrer on API answers', async () => {
    const { t } = await setup();
    const r = await raw(t, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-request-id')).toBeTruthy();
  });
});
