/**
 * Lookups and saved queries (R-WIZ-2, R-WIZ-5, R-WIZ-7, R-WIZ-8, R-BOARD-2): types and areas
 * of the caller's system partner in their language, the caller's partners, tag suggestions that
 * never leak what the caller may not see, system and personal queries, small preferences.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, SP, SP_OTHER } from './auth-fixtures.js';
import { api, createTicket, decide, makeTicket, refusedWithoutEffect, signInAll, world, type World } from './ticket-fixtures.js';

describe('types, areas, partners, priority', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    const db = w.t.db;
    await db
      .insertInto('ticket_type')
      .values([
        { id: 'type-question', system_partner_id: SP, name_de: 'Frage', name_en: 'Question', sort: 1, active: 1 },
        { id: 'type-order', system_partner_id: SP, name_de: 'Bestellung', name_en: 'Order', sort: 2, active: 1 },
        { id: 'type-old', system_partner_id: SP, name_de: 'Alt', name_en: 'Old', sort: 3, active: 0 },
      ])
      .execute();
    await db
      .insertInto('area')
      .values([
        { id: 'area-erp', system_partner_id: SP, name_de: 'ERP', name_en: 'ERP', sort: 0, active: 1 },
        { id: 'area-drucker', system_partner_id: SP, name_de: 'Drucker', name_en: 'Printing', sort: 5, active: 1 },
        { id: 'area-closed', system_partner_id: SP, name_de: 'Geschlossen', name_en: 'Closed', sort: 0, active: 0 },
      ])
      .execute();
    // Nordwind uses "Bestellung" most; Blue Harbor uses "Frage"
    for (let i = 0; i < 3; i++) await createTicket(w, 'author', { typeId: 'type-order' });
    for (let i = 0; i < 5; i++) await createTicket(w, 'other', { typeId: 'type-question' });
  });

  it('types: the system partner’s active ones, most used by the caller’s partners first, localized', async () => {
    const de = await api(w, 'author', 'GET', '/api/lookups/types');
    expect(de.status).toBe(200);
    expect(de.json.items).toEqual([
      { id: 'type-order', name: 'Bestellung', usage: 3 },
      { id: `type-${SP}`, name: 'Störung', usage: 0 },
      { id: 'type-question', name: 'Frage', usage: 0 },
    ]);
    const en = await api(w, 'other', 'GET', '/api/lookups/types');
    expect(en.json.items.map((t: any) => t.name)).toEqual(['Question', 'Incident', 'Order']);
    const foreign = await api(w, 'foreignAgent', 'GET', '/api/lookups/types?lang=de');
    expect(foreign.json.items.map((t: any) => t.id)).toEqual([`type-${SP_OTHER}`]);
  });

  it('areas: active ones in their order, localized by ?lang=', async () => {
    const r = await api(w, 'author', 'GET', '/api/lookups/areas?lang=en');
    expect(r.json.items).toEqual([
      { id: 'area-erp', name: 'ERP' },
      { id: `area-${SP}`, name: 'Network' },
      { id: 'area-drucker', name: 'Printing' },
    ]);
  });

  it('partners: the caller’s memberships with their rights', async () => {
    const r = await api(w, 'multi', 'GET', '/api/lookups/partners');
    expect(r.json.items).toEqual([
      { id: 'bp-blue', name: 'Blue Harbor Ltd', role: 'dispatcher', canWrite: true, canRelease: true },
      { id: 'bp-ost', name: 'Müller & Söhne (Ost) GmbH', role: 'editor', canWrite: true, canRelease: false },
    ]);
    expect((await api(w, 'agent', 'GET', '/api/lookups/partners')).json.items).toEqual([]);
  });

  it('priority: the matrix the wizard previews with', async () => {
    const r = await api(w, 'viewer', 'GET', '/api/lookups/priority');
    expect(r.json.matrix.high.high).toBe('critical');
    expect(r.json.matrix.low.low).toBe('low');
  });
});

describe('tag suggestions', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    const pub = await createTicket(w, 'author', { tags: ['Drucker', 'Druckerwarteschlange', '100%_voll'] });
    await decide(w, 'dispatcher', pub.id, 'release');
    const second = await createTicket(w, 'colleague', { tags: ['drucker'] });
    await decide(w, 'dispatcher', second.id, 'release');
    // a colleague's private ticket: its tag must not be suggested to others
    const priv = await createTicket(w, 'colleague', { tags: ['Druckgeheimnis'], private: true });
    await decide(w, 'dispatcher', priv.id, 'release');
    await createTicket(w, 'other', { tags: ['Drucklufttechnik'] });
  });

  const names = async (who: Parameters<typeof api>[1], query: string) => {
    const r = await api(w, who, 'GET', `/api/tags?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.json.items.map((t: any) => t.name);
  };

  it('by prefix, most used first, only what the caller may see', async () => {
    expect(await names('viewer', 'prefix=druck')).toEqual(['Drucker', 'Druckerwarteschlange']);
    expect(await names('colleague', 'prefix=DRUCK')).toEqual(['Drucker', 'Druckerwarteschlange', 'Druckgeheimnis']);
    expect(await names('other', 'prefix=druck')).toEqual(['Drucklufttechnik']);
    expect(await names('agent', 'prefix=druck')).toEqual([]);
  });

  it('LIKE wildcards in the prefix are literal', async () => {
    expect(await names('viewer', 'prefix=100%25_')).toEqual(['100%_voll']);
    expect(await names('viewer', 'prefix=%25')).toEqual([]);
    expect(await names('viewer', 'prefix=_')).toEqual([]);
  });

  it('a partner filter outside the caller’s partners gives nothing', async () => {
    expect(await names('viewer', 'prefix=druck&partner=bp-blue')).toEqual([]);
    expect(await names('multi', 'prefix=druck&partner=bp-blue')).toEqual(['Drucklufttechnik']);
    expect(await names('viewer', 'prefix=&limit=1')).toEqual(['Drucker']);
  });
});

describe('saved queries', () => {
  let w: World;
  let mine: string;
  let awaiting: string;
  beforeAll(async () => {
    w = await world();
    const sys = (key: string, de: string, en: string, filter: object, sort: number, sp = SP) => ({
      id: `q-${key}-${sp}`,
      system_partner_id: sp,
      account_id: null,
      key,
      name_de: de,
      name_en: en,
      description_de: `${de}: Beschreibung`,
      description_en: `${en}: description`,
      filter_json: JSON.stringify(filter),
      sort,
    });
    await w.t.db
      .insertInto('saved_query')
      .values([
        sys('open', 'Offene Tickets', 'Open tickets', { statuses: ['awaiting_release', 'release_rejected', 'new', 'in_progress', 'waiting_for_customer'] }, 1),
        sys('mine', 'Meine Tickets', 'My tickets', { authorIsMe: true }, 2),
        sys('awaiting_release', 'Wartet auf Freigabe', 'Awaiting release', { statuses: ['awaiting_release'] }, 3),
        sys('closed_30d', 'Abgeschlossen (30 Tage)', 'Closed (30 days)', { statuses: ['closed'], closedWithinDays: 30 }, 4),
        sys('open', 'Fremd offen', 'Foreign open', {}, 1, SP_OTHER),
      ])
      .execute();
    mine = await makeTicket(w, 'pub');
    awaiting = await makeTicket(w, 'awaiting');
    await makeTicket(w, 'closed');
    await makeTicket(w, 'blue');
  });

  const ids = (r: { json: any }) => r.json.items.map((i: any) => i.id).sort();

  it('lists the system queries of the caller’s system partner, localized, then personal ones', async () => {
    const r = await api(w, 'author', 'GET', '/api/queries');
    expect(r.json.items.map((q: any) => [q.key, q.name, q.personal])).toEqual([
      ['open', 'Offene Tickets', false],
      ['mine', 'Meine Tickets', false],
      ['awaiting_release', 'Wartet auf Freigabe', false],
      ['closed_30d', 'Abgeschlossen (30 Tage)', false],
    ]);
    expect(r.json.items[0].description).toBe('Offene Tickets: Beschreibung');
    const en = await api(w, 'other', 'GET', '/api/queries');
    expect(en.json.items[0].name).toBe('Open tickets');
    const foreign = await api(w, 'foreignAgent', 'GET', '/api/queries');
    expect(foreign.json.items.map((q: any) => q.name)).toEqual(['Fremd offen']);
  });

  it('a system query applies by id and by key, on top of visibility', async () => {
    const byKey = await api(w, 'author', 'GET', '/api/tickets?query=awaiting_release');
    const byId = await api(w, 'author', 'GET', `/api/tickets?query=q-awaiting_release-${SP}`);
    expect(ids(byKey)).toEqual([awaiting]);
    expect(ids(byId)).toEqual([awaiting]);
    expect(ids(await api(w, 'viewer', 'GET', '/api/tickets?query=awaiting_release'))).toEqual([]);
    expect((await api(w, 'author', 'GET', '/api/tickets?query=mine')).json.total).toBe(3);
    expect((await api(w, 'colleague', 'GET', '/api/tickets?query=mine')).json.total).toBe(0);
    expect((await api(w, 'colleague', 'GET', '/api/tickets?query=closed_30d')).json.total).toBe(1);
    // 31 days later the closed ticket has left "closed within 30 days"
    w.t.clock.advance(31 * 24 * 3_600_000);
    await signInAll(w);
    expect((await api(w, 'colleague', 'GET', '/api/tickets?query=closed_30d')).json.total).toBe(0);
    // another system partner's query and unknown ones: 404
    expectErrorEnvelope(await api(w, 'author', 'GET', `/api/tickets?query=q-open-${SP_OTHER}`), 404, 'not_found');
    expectErrorEnvelope(await api(w, 'author', 'GET', '/api/tickets?query=nope'), 404, 'not_found');
  });

  it('personal queries: create, list, use, delete; someone else’s answers 404', async () => {
    const created = await api(w, 'author', 'POST', '/api/queries', {
      name: '  Meine offenen Drucker  ',
      description: 'Alles mit quokka',
      filter: { statuses: ['new'], q: 'quokka' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), key: null, name: 'Meine offenen Drucker', description: 'Alles mit quokka', personal: true, filter: { statuses: ['new'], q: 'quokka' } });
    const qid = created.json.id;
    const list = await api(w, 'author', 'GET', '/api/queries');
    expect(list.json.items.at(-1)).toMatchObject({ id: qid, personal: true, name: 'Meine offenen Drucker' });
    expect(ids(await api(w, 'author', 'GET', `/api/tickets?query=${qid}`))).toEqual([mine]);

    // someone else's personal query: not listed, not usable, not deletable — like a missing one
    expect((await api(w, 'colleague', 'GET', '/api/queries')).json.items.map((q: any) => q.id)).not.toContain(qid);
    const foreignUse = await api(w, 'colleague', 'GET', `/api/tickets?query=${qid}`);
    expectErrorEnvelope(foreignUse, 404, 'not_found');
    await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'colleague', 'DELETE', `/api/queries/${qid}`));

    const del = await api(w, 'author', 'DELETE', `/api/queries/${qid}`);
    expect(del.status).toBe(204);
    expect((await api(w, 'author', 'GET', '/api/queries')).json.items.map((q: any) => q.id)).not.toContain(qid);
    await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'author', 'DELETE', `/api/queries/${qid}`));
  });

  it('a system query cannot be deleted', async () => {
    await refusedWithoutEffect(w, 403, 'forbidden', () => api(w, 'dispatcher', 'DELETE', `/api/queries/q-open-${SP}`));
  });

  it('refuses invalid personal queries and writes nothing', async () => {
    for (const body of [
      { name: '', filter: {} },
      { name: '   ', filter: {} },
      { name: '---', filter: {} },
      { name: 'x'.repeat(81), filter: {} },
      { name: 'Gut', filter: { sql: 'drop table ticket' } },
      { name: 'Gut', filter: { statuses: ['open'] } },
      { name: 'Gut', filter: { closedWithinDays: 0 } },
      { name: 'Gut' },
    ]) {
      await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'author', 'POST', '/api/queries', body));
    }
  });
});

describe('preferences', () => {
  it('are per account, round-trip JSON and refuse bad keys and big values', async () => {
    const w = await world();
    expect((await api(w, 'author', 'GET', '/api/prefs/board.sort')).json).toEqual({ value: null });
    const put = await api(w, 'author', 'PUT', '/api/prefs/board.sort', { value: { sort: 'priority', dir: 'desc' } });
    expect(put.status, put.text).toBe(200);
    expect((await api(w, 'author', 'GET', '/api/prefs/board.sort')).json).toEqual({ value: { sort: 'priority', dir: 'desc' } });
    expect((await api(w, 'colleague', 'GET', '/api/prefs/board.sort')).json).toEqual({ value: null });
    await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'author', 'PUT', '/api/prefs/board.sort', { value: 'x'.repeat(5000) }));
    expectErrorEnvelope(await api(w, 'author', 'GET', '/api/prefs/..%2Fetc'), 422, 'validation_failed');
  });
});
