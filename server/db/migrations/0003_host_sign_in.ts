import type { Kysely } from 'kysely';

/**
 * Host sign-in (embedding): a session remembers how it was made. A session from a host token
 * (`exchange`) was authenticated by the partner's intranet, so the portal's own first-login
 * password change does not apply to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('session')
    .addColumn('via', 'text', (c) => c.notNull().defaultTo('password'))
    .execute();
  await db.schema.createIndex('used_jti_expires').on('used_jti').column('expires_at').execute();
}
