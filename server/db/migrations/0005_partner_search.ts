import { sql, type Kysely } from 'kysely';

/**
 * The board at scale, second step (R-BOARD-5, measured with `npm run bench`):
 *
 * 1. One search index per business partner (`ticket_fts_<slot>`, rowid = `ticket_list.rk`).
 *    A trigram phrase query reads the whole doclist of every trigram of the term ("der",
 *    "end" … occur in nearly every German text), so its cost grows with everything indexed —
 *    limiting it to a key range (0004) did not shorten those lists. With an index per partner a
 *    customer's search reads only their partners' texts: a quarter of the work for a partner
 *    with a quarter of all tickets, a hundredth for a small one. Tables are created by the
 *    application when a partner's first ticket is indexed (server/db/search.ts).
 * 2. `ticket_list` carries every column a list item shows, so a page is one query on the
 *    narrow table (plus names by key) and the wide `ticket` rows are never read for lists.
 */
const RANGE = 4294967296;

const listColumns = [
  'number',
  'system_partner_id',
  'author_id',
  'subject',
  'type_id',
  'area_id',
  'urgency',
  'impact',
  'priority',
  'private',
  'status',
  'reference_no',
  'released_at',
  'closed_at',
  'created_at',
  'updated_at',
];

const nextKey = (bp: string) => {
  const base = `((SELECT slot FROM search_partner WHERE business_partner_id = ${bp}) * ${RANGE})`;
  return `coalesce((SELECT max(rk) FROM ticket_list WHERE rk BETWEEN ${base} AND ${base} + ${RANGE - 1}) + 1, ${base} + 1)`;
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);

  // 1. an index per partner, filled from the shared one (rows are already in key order)
  const slots = await sql<{ slot: number }>`SELECT slot FROM search_partner ORDER BY slot`.execute(db);
  for (const { slot } of slots.rows) {
    await run(`CREATE VIRTUAL TABLE ticket_fts_${slot} USING fts5(body, internal, tokenize = 'trigram')`);
    await run(`INSERT INTO ticket_fts_${slot} (rowid, body, internal)
      SELECT rowid, body, internal FROM ticket_fts WHERE rowid BETWEEN ${slot * RANGE} AND ${slot * RANGE + RANGE - 1} ORDER BY rowid`);
  }
  // the triggers of 0004 that named the shared index
  await run(`DROP TRIGGER ticket_list_move`);
  await run(`DROP TRIGGER ticket_list_delete`);
  await run(`DROP TABLE ticket_fts`);
  // A deleted or moved ticket's index row is left behind in its old partner's index, where no
  // `ticket_list` key matches it any more (search joins through ticket_list); indexing the
  // moved ticket again (indexTicket) files it under its new partner.
  await run(`CREATE TRIGGER ticket_list_move AFTER UPDATE OF business_partner_id ON ticket
    WHEN old.business_partner_id IS NOT new.business_partner_id BEGIN
    INSERT OR IGNORE INTO search_partner (business_partner_id) VALUES (new.business_partner_id);
    UPDATE ticket_list SET rk = ${nextKey('new.business_partner_id')}, business_partner_id = new.business_partner_id WHERE id = new.id;
  END`);
  await run(`CREATE TRIGGER ticket_list_delete AFTER DELETE ON ticket BEGIN
    DELETE FROM ticket_list WHERE id = old.id;
  END`);

  // 2. the rest of a list item's columns
  for (const c of ['area_id', 'urgency', 'impact', 'reference_no']) await run(`ALTER TABLE ticket_list ADD COLUMN ${c} TEXT`);
  await run(`UPDATE ticket_list SET (area_id, urgency, impact, reference_no) =
    (SELECT t.area_id, t.urgency, t.impact, t.reference_no FROM ticket t WHERE t.id = ticket_list.id)`);
  await run(`DROP TRIGGER ticket_list_insert`);
  await run(`DROP TRIGGER ticket_list_update`);
  await run(`CREATE TRIGGER ticket_list_insert AFTER INSERT ON ticket BEGIN
    INSERT OR IGNORE INTO search_partner (business_partner_id) VALUES (new.business_partner_id);
    INSERT INTO ticket_list (rk, id, business_partner_id, ${listColumns.join(', ')})
      VALUES (${nextKey('new.business_partner_id')}, new.id, new.business_partner_id, ${listColumns.map((c) => `new.${c}`).join(', ')});
  END`);
  await run(`CREATE TRIGGER ticket_list_update AFTER UPDATE ON ticket BEGIN
    UPDATE ticket_list SET id = new.id, ${listColumns.map((c) => `${c} = new.${c}`).join(', ')} WHERE id = old.id;
  END`);
}
