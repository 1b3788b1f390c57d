/**
 * One contract, three clients: the in-memory FakeApi, and the real HttpApi against the real app
 * (through `app.request`) in bearer and in cookie mode. Whatever the widgets can observe —
 * statuses, error codes, details, DTO shapes, session changes — must be the same, so Storybook
 * and the widget tests cannot drift from the server.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { testContext, testHashCost } from './helpers.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { insertAccount } from '../../server/domain/accounts.js';
import { ApiError, type Api, type SessionChange } from '../../widgets/core/api.js';
import { HttpApi } from '../../widgets/core/api-http.js';
import { FakeApi, type FakeAccount } from '../../widgets/core/api-fake.js';
import { createEmptyWorld } from '../../widgets/core/fake/world.js';
import { defaultMaxFileBytes, maxAttachmentsPerSubmission } from '../../server/schemas/uploads.js';

const PASSWORD = 'Portal-Demo-2026!';
const INITIAL = 'Start-2026!';
const partner = { id: 'bp-nordwind', name: 'Nordwind Logistik GmbH' };

const accounts: FakeAccount[] = [
  { id: 'acc-viewer', email: 'anna.viewer@nordwind.example', name: 'Anna Vogel', password: PASSWORD, partners: [{ ...partner, role: 'viewer' }] },
  { id: 'acc-disp', email: 'dora.dispatcher@nordwind.example', name: 'Dora Dietrich', password: PASSWORD, locale: 'en', partners: [{ ...partner, role: 'dispatcher' }] },
  { id: 'acc-new', email: 'neu.kunde@nordwind.example', name: 'Nils Neumann', password: INITIAL, mustChangePassword: true, partners: [{ ...partner, role: 'editor' }] },
];

interface Target {
  api: Api;
  changes: SessionChange[];
}

async function serverTarget(mode: 'cookie' | 'bearer'): Promise<Target> {
  const t = await testContext();
  await t.db.insertInto('system_partner').values({ id: 'sp', name: 'Servicedesk GmbH' }).execute();
  await t.db.insertInto('business_partner').values({ id: partner.id, system_partner_id: 'sp', name: partner.name }).execute();
  for (const a of accounts) {
    await insertAccount(t.db, {
      id: a.id,
      systemPartnerId: 'sp',
      kind: 'customer',
      email: a.email,
      name: a.name,
      locale: a.locale ?? 'de',
      passwordHash: await hashPassword(a.password, testHashCost),
      mustChangePassword: !!a.mustChangePassword,
      memberships: (a.partners ?? []).map((p) => ({ businessPartnerId: p.id, role: p.role })),
      now: t.clock.now(),
    });
  }
  // A browser on the portal's own origin: it sends Origin and keeps the session cookie.
  let cookie: string | null = null;
  const browserFetch: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    const headers = new Headers(req.headers);
    headers.set('origin', 'http://localhost');
    if (cookie && init?.credentials !== 'omit') headers.set('cookie', cookie);
    const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.text();
    const res = await t.app.request(req.url, { method: req.method, headers, body: body || undefined });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      if (pair.startsWith('portal_session=')) cookie = /max-age=0/i.test(line) || pair === 'portal_session=' ? null : pair;
    }
    return res;
  };
  const api = new HttpApi({ base: 'http://localhost', mode, fetch: browserFetch, storage: null });
  const changes: SessionChange[] = [];
  api.onSessionChange((c) => changes.push(c));
  return { api, changes };
}

function fakeTarget(): Target {
  const api = new FakeApi({ accounts, world: createEmptyWorld() });
  const changes: SessionChange[] = [];
  api.onSessionChange((c) => changes.push(c));
  return { api, changes };
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}

const targets: [string, () => Promise<Target> | Target][] = [
  ['fake', fakeTarget],
  ['server (bearer)', () => serverTarget('bearer')],
  ['server (cookie)', () => serverTarget('cookie')],
];

describe.each(targets)('Api contract: %s', (_name, make) => {
  let t: Target;
  beforeEach(async () => {
    t = await make();
  });

  it('publishes the password policy without a session', async () => {
    expect(await t.api.auth.policy()).toEqual({ passwordPolicy: { minLength: 8, maxLength: 128 } });
  });

  it('answers 401 without a session and reports the session as lost', async () => {
    const e = await failure(t.api.me.get());
    expect([e.status, e.code]).toEqual([401, 'unauthenticated']);
    expect(t.changes.map((c) => c.kind)).toEqual(['lost']);
  });

  it('refuses wrong credentials with one generic answer (R-AUTH-2)', async () => {
    const wrong = await failure(t.api.auth.signIn({ email: 'anna.viewer@nordwind.example', password: 'Nope-2026!' }));
    const unknown = await failure(t.api.auth.signIn({ email: 'nobody@nordwind.example', password: PASSWORD }));
    expect([wrong.status, wrong.code]).toEqual([401, 'unauthenticated']);
    expect([unknown.status, unknown.code, unknown.message]).toEqual([wrong.status, wrong.code, wrong.message]);
    expect(t.changes).toEqual([]);
  });

  it('throttles repeated failures with a wait in details.retryAfterSeconds (R-AUTH-2)', async () => {
    const email = 'anna.viewer@nordwind.example';
    for (let i = 0; i < 5; i++) {
      expect((await failure(t.api.auth.signIn({ email, password: `Wrong-${i}!` }))).code).toBe('unauthenticated');
    }
    const e = await failure(t.api.auth.signIn({ email: email.toUpperCase(), password: PASSWORD }));
    expect([e.status, e.code]).toEqual([429, 'rate_limited']);
    expect(e.details?.retryAfterSeconds).toBe(30);
  });

  it('signs in, describes the caller, updates settings and signs out (R-AUTH-5)', async () => {
    const r = await t.api.auth.signIn({ email: ' Dora.Dispatcher@nordwind.example', password: PASSWORD });
    expect(r).toEqual({
      account: { id: 'acc-disp', email: 'dora.dispatcher@nordwind.example', name: 'Dora Dietrich', locale: 'en', kind: 'customer' },
      mustChangePassword: false,
    });
    expect(t.api.mayHaveSession).toBe(true);
    const me = await t.api.me.get();
    expect(me).toEqual({
      account: { id: 'acc-disp', email: 'dora.dispatcher@nordwind.example', name: 'Dora Dietrich', locale: 'en', kind: 'customer', notifyEmail: true },
      partners: [{ id: partner.id, name: partner.name, role: 'dispatcher', canWrite: true, canRelease: true }],
      capabilities: { createTickets: true, release: true, knowledgeBase: false, planBoards: false, agent: false },
      counts: { pendingReleases: 0, awaitingMyRelease: 0, mySubmittedAwaiting: 0 },
      limits: { uploadMaxFileBytes: defaultMaxFileBytes, attachmentsPerSubmission: maxAttachmentsPerSubmission },
    });
    const updated = await t.api.me.update({ locale: 'de', notifyEmail: false });
    expect([updated.account.locale, updated.account.notifyEmail]).toEqual(['de', false]);
    expect((await t.api.me.get()).account.locale).toBe('de');

    await t.api.auth.signOut();
    expect((await failure(t.api.me.get())).code).toBe('unauthenticated');
    expect(t.changes.map((c) => c.kind)).toEqual(['lost']);
  });

  it('describes a viewer without write or release rights', async () => {
    await t.api.auth.signIn({ email: 'anna.viewer@nordwind.example', password: PASSWORD });
    const me = await t.api.me.get();
    expect(me.partners).toEqual([{ id: partner.id, name: partner.name, role: 'viewer', canWrite: false, canRelease: false }]);
    expect(me.capabilities).toEqual({ createTickets: false, release: false, knowledgeBase: false, planBoards: false, agent: false });
  });

  it('rejects unknown settings with validation_failed and changes nothing', async () => {
    await t.api.auth.signIn({ email: 'anna.viewer@nordwind.example', password: PASSWORD });
    const e = await failure(t.api.me.update({ locale: 'fr' } as never));
    expect([e.status, e.code]).toEqual([422, 'validation_failed']);
    expect(e.issues.map((i) => i.path)).toEqual(['locale']);
    expect((await t.api.me.get()).account.locale).toBe('de');
  });

  it('forces the first-login password change before anything else (R-AUTH-3, R-AUTH-4)', async () => {
    const r = await t.api.auth.signIn({ email: 'neu.kunde@nordwind.example', password: INITIAL });
    expect(r.mustChangePassword).toBe(true);

    const blocked = await failure(t.api.me.get());
    expect([blocked.status, blocked.code]).toEqual([403, 'password_change_required']);
    expect(t.changes.map((c) => c.kind)).toEqual(['password-change-required']);

    const wrongOld = await failure(t.api.auth.changePassword({ oldPassword: 'Wrong-2026!', newPassword: 'Fresh-Start-77?' }));
    expect([wrongOld.status, wrongOld.code]).toEqual([422, 'validation_failed']);
    expect(wrongOld.issues.map((i) => [i.path, i.rule])).toEqual([['oldPassword', 'old_password']]);

    const weak = await failure(t.api.auth.changePassword({ oldPassword: INITIAL, newPassword: 'zebra' }));
    expect(weak.issues.map((i) => [i.path, i.rule])).toEqual([
      ['newPassword', 'length'],
      ['newPassword', 'upper'],
      ['newPassword', 'digit'],
      ['newPassword', 'special'],
    ]);
    const common = await failure(t.api.auth.changePassword({ oldPassword: INITIAL, newPassword: 'Passwort123!' }));
    expect(common.issues.map((i) => i.rule)).toEqual(['not_common']);
    const same = await failure(t.api.auth.changePassword({ oldPassword: INITIAL, newPassword: INITIAL }));
    // (the demo's initial password is built on a common word, so that rule fires too)
    expect(same.issues.map((i) => i.rule)).toEqual(['differs', 'not_common']);
    const mine = await failure(t.api.auth.changePassword({ oldPassword: INITIAL, newPassword: 'Neu.Kunde-2026' }));
    expect(mine.issues.map((i) => i.rule)).toEqual(['not_email']);

    const done = await t.api.auth.changePassword({ oldPassword: INITIAL, newPassword: 'Fresh-Start-77?' });
    expect(done).toEqual({
      account: { id: 'acc-new', email: 'neu.kunde@nordwind.example', name: 'Nils Neumann', locale: 'de', kind: 'customer' },
      mustChangePassword: false,
    });
    expect((await t.api.me.get()).capabilities.createTickets).toBe(true);

    await t.api.auth.signOut();
    await t.api.auth.signIn({ email: 'neu.kunde@nordwind.example', password: 'Fresh-Start-77?' });
    expect((await t.api.me.get()).account.name).toBe('Nils Neumann');
  });
});

describe('HttpApi', () => {
  it('keeps a bearer token in storage only when asked to persist', async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    const t = await testContext();
    await t.db.insertInto('system_partner').values({ id: 'sp', name: 'S' }).execute();
    await insertAccount(t.db, {
      systemPartnerId: 'sp', kind: 'agent', email: 'alex.agent@servicedesk.example', name: 'Alex',
      passwordHash: await hashPassword(PASSWORD, testHashCost), now: t.clock.now(),
    });
    const appFetch: typeof fetch = (input, init) => Promise.resolve(t.app.request(new Request(input, init)));
    const opts = { base: 'https://portal.example/api/', fetch: appFetch, storage };

    const volatile = new HttpApi({ ...opts, mode: 'bearer' });
    await volatile.auth.signIn({ email: 'alex.agent@servicedesk.example', password: PASSWORD });
    expect(store.size).toBe(0);

    const kept = new HttpApi({ ...opts, mode: 'bearer', persist: true });
    expect(kept.mayHaveSession).toBe(false);
    await kept.auth.signIn({ email: 'alex.agent@servicedesk.example', password: PASSWORD });
    expect(store.size).toBe(1);
    // a new client (a reload) picks the session up again
    const reloaded = new HttpApi({ ...opts, mode: 'bearer', persist: true });
    expect(reloaded.mayHaveSession).toBe(true);
    expect((await reloaded.me.get()).capabilities.agent).toBe(true);
    await reloaded.auth.signOut();
    expect(store.size).toBe(0);
    expect((await failure(kept.me.get())).code).toBe('unauthenticated');
    expect(kept.mayHaveSession).toBe(false);
  });

  it('infers bearer mode for another origin and turns network failures into ApiError', async () => {
    const api = new HttpApi({
      base: 'https://elsewhere.example',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      storage: null,
    });
    expect(api.mode).toBe('bearer');
    const e = await failure(api.auth.policy());
    expect([e.status, e.code]).toEqual([0, 'network']);
  });
});
