import { sql, type Kysely } from 'kysely';
import { partnerIndexCleanup, partnerIndexTriggers } from '../search.js';

/**
 * Search totals without joining every hit (R-BOARD-5, issue 3, `npm run bench`):
 *
 * 1. A partner's search index holds exactly the live tickets of that partner. Until now the
 *    row of a deleted or moved ticket stayed behind (0005), so only a join of every hit with
 *    `ticket_list` told live hits from dead ones. Each partner index gets triggers on
 *    `ticket_list` that delete a ticket's row when its key goes (deleted, or moved to another
 *    partner's range); the rows left behind so far are removed here. Indexes created later get
 *    the same triggers with the table (search.ts, `partnerIndexStatements`).
 * 2. `ticket_list_hidden`: the tickets that only some members may see (private or not yet
 *    released), by key. A customer's total is then the number of index hits minus the hits
 *    among these that the customer may not see — one probe of this small index per hit
 *    instead of a lookup in `ticket_list`, a sort key and a window count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX ticket_list_hidden ON ticket_list (rk, business_partner_id, author_id, status) WHERE private <> 0 OR released_at IS NULL`.execute(db);
  const slots = await sql<{ slot: number; bp: string }>`
    SELECT sp.slot, sp.business_partner_id AS bp FROM search_partner sp
    WHERE EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'table' AND m.name = 'ticket_fts_' || sp.slot)
    ORDER BY sp.slot`.execute(db);
  // partner indexes whose partner row is gone (search_partner cascades) keep nothing either
  for (const { slot } of slots.rows) {
    await sql.raw(partnerIndexCleanup(slot)).execute(db);
    for (const text of partnerIndexTriggers(slot)) await sql.raw(text).execute(db);
  }
}
