/**
 * Host sign-in (issue 7, DESIGN.md sign-in mode 3): `POST /api/auth/exchange {token}` trades a
 * JWT that a business partner's intranet signed for a bearer session. Every way a token can be
 * wrong is refused (401, or 403 for the origin) and creates nothing; a good one gives a bearer
 * token that works, for accounts of the key's partner only, without the portal's forced
 * first-login password change.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOKEN_LIFETIME_S } from '../../server/auth/exchange.js';
import { addKey } from '../../server/domain/partners.js';
import { call, testContext, type TestContext } from './helpers.js';
import { createAccount, dbSnapshot, expectErrorEnvelope, seedPartners } from './auth-fixtures.js';

const NORD_ORIGIN = 'https://intranet.customer.example';
const BLUE_ORIGIN = 'https://intranet.blueharbor.example';
const NORD_ISS = 'https://intranet.customer.example/sso';
const AUD = 'helpdesk-portal';
const SECRET = 'nordwind-intranet-demo-secret-0123456789-abcdef';

const ERIK = 'erik.editor@nordwind.example';
const NEU = 'neu.kunde@nordwind.example';
const BOB = 'bob.editor@blueharbor.example';

interface Keys {
  hs: string;
  ed: { id: string; privateKey: KeyObject; publicPem: string };
  rs: { id: string; privateKey: KeyObject; publicPem: string };
}

let t: TestContext;
let keys: Keys;
let jtiCounter = 0;

// made once: an RSA key pair takes a while
const edPair = generateKeyPairSync('ed25519');
const rsPair = generateKeyPairSync('rsa', { modulusLength: 2048 });

const enc = (s: string) => new TextEncoder().encode(s);
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

async function setup() {
  t = await testContext();
  await seedPartners(t.db);
  await createAccount(t, { email: ERIK, memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] });
  await createAccount(t, { email: NEU, mustChangePassword: true, memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] });
  await createAccount(t, { email: BOB, memberships: [{ businessPartnerId: 'bp-blue', role: 'editor' }] });
  await createAccount(t, { email: 'alex.agent@servicedesk.example', kind: 'agent' });
  const now = t.clock.now();
  await t.db
    .insertInto('partner_origin')
    .values([
      { business_partner_id: 'bp-nord', origin: NORD_ORIGIN, created_at: now.toISOString() },
      { business_partner_id: 'bp-blue', origin: BLUE_ORIGIN, created_at: now.toISOString() },
    ])
    .execute();
  const hs = await addKey(t.db, 'bp-nord', { alg: 'HS256', issuer: NORD_ISS, audience: AUD, key: SECRET }, now);
  const edPem = edPair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const ed = await addKey(t.db, 'bp-nord', { alg: 'EdDSA', issuer: 'nordwind-ed', audience: AUD, key: edPem }, now);
  const rsPem = rsPair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const rs = await addKey(t.db, 'bp-blue', { alg: 'RS256', issuer: 'blueharbor-rs', audience: AUD, key: rsPem }, now);
  keys = {
    hs: hs.id,
    ed: { id: ed.id, privateKey: edPair.privateKey, publicPem: edPem },
    rs: { id: rs.id, privateKey: rsPair.privateKey, publicPem: rsPem },
  };
}

interface Claims {
  sub?: string;
  iss?: string;
  aud?: string;
  jti?: string | null;
  /** seconds from the test clock's now; null: no exp claim */
  expIn?: number | null;
}

function payload(c: Claims) {
  const nowS = Math.floor(t.clock.now().getTime() / 1000);
  const p: Record<string, unknown> = {
    sub: c.sub ?? ERIK,
    iss: c.iss ?? NORD_ISS,
    aud: c.aud ?? AUD,
    iat: nowS,
  };
  if (c.expIn !== null) p.exp = nowS + (c.expIn ?? 60);
  if (c.jti !== null) p.jti = c.jti ?? `jti-${++jtiCounter}-${Math.random().toString(36).slice(2)}`;
  return p;
}

async function hs256(c: Claims = {}, secret: string | Uint8Array = SECRET): Promise<string> {
  return new SignJWT(payload(c)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(typeof secret === 'string' ? enc(secret) : secret);
}

async function eddsa(c: Claims = {}): Promise<string> {
  return new SignJWT(payload({ iss: 'nordwind-ed', ...c })).setProtectedHeader({ alg: 'EdDSA' }).sign(keys.ed.privateKey);
}

async function rs256(c: Claims = {}): Promise<string> {
  return new SignJWT(payload({ iss: 'blueharbor-rs', sub: BOB, ...c })).setProtectedHeader({ alg: 'RS256' }).sign(keys.rs.privateKey);
}

function exchange(token: string, origin?: string) {
  return call(t.app, 'POST', '/api/auth/exchange', {
    body: { token },
    headers: origin ? { origin, 'sec-fetch-site': 'cross-site' } : {},
  });
}

async function sessionCount() {
  const r = await t.db.selectFrom('session').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The exchange is refused with `status` and nothing in the database changed (no session, no jti). */
async function expectRefused(token: string, status: 401 | 403, origin?: string) {
  const before = await dbSnapshot(t.db);
  const r = await exchange(token, origin);
  expectErrorEnvelope(r, status, status === 401 ? 'unauthenticated' : 'forbidden');
  expect(r.json.token).toBeUndefined();
  expect(r.headers.getSetCookie()).toEqual([]);
  const after = await dbSnapshot(t.db);
  expect(after.counts).toEqual(before.counts);
  expect(after.checksum).toBe(before.checksum);
  return r;
}

beforeEach(setup);

describe('host tokens that are refused (nothing created)', () => {
  it('a wrong signature', async () => {
    await expectRefused(await hs256({}, 'another-secret-that-is-long-enough-0123456789'), 401);
    // a valid token with its signature swapped for another token's
    const good = await hs256();
    const other = await hs256({ sub: NEU });
    await expectRefused(`${good.split('.').slice(0, 2).join('.')}.${other.split('.')[2]}`, 401);
  });

  it('a wrong audience', async () => {
    await expectRefused(await hs256({ aud: 'another-portal' }), 401);
  });

  it('a wrong or unknown issuer', async () => {
    await expectRefused(await hs256({ iss: 'https://evil.example' }), 401);
    // the issuer of another key of the same partner, signed with the HS256 secret
    await expectRefused(await hs256({ iss: 'nordwind-ed' }), 401);
  });

  it('an expired token', async () => {
    await expectRefused(await hs256({ expIn: -120 }), 401);
    // valid when made, expired when presented
    const token = await hs256({ expIn: 60 });
    t.clock.advance(5 * 60_000);
    await expectRefused(token, 401);
  });

  it('an expiry too far ahead, or none at all', async () => {
    await expectRefused(await hs256({ expIn: MAX_TOKEN_LIFETIME_S + 120 }), 401);
    await expectRefused(await hs256({ expIn: 24 * 3600 }), 401);
    await expectRefused(await hs256({ expIn: null }), 401);
  });

  it('a missing or empty jti', async () => {
    await expectRefused(await hs256({ jti: null }), 401);
    await expectRefused(await hs256({ jti: '' }), 401);
  });

  it('a replayed jti (the first use wins)', async () => {
    const token = await hs256({ jti: 'once-only' });
    const first = await exchange(token);
    expect(first.status, first.text).toBe(200);
    const sessions = await sessionCount();
    await expectRefused(token, 401);
    // a new token that reuses the jti is a replay too
    await expectRefused(await hs256({ jti: 'once-only', sub: NEU }), 401);
    expect(await sessionCount()).toBe(sessions);
  });

  it('alg "none" (unsigned), with or without a signature part', async () => {
    const p = payload({});
    for (const alg of ['none', 'None', 'NONE']) {
      await expectRefused(`${b64url({ alg, typ: 'JWT' })}.${b64url(p)}.`, 401);
      await expectRefused(`${b64url({ alg, typ: 'JWT' })}.${b64url(p)}`, 401);
    }
  });

  it('an HS256 token signed with the public key of an EdDSA or RS256 key (algorithm confusion)', async () => {
    await expectRefused(await hs256({ iss: 'nordwind-ed' }, keys.ed.publicPem), 401);
    await expectRefused(await hs256({ iss: 'blueharbor-rs', sub: BOB }, keys.rs.publicPem), 401);
    // the same with the key as the JWK/DER bytes an attacker might try
    await expectRefused(await hs256({ iss: 'blueharbor-rs', sub: BOB }, enc(keys.rs.publicPem.trim())), 401);
  });

  it("a token for an account of another partner, an unknown account, an agent, a disabled account", async () => {
    await expectRefused(await hs256({ sub: BOB }), 401);
    await expectRefused(await rs256({ sub: ERIK }), 401);
    await expectRefused(await hs256({ sub: 'nobody@nordwind.example' }), 401);
    await expectRefused(await hs256({ sub: 'alex.agent@servicedesk.example' }), 401);
    await t.db.updateTable('account').set({ disabled_at: t.clock.now().toISOString() }).where('email', '=', NEU).execute();
    await expectRefused(await hs256({ sub: NEU }), 401);
  });

  it('a revoked key', async () => {
    await t.db.updateTable('partner_key').set({ revoked_at: t.clock.now().toISOString() }).where('id', '=', keys.hs).execute();
    await expectRefused(await hs256(), 401);
  });

  it('an origin no partner registered (403), and the origin of another partner (403)', async () => {
    await expectRefused(await hs256(), 403, 'https://unregistered.example');
    await expectRefused(await hs256(), 403, BLUE_ORIGIN);
    await expectRefused(await rs256(), 403, NORD_ORIGIN);
  });

  it('things that are not a JWT at all', async () => {
    for (const token of ['x', 'a.b.c', 'eyJhbGciOiJIUzI1NiJ9..', `${b64url({ alg: 'HS256' })}.not-json.sig`]) {
      await expectRefused(token, 401);
    }
    const before = await dbSnapshot(t.db);
    const empty = await call(t.app, 'POST', '/api/auth/exchange', { body: {} });
    expectErrorEnvelope(empty, 422, 'validation_failed');
    expect((await dbSnapshot(t.db)).checksum).toBe(before.checksum);
  });
});

describe('host tokens that are accepted', () => {
  it('HS256: a bearer session that works, made by the host, without a cookie', async () => {
    const r = await exchange(await hs256());
    expect(r.status, r.text).toBe(200);
    expect(r.json.account.email).toBe(ERIK);
    expect(r.json.mustChangePassword).toBe(false);
    expect(typeof r.json.token).toBe('string');
    expect(r.headers.getSetCookie()).toEqual([]);
    const me = await call(t.app, 'GET', '/api/me', { token: r.json.token });
    expect(me.status, me.text).toBe(200);
    expect(me.json.account.email).toBe(ERIK);
    const sessions = await t.db.selectFrom('session').select(['via']).execute();
    expect(sessions.map((s) => s.via)).toEqual(['host']);
    const audit = await t.db.selectFrom('audit_event').select('action').where('action', '=', 'auth.host_sign_in').execute();
    expect(audit).toHaveLength(1);
  });

  it('EdDSA and RS256 keys, each for its own partner', async () => {
    const ed = await exchange(await eddsa());
    expect(ed.status, ed.text).toBe(200);
    expect(ed.json.account.email).toBe(ERIK);
    const rs = await exchange(await rs256());
    expect(rs.status, rs.text).toBe(200);
    expect(rs.json.account.email).toBe(BOB);
  });

  it('from the registered origin of the key’s partner, readable there (CORS)', async () => {
    const r = await exchange(await hs256(), NORD_ORIGIN);
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(NORD_ORIGIN);
    const me = await call(t.app, 'GET', '/api/me', { token: r.json.token, headers: { origin: NORD_ORIGIN, 'sec-fetch-site': 'cross-site' } });
    expect(me.status, me.text).toBe(200);
    expect(me.headers.get('access-control-allow-origin')).toBe(NORD_ORIGIN);
  });

  it('an account that still has to change its initial password is not blocked (the intranet signed it in)', async () => {
    const r = await exchange(await hs256({ sub: NEU }));
    expect(r.status, r.text).toBe(200);
    expect(r.json.mustChangePassword).toBe(false);
    const tickets = await call(t.app, 'GET', '/api/tickets', { token: r.json.token });
    expect(tickets.status, tickets.text).toBe(200);
    // ... while a password sign-in of the same account still must change it first
    const row = await t.db.selectFrom('account').select('must_change_password').where('email', '=', NEU).executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(1);
  });

  it('matches the subject e-mail case-insensitively, and tolerates 30 s of clock skew', async () => {
    const r = await exchange(await hs256({ sub: 'Erik.Editor@NORDWIND.example' }));
    expect(r.status, r.text).toBe(200);
    const skewed = await exchange(await hs256({ expIn: -10 }));
    expect(skewed.status, skewed.text).toBe(200);
  });
});
