/**
 * GET /api/me and PATCH /api/me (DESIGN.md "Shapes other tests rely on"; R-DASH-2, R-KB-1,
 * R-PLAN-1, R-WIZ-5, R-X-1): who the caller is, with which partners and roles, what the UI may
 * offer them, and their own settings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testContext, type TestContext } from './helpers.js';
import {
  bearerSignIn,
  createAccount,
  dbSnapshot,
  expectErrorEnvelope,
  insertTicket,
  seedPartners,
  SP,
} from './auth-fixtures.js';

const NORD = { id: 'bp-nord', name: 'Nordwind Logistik GmbH' };
const MUELLER = { id: 'bp-mueller', name: 'Müller & Söhne (Ost) GmbH' };
const BLUE = { id: 'bp-blue', name: 'Blue Harbor Ltd' };

const people = {
  anna: 'anna.viewer@nordwind.example',
  erik: 'erik.editor@nordwind.example',
  dora: 'dora.dispatcher@nordwind.example',
  max: 'max.multi@mueller-soehne.example',
  bob: 'bob.editor@blueharbor.example',
  alex: 'alex.agent@servicedesk.example',
};

let t: TestContext;
const ids: Record<keyof typeof people, string> = {} as never;
const tokens: Record<keyof typeof people, string> = {} as never;

beforeAll(async () => {
  t = await testContext();
  await seedPartners(t.db, [NORD, MUELLER, BLUE]);
  ids.anna = await createAccount(t, { email: people.anna, name: 'Anna Viewer', memberships: [{ businessPartnerId: NORD.id, role: 'viewer' }] });
  ids.erik = await createAccount(t, { email: people.erik, name: 'Erik Editor', memberships: [{ businessPartnerId: NORD.id, role: 'editor' }] });
  ids.dora = await createAccount(t, { email: people.dora, name: 'Dora Dispatcher', memberships: [{ businessPartnerId: NORD.id, role: 'dispatcher' }] });
  ids.max = await createAccount(t, {
    email: people.max,
    name: 'Max Multi',
    memberships: [
      { businessPartnerId: MUELLER.id, role: 'editor' },
      { businessPartnerId: BLUE.id, role: 'dispatcher' },
    ],
  });
  ids.bob = await createAccount(t, { email: people.bob, name: 'Bob Editor', locale: 'en', memberships: [{ businessPartnerId: BLUE.id, role: 'editor' }] });
  ids.alex = await createAccount(t, { email: people.alex, name: 'Alex Agent', kind: 'agent' });

  // tickets awaiting release: Nordwind 3 (one private), Blue Harbor 1, Müller 1; plus released ones
  await insertTicket(t.db, { businessPartnerId: NORD.id, authorId: ids.erik, status: 'awaiting_release', private: true });
  await insertTicket(t.db, { businessPartnerId: NORD.id, authorId: ids.erik, status: 'awaiting_release' });
  await insertTicket(t.db, { businessPartnerId: NORD.id, authorId: ids.dora, status: 'awaiting_release' });
  await insertTicket(t.db, { businessPartnerId: NORD.id, authorId: ids.erik, status: 'release_rejected' });
  await insertTicket(t.db, { businessPartnerId: NORD.id, authorId: ids.erik, status: 'new' });
  await insertTicket(t.db, { businessPartnerId: BLUE.id, authorId: ids.bob, status: 'awaiting_release' });
  await insertTicket(t.db, { businessPartnerId: BLUE.id, authorId: ids.bob, status: 'in_progress' });
  await insertTicket(t.db, { businessPartnerId: MUELLER.id, authorId: ids.max, status: 'awaiting_release' });

  // a knowledge-base article shared with Nordwind only
  await t.db.insertInto('kb_section').values({ id: 'sec1', system_partner_id: SP, name_de: 'Drucker', name_en: 'Printers' }).execute();
  await t.db
    .insertInto('kb_article')
    .values({ id: 'art1', section_id: 'sec1', language: 'de', title: 'Drucker', body_html: '<p>x</p>', body_text: 'x', created_at: '2026-03-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z' })
    .execute();
  await t.db.insertInto('kb_article').values({ id: 'art2', section_id: 'sec1', language: 'en', title: 'Unshared', body_html: '<p>y</p>', body_text: 'y', created_at: '2026-03-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z' }).execute();
  await t.db.insertInto('kb_share').values({ article_id: 'art1', business_partner_id: NORD.id }).execute();

  // a plan board with Erik as observer, Dora as editor and the agent as editor
  await t.db
    .insertInto('plan_board')
    .values({ id: 'board1', system_partner_id: SP, business_partner_id: NORD.id, title: 'Rollout', created_by: null, created_at: '2026-03-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z' })
    .execute();
  await t.db
    .insertInto('plan_member')
    .values([
      { board_id: 'board1', account_id: ids.erik, role: 'observer' },
      { board_id: 'board1', account_id: ids.dora, role: 'editor' },
      { board_id: 'board1', account_id: ids.alex, role: 'editor' },
    ])
    .execute();

  for (const [who, email] of Object.entries(people)) tokens[who as keyof typeof people] = await bearerSignIn(t, email);
});

const getMe = (who: keyof typeof people) => call(t.app, 'GET', '/api/me', { token: tokens[who] });

/** The part of the answer DESIGN.md promises (extra fields may grow). */
function core(json: any) {
  return {
    account: { id: json.account.id, email: json.account.email, name: json.account.name, locale: json.account.locale },
    partners: json.partners.map((p: any) => ({ id: p.id, name: p.name, role: p.role })),
    capabilities: {
      createTickets: json.capabilities.createTickets,
      release: json.capabilities.release,
      knowledgeBase: json.capabilities.knowledgeBase,
      planBoards: json.capabilities.planBoards,
    },
    counts: { pendingReleases: json.counts.pendingReleases },
  };
}

describe('GET /api/me', () => {
  it('needs a session', async () => {
    expectErrorEnvelope(await call(t.app, 'GET', '/api/me'), 401, 'unauthenticated');
  });

  it('viewer: read only, no release count', async () => {
    const r = await getMe('anna');
    expect(r.status, r.text).toBe(200);
    expect(core(r.json)).toEqual({
      account: { id: ids.anna, email: people.anna, name: 'Anna Viewer', locale: 'de' },
      partners: [{ ...NORD, role: 'viewer' }],
      capabilities: { createTickets: false, release: false, knowledgeBase: true, planBoards: false },
      counts: { pendingReleases: 0 },
    });
  });

  it('editor: creates tickets; counts the own tickets waiting for release', async () => {
    const r = await getMe('erik');
    expect(r.status, r.text).toBe(200);
    expect(core(r.json)).toEqual({
      account: { id: ids.erik, email: people.erik, name: 'Erik Editor', locale: 'de' },
      partners: [{ ...NORD, role: 'editor' }],
      capabilities: { createTickets: true, release: false, knowledgeBase: true, planBoards: true },
      counts: { pendingReleases: 2 },
    });
  });

  it('dispatcher: releases; counts every ticket of the partner awaiting release, private ones too', async () => {
    const r = await getMe('dora');
    expect(r.status, r.text).toBe(200);
    expect(core(r.json)).toEqual({
      account: { id: ids.dora, email: people.dora, name: 'Dora Dispatcher', locale: 'de' },
      partners: [{ ...NORD, role: 'dispatcher' }],
      capabilities: { createTickets: true, release: true, knowledgeBase: true, planBoards: true },
      counts: { pendingReleases: 3 },
    });
  });

  it('multi-partner account: every partner with its role; release count of the partner it dispatches for', async () => {
    const r = await getMe('max');
    expect(r.status, r.text).toBe(200);
    expect(core(r.json)).toEqual({
      account: { id: ids.max, email: people.max, name: 'Max Multi', locale: 'de' },
      partners: [
        { ...BLUE, role: 'dispatcher' },
        { ...MUELLER, role: 'editor' },
      ],
      capabilities: { createTickets: true, release: true, knowledgeBase: false, planBoards: false },
      counts: { pendingReleases: 1 },
    });
  });

  it('editor of a partner without shared articles or boards: no knowledge base, no plan boards', async () => {
    const r = await getMe('bob');
    expect(r.status, r.text).toBe(200);
    expect(core(r.json)).toEqual({
      account: { id: ids.bob, email: people.bob, name: 'Bob Editor', locale: 'en' },
      partners: [{ ...BLUE, role: 'editor' }],
      capabilities: { createTickets: true, release: false, knowledgeBase: false, planBoards: false },
      counts: { pendingReleases: 1 },
    });
  });

  it('agent: no partners, no customer capabilities, no release count', async () => {
    const r = await getMe('alex');
    expect(r.status, r.text).toBe(200);
    expect(core(r.json)).toEqual({
      account: { id: ids.alex, email: people.alex, name: 'Alex Agent', locale: 'de' },
      partners: [],
      capabilities: { createTickets: false, release: false, knowledgeBase: false, planBoards: true },
      counts: { pendingReleases: 0 },
    });
    expect(r.json.capabilities.agent).toBe(true);
  });

  it('reveals no secrets of the account', async () => {
    const r = await getMe('dora');
    expect(r.text).not.toMatch(/argon2|password_hash|passwordHash/i);
    expect(r.text).not.toContain(tokens.dora);
  });

  it('follows membership changes on the next request (rights are read per request)', async () => {
    const c = await testContext();
    await seedPartners(c.db, [NORD]);
    const id = await createAccount(c, { email: 'temp@nordwind.example', memberships: [{ businessPartnerId: NORD.id, role: 'editor' }] });
    const token = await bearerSignIn(c, 'temp@nordwind.example');
    expect((await call(c.app, 'GET', '/api/me', { token })).json.capabilities.release).toBe(false);
    await c.db.updateTable('membership').set({ role: 'dispatcher', can_release: 1 }).where('account_id', '=', id).execute();
    const after = await call(c.app, 'GET', '/api/me', { token });
    expect(after.json.capabilities.release).toBe(true);
    expect(after.json.partners[0].role).toBe('dispatcher');
  });
});

describe('PATCH /api/me', () => {
  it('changes the language and e-mail notifications, answering with the new /api/me', async () => {
    const c = await testContext();
    await seedPartners(c.db, [NORD]);
    const id = await createAccount(c, { email: people.erik, name: 'Erik Editor', memberships: [{ businessPartnerId: NORD.id, role: 'editor' }] });
    const token = await bearerSignIn(c, people.erik);

    const r = await call(c.app, 'PATCH', '/api/me', { token, body: { locale: 'en', notifyEmail: false } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.account).toMatchObject({ id, locale: 'en', notifyEmail: false });
    expect(core(r.json).partners).toEqual([{ ...NORD, role: 'editor' }]);
    const row = await c.db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.locale).toBe('en');
    expect(row.notify_email).toBe(0);

    const back = await call(c.app, 'PATCH', '/api/me', { token, body: { notifyEmail: true } });
    expect(back.status).toBe(200);
    expect(back.json.account).toMatchObject({ locale: 'en', notifyEmail: true });
    expect((await call(c.app, 'GET', '/api/me', { token })).json.account.locale).toBe('en');
  });

  it('changes only the caller', async () => {
    const c = await testContext();
    await seedPartners(c.db, [NORD]);
    await createAccount(c, { email: people.erik, memberships: [{ businessPartnerId: NORD.id, role: 'editor' }] });
    const dora = await createAccount(c, { email: people.dora, memberships: [{ businessPartnerId: NORD.id, role: 'dispatcher' }] });
    const token = await bearerSignIn(c, people.erik);
    expect((await call(c.app, 'PATCH', '/api/me', { token, body: { locale: 'en' } })).status).toBe(200);
    const row = await c.db.selectFrom('account').select('locale').where('id', '=', dora).executeTakeFirstOrThrow();
    expect(row.locale).toBe('de');
  });

  const invalid: [string, unknown, string][] = [
    ['an unknown locale', { locale: 'fr' }, 'locale'],
    ['a locale of the wrong type', { locale: 1 }, 'locale'],
    ['notifyEmail as a string', { notifyEmail: 'false' }, 'notifyEmail'],
    ['notifyEmail as a number', { notifyEmail: 0 }, 'notifyEmail'],
    ['a field that is not a setting', { email: 'other@nordwind.example' }, ''],
    ['a role', { role: 'dispatcher' }, ''],
  ];
  it.each(invalid)('refuses %s with 422 at the field and changes nothing', async (_, body, path) => {
    const c = await testContext();
    await seedPartners(c.db, [NORD]);
    await createAccount(c, { email: people.erik, memberships: [{ businessPartnerId: NORD.id, role: 'editor' }] });
    const token = await bearerSignIn(c, people.erik);
    const before = await dbSnapshot(c.db);
    const r = await call(c.app, 'PATCH', '/api/me', { token, body });
    expectErrorEnvelope(r, 422, 'validation_failed');
    expect(r.json.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect((await dbSnapshot(c.db)).checksum).toBe(before.checksum);
  });

  it('needs a session', async () => {
    const r = await call(t.app, 'PATCH', '/api/me', { body: { locale: 'en' } });
    expectErrorEnvelope(r, 401, 'unauthenticated');
  });
});
