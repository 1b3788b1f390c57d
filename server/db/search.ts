import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './schema.js';

/**
 * Full-text search, the one dialect-specific module (SQLite FTS5 with trigram tokens).
 * Every term is literal: "C#", "50%", "a_b", "O'Brien", "(Ost)", "\"quoted\"", "\\", "R&D"
 * find text that contains them, and no input can raise a syntax error, because terms are only
 * ever passed as quoted FTS strings or as bound parameters. Terms are ANDed.
 *
 * Text is folded the same way on both sides: lower case, diacritics removed, ß → ss, so
 * "Störung" finds "STÖRUNG" and "Storung", and "Straße" finds "Strasse".
 */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
}

/**
 * The literal terms of a query (split at white space, folded, at most 12). Control characters
 * separate terms like white space: no stored text contains them, and a NUL would end the FTS
 * expression early inside SQLite ("unterminated string").
 */
export function searchTerms(q: string): string[] {
  return foldText(q)
    .split(/[\s\u0000-\u001f\u007f-\u009f]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 12);
}

/** Trigram indexes need three characters; shorter terms are matched with instr(). */
const MIN_INDEXED = 3;

const ftsString = (term: string) => '"' + term.replace(/"/g, '""') + '"';

/**
 * `ticket.id IN (matching ids)`: for use inside a query that already applies the access
 * policy to `ticket`. Internal agent notes count only when `includeInternal`.
 */
export function ticketMatches(q: string, includeInternal: boolean) {
  const terms = searchTerms(q);
  return (eb: any): Expression<SqlBool> => {
    if (terms.length === 0) return sql<SqlBool>`1`;
    const long = terms.filter((t) => [...t].length >= MIN_INDEXED);
    const short = terms.filter((t) => [...t].length < MIN_INDEXED);
    const cols = includeInternal ? '{body internal}' : 'body';
    const conds: ReturnType<typeof sql<SqlBool>>[] = [];
    if (long.length > 0) {
      const match = long.map((t) => `${cols} : ${ftsString(t)}`).join(' AND ');
      conds.push(sql<SqlBool>`ticket_fts MATCH ${match}`);
    }
    for (const t of short) {
      conds.push(
        includeInternal
          ? sql<SqlBool>`(instr(ticket_fts.body, ${t}) > 0 OR instr(ticket_fts.internal, ${t}) > 0)`
          : sql<SqlBool>`instr(ticket_fts.body, ${t}) > 0`,
      );
    }
    return eb(
      'ticket.id',
      'in',
      sql`(SELECT ticket_fts.ticket_id FROM ticket_fts WHERE ${sql.join(conds, sql` AND `)})`,
    );
  };
}

/** Rebuilds the search text of one ticket from its current fields, tags and positions. */
export async function indexTicket(db: Kysely<Database>, ticketId: string): Promise<void> {
  const t = await db
    .selectFrom('ticket')
    .select(['id', 'number', 'subject', 'reference_no', 'description_text'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  await db.deleteFrom('ticket_fts').where('ticket_id', '=', ticketId).execute();
  if (!t) return;
  const tags = await db
    .selectFrom('ticket_tag')
    .innerJoin('tag', 'tag.id', 'ticket_tag.tag_id')
    .select('tag.name')
    .where('ticket_tag.ticket_id', '=', ticketId)
    .execute();
  const positions = await db
    .selectFrom('position')
    .select(['body_text', 'internal'])
    .where('ticket_id', '=', ticketId)
    .where('kind', '!=', 'system')
    .execute();
  const body = [
    `#${t.number}`,
    t.subject,
    t.reference_no ?? '',
    t.description_text,
    ...tags.map((x) => x.name),
    ...positions.filter((p) => !p.internal).map((p) => p.body_text),
  ].join('\n');
  const internal = positions
    .filter((p) => p.internal)
    .map((p) => p.body_text)
    .join('\n');
  await db
    .insertInto('ticket_fts')
    .values({ ticket_id: ticketId, body: foldText(body), internal: foldText(internal) })
    .execute();
}

/** Rebuilds the search text of one knowledge-base article. */
export async function indexArticle(db: Kysely<Database>, articleId: string): Promise<void> {
  const a = await db
    .selectFrom('kb_article')
    .select(['id', 'title', 'body_text'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  await db.deleteFrom('kb_fts').where('article_id', '=', articleId).execute();
  if (!a) return;
  await db
    .insertInto('kb_fts')
    .values({ article_id: a.id, title: foldText(a.title), body: foldText(a.body_text) })
    .execute();
}
