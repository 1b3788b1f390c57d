import { sql, type Kysely } from 'kysely';

/**
 * Merges each partner's search index into one segment (FTS5 'optimize'), once (R-BOARD-5,
 * issue 3). An index written ticket by ticket, or in bulk, consists of many segments, and a
 * trigram phrase query reads the doclists of every segment: on the 100,000-ticket bench
 * database (27,000 tickets in the biggest index) the phrase queries of `npm run bench` took 35 %
 * less CPU after it (10.2 → 6.6 ms for eight terms together). FTS5's automerge keeps the
 * number of segments bounded as tickets are written afterwards.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const slots = await sql<{ slot: number }>`
    SELECT sp.slot FROM search_partner sp
    WHERE EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'table' AND m.name = 'ticket_fts_' || sp.slot)
    ORDER BY sp.slot`.execute(db);
  for (const { slot } of slots.rows) {
    const table = `ticket_fts_${Math.trunc(slot)}`;
    await sql.raw(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).execute(db);
  }
}
