import { sql, type Kysely, type RawBuilder } from 'kysely';
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

/** The search index of one business partner (migration 0005). */
export const partnerIndex = (slot: number) => `ticket_fts_${Math.trunc(slot)}`;

/** Keys of one business partner: `slot` × 2³² … (`slot` + 1) × 2³² − 1 (migration 0004). */
const KEY_RANGE = 4294967296;

/**
 * The triggers that keep a partner's index free of rows of deleted or moved tickets (migration
 * 0007): a ticket's row goes when its key leaves `ticket_list` or changes (a move to another
 * partner hands out a key in that partner's range). With them the index holds exactly the live
 * tickets of its partner, which the search totals rely on (tickets.ts, `listTickets`).
 */
export function partnerIndexTriggers(slot: number): string[] {
  const s = Math.trunc(slot);
  const inRange = (k: string) => `${k} >= ${s * KEY_RANGE} AND ${k} < ${(s + 1) * KEY_RANGE}`;
  const table = partnerIndex(s);
  return [
    `CREATE TRIGGER IF NOT EXISTS ${table}_gone AFTER DELETE ON ticket_list WHEN ${inRange('old.rk')} BEGIN
      DELETE FROM ${table} WHERE rowid = old.rk;
    END`,
    `CREATE TRIGGER IF NOT EXISTS ${table}_rekeyed AFTER UPDATE OF rk ON ticket_list WHEN old.rk IS NOT new.rk AND ${inRange('old.rk')} BEGIN
      DELETE FROM ${table} WHERE rowid = old.rk;
    END`,
  ];
}

/** Deletes the rows of a partner's index that are not live tickets of that partner. */
export const partnerIndexCleanup = (slot: number) => {
  const s = Math.trunc(slot);
  return `DELETE FROM ${partnerIndex(s)} WHERE rowid NOT IN (SELECT l.rk FROM ticket_list l JOIN search_partner sp ON sp.business_partner_id = l.business_partner_id AND sp.slot = ${s})`;
};

/** The statements that create a partner's search index and its triggers, each when missing. */
export const partnerIndexStatements = (slot: number): string[] => [
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${partnerIndex(slot)} USING fts5(body, internal, tokenize = 'trigram')`,
  ...partnerIndexTriggers(slot),
];

/** The same as one script (for `exec`, which runs several statements). */
export const partnerIndexDdl = (slot: number) => partnerIndexStatements(slot).join(';\n');

/**
 * The search slots whose index exists, of the given business partners — or, for `null`, of
 * every business partner of the system partner (agents). Whether a table exists is asked of
 * `pragma_table_list(name)`, a lookup by name; a join on `sqlite_master` read the whole schema
 * (five tables per partner index) once per slot: 0.15 ms for a customer, 3.6 ms for an agent
 * of 40 partners (`npm run bench`, R-BOARD-5).
 */
export async function searchSlots(db: Kysely<Database>, systemPartnerId: string, partners: readonly string[] | null): Promise<number[]> {
  if (partners !== null && partners.length === 0) return [];
  const rows = await sql<{ slot: number }>`
    SELECT sp.slot FROM search_partner sp
    JOIN business_partner bp ON bp.id = sp.business_partner_id
    JOIN pragma_table_list('ticket_fts_' || sp.slot) m ON m.schema = 'main' AND m.type = 'virtual'
    WHERE bp.system_partner_id = ${systemPartnerId}
      ${partners === null ? sql`` : sql`AND sp.business_partner_id IN (${sql.join(partners)})`}
    ORDER BY sp.slot`.execute(db);
  return rows.rows.map((r) => r.slot);
}

/**
 * The search keys (`rk`) of the tickets whose text contains every term of `q`, as a subquery
 * to drive a list query from (`FROM (hits) CROSS JOIN ticket_list`: the hits first, then each
 * ticket by integer key — EXPLAIN QUERY PLAN showed SQLite otherwise walks all of a big
 * partner's tickets and probes the hits). Only the indexes of `slots` are asked (the caller's
 * partners, see `searchSlots`), so the work grows with what the caller could see. Internal
 * agent notes count only when `includeInternal`. `null` when `q` has no terms.
 */
export function searchHits(q: string, includeInternal: boolean, slots: readonly number[]): RawBuilder<{ rk: number }> | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  if (slots.length === 0) return sql<{ rk: number }>`(SELECT NULL AS rk WHERE 0)`;
  const long = terms.filter((t) => [...t].length >= MIN_INDEXED);
  const short = terms.filter((t) => [...t].length < MIN_INDEXED);
  const cols = includeInternal ? '{body internal}' : 'body';
  const match = long.map((t) => `${cols} : ${ftsString(t)}`).join(' AND ');
  const perIndex = slots.map((slot) => {
    const table = sql.table(partnerIndex(slot));
    const conds: RawBuilder<unknown>[] = [];
    if (long.length > 0) conds.push(sql`${table} MATCH ${match}`);
    for (const t of short) {
      conds.push(
        includeInternal
          ? sql`(instr(${table}.body, ${t}) > 0 OR instr(${table}.internal, ${t}) > 0)`
          : sql`instr(${table}.body, ${t}) > 0`,
      );
    }
    return sql`SELECT ${table}.rowid AS rk FROM ${table} WHERE ${sql.join(conds, sql` AND `)}`;
  });
  return sql<{ rk: number }>`(${sql.join(perIndex, sql` UNION ALL `)})`;
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

/** Every ticket's indexed text, across all partners' indexes (for checks and diagnostics). */
export async function ticketIndexRows(db: Kysely<Database>): Promise<{ ticket_id: string; body: string; internal: string }[]> {
  const tables = await sql<{ slot: number }>`
    SELECT sp.slot FROM search_partner sp JOIN sqlite_master m ON m.type = 'table' AND m.name = 'ticket_fts_' || sp.slot`.execute(db);
  const out: { ticket_id: string; body: string; internal: string }[] = [];
  for (const { slot } of tables.rows) {
    const table = sql.table(partnerIndex(slot));
    const rows = await sql<{ ticket_id: string; body: string; internal: string }>`
      SELECT l.id AS ticket_id, f.body, f.internal FROM ${table} f JOIN ticket_list l ON l.rk = f.rowid`.execute(db);
    out.push(...rows.rows);
  }
  return out;
}

/** The partner indexes known to exist, per database: their DDL runs once, not on every write. */
const ensuredIndexes = new WeakMap<object, Set<number>>();

async function ensurePartnerIndex(db: Kysely<Database>, slot: number): Promise<void> {
  let ensured = ensuredIndexes.get(db);
  if (ensured?.has(slot)) return;
  for (const text of partnerIndexStatements(slot)) await sql.raw(text).execute(db);
  if (!ensured) ensuredIndexes.set(db, (ensured = new Set()));
  ensured.add(slot);
}

/**
 * Rebuilds the search text of one ticket from its current fields, tags and positions, in its
 * business partner's index (created here on the partner's first ticket), keyed by the ticket's
 * `ticket_list.rk` (given to every ticket by a trigger on insert).
 */
export async function indexTicket(db: Kysely<Database>, ticketId: string): Promise<void> {
  const t = await db
    .selectFrom('ticket')
    .innerJoin('ticket_list', 'ticket_list.id', 'ticket.id')
    .innerJoin('search_partner', 'search_partner.business_partner_id', 'ticket.business_partner_id')
    .select(['ticket_list.rk', 'search_partner.slot', 'ticket.number', 'ticket.subject', 'ticket.reference_no', 'ticket.description_text'])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst();
  // a deleted ticket has no key any more (its row left the index with it, migration 0007)
  if (!t) return;
  const table = sql.table(partnerIndex(t.slot));
  await ensurePartnerIndex(db, t.slot);
  await sql`DELETE FROM ${table} WHERE rowid = ${t.rk}`.execute(db);
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
  await sql`INSERT INTO ${table} (rowid, body, internal) VALUES (${t.rk}, ${text.body}, ${text.internal})`.execute(db);
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
