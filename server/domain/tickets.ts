import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, Locale, Ticket, TicketStatus } from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { Actor } from './actor.js';
import {
  canSeeTicket,
  creationRights,
  membershipIn,
  partnerIds,
  releasePartnerIds,
  ticketAbilities,
  visibilitySql,
  writePartnerIds,
  type TicketAbilities,
} from './access.js';
import { ApiError, forbidden, invalid, notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import { htmlToText, isBlankRichText, sanitizeRichText } from './richtext.js';
import { derivePriority, parsePriorityMatrix, type PriorityMatrix } from '../schemas/priority.js';
import { foldText, indexTicket, searchHits, searchSlots } from '../db/search.js';
import type { CreateTicketInput, ListTicketsQuery, TicketFilter } from '../schemas/tickets.js';
import { openStatuses, ticketFilter } from '../schemas/tickets.js';
import { dataVersion } from '../db/index.js';
import { audit } from './audit.js';
import { notifyTicketEvent } from './notifications.js';

type Db = Kysely<Database>;

// ---------------------------------------------------------------------------------------------
// DTOs

export interface TicketListItem {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: 'low' | 'medium' | 'high' | 'critical';
  urgency: 'low' | 'medium' | 'high';
  impact: 'low' | 'medium' | 'high';
  private: boolean;
  referenceNo: string | null;
  type: { id: string; name: string };
  area: { id: string; name: string };
  businessPartner: { id: string; name: string };
  author: { id: string; name: string };
  tags: string[];
  createdAt: string;
  updatedAt: string;
  releasedAt: string | null;
  closedAt: string | null;
}

export interface AttachmentDto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  uploadedBy: { id: string; name: string };
  positionId: string | null;
  url: string;
  /** raster images that may be shown inline as a preview */
  previewable: boolean;
  internal?: boolean;
}

export interface TicketDetail extends TicketListItem {
  descriptionHtml: string;
  closedReason: string | null;
  version: number;
  abilities: Omit<TicketAbilities, 'agentWork'>;
  attachments: AttachmentDto[];
}

export interface PositionDto {
  id: string;
  kind: 'customer' | 'agent' | 'system';
  event: string | null;
  data: Record<string, unknown> | null;
  bodyHtml: string;
  author: { id: string; name: string; kind: 'customer' | 'agent' } | null;
  createdAt: string;
  attachments: AttachmentDto[];
  internal?: boolean;
}

const nameCol = (locale: Locale) => (locale === 'de' ? 'name_de' : 'name_en') as 'name_de' | 'name_en';

// ---------------------------------------------------------------------------------------------
// Reading

/** Tag names alphabetically as people read them ("Ärger" before "Lager"), not by code point. */
function sortedTags(names: string[]): string[] {
  return names
    .map((name) => [foldText(name), name] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, name]) => name);
}

const statusRank = sql<number>`CASE ticket.status WHEN 'awaiting_release' THEN 0 WHEN 'release_rejected' THEN 1 WHEN 'new' THEN 2 WHEN 'in_progress' THEN 3 WHEN 'waiting_for_customer' THEN 4 WHEN 'resolved' THEN 5 ELSE 6 END`;
const priorityRank = sql<number>`CASE ticket.priority WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END`;

const defaultDir: Record<ListTicketsQuery['sort'], 'asc' | 'desc'> = {
  updatedAt: 'desc',
  createdAt: 'desc',
  number: 'desc',
  priority: 'desc',
  subject: 'asc',
  status: 'asc',
  type: 'asc',
  author: 'asc',
  partner: 'asc',
};

/** A saved query by id, or a system query by its key, that the actor may use. */
export async function findSavedQuery(db: Db, actor: Actor, ref: string) {
  return db
    .selectFrom('saved_query')
    .selectAll()
    .where((eb) =>
      eb.and([
        eb.or([eb('id', '=', ref), eb('key', '=', ref)]),
        eb.or([
          eb.and([eb('system_partner_id', '=', actor.systemPartnerId), eb('account_id', 'is', null)]),
          eb('account_id', '=', actor.accountId),
        ]),
      ]),
    )
    .orderBy('account_id', 'desc')
    .executeTakeFirst();
}

/**
 * The business partners whose search indexes a query needs: the customer's partners (narrowed
 * by the partner filter); `null` for agents, whose visible tickets span every partner.
 */
function searchScope(actor: Actor, partner: string | undefined): readonly string[] | null {
  if (actor.kind === 'agent') return partner ? [partner] : null;
  const mine = partnerIds(actor);
  return partner ? mine.filter((p) => p === partner) : mine;
}

/** Both lists given: only what is in both; one given: that one; none: no constraint. */
function both<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): readonly T[] | undefined {
  if (a?.length && b?.length) return a.filter((x) => b.includes(x));
  return a?.length ? a : b?.length ? b : undefined;
}

/** `column IN (values)`; an empty list matches nothing. */
const isIn = (column: string, values: readonly string[]) =>
  values.length ? sql<SqlBool>`${sql.raw(column)} IN (${sql.join(values)})` : sql<SqlBool>`0`;

interface Constraints {
  statuses: readonly string[] | undefined;
  priorities: readonly string[] | undefined;
  typeIds: readonly string[] | undefined;
  partner: string | undefined;
}

/** The filters of the board (and of a saved query) over `table`'s columns. */
function constraintSql(table: string, c: Constraints): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [];
  if (c.statuses) out.push(isIn(`${table}.status`, c.statuses));
  if (c.priorities) out.push(isIn(`${table}.priority`, c.priorities));
  if (c.typeIds) out.push(isIn(`${table}.type_id`, c.typeIds));
  if (c.partner) out.push(sql<SqlBool>`${sql.raw(table)}.business_partner_id = ${c.partner}`);
  return out;
}

const all = (conds: RawBuilder<SqlBool>[]) => (conds.length ? sql.join(conds, sql` AND `) : sql`1`);

/**
 * The number of tickets the actor may see under status/priority/type/partner filters, as one
 * SQL expression over the per-partner counts in `ticket_stat` (migration 0004) instead of
 * touching every ticket. It is `ticketVisibility` split into three disjoint parts:
 *   released and not private, in the actor's partners                            (counts)
 * + awaiting release and not in the first part, in partners they release for      (counts)
 * + their own remaining tickets (private or unreleased; few, partial index)       (ticket_list)
 * Agents: released tickets of their system partner (counts).
 */
function countSql(actor: Actor, c: Constraints): RawBuilder<number> {
  const sum = (conds: RawBuilder<SqlBool>[]) =>
    sql`(SELECT coalesce(sum(ticket_stat.n), 0) FROM ticket_stat WHERE ${all([...conds, ...constraintSql('ticket_stat', c)])})`;
  if (actor.kind === 'agent') {
    return sql<number>`${sum([sql`ticket_stat.system_partner_id = ${actor.systemPartnerId}`, sql`ticket_stat.released = 1`])}`;
  }
  const partners = partnerIds(actor).filter((p) => !c.partner || p === c.partner);
  if (partners.length === 0) return sql<number>`0`;
  const releasers = releasePartnerIds(actor).filter((p) => partners.includes(p));
  const released = sum([isIn('ticket_stat.business_partner_id', partners), sql`ticket_stat.released = 1`, sql`ticket_stat.private = 0`]);
  const awaiting = releasers.length
    ? sum([isIn('ticket_stat.business_partner_id', releasers), sql`ticket_stat.status = 'awaiting_release'`, sql`NOT (ticket_stat.released = 1 AND ticket_stat.private = 0)`])
    : sql`0`;
  // the partial index ticket_list_own_hidden applies to exactly this condition
  const own = [
    sql<SqlBool>`ticket_list.author_id = ${actor.accountId}`,
    sql<SqlBool>`(private = 1 OR released_at IS NULL)`,
    isIn('ticket_list.business_partner_id', partners),
    ...(releasers.length ? [sql<SqlBool>`NOT (ticket_list.status = 'awaiting_release' AND ${isIn('ticket_list.business_partner_id', releasers)})`] : []),
    ...constraintSql('ticket_list', c),
  ];
  return sql<number>`(${released} + ${awaiting} + (SELECT count(*) FROM ticket_list WHERE ${all(own)}))`;
}

export interface ListResult {
  items: TicketListItem[];
  total: number;
  page: number;
  pageSize: number;
  sort: ListTicketsQuery['sort'];
  dir: 'asc' | 'desc';
}

/**
 * R-BOARD-1/3/4/5: the tickets the actor may see, filtered, searched, sorted and paged on the
 * server. Order is stable (ties broken by id), so pages join without gaps or repeats.
 *
 * Built for a big partner's board (`npm run bench`): everything runs on `ticket_list`, the
 * narrow copy of `ticket`, in plain SQL; `total` comes from the counts in `ticket_stat` when the
 * filters allow it, otherwise from the same query (a window count); a search starts from the
 * index hits of the caller's partners and joins each ticket by integer key.
 */
export async function listTickets(deps: Deps, actor: Actor, query: ListTicketsQuery, locale: Locale): Promise<ListResult> {
  return JSON.parse(await listTicketsJson(deps, actor, query, locale)) as ListResult;
}

/** `listTicketsBody` as text. */
export async function listTicketsJson(deps: Deps, actor: Actor, query: ListTicketsQuery, locale: Locale): Promise<string> {
  return (await listTicketsBody(deps, actor, query, locale)).toString('utf8');
}

/**
 * `listTickets` as the UTF-8 JSON of the answer, as the routes send it: the items are the JSON
 * SQLite writes (`itemJson`), not parsed and written again (`npm run bench`).
 *
 * Answers without a search or a saved query are kept (`listCache`): exact, because they are
 * stored under the database's data version (any write of this process, any commit of another
 * one, such as the CLI's, starts afresh) and keyed by everything they depend on besides the data:
 * the actor's account, kind, system partner and memberships with their rights, the query and
 * the language. A saved query may depend on the clock (closedWithinDays) and a search is asked
 * once, not again and again, so neither is kept.
 */
export async function listTicketsBody(deps: Deps, actor: Actor, query: ListTicketsQuery, locale: Locale): Promise<Buffer> {
  const version = query.q === undefined && query.query === undefined ? dataVersion(deps.db) : undefined;
  if (!version) return Buffer.from(await computeList(deps, actor, query, locale), 'utf8');
  const cache = listCache(deps.db);
  const at = version.current();
  if (cache.version !== at) cache.reset(at);
  const key = JSON.stringify([actor.accountId, actor.kind, actor.systemPartnerId, actor.memberships, query, locale]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const body = Buffer.from(await computeList(deps, actor, query, locale), 'utf8');
  // stored under the version read before the answer was made: a write meanwhile has moved
  // the version on, so this entry is never read again
  if (cache.version === at) cache.set(key, body);
  return body;
}

/** Most recently used list answers of one database's current data version. */
class ListCache {
  version = -1;
  #entries = new Map<string, Buffer>();
  #bytes = 0;
  constructor(
    private readonly maxEntries = 200,
    private readonly maxBytes = 16_000_000,
  ) {}

  reset(version: number): void {
    this.version = version;
    this.#entries = new Map();
    this.#bytes = 0;
  }

  get(key: string): Buffer | undefined {
    const body = this.#entries.get(key);
    if (body !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: Buffer): void {
    if (body.byteLength > this.maxBytes) return;
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= old.byteLength;
    }
    this.#entries.set(key, body);
    this.#bytes += body.byteLength;
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      const [oldest, value] = this.#entries.entries().next().value!;
      this.#entries.delete(oldest);
      this.#bytes -= value.byteLength;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

const listCaches = new WeakMap<Db, ListCache>();

/** The list answers kept for `db` (exported for tests). */
export function listCache(db: Db): ListCache {
  let cache = listCaches.get(db);
  if (!cache) listCaches.set(db, (cache = new ListCache()));
  return cache;
}

async function computeList(deps: Deps, actor: Actor, query: ListTicketsQuery, locale: Locale): Promise<string> {
  const { db, clock } = deps;
  const now = clock.now();
  let saved: TicketFilter = {};
  if (query.query) {
    const row = await findSavedQuery(db, actor, query.query);
    if (!row) throw notFound('Query');
    const parsed = ticketFilter.safeParse(JSON.parse(row.filter_json));
    saved = parsed.success ? parsed.data : {};
  }
  const dir = query.dir ?? defaultDir[query.sort];
  // JSON.stringify of a ListResult, with the items' JSON as SQLite wrote it
  const result = (items: string[], total: number): string =>
    `{"items":[${items.join(',')}],"total":${JSON.stringify(total)},"page":${JSON.stringify(query.page)},` +
    `"pageSize":${JSON.stringify(query.pageSize)},"sort":${JSON.stringify(query.sort)},"dir":${JSON.stringify(dir)}}`;

  const constraints: Constraints = {
    statuses: both(saved.statuses, query.status),
    priorities: both(saved.priorities, query.priority),
    typeIds: both(saved.typeIds, query.type),
    partner: query.partner,
  };
  const where = [visibilitySql(actor), ...constraintSql('ticket', constraints)];
  if (saved.authorIsMe) where.push(sql<SqlBool>`ticket.author_id = ${actor.accountId}`);
  if (saved.closedWithinDays) {
    where.push(sql<SqlBool>`ticket.closed_at >= ${new Date(now.getTime() - saved.closedWithinDays * 86_400_000).toISOString()}`);
  }
  // the saved query's search text and the typed one: every term of both must occur
  const text = [saved.q, query.q].filter((x) => x?.trim()).join(' ');
  const hits = text ? searchHits(text, actor.kind === 'agent', await searchSlots(db, actor.systemPartnerId, searchScope(actor, query.partner))) : null;
  const fromStats = hits === null && !saved.authorIsMe && !saved.closedWithinDays;

  const n = sql.raw(nameCol(locale));
  const sort = {
    updatedAt: { expr: sql`ticket.updated_at`, join: sql`` },
    createdAt: { expr: sql`ticket.created_at`, join: sql`` },
    number: { expr: sql`ticket.number`, join: sql`` },
    subject: { expr: sql`ticket.subject COLLATE NOCASE`, join: sql`` },
    status: { expr: statusRank, join: sql`` },
    priority: { expr: priorityRank, join: sql`` },
    type: { expr: sql`ty.${n}`, join: sql`JOIN ticket_type AS ty ON ty.id = ticket.type_id` },
    author: { expr: sql`au.name COLLATE NOCASE`, join: sql`JOIN account AS au ON au.id = ticket.author_id` },
    partner: { expr: sql`bp.name COLLATE NOCASE`, join: sql`JOIN business_partner AS bp ON bp.id = ticket.business_partner_id` },
  }[query.sort];
  const order = sql`ORDER BY ${sort.expr} ${sql.raw(dir)}, ticket.id ${sql.raw(dir)} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  // the hits first, each joined to its ticket by key; or all tickets of the caller's partners
  const from = hits ? sql`${hits} AS hit CROSS JOIN ticket_list AS ticket ON ticket.rk = hit.rk` : sql`ticket_list AS ticket`;
  // the page's keys in order (and the total); the items themselves come after, by key
  let page: { rk: number; total?: number }[];
  // customers only: an agent's scope (even one partner) follows another rule (released tickets)
  const partners = hits && actor.kind === 'customer' ? searchScope(actor, query.partner) : null;
  if (hits && partners && !constraints.statuses && !constraints.priorities && !constraints.typeIds && !saved.authorIsMe && !saved.closedWithinDays) {
    // a customer's search: total and page in one statement, see searchPage
    const { rows, total } = await searchPage(db, actor, partners, hits, {
      where: all(where),
      order: sql`ORDER BY ${sort.expr} ${sql.raw(dir)}, ticket.id ${sql.raw(dir)}`,
      join: sort.join,
      walk: query.sort === 'updatedAt' && partners.length === 1 ? partners[0]! : null,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return result(await listItemJsonByKey(db, rows, locale), total);
  }
  if (fromStats) {
    // the board: one query walks the index in order and stops after the page; the total comes
    // from the counts, in a statement of its own (as a subquery of the page's statement it cost
    // twice as much, `npm run bench`)
    page = (await sql<{ rk: number }>`SELECT ticket.rk FROM ${from} ${sort.join} WHERE ${all(where)} ${order}`.execute(db)).rows;
  } else {
    // searches and per-person filters: every match has to be counted and sorted, so that pass
    // carries only the key and the sort key
    page = (await sql<{ rk: number; total: number }>`
      SELECT ticket.rk, count(*) OVER () AS total FROM ${from} ${sort.join} WHERE ${all(where)} ${order}`.execute(db)).rows;
  }
  let count = page[0]?.total;
  if (count === undefined) {
    // the board, or an empty page (none at all, or past the last one): count on its own
    const row = await sql<{ n: number }>`
      SELECT ${fromStats ? countSql(actor, constraints) : sql`(SELECT count(*) FROM ${from} WHERE ${all(where)})`} AS n`.execute(db);
    count = Number(row.rows[0]?.n ?? 0);
  }
  return result(await listItemJsonByKey(db, page.map((r) => r.rk), locale), Number(count));
}

/**
 * A customer's search (no filter but the partner; R-BOARD-3/5): the page's keys and the exact
 * total in one statement, without joining, sorting and window-counting every hit
 * (`npm run bench`: 'Drucker' on a 27,000-ticket partner 9.0 → 2.9 ms of SQL).
 *
 * The total: every row of a partner's index is a live ticket of that partner (migration 0007),
 * and the indexes asked are those of the partners in scope, so every hit is a ticket the
 * customer could see but for the access rule. A ticket of such a partner is hidden from the
 * customer exactly when it is neither their own, nor released and public, nor awaiting release
 * in a partner they release for (`canSeeTicket`); hidden implies private or unreleased, the rows
 * of the small partial index `ticket_list_hidden`. So total = hits − hidden hits, one probe of
 * that index per hit.
 *
 * The page: with many hits (a common word) it is quicker to walk the partner's tickets newest
 * first (`ticket_list_bp_updated`) and keep those that are hits until the page is full; with few
 * it is quicker to look up every hit and sort them. The statement holds both and chooses by the
 * number of hits (a LIMIT of 0 skips the other one): walk when hits² × 12 ≥ rows to reach ×
 * the partner's tickets, i.e. when the walk reads less than about twelve rows per hit sorted
 * (measured: ~0.15 µs a row walked, ~1.9 µs a hit sorted). Both give the same rows; only the
 * speed differs.
 */
async function searchPage(
  db: Db,
  actor: Actor,
  partners: readonly string[],
  hits: RawBuilder<{ rk: number }>,
  p: { where: RawBuilder<unknown>; order: RawBuilder<unknown>; join: RawBuilder<unknown>; walk: string | null; limit: number; offset: number },
): Promise<{ rows: number[]; total: number }> {
  const releasers = releasePartnerIds(actor).filter((x) => partners.includes(x));
  const hidden = sql`(SELECT count(*) FROM hit CROSS JOIN ticket_list AS h INDEXED BY ticket_list_hidden
      ON h.rk = hit.rk AND (h.private <> 0 OR h.released_at IS NULL)
    WHERE h.author_id <> ${actor.accountId}
      ${releasers.length ? sql`AND NOT (h.status = 'awaiting_release' AND h.business_partner_id IN (${sql.join(releasers)}))` : sql``})`;
  const walkIf = p.walk
    ? sql`(SELECT cnt.n * cnt.n * 12 >= ${p.offset + p.limit} * (SELECT coalesce(sum(ticket_stat.n), 0) FROM ticket_stat WHERE ticket_stat.business_partner_id = ${p.walk}) FROM cnt)`
    : sql`0`;
  const walk = p.walk
    ? sql`UNION ALL SELECT * FROM (SELECT ticket.rk, NULL FROM ticket_list AS ticket INDEXED BY ticket_list_bp_updated
        WHERE ${p.where} AND ticket.rk IN (SELECT rk FROM hit) ${p.order} LIMIT CASE WHEN ${walkIf} THEN ${p.limit} ELSE 0 END OFFSET ${p.offset})`
    : sql``;
  const rows = await sql<{ rk: number | null; total: number | null }>`
    WITH hit AS MATERIALIZED ${hits}, cnt AS MATERIALIZED (SELECT (SELECT count(*) FROM hit) AS n, ${hidden} AS hidden)
    SELECT NULL AS rk, n - hidden AS total FROM cnt
    ${walk}
    UNION ALL SELECT * FROM (SELECT ticket.rk, NULL FROM hit CROSS JOIN ticket_list AS ticket ON ticket.rk = hit.rk ${p.join}
      WHERE ${p.where} ${p.order} LIMIT CASE WHEN ${walkIf} THEN 0 ELSE ${p.limit} END OFFSET ${p.offset})`.execute(db);
  const [head, ...keys] = rows.rows;
  return { rows: keys.map((r) => r.rk!), total: Number(head?.total ?? 0) };
}

/**
 * One list item as JSON, written by SQLite: the names of its type, area, partner and author and
 * its tags by key (covering indexes, migration 0006). Handing SQLite's rows to JavaScript column
 * by column (17 values and 5 names a ticket) cost more than finding them (`npm run bench`).
 * Three parts: `head` (the object up to the author), `tags` (an array, in no particular order)
 * and `tail` (the object from createdAt on); `itemText` joins them with the tags sorted.
 */
const itemJson = (locale: Locale) => {
  const n = nameCol(locale);
  return sql.raw(
    `json_object('id', ticket.id, 'number', ticket.number, 'subject', ticket.subject, 'status', ticket.status, ` +
      `'priority', ticket.priority, 'urgency', ticket.urgency, 'impact', ticket.impact, ` +
      `'private', CASE WHEN ticket.private = 1 THEN json('true') ELSE json('false') END, ` +
      `'referenceNo', ticket.reference_no, ` +
      `'type', json_object('id', ticket.type_id, 'name', coalesce((SELECT ${n} FROM ticket_type WHERE id = ticket.type_id), '')), ` +
      `'area', json_object('id', ticket.area_id, 'name', coalesce((SELECT ${n} FROM area WHERE id = ticket.area_id), '')), ` +
      `'businessPartner', json_object('id', ticket.business_partner_id, 'name', coalesce((SELECT name FROM business_partner WHERE id = ticket.business_partner_id), '')), ` +
      `'author', json_object('id', ticket.author_id, 'name', coalesce((SELECT name FROM account WHERE id = ticket.author_id), ''))) AS head, ` +
      `(SELECT json_group_array(tag.name) FROM ticket_tag JOIN tag ON tag.id = ticket_tag.tag_id WHERE ticket_tag.ticket_id = ticket.id) AS tags, ` +
      `json_object('createdAt', ticket.created_at, 'updatedAt', ticket.updated_at, 'releasedAt', ticket.released_at, 'closedAt', ticket.closed_at) AS tail`,
  );
};

interface ItemParts {
  head: string;
  tags: string;
  tail: string;
}

/** One item's JSON from `itemJson`'s parts: tags in reading order (`sortedTags`). */
function itemText(p: ItemParts): string {
  // '[]' or '["one"]' need no sorting; '["a","b"]' has at least one comma
  const tags = p.tags.includes(',') ? JSON.stringify(sortedTags(JSON.parse(p.tags) as string[])) : p.tags;
  return `${p.head.slice(0, -1)},"tags":${tags},${p.tail.slice(1)}`;
}

/** The list items' JSON of `ticket_list` rows by key, in the order of `keys`. */
async function listItemJsonByKey(db: Db, keys: number[], locale: Locale): Promise<string[]> {
  if (keys.length === 0) return [];
  const found = await sql<ItemParts & { rk: number }>`
    SELECT ticket.rk, ${itemJson(locale)} FROM ticket_list AS ticket WHERE ticket.rk IN (${sql.join(keys)})`.execute(db);
  const byKey = new Map(found.rows.map((r) => [r.rk, r]));
  return keys.map((k) => itemText(byKey.get(k)!));
}

/** The ticket if the actor may see it; otherwise 404, exactly like a missing id. */
export async function requireVisibleTicket(db: Db, actor: Actor, id: string): Promise<Ticket> {
  const t = await db.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t || !canSeeTicket(actor, t)) throw notFound('Ticket');
  return t;
}

function attachmentDto(
  a: { id: string; file_name: string; content_type: string; size: number; created_at: string; uploaded_by: string; uploader_name: string; position_id: string | null; internal: number },
  withInternal: boolean,
): AttachmentDto {
  const previewable = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(a.content_type);
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    size: a.size,
    createdAt: a.created_at,
    uploadedBy: { id: a.uploaded_by, name: a.uploader_name },
    positionId: a.position_id,
    url: `/api/attachments/${a.id}`,
    previewable,
    ...(withInternal ? { internal: a.internal === 1 } : {}),
  };
}

async function attachmentsOf(db: Db, ticketId: string, includeInternal: boolean): Promise<AttachmentDto[]> {
  let q = db
    .selectFrom('attachment')
    .innerJoin('account', 'account.id', 'attachment.uploaded_by')
    .select([
      'attachment.id',
      'attachment.file_name',
      'attachment.content_type',
      'attachment.size',
      'attachment.created_at',
      'attachment.uploaded_by',
      'account.name as uploader_name',
      'attachment.position_id',
      'attachment.internal',
    ])
    .where('attachment.ticket_id', '=', ticketId);
  if (!includeInternal) q = q.where('attachment.internal', '=', 0);
  const rows = await q.orderBy('attachment.created_at').orderBy(sql`attachment.rowid`).execute();
  return rows.map((r) => attachmentDto(r, includeInternal));
}

/** R-TICKET-1/2: one ticket with what the caller may do with it. */
export async function getTicketDetail(deps: Deps, actor: Actor, id: string, locale: Locale): Promise<TicketDetail> {
  const t = await requireVisibleTicket(deps.db, actor, id);
  return ticketDetail(deps, actor, t, locale);
}

/**
 * The ticket as a dispatcher's decision left it. Releasing a private ticket, or rejecting any
 * ticket of someone else, takes it out of the dispatcher's view (DESIGN.md: "private ones too,
 * until released"); the answer still describes the ticket they have just decided on — nothing
 * they did not see a moment ago — with `abilities.read: false`, so the client drops it from its
 * lists instead of getting a 404 for a decision that succeeded. Call only after the decision.
 */
export async function getDecidedTicket(deps: Deps, actor: Actor, id: string, locale: Locale): Promise<TicketDetail> {
  const t = await deps.db.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound('Ticket');
  return ticketDetail(deps, actor, t, locale);
}

async function ticketDetail(deps: Deps, actor: Actor, t: Ticket, locale: Locale): Promise<TicketDetail> {
  const { db } = deps;
  const id = t.id;
  const found = await sql<ItemParts>`SELECT ${itemJson(locale)} FROM ticket_list AS ticket WHERE ticket.id = ${id}`.execute(db);
  const row = found.rows[0];
  const item = row ? (JSON.parse(itemText(row)) as TicketListItem) : undefined;
  const { agentWork: _a, ...abilities } = ticketAbilities(actor, t);
  return {
    ...item!,
    descriptionHtml: t.description_html,
    closedReason: t.closed_reason,
    version: t.version,
    abilities,
    attachments: await attachmentsOf(db, id, actor.kind === 'agent'),
  };
}

/** R-TICKET-1/3: the history, oldest first. Internal agent notes only for agents. */
export async function listPositions(deps: Deps, actor: Actor, ticketId: string): Promise<PositionDto[]> {
  const { db } = deps;
  await requireVisibleTicket(db, actor, ticketId);
  const isAgent = actor.kind === 'agent';
  let q = db
    .selectFrom('position')
    .leftJoin('account', 'account.id', 'position.author_id')
    .select([
      'position.id',
      'position.kind',
      'position.event',
      'position.data_json',
      'position.body_html',
      'position.author_id',
      'position.internal',
      'position.created_at',
      'account.name as author_name',
      'account.kind as author_kind',
    ])
    .where('position.ticket_id', '=', ticketId);
  if (!isAgent) q = q.where('position.internal', '=', 0);
  // rowid: insertion order breaks ties between entries of the same instant
  const rows = await q.orderBy('position.created_at').orderBy(sql`position.rowid`).execute();
  const attachments = await attachmentsOf(db, ticketId, isAgent);
  const byPosition = new Map<string, AttachmentDto[]>();
  for (const a of attachments) {
    if (!a.positionId) continue;
    byPosition.set(a.positionId, [...(byPosition.get(a.positionId) ?? []), a]);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    event: r.event,
    data: r.data_json ? (JSON.parse(r.data_json) as Record<string, unknown>) : null,
    bodyHtml: r.body_html,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? '', kind: (r.author_kind ?? 'customer') as 'customer' | 'agent' } : null,
    createdAt: r.created_at,
    attachments: byPosition.get(r.id) ?? [],
    ...(isAgent ? { internal: r.internal === 1 } : {}),
  }));
}

// ---------------------------------------------------------------------------------------------
// Writing

export async function priorityMatrixOf(db: Db, systemPartnerId: string): Promise<PriorityMatrix> {
  const sp = await db.selectFrom('system_partner').select('settings_json').where('id', '=', systemPartnerId).executeTakeFirst();
  try {
    return parsePriorityMatrix(sp ? JSON.parse(sp.settings_json).priorityMatrix : undefined);
  } catch {
    return parsePriorityMatrix(undefined);
  }
}

export function tagKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

export async function ensureTags(trx: Db, businessPartnerId: string, names: string[], now: string): Promise<string[]> {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = raw.trim().normalize('NFC');
    const key = tagKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const existing = await trx
      .selectFrom('tag')
      .select('id')
      .where('business_partner_id', '=', businessPartnerId)
      .where('name_key', '=', key)
      .executeTakeFirst();
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const id = newId();
    await trx.insertInto('tag').values({ id, business_partner_id: businessPartnerId, name, name_key: key, created_at: now }).execute();
    ids.push(id);
  }
  return ids;
}

/** Links the caller's own unlinked uploads to a ticket (and a position). Unknown ids → 422. */
export async function claimUploads(
  trx: Db,
  actor: Actor,
  ids: string[],
  ticketId: string,
  positionId: string | null,
  path: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await trx
    .selectFrom('attachment')
    .select(['id'])
    .where('id', 'in', unique)
    .where('uploaded_by', '=', actor.accountId)
    .where('ticket_id', 'is', null)
    .execute();
  if (rows.length !== unique.length) {
    throw invalid([{ path, message: 'An attachment is unknown or already used; upload it again' }]);
  }
  await trx.updateTable('attachment').set({ ticket_id: ticketId, position_id: positionId }).where('id', 'in', unique).execute();
}

/** Makes sure every `<img>` in rich text shows an attachment the ticket will own. */
function imageIds(html: string): string[] {
  return [...html.matchAll(/src="\/api\/attachments\/([a-z0-9]+)(?:\?inline=1)?"/g)].map((m) => m[1]!);
}

export async function checkImages(trx: Db, actor: Actor, html: string, ticketId: string | null, path: string): Promise<string[]> {
  const ids = [...new Set(imageIds(html))];
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('attachment')
    .select(['id', 'ticket_id', 'uploaded_by', 'content_type'])
    .where('id', 'in', ids)
    .execute();
  const ok = rows.filter(
    (r) =>
      ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(r.content_type) &&
      (r.ticket_id === null ? r.uploaded_by === actor.accountId : r.ticket_id === ticketId),
  );
  if (ok.length !== ids.length) {
    throw invalid([{ path, message: 'An image in the text is not an uploaded picture of this ticket' }]);
  }
  return rows.filter((r) => r.ticket_id === null).map((r) => r.id);
}

interface HistoryEntry {
  ticketId: string;
  authorId: string | null;
  kind: 'customer' | 'agent' | 'system';
  event?: string | null;
  data?: Record<string, unknown> | null;
  bodyHtml?: string;
  internal?: boolean;
  at: string;
}

export async function addHistory(trx: Db, e: HistoryEntry): Promise<string> {
  const id = newId();
  const html = e.bodyHtml ?? '';
  await trx
    .insertInto('position')
    .values({
      id,
      ticket_id: e.ticketId,
      author_id: e.authorId,
      kind: e.kind,
      event: e.event ?? null,
      data_json: e.data ? JSON.stringify(e.data) : null,
      body_html: html,
      body_text: html ? htmlToText(html) : '',
      internal: e.internal ? 1 : 0,
      created_at: e.at,
    })
    .execute();
  return id;
}

/** Instants must grow strictly per ticket, so history order is never ambiguous. */
function touch(trx: Db, ticketId: string, at: string, set: Partial<Record<string, unknown>> = {}) {
  return trx
    .updateTable('ticket')
    .set({ ...set, updated_at: at, version: sql`version + 1` } as never)
    .where('id', '=', ticketId)
    .execute();
}

export async function createTicket(deps: Deps, actor: Actor, input: CreateTicketInput, requestId?: string): Promise<string> {
  const { db, clock } = deps;
  if (actor.kind !== 'customer') throw forbidden('Only customer accounts create tickets here');
  const writable = writePartnerIds(actor);
  if (writable.length === 0) throw forbidden('Your permission group may not create tickets');
  let bpId = input.businessPartnerId;
  if (!bpId) {
    if (writable.length > 1) {
      throw invalid([{ path: 'businessPartnerId', message: 'Choose the business partner this ticket is for' }]);
    }
    bpId = writable[0]!;
  }
  const rights = creationRights(actor, bpId);
  if (!membershipIn(actor, bpId)) {
    throw invalid([{ path: 'businessPartnerId', message: 'You do not belong to this business partner' }]);
  }
  if (!rights.create) throw forbidden('Your permission group may not create tickets for this business partner');

  const descriptionHtml = sanitizeRichText(input.description);
  const now = clock.now().toISOString();
  const matrix = await priorityMatrixOf(db, actor.systemPartnerId);
  const priority = derivePriority(input.urgency, input.impact, matrix);
  const released = input.release && rights.releaseAtCreation;

  const id = newId();
  await db.transaction().execute(async (trx) => {
    const type = await trx.selectFrom('ticket_type').select('id').where('id', '=', input.typeId).where('system_partner_id', '=', actor.systemPartnerId).where('active', '=', 1).executeTakeFirst();
    const area = await trx.selectFrom('area').select('id').where('id', '=', input.areaId).where('system_partner_id', '=', actor.systemPartnerId).where('active', '=', 1).executeTakeFirst();
    const issues = [];
    if (!type) issues.push({ path: 'typeId', message: 'Unknown ticket type' });
    if (!area) issues.push({ path: 'areaId', message: 'Unknown area' });
    if (issues.length) throw invalid(issues);

    const max = await trx
      .selectFrom('ticket')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('system_partner_id', '=', actor.systemPartnerId)
      .executeTakeFirst();
    const number = Number(max?.n ?? 10000) + 1;
    await trx
      .insertInto('ticket')
      .values({
        id,
        number,
        system_partner_id: actor.systemPartnerId,
        business_partner_id: bpId!,
        author_id: actor.accountId,
        subject: input.subject,
        description_html: descriptionHtml,
        description_text: htmlToText(descriptionHtml),
        reference_no: input.referenceNo?.trim() || null,
        type_id: input.typeId,
        area_id: input.areaId,
        urgency: input.urgency,
        impact: input.impact,
        priority,
        private: input.private ? 1 : 0,
        status: released ? 'new' : 'awaiting_release',
        released_at: released ? now : null,
        released_by: released ? actor.accountId : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const tagIds = await ensureTags(trx, bpId!, input.tags, now);
    if (tagIds.length) await trx.insertInto('ticket_tag').values(tagIds.map((tag_id) => ({ ticket_id: id, tag_id }))).execute();
    const imageUploads = await checkImages(trx, actor, descriptionHtml, null, 'description');
    await claimUploads(trx, actor, [...input.attachmentIds, ...imageUploads], id, null, 'attachmentIds');
    await addHistory(trx, { ticketId: id, authorId: actor.accountId, kind: 'system', event: 'created', at: now });
    if (released) {
      await addHistory(trx, { ticketId: id, authorId: actor.accountId, kind: 'system', event: 'released', data: { onCreation: true }, at: now });
    } else {
      await addHistory(trx, { ticketId: id, authorId: actor.accountId, kind: 'system', event: 'submitted_for_release', at: now });
    }
    await indexTicket(trx, id);
    await audit(trx, { at: clock.now(), actorId: actor.accountId, action: 'ticket.created', entity: 'ticket', entityId: id, data: { released }, ...(requestId ? { requestId } : {}) });
    await notifyTicketEvent(deps, trx, { ticketId: id, event: released ? 'created_released' : 'submitted_for_release', actorId: actor.accountId });
  });
  return id;
}

/** R-TICKET-3: a customer's position (message). */
export async function addCustomerPosition(
  deps: Deps,
  actor: Actor,
  ticketId: string,
  input: { body: string; attachmentIds: string[] },
): Promise<string> {
  const { db, clock } = deps;
  const t = await requireVisibleTicket(db, actor, ticketId);
  const can = ticketAbilities(actor, t);
  if (!can.comment) {
    if (t.status === 'closed' && membershipIn(actor, t.business_partner_id)?.canWrite) {
      throw new ApiError('conflict', 'The ticket is closed; reopen it to add a position');
    }
    throw forbidden('Your permission group may not write positions');
  }
  const html = sanitizeRichText(input.body);
  if (isBlankRichText(html) && input.attachmentIds.length === 0) {
    throw invalid([{ path: 'body', message: 'Write a text or attach a file' }]);
  }
  const now = clock.now().toISOString();
  let positionId = '';
  await db.transaction().execute(async (trx) => {
    const images = await checkImages(trx, actor, html, ticketId, 'body');
    positionId = await addHistory(trx, { ticketId, authorId: actor.accountId, kind: 'customer', bodyHtml: html, at: now });
    await claimUploads(trx, actor, [...input.attachmentIds, ...images], ticketId, positionId, 'attachmentIds');
    // A customer's answer on "waiting for customer" hands the ticket back to the agents.
    if (t.status === 'waiting_for_customer') {
      await addHistory(trx, { ticketId, authorId: actor.accountId, kind: 'system', event: 'status_changed', data: { from: t.status, to: 'in_progress' }, at: now });
      await touch(trx, ticketId, now, { status: 'in_progress' });
    } else {
      await touch(trx, ticketId, now);
    }
    await indexTicket(trx, ticketId);
    await notifyTicketEvent(deps, trx, { ticketId, event: 'customer_position', actorId: actor.accountId, positionId });
  });
  return positionId;
}

/** R-TICKET-4: close with a required, detailed reason. */
export async function closeTicket(deps: Deps, actor: Actor, ticketId: string, reason: string): Promise<void> {
  const { db, clock } = deps;
  const t = await requireVisibleTicket(db, actor, ticketId);
  const can = ticketAbilities(actor, t);
  if (!membershipIn(actor, t.business_partner_id)?.canWrite) throw forbidden('Your permission group may not close tickets');
  if (!can.close) throw new ApiError('conflict', t.status === 'closed' ? 'The ticket is already closed' : 'The ticket cannot be closed in its current state');
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('ticket')
      .set({ status: 'closed', closed_at: now, closed_reason: reason, updated_at: now, version: sql`version + 1` })
      .where('id', '=', ticketId)
      .where('status', '=', t.status)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'The ticket changed meanwhile; reload it');
    await addHistory(trx, { ticketId, authorId: actor.accountId, kind: 'system', event: 'closed', data: { from: t.status, reason }, at: now });
    await indexTicket(trx, ticketId);
    await notifyTicketEvent(deps, trx, { ticketId, event: 'closed_by_customer', actorId: actor.accountId });
  });
}

/** R-TICKET-5: reopen a closed (or resolved) ticket with a reason. */
export async function reopenTicket(deps: Deps, actor: Actor, ticketId: string, reason: string): Promise<void> {
  const { db, clock } = deps;
  const t = await requireVisibleTicket(db, actor, ticketId);
  const can = ticketAbilities(actor, t);
  if (!membershipIn(actor, t.business_partner_id)?.canWrite) throw forbidden('Your permission group may not reopen tickets');
  if (!can.reopen) throw new ApiError('conflict', 'Only closed or resolved tickets can be reopened');
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('ticket')
      .set({ status: 'in_progress', closed_at: null, closed_reason: null, updated_at: now, version: sql`version + 1` })
      .where('id', '=', ticketId)
      .where('status', '=', t.status)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'The ticket changed meanwhile; reload it');
    await addHistory(trx, { ticketId, authorId: actor.accountId, kind: 'system', event: 'reopened', data: { from: t.status, reason }, at: now });
    await notifyTicketEvent(deps, trx, { ticketId, event: 'reopened', actorId: actor.accountId });
  });
}

/** Statuses that count as open (for queries and statistics). */
export const OPEN = openStatuses;
