/**
 * The tables that keep the board fast at scale (migration 0004, R-BOARD-5): `ticket_list`
 * (a narrow copy of `ticket`), `ticket_stat` (counts) and the search index keyed by
 * `ticket_list.rk` in per-partner ranges. Whatever writes tickets — the API, direct SQL,
 * deletes, a move to another partner — they stay exactly in step; and a database that already
 * holds tickets is carried over by the migration.
 */
import { describe, expect, it } from 'vitest';
import { Migrator, sql, type Migration } from 'kysely';
import { createDb, migrate, openSqlite, type Db } from '../../server/db/index.js';
import * as m0001 from '../../server/db/migrations/0001_core.js';
import * as m0002 from '../../server/db/migrations/0002_search.js';
import * as m0003 from '../../server/db/migrations/0003_host_sign_in.js';
import { foldText, indexTicket, partnerIndex, ticketIndexRows } from '../../server/db/search.js';
import { api, createTicket, decide, makeTicket, world } from './ticket-fixtures.js';
import { insertTicket, SP } from './auth-fixtures.js';

const KEY_RANGE = 2 ** 32;

/** Proves the derived tables equal what they derive from. */
async function expectInStep(db: Db) {
  const list = await sql<Record<string, unknown>>`
    SELECT id, number, system_partner_id, business_partner_id, author_id, subject, type_id, area_id, urgency, impact, priority, private,
           status, reference_no, released_at, closed_at, created_at, updated_at FROM ticket_list ORDER BY id`.execute(db);
  const source = await sql<Record<string, unknown>>`
    SELECT id, number, system_partner_id, business_partner_id, author_id, subject, type_id, area_id, urgency, impact, priority, private,
           status, reference_no, released_at, closed_at, created_at, updated_at FROM ticket ORDER BY id`.execute(db);
  expect(list.rows).toEqual(source.rows);

  const stats = await sql<Record<string, unknown>>`
    SELECT business_partner_id, status, private, released, priority, type_id, system_partner_id, n FROM ticket_stat WHERE n != 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
  const counted = await sql<Record<string, unknown>>`
    SELECT business_partner_id, status, private, released_at IS NOT NULL AS released, priority, type_id, system_partner_id, count(*) AS n
    FROM ticket GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
  expect(stats.rows).toEqual(counted.rows);
  const negative = await sql<{ n: number }>`SELECT count(*) AS n FROM ticket_stat WHERE n < 0`.execute(db);
  expect(negative.rows[0]!.n).toBe(0);

  // every key lies in its partner's range; each partner's index holds only its own tickets
  const keys = await sql<{ rk: number; slot: number; id: string }>`
    SELECT l.rk, sp.slot, l.id FROM ticket_list l JOIN search_partner sp ON sp.business_partner_id = l.business_partner_id`.execute(db);
  for (const k of keys.rows) expect(Math.floor(k.rk / KEY_RANGE), k.id).toBe(k.slot);
  const slots = await sql<{ slot: number; bp: string }>`
    SELECT sp.slot, sp.business_partner_id AS bp FROM search_partner sp
    JOIN sqlite_master m ON m.type = 'table' AND m.name = 'ticket_fts_' || sp.slot`.execute(db);
  for (const { slot, bp } of slots.rows) {
    const rows = await sql<{ rowid: number; bp: string | null }>`
      SELECT f.rowid, l.business_partner_id AS bp FROM ${sql.table(partnerIndex(slot))} f LEFT JOIN ticket_list l ON l.rk = f.rowid`.execute(db);
    for (const r of rows.rows) {
      // a row without a key belongs to a ticket that was deleted or moved away
      if (r.bp !== null) expect(r.bp).toBe(bp);
    }
  }
  // every indexed ticket is indexed once
  const indexed = await ticketIndexRows(db);
  expect(new Set(indexed.map((r) => r.ticket_id)).size).toBe(indexed.length);
}

describe('derived tables stay in step', () => {
  it('through the API: create, decide, comment, close, reopen, agent work', async () => {
    const w = await world();
    await expectInStep(w.t.db);
    const ids = [];
    for (const kind of ['pub', 'priv', 'awaiting', 'awaitingPriv', 'rejected', 'closed', 'blue'] as const) ids.push(await makeTicket(w, kind));
    await expectInStep(w.t.db);
    await api(w, 'author', 'POST', `/api/tickets/${ids[0]}/positions`, { body: '<p>Nachtrag</p>' });
    await api(w, 'agent', 'POST', `/api/agent/tickets/${ids[0]}/status`, { status: 'waiting_for_customer' });
    await api(w, 'author', 'POST', `/api/tickets/${ids[0]}/positions`, { body: '<p>Antwort</p>' });
    await api(w, 'author', 'POST', `/api/tickets/${ids[5]}/reopen`, { reason: 'Geht wieder nicht.' });
    await api(w, 'author', 'POST', `/api/tickets/${ids[4]}/resubmit`, {});
    await api(w, 'agent', 'POST', `/api/agent/tickets/${ids[1]}/status`, { status: 'closed', reason: 'Erledigt.' });
    await expectInStep(w.t.db);
  });

  it('through direct SQL: inserts, updates of every counted column, a move and deletes', async () => {
    const w = await world();
    await w.t.db.insertInto('ticket_type').values({ id: 'type-2', system_partner_id: SP, name_de: 'Frage', name_en: 'Question' }).execute();
    const rows = [];
    for (let i = 0; i < 12; i++) {
      rows.push(
        await insertTicket(w.t.db, {
          businessPartnerId: i % 3 === 0 ? 'bp-blue' : 'bp-nord',
          authorId: i % 3 === 0 ? w.id.other : w.id.author,
          private: i % 4 === 0,
          status: (['new', 'awaiting_release', 'closed', 'in_progress'] as const)[i % 4],
        }),
      );
    }
    await expectInStep(w.t.db);
    const db = w.t.db;
    await db.updateTable('ticket').set({ status: 'resolved' }).where('id', '=', rows[0]!.id).execute();
    await db.updateTable('ticket').set({ private: 1 }).where('id', '=', rows[1]!.id).execute();
    await db.updateTable('ticket').set({ released_at: '2026-03-02T10:00:00.000Z', status: 'new' }).where('id', '=', rows[2]!.id).execute();
    await db.updateTable('ticket').set({ priority: 'critical', type_id: 'type-2' }).where('id', '=', rows[3]!.id).execute();
    await db.updateTable('ticket').set({ subject: 'Neuer Betreff', updated_at: '2026-03-05T00:00:00.000Z' }).where('id', '=', rows[4]!.id).execute();
    await db.updateTable('ticket').set({ business_partner_id: 'bp-ost' }).where('id', '=', rows[5]!.id).execute();
    await db.deleteFrom('ticket').where('id', '=', rows[6]!.id).execute();
    await db.updateTable('ticket').set({ updated_at: '2026-03-06T00:00:00.000Z' }).execute();
    await expectInStep(db);
  });

  it('a ticket moved to another partner and indexed again is found there, and only there', async () => {
    const w = await world();
    const tk = await createTicket(w, 'author', { subject: 'Umzug des Kühlhauses' });
    await decide(w, 'dispatcher', tk.id, 'release');
    expect((await api(w, 'viewer', 'GET', '/api/tickets?q=k%C3%BChlhaus')).json.total).toBe(1);
    await w.t.db.updateTable('ticket').set({ business_partner_id: 'bp-blue' }).where('id', '=', tk.id).execute();
    // whoever moves a ticket indexes it again (the product itself never moves tickets)
    await indexTicket(w.t.db, tk.id);
    expect((await api(w, 'viewer', 'GET', '/api/tickets?q=k%C3%BChlhaus')).json.total).toBe(0);
    expect((await api(w, 'other', 'GET', '/api/tickets?q=kuhlhaus')).json.total).toBe(1);
    await expectInStep(w.t.db);
  });
});

describe('migration 0004 on a database that already holds tickets', () => {
  it('carries tickets, counts and the search index over', async () => {
    const db = createDb(openSqlite(':memory:'));
    const upTo3: Record<string, Migration> = { '0001_core': m0001, '0002_search': m0002, '0003_host_sign_in': m0003 };
    const r = await new Migrator({ db, provider: { getMigrations: async () => upTo3 } }).migrateToLatest();
    expect(r.error).toBeUndefined();
    await db.insertInto('system_partner').values({ id: SP, name: 'SP' }).execute();
    await db.insertInto('ticket_type').values({ id: 't', system_partner_id: SP, name_de: 'T', name_en: 'T' }).execute();
    await db.insertInto('area').values({ id: 'a', system_partner_id: SP, name_de: 'A', name_en: 'A' }).execute();
    for (const bp of ['bp-a', 'bp-b']) await db.insertInto('business_partner').values({ id: bp, system_partner_id: SP, name: bp }).execute();
    await db
      .insertInto('account')
      .values({ id: 'acc', system_partner_id: SP, kind: 'customer', email: 'a@example.com', name: 'A' })
      .execute();
    for (let i = 0; i < 30; i++) {
      const id = `old-${i}`;
      await db
        .insertInto('ticket')
        .values({
          id,
          number: 100 + i,
          system_partner_id: SP,
          business_partner_id: i % 2 ? 'bp-a' : 'bp-b',
          author_id: 'acc',
          subject: `Alt ${i} Störung`,
          type_id: 't',
          area_id: 'a',
          urgency: 'low',
          impact: 'low',
          priority: 'low',
          private: i % 5 === 0 ? 1 : 0,
          status: i % 3 ? 'new' : 'closed',
          released_at: '2026-01-01T00:00:00.000Z',
          created_at: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
          updated_at: '2026-01-02T00:00:00.000Z',
        })
        .execute();
      // the old index row, keyed by FTS5's own rowid
      await sql`INSERT INTO ticket_fts (ticket_id, body, internal) VALUES (${id}, ${foldText(`#${100 + i}\nAlt ${i} Störung`)}, '')`.execute(db);
    }
    const applied = await migrate(db);
    expect(applied.slice(0, 3)).toEqual(['0004_board_scale', '0005_partner_search', '0006_list_names']);
    await expectInStep(db);
    expect((await ticketIndexRows(db)).map((r) => r.ticket_id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `old-${i}`).sort());
    for (const bp of ['bp-a', 'bp-b']) {
      const slot = (await sql<{ slot: number }>`SELECT slot FROM search_partner WHERE business_partner_id = ${bp}`.execute(db)).rows[0]!.slot;
      const hits = await sql<{ id: string }>`
        SELECT l.id FROM ${sql.table(partnerIndex(slot))} f JOIN ticket_list l ON l.rk = f.rowid
        WHERE ${sql.table(partnerIndex(slot))} MATCH 'body : "storung"'`.execute(db);
      expect(hits.rows).toHaveLength(15);
    }
    // the list columns added by 0005 were filled in
    const filled = await sql<{ n: number }>`SELECT count(*) AS n FROM ticket_list WHERE urgency = 'low' AND impact = 'low' AND area_id = 'a'`.execute(db);
    expect(filled.rows[0]!.n).toBe(30);
    // keys were handed out per partner in creation order
    const a = await sql<{ rk: number }>`SELECT rk FROM ticket_list WHERE business_partner_id = 'bp-a' ORDER BY created_at`.execute(db);
    expect(a.rows.map((x) => x.rk % KEY_RANGE)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    // and new tickets continue the range
    await db
      .insertInto('ticket')
      .values({ id: 'new-1', number: 999, system_partner_id: SP, business_partner_id: 'bp-a', author_id: 'acc', subject: 'Neu', type_id: 't', area_id: 'a', urgency: 'low', impact: 'low', priority: 'low', status: 'new', created_at: '2026-02-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z' })
      .execute();
    const next = await sql<{ rk: number }>`SELECT rk FROM ticket_list WHERE id = 'new-1'`.execute(db);
    expect(next.rows[0]!.rk % KEY_RANGE).toBe(16);
    await expectInStep(db);
  });
});
