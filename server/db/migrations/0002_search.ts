import { sql, type Kysely } from 'kysely';

/**
 * Full-text search (SQLite FTS5, the dialect-specific part; see server/db/search.ts).
 * Trigram tokens make every search a substring search: compound words ("Druckerwarteschlange"
 * by "warteschlange"), special characters ("C#", "50%", "R&D") and reference numbers all work.
 * The indexed text is folded by the application (lower case, no diacritics, ß → ss) and written
 * by the repositories, never by triggers, so the folding is one function on both sides.
 * Internal agent notes sit in their own column and are searched only for agents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE ticket_fts USING fts5(ticket_id UNINDEXED, body, internal, tokenize = 'trigram')`.execute(db);
  await sql`CREATE VIRTUAL TABLE kb_fts USING fts5(article_id UNINDEXED, title, body, tokenize = 'trigram')`.execute(db);
}
