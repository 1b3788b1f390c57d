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

/** Search keys of one business partner: `slot` × 2^32 … + 2^32 − 1 (migration 0004). */
const KEY_RANGE = 4294967296;

/**
 * `ticket.rk IN (matching keys)`, for a query over `ticket_list as ticket` that already applies
 * the access policy. `partners` narrows the index lookup to those business partners' key
 * ranges (a customer's partners; `null` for agents, whose tickets span all partners), so FTS5
 * hands back only hits the caller could see at all. Internal agent notes count only when
 * `includeInternal`.
 */
export function ticketMatches(q: string, includeInternal: boolean, partners: readonly string[] | null) {
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
    const where = sql.join(conds, sql` AND `);
    if (partners === null) {
      return eb('ticket.rk', 'in', sql`(SELECT ticket_fts.rowid FROM ticket_fts WHERE ${where})`);
    }
    if (partners.length === 0) return sql<SqlBool>`0`;
    // one index lookup per partner, each limited to the partner's key range
    return eb(
      'ticket.rk',
      'in',
      sql`(SELECT ticket_fts.rowid FROM search_partner AS sp JOIN ticket_fts
            ON ticket_fts.rowid BETWEEN sp.slot * ${sql.lit(KEY_RANGE)} AND sp.slot * ${sql.lit(KEY_RANGE)} + ${sql.lit(KEY_RANGE - 1)}
          WHERE sp.business_partner_id IN (${sql.join(partners)}) AND ${where})`,
    );
  };
}

/** What the search index of one ticket is made of. */
export interface TicketSearchSource {
  number: number;
  subject: string;
  referenceNo: string | null;
  descriptionText: string;
  tags: readonly string[];
  /** message positions (no system events), in order */
  positions: readonly { text: string; internal: boolean }[];
}

/**
 * The two indexed columns of a ticket, already folded: `body` is everything customers may
 * search (number, subject, reference, description, tags, public messages), `internal` the
 * agents' internal notes. One function, so everything that fills the index (the repositories,
 * the seed, the benchmark) folds and joins exactly alike.
 */
export function ticketSearchText(t: TicketSearchSource): { body: string; internal: string } {
  const body = [
    `#${t.number}`,
    t.subject,
    t.referenceNo ?? '',
    t.descriptionText,
    ...t.tags,
    ...t.positions.filter((p) => !p.internal).map((p) => p.text),
  ].join('\n');
  const internal = t.positions
    .filter((p) => p.internal)
    .map((p) => p.text)
    .join('\n');
  return { body: foldText(body), internal: foldText(internal) };
}

/**
 * Rebuilds the search text of one ticket from its current fields, tags and positions. The row
 * is keyed by the ticket's `ticket_list.rk` (given to every ticket by a trigger on insert).
 */
export async function indexTicket(db: Kysely<Database>, ticketId: string): Promise<void> {
  const t = await db
    .selectFrom('ticket')
    .innerJoin('ticket_list', 'ticket_list.id', 'ticket.id')
    .select(['ticket_list.rk', 'ticket.number', 'ticket.subject', 'ticket.reference_no', 'ticket.description_text'])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst();
  // a deleted ticket's row went with it (trigger ticket_list_delete)
  if (!t) return;
  await db.deleteFrom('ticket_fts').where('rowid', '=', t.rk).execute();
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
    .orderBy('created_at')
    .orderBy(sql`rowid`)
    .execute();
  const text = ticketSearchText({
    number: t.number,
    subject: t.subject,
    referenceNo: t.reference_no,
    descriptionText: t.description_text,
    tags: tags.map((x) => x.name),
    positions: positions.map((p) => ({ text: p.body_text, internal: p.internal === 1 })),
  });
  await db.insertInto('ticket_fts').values({ rowid: t.rk, ticket_id: ticketId, ...text }).execute();
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
