import type { Kysely } from 'kysely';

/**
 * The board at scale, third step (R-BOARD-5, `npm run bench`): every row of a list page joins
 * the names of its type, area, business partner and author, and its tags' names. Through the
 * primary keys each join took two B-tree lookups (the key, then the row); these covering
 * indexes answer it with one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('account_id_name').on('account').columns(['id', 'name']).execute();
  await db.schema.createIndex('business_partner_id_name').on('business_partner').columns(['id', 'name']).execute();
  await db.schema.createIndex('ticket_type_id_names').on('ticket_type').columns(['id', 'name_de', 'name_en']).execute();
  await db.schema.createIndex('area_id_names').on('area').columns(['id', 'name_de', 'name_en']).execute();
  await db.schema.createIndex('tag_id_name').on('tag').columns(['id', 'name']).execute();
}
