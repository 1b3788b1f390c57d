/**
 * The release contract (R-WIZ-9, R-APPROVE-1/2) for the in-memory FakeApi and the real HttpApi
 * against the real app: what the approval inbox and the dashboard observe — the queue, the counts,
 * the codes of every refusal (422 before anything else, 404 for who may not see, 403 for who may
 * not decide, 409 for a ticket decided meanwhile, also when that took it out of sight) — is the
 * same, so the inbox's stories and widget tests cannot drift from the server.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { testContext, testHashCost } from './helpers.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { insertAccount } from '../../server/domain/accounts.js';
import { ApiError, type Api } from '../../widgets/core/api.js';
import { HttpApi } from '../../widgets/core/api-http.js';
import { FakeApi, type FakeAccount } from '../../widgets/core/api-fake.js';
import { createEmptyWorld } from '../../widgets/core/fake/world.js';

const PASSWORD = 'Portal-Demo-2026!';
const partner = { id: 'bp-nordwind', name: 'Nordwind Logistik GmbH' };
const TYPE = 'type-incident';
const AREA = 'area-workplace';

const accounts: FakeAccount[] = [
  { id: 'acc-viewer', email: 'anna.viewer@nordwind.example', name: 'Anna Vogel', password: PASSWORD, partners: [{ ...partner, role: 'viewer' }] },
  { id: 'acc-editor', email: 'erik.editor@nordwind.example', name: 'Erik Engel', password: PASSWORD, partners: [{ ...partner, role: 'editor' }] },
  { id: 'acc-disp', email: 'dora.dispatcher@nordwind.example', name: 'Dora Dietrich', password: PASSWORD, partners: [{ ...partner, role: 'dispatcher' }] },
  { id: 'acc-disp2', email: 'dirk.dispatcher@nordwind.example', name: 'Dirk Dahl', password: PASSWORD, partners: [{ ...partner, role: 'dispatcher' }] },
];
type Who = 'viewer' | 'editor' | 'disp' | 'disp2';
const emailOf = (who: Who) => accounts.find((a) => a.id === `acc-${who}`)!.email;

/** One signed-in client per person, all on the same data. */
type Clients = Record<Who, Api>;

async function serverClients(): Promise<Clients> {
  const t = await testContext();
  await t.db.insertInto('system_partner').values({ id: 'sp', name: 'Servicedesk GmbH' }).execute();
  await t.db.insertInto('business_partner').values({ id: partner.id, system_partner_id: 'sp', name: partner.name }).execute();
  await t.db.insertInto('ticket_type').values({ id: TYPE, system_partner_id: 'sp', name_de: 'Störung', name_en: 'Incident' }).execute();
  await t.db.insertInto('area').values({ id: AREA, system_partner_id: 'sp', name_de: 'Arbeitsplatz', name_en: 'Workplace' }).execute();
  for (const a of accounts) {
    await insertAccount(t.db, {
      id: a.id,
      systemPartnerId: 'sp',
      kind: 'customer',
      email: a.email,
      name: a.name,
      locale: 'en',
      passwordHash: await hashPassword(a.password, testHashCost),
      mustChangePassword: false,
      memberships: (a.partners ?? []).map((p) => ({ businessPartnerId: p.id, role: p.role })),
      now: t.clock.now(),
    });
  }
  const fetchApp: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    const headers = new Headers(req.headers);
    headers.set('origin', 'http://localhost');
    const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.text();
    return t.app.request(req.url, { method: req.method, headers, body: body || undefined });
  };
  const client = async (who: Who) => {
    const api = new HttpApi({ base: 'http://localhost', mode: 'bearer', fetch: fetchApp, storage: null });
    await api.auth.signIn({ email: emailOf(who), password: PASSWORD });
    return api;
  };
  return { viewer: await client('viewer'), editor: await client('editor'), disp: await client('disp'), disp2: await client('disp2') };
}

function fakeClients(): Clients {
  const world = createEmptyWorld();
  const client = (who: Who) => new FakeApi({ accounts, world, signedInAs: emailOf(who) });
  return { viewer: client('viewer'), editor: client('editor'), disp: client('disp'), disp2: client('disp2') };
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

const targets: [string, () => Promise<Clients> | Clients][] = [
  ['fake', fakeClients],
  ['server', serverClients],
];

describe.each(targets)('Release contract: %s', (_name, make) => {
  let c: Clients;
  beforeEach(async () => {
    c = await make();
  });

  const submit = (subject: string, isPrivate = false) =>
    c.editor.tickets.create({ subject, description: '<p>Bitte prüfen.</p>', tags: [], typeId: TYPE, areaId: AREA, urgency: 'medium', impact: 'low', release: false, private: isPrivate });
  const queue = async (api: Api) =>
    (await api.tickets.list({ status: ['awaiting_release'], sort: 'createdAt', dir: 'desc', partner: partner.id, pageSize: 100 })).items.map((t) => t.subject);

  it("an editor's ticket awaits release: the dispatchers' queue and the counts", async () => {
    const ticket = await submit('Drucker im Lager druckt nicht');
    expect(ticket.status).toBe('awaiting_release');
    expect(ticket.abilities.decide).toBe(false);
    expect(await queue(c.disp)).toEqual(['Drucker im Lager druckt nicht']);
    expect((await c.disp.tickets.get(ticket.id)).abilities.decide).toBe(true);
    expect((await c.disp.me.get()).counts).toEqual({ pendingReleases: 1, awaitingMyRelease: 1, mySubmittedAwaiting: 0 });
    expect((await c.editor.me.get()).counts).toEqual({ pendingReleases: 1, awaitingMyRelease: 0, mySubmittedAwaiting: 1 });
    expect((await c.viewer.me.get()).counts).toEqual({ pendingReleases: 0, awaitingMyRelease: 0, mySubmittedAwaiting: 0 });
    expect(await queue(c.viewer)).toEqual([]);
    expect((await c.disp.dashboard.get({ scope: 'all' })).counts.awaitingMyRelease).toBe(1);
  });

  it('refusals: 422 for a reason without letters first, 404 for a viewer, 403 for the author', async () => {
    const ticket = await submit('Zugang für Aushilfe');
    for (const reason of ['', '  ', '!!!', 'ok']) {
      const e = await failure(c.disp.tickets.release(ticket.id, { reason }));
      // the server may name a field more than once (each rule): the widgets go by the field
      expect([reason, e.status, e.code, [...new Set(e.issues.map((i) => i.path))]]).toEqual([reason, 422, 'validation_failed', ['reason']]);
    }
    // the body is checked before anything else: the viewer learns nothing more from a bad reason
    expect((await failure(c.viewer.tickets.reject(ticket.id, { reason: '' }))).status).toBe(422);
    expect((await failure(c.viewer.tickets.release(ticket.id, { reason: 'Passt so' }))).code).toBe('not_found');
    expect((await failure(c.editor.tickets.release(ticket.id, { reason: 'Passt so' }))).code).toBe('forbidden');
    expect((await c.disp.tickets.get(ticket.id)).status).toBe('awaiting_release');
  });

  it('release: the ticket is new, the queue empty; a second decision meanwhile is a 409', async () => {
    const ticket = await submit('Monitor flackert');
    const released = await c.disp.tickets.release(ticket.id, { reason: 'Kostenstelle passt' });
    expect([released.id, released.status]).toEqual([ticket.id, 'new']);
    expect(released.releasedAt).not.toBeNull();
    expect(await queue(c.disp2)).toEqual([]);
    const late = await failure(c.disp2.tickets.reject(ticket.id, { reason: 'Zu teuer' }));
    expect([late.status, late.code]).toEqual([409, 'conflict']);
    expect((await c.disp2.me.get()).counts.awaitingMyRelease).toBe(0);
  });

  it('a private ticket rejected meanwhile leaves the other dispatcher\'s sight: still 409, not 404', async () => {
    const ticket = await submit('Gehaltsabrechnung: Zugriff für Personalbüro', true);
    expect(await queue(c.disp2)).toEqual(['Gehaltsabrechnung: Zugriff für Personalbüro']);
    const rejected = await c.disp.tickets.reject(ticket.id, { reason: 'Bitte mit der Leitung klären' });
    expect(rejected.status).toBe('release_rejected');
    expect((await failure(c.disp2.tickets.get(ticket.id))).code).toBe('not_found');
    const late = await failure(c.disp2.tickets.release(ticket.id, { reason: 'Passt so' }));
    expect([late.status, late.code]).toEqual([409, 'conflict']);
    // the author sees the rejection with its reason and may resubmit
    const positions = await c.editor.tickets.positions(ticket.id);
    expect(positions.filter((p) => p.event === 'rejected').map((p) => p.data)).toEqual([{ reason: 'Bitte mit der Leitung klären' }]);
    const again = await c.editor.tickets.resubmit(ticket.id, { comment: 'Mit der Leitung geklärt' });
    expect(again.status).toBe('awaiting_release');
    expect(await queue(c.disp2)).toEqual(['Gehaltsabrechnung: Zugriff für Personalbüro']);
  });
});
