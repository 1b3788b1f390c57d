/**
 * The kept answers of GET /api/tickets (listTicketsJson, issue 3): exact. An answer is reused only
 * while the database is unchanged — any write of this process, any commit of another connection
 * (the CLI's, here a second connection on the same file) makes it be computed again — and only
 * for the same account, kind, system partner, memberships with their rights, query and language.
 * Searches and saved queries are never kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { api, createTicket, decide, makeTicket, world, type World } from './ticket-fixtures.js';
import { bearerSignIn, createAccount, seedPartners } from './auth-fixtures.js';
import { call, testContext } from './helpers.js';
import { listCache, listTickets, listTicketsJson } from '../../server/domain/tickets.js';
import { listTicketsQuery } from '../../server/schemas/tickets.js';
import type { Actor } from '../../server/domain/actor.js';

const board = async (w: World, who: Parameters<typeof api>[1], query = '') => {
  const r = await api(w, who, 'GET', `/api/tickets?${query.includes('pageSize=') ? '' : 'pageSize=50'}${query}`);
  expect(r.status, r.text).toBe(200);
  return r.json as { items: { id: string; subject: string; status: string; businessPartner: { name: string }; type: { name: string }; tags: string[] }[]; total: number };
};
const ids = (b: { items: { id: string }[] }) => b.items.map((i) => i.id);

describe('kept board answers', () => {
  it('are used again while nothing changed, and equal a fresh computation', async () => {
    const w = await world();
    const set = { pub: await makeTicket(w, 'pub'), awaiting: await makeTicket(w, 'awaiting') };
    const first = await board(w, 'dispatcher');
    expect(listCache(w.t.db).size).toBe(1);
    const again = await board(w, 'dispatcher');
    expect(again).toEqual(first);
    expect(listCache(w.t.db).size).toBe(1);
    expect(ids(first).sort()).toEqual([set.pub, set.awaiting].sort());
  });

  it('follow every write of this process: new tickets, decisions, names, tags, memberships', async () => {
    const w = await world();
    const pub = await makeTicket(w, 'pub');
    expect(ids(await board(w, 'viewer'))).toEqual([pub]);

    // a new ticket awaiting release: the dispatcher sees it at once, the viewer does not
    w.t.clock.advance(1000);
    const awaiting = await createTicket(w, 'author', { subject: 'Neuer Monitor bitte' });
    expect(ids(await board(w, 'dispatcher'))).toEqual([awaiting.id, pub]);
    expect(ids(await board(w, 'viewer'))).toEqual([pub]);
    // released: now the viewer sees it too
    w.t.clock.advance(1000);
    await decide(w, 'dispatcher', awaiting.id, 'release');
    expect(ids(await board(w, 'viewer'))).toEqual([awaiting.id, pub]);

    // names written straight into the database (no API in between)
    await w.t.db.updateTable('business_partner').set({ name: 'Nordwind Logistik SE' }).where('id', '=', 'bp-nord').execute();
    const renamed = await board(w, 'viewer');
    expect(renamed.items.map((i) => i.businessPartner.name)).toEqual(['Nordwind Logistik SE', 'Nordwind Logistik SE']);
    const typeId = (await w.t.db.selectFrom('ticket').select('type_id').where('id', '=', pub).executeTakeFirstOrThrow()).type_id;
    await w.t.db.updateTable('ticket_type').set({ name_de: 'Störfall' }).where('id', '=', typeId).execute();
    expect((await board(w, 'viewer')).items.map((i) => i.type.name)).toEqual(['Störfall', 'Störfall']);

    // tags added to a ticket directly
    const tagId = 'tag-cache-test';
    await w.t.db.insertInto('tag').values({ id: tagId, business_partner_id: 'bp-nord', name: 'Lager', name_key: 'lager', created_at: '2026-03-01T10:00:00.000Z' }).execute();
    await w.t.db.insertInto('ticket_tag').values({ ticket_id: pub, tag_id: tagId }).execute();
    expect((await board(w, 'viewer')).items.find((i) => i.id === pub)!.tags).toEqual(['Lager']);

    // the viewer loses the membership: nothing visible any more
    await w.t.db.deleteFrom('membership').where('account_id', '=', w.id.viewer).execute();
    const gone = await board(w, 'viewer');
    expect(gone.total).toBe(0);
    expect(gone.items).toEqual([]);
  });

  it('follow a status change made in a transaction (agent) and a ticket closed by its author', async () => {
    const w = await world();
    const pub = await makeTicket(w, 'pub');
    expect((await board(w, 'viewer')).items[0]!.status).toBe('new');
    const r = await api(w, 'agent', 'POST', `/api/agent/tickets/${pub}/status`, { status: 'in_progress' });
    expect(r.status, r.text).toBe(200);
    expect((await board(w, 'viewer')).items[0]!.status).toBe('in_progress');
    expect((await board(w, 'viewer', '&status=closed')).total).toBe(0);
    const closed = await api(w, 'author', 'POST', `/api/tickets/${pub}/close`, { reason: 'Hat sich erledigt, danke für die Hilfe.' });
    expect(closed.status, closed.text).toBe(200);
    expect((await board(w, 'viewer', '&status=closed')).total).toBe(1);
  });

  it('are kept apart by account, rights, query and language while nothing is written', async () => {
    const w = await world();
    const set = { pub: await makeTicket(w, 'pub'), priv: await makeTicket(w, 'priv'), awaiting: await makeTicket(w, 'awaiting'), awaitingPriv: await makeTicket(w, 'awaitingPriv') };
    const version = () => listCache(w.t.db).version;
    // one data version from here on: every difference below comes from the key
    const author = await board(w, 'author');
    const at = version();
    const colleague = await board(w, 'colleague');
    const viewer = await board(w, 'viewer');
    const dispatcher = await board(w, 'dispatcher');
    const other = await board(w, 'other');
    const english = await board(w, 'viewer', '&lang=en');
    const onlyNew = await board(w, 'dispatcher', '&status=new');
    expect(version()).toBe(at);
    expect(ids(author).sort()).toEqual([set.pub, set.priv, set.awaiting, set.awaitingPriv].sort());
    expect(ids(colleague)).toEqual([set.pub]);
    expect(ids(viewer)).toEqual([set.pub]);
    expect(ids(dispatcher).sort()).toEqual([set.pub, set.awaiting, set.awaitingPriv].sort());
    expect(ids(other)).toEqual([]);
    expect(english.items[0]!.type.name).toBe('Incident');
    expect(viewer.items[0]!.type.name).toBe('Störung');
    expect(ids(onlyNew)).toEqual([set.pub]);
    expect(listCache(w.t.db).size).toBe(7);

    // the same account with other rights (as after a membership change): another answer
    const me = await api(w, 'viewer', 'GET', '/api/me');
    expect(me.status, me.text).toBe(200);
    const viewerActor: Actor = {
      accountId: w.id.viewer,
      kind: 'customer',
      systemPartnerId: 'sp-main',
      email: 'anna.viewer@nordwind.example',
      name: 'Anna Vogel',
      locale: 'de',
      memberships: [{ businessPartnerId: 'bp-nord', businessPartnerName: 'Nordwind Logistik GmbH', role: 'viewer', canWrite: false, canRelease: false }],
    };
    const query = listTicketsQuery.parse({ pageSize: '50' });
    const plain = JSON.parse(await listTicketsJson(w.t.deps, viewerActor, query, 'de'));
    expect(plain).toEqual(viewer);
    const releasing = { ...viewerActor, memberships: [{ ...viewerActor.memberships[0]!, canRelease: true }] };
    expect(ids(JSON.parse(await listTicketsJson(w.t.deps, releasing, query, 'de'))).sort()).toEqual([set.pub, set.awaiting, set.awaitingPriv].sort());
    const agent = { ...viewerActor, kind: 'agent' as const, memberships: [] };
    expect(ids(JSON.parse(await listTicketsJson(w.t.deps, agent, query, 'de'))).sort()).toEqual([set.pub, set.priv].sort());
    const otherSystem = { ...agent, systemPartnerId: 'sp-other' };
    expect(ids(JSON.parse(await listTicketsJson(w.t.deps, otherSystem, query, 'de')))).toEqual([]);
    expect(version()).toBe(at);
  });

  it('equal listTickets, and searches and saved queries are not kept', async () => {
    const w = await world();
    await makeTicket(w, 'pub');
    await board(w, 'viewer', '&q=quokka');
    await w.t.db
      .insertInto('saved_query')
      .values({ id: 'q-new', system_partner_id: 'sp-main', account_id: null, key: 'new_ones', name_de: 'Neu', name_en: 'New', filter_json: JSON.stringify({ statuses: ['new'] }) })
      .execute();
    expect((await board(w, 'viewer', '&query=new_ones')).total).toBe(1);
    expect(listCache(w.t.db).size).toBe(0);
    const query = listTicketsQuery.parse({ pageSize: '10' });
    const actor = (await import('../../server/auth/actor.js')).loadActor;
    const account = await w.t.db.selectFrom('account').selectAll().where('id', '=', w.id.viewer).executeTakeFirstOrThrow();
    const viewer = await actor(w.t.db, account);
    expect(await listTickets(w.t.deps, viewer, query, 'de')).toEqual(JSON.parse(await listTicketsJson(w.t.deps, viewer, query, 'de')));
  });

  it('are bounded', async () => {
    const w = await world();
    await makeTicket(w, 'pub');
    for (let size = 1; size <= 100; size++) {
      await board(w, 'viewer', `&pageSize=${size}`);
      await board(w, 'viewer', `&pageSize=${size}&lang=en`);
      await board(w, 'viewer', `&pageSize=${size}&page=2`);
    }
    expect(listCache(w.t.db).size).toBe(200);
  });
});

describe('kept board answers and another connection', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('are computed again after another connection (the CLI, a second server) committed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-list-cache-'));
    dirs.push(dir);
    const path = join(dir, 'portal.db');
    const t = await testContext({}, { dbPath: path });
    await seedPartners(t.db, [{ id: 'bp-nord', name: 'Nordwind Logistik GmbH' }]);
    await createAccount(t, { email: 'dora@nordwind.example', name: 'Dora', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] });
    const token = await bearerSignIn(t, 'dora@nordwind.example');
    const get = async () => {
      const r = await call(t.app, 'GET', '/api/tickets?pageSize=50', { token });
      expect(r.status, r.text).toBe(200);
      return r.json as { total: number; items: { subject: string; businessPartner: { name: string } }[] };
    };
    const created = await call(t.app, 'POST', '/api/tickets', {
      token,
      body: { subject: 'Drucker im Lager druckt nicht', typeId: 'type-sp-main', areaId: 'area-sp-main', urgency: 'medium', impact: 'medium', release: true },
    });
    expect(created.status, created.text).toBe(201);
    expect((await get()).items.map((i) => i.subject)).toEqual(['Drucker im Lager druckt nicht']);
    expect(listCache(t.db).size).toBe(1);

    const other = new SQLite(path);
    try {
      other.prepare(`UPDATE ticket SET subject = 'Drucker geht wieder nicht' WHERE id = ?`).run(created.json.id);
      expect((await get()).items.map((i) => i.subject)).toEqual(['Drucker geht wieder nicht']);
      other.prepare(`UPDATE business_partner SET name = 'Nordwind SE' WHERE id = 'bp-nord'`).run();
      expect((await get()).items.map((i) => i.businessPartner.name)).toEqual(['Nordwind SE']);
      other.prepare(`DELETE FROM ticket WHERE id = ?`).run(created.json.id);
      const empty = await get();
      expect(empty.total).toBe(0);
      expect(empty.items).toEqual([]);
    } finally {
      other.close();
    }
    // and the answers match the database read afresh
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM ticket`.execute(t.db);
    expect(count.rows[0]!.n).toBe(0);
    await t.db.destroy();
  });
});
