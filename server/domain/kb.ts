import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Locale } from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { Actor } from './actor.js';
import { partnerIds } from './access.js';
import { ApiError, forbidden, invalid, notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import { htmlToText, sanitizeRichText } from './richtext.js';
import { indexArticle, searchTerms } from '../db/search.js';
import { highlight, snippet, type Segment } from './highlight.js';
import { audit } from './audit.js';

/**
 * R-KB: knowledge-base articles are shared with business partners. A customer sees an article
 * only when it is shared with one of their partners (otherwise 404, like a missing one); agents
 * see every article of their system partner. Search is restricted by sharing before it ranks.
 */
type Eb = ExpressionBuilder<Database, 'kb_article' | 'kb_section'>;

export function articleVisibility(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    if (actor.kind === 'agent') return eb('kb_section.system_partner_id', '=', actor.systemPartnerId);
    const partners = partnerIds(actor);
    if (partners.length === 0) return sql<SqlBool>`0`;
    return eb.and([
      eb('kb_section.system_partner_id', '=', actor.systemPartnerId),
      eb.exists(
        eb
          .selectFrom('kb_share')
          .select('kb_share.article_id')
          .whereRef('kb_share.article_id', '=', 'kb_article.id')
          .where('kb_share.business_partner_id', 'in', partners),
      ),
    ]);
  };
}

const MIN_INDEXED = 3;
const ftsString = (t: string) => '"' + t.replace(/"/g, '""') + '"';

/** Visible article ids matching the query, best first (bm25, titles weigh 10×). */
async function searchArticleIds(deps: Deps, actor: Actor, q: string, sectionId?: string, language?: Locale): Promise<string[]> {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const long = terms.filter((t) => [...t].length >= MIN_INDEXED);
  const short = terms.filter((t) => [...t].length < MIN_INDEXED);
  let query = deps.db
    .selectFrom('kb_fts')
    .innerJoin('kb_article', 'kb_article.id', 'kb_fts.article_id')
    .innerJoin('kb_section', 'kb_section.id', 'kb_article.section_id')
    .select('kb_article.id')
    .where(articleVisibility(actor));
  if (sectionId) query = query.where('kb_article.section_id', '=', sectionId);
  if (language) query = query.where('kb_article.language', '=', language);
  for (const t of short) {
    query = query.where(sql<SqlBool>`(instr(kb_fts.title, ${t}) > 0 OR instr(kb_fts.body, ${t}) > 0)`);
  }
  if (long.length > 0) {
    const match = long.map((t) => `{title body} : ${ftsString(t)}`).join(' AND ');
    query = query.where(sql<SqlBool>`kb_fts MATCH ${match}`).orderBy(sql`bm25(kb_fts, 0.0, 10.0, 1.0)`);
  } else {
    query = query.orderBy('kb_article.title');
  }
  // generous: section counts and totals come from this list
  const rows = await query.limit(5000).execute();
  return rows.map((r) => r.id);
}

export interface KbSectionDto {
  id: string;
  name: string;
  articleCount: number;
}

/**
 * Sections with the number of visible (and, with `q`, matching; with `language`, written in it)
 * articles; empty ones are left out.
 */
export async function listSections(deps: Deps, actor: Actor, locale: Locale, q?: string, language?: Locale): Promise<KbSectionDto[]> {
  const n = locale === 'de' ? 'name_de' : 'name_en';
  const articles = await visibleArticles(deps, actor, q, language);
  if (!articles) return [];
  const rows = await articles
    .select(['kb_section.id', `kb_section.${n} as name`, 'kb_section.sort', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['kb_section.id', `kb_section.${n}`, 'kb_section.sort'])
    .orderBy('kb_section.sort')
    .orderBy(`kb_section.${n}`)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, articleCount: Number(r.n) }));
}

/**
 * The articles the actor may read, with their sections — with `q` only the matching ones, with
 * `language` only those written in it; null when a search matched nothing. Counts start here.
 */
async function visibleArticles(deps: Deps, actor: Actor, q?: string, language?: Locale) {
  const matching = q && q.trim() ? await searchArticleIds(deps, actor, q, undefined, language) : null;
  if (matching && matching.length === 0) return null;
  let query = deps.db
    .selectFrom('kb_article')
    .innerJoin('kb_section', 'kb_section.id', 'kb_article.section_id')
    .where(articleVisibility(actor));
  // the search has applied the language already
  if (matching) query = query.where('kb_article.id', 'in', matching);
  else if (language) query = query.where('kb_article.language', '=', language);
  return query;
}

export interface KbArticleListItem {
  id: string;
  title: string;
  sectionId: string;
  language: Locale;
  updatedAt: string;
  /** title and a snippet of the body as segments; `match` parts are the search hits */
  titleSegments: Segment[];
  snippet: Segment[];
}

export interface KbLanguageDto {
  language: Locale;
  articleCount: number;
}

/** How many visible (and, with `q`, matching) articles each language has; languages without any are left out. */
export async function listLanguages(deps: Deps, actor: Actor, q?: string): Promise<KbLanguageDto[]> {
  const articles = await visibleArticles(deps, actor, q);
  if (!articles) return [];
  const rows = await articles
    .select(['kb_article.language', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kb_article.language')
    .orderBy('kb_article.language')
    .execute();
  return rows.map((r) => ({ language: r.language, articleCount: Number(r.n) }));
}

export async function listArticles(deps: Deps, actor: Actor, opts: { section?: string; q?: string; language?: Locale }) {
  const q = opts.q?.trim() ?? '';
  const ids = q ? await searchArticleIds(deps, actor, q, opts.section, opts.language) : null;
  if (ids && ids.length === 0) return { items: [] as KbArticleListItem[], total: 0, page: 1, pageSize: 0 };
  let query = deps.db
    .selectFrom('kb_article')
    .innerJoin('kb_section', 'kb_section.id', 'kb_article.section_id')
    .select(['kb_article.id', 'kb_article.title', 'kb_article.section_id', 'kb_article.language', 'kb_article.created_at', 'kb_article.updated_at', 'kb_article.body_text'])
    .where(articleVisibility(actor));
  if (opts.section) query = query.where('kb_article.section_id', '=', opts.section);
  if (opts.language) query = query.where('kb_article.language', '=', opts.language);
  if (ids) query = query.where('kb_article.id', 'in', ids);
  const rows = await query.orderBy('kb_article.title').execute();
  if (ids) {
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
  const items: KbArticleListItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    sectionId: r.section_id,
    language: r.language,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    titleSegments: q ? highlight(r.title, q) : [{ text: r.title, match: false }],
    snippet: snippet(r.body_text, q, 180),
  }));
  return { items, total: items.length, page: 1, pageSize: items.length };
}

export async function getArticle(deps: Deps, actor: Actor, id: string, locale: Locale) {
  const n = locale === 'de' ? 'name_de' : 'name_en';
  const row = await deps.db
    .selectFrom('kb_article')
    .innerJoin('kb_section', 'kb_section.id', 'kb_article.section_id')
    .leftJoin('account', 'account.id', 'kb_article.author_id')
    .select([
      'kb_article.id',
      'kb_article.title',
      'kb_article.section_id',
      `kb_section.${n} as section_name`,
      'kb_article.language',
      'kb_article.body_html',
      'kb_article.attribution_html',
      'kb_article.created_at',
      'kb_article.updated_at',
      'kb_article.version',
      'account.name as author_name',
    ])
    .where('kb_article.id', '=', id)
    .where(articleVisibility(actor))
    .executeTakeFirst();
  if (!row) throw notFound('Article');
  const shares =
    actor.kind === 'agent'
      ? (await deps.db.selectFrom('kb_share').select('business_partner_id').where('article_id', '=', id).execute()).map((s) => s.business_partner_id)
      : undefined;
  return {
    id: row.id,
    title: row.title,
    section: { id: row.section_id, name: row.section_name },
    language: row.language,
    bodyHtml: row.body_html,
    attributionHtml: row.attribution_html,
    author: row.author_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    ...(shares ? { businessPartnerIds: shares } : {}),
  };
}

// --- agent side -----------------------------------------------------------------------------

function requireAgent(actor: Actor) {
  if (actor.kind !== 'agent') throw forbidden('Only service-desk agents may edit the knowledge base');
}

async function requireSection(deps: Deps, actor: Actor, id: string, path = 'sectionId') {
  const s = await deps.db.selectFrom('kb_section').selectAll().where('id', '=', id).where('system_partner_id', '=', actor.systemPartnerId).executeTakeFirst();
  if (!s) throw invalid([{ path, message: 'Unknown section' }]);
  return s;
}

async function checkPartners(deps: Deps, actor: Actor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const rows = await deps.db.selectFrom('business_partner').select('id').where('id', 'in', unique).where('system_partner_id', '=', actor.systemPartnerId).execute();
  if (rows.length !== unique.length) throw invalid([{ path: 'businessPartnerIds', message: 'Unknown business partner' }]);
  return unique;
}

export async function agentListSections(deps: Deps, actor: Actor) {
  requireAgent(actor);
  const rows = await deps.db
    .selectFrom('kb_section')
    .leftJoin('kb_article', 'kb_article.section_id', 'kb_section.id')
    .select(['kb_section.id', 'kb_section.name_de', 'kb_section.name_en', 'kb_section.sort', (eb) => eb.fn.count<number>('kb_article.id').as('n')])
    .where('kb_section.system_partner_id', '=', actor.systemPartnerId)
    .groupBy(['kb_section.id', 'kb_section.name_de', 'kb_section.name_en', 'kb_section.sort'])
    .orderBy('kb_section.sort')
    .execute();
  return rows.map((r) => ({ id: r.id, nameDe: r.name_de, nameEn: r.name_en, sort: r.sort, articleCount: Number(r.n) }));
}

export async function agentCreateSection(deps: Deps, actor: Actor, input: { nameDe: string; nameEn: string; sort?: number | undefined }) {
  requireAgent(actor);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('kb_section')
    .values({ id, system_partner_id: actor.systemPartnerId, name_de: input.nameDe, name_en: input.nameEn, sort: input.sort ?? 100, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function agentUpdateSection(deps: Deps, actor: Actor, id: string, input: { nameDe?: string | undefined; nameEn?: string | undefined; sort?: number | undefined }) {
  requireAgent(actor);
  const s = await deps.db.selectFrom('kb_section').select('id').where('id', '=', id).where('system_partner_id', '=', actor.systemPartnerId).executeTakeFirst();
  if (!s) throw notFound('Section');
  await deps.db
    .updateTable('kb_section')
    .set({
      ...(input.nameDe !== undefined ? { name_de: input.nameDe } : {}),
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.sort !== undefined ? { sort: input.sort } : {}),
      updated_at: deps.clock.now().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function agentDeleteSection(deps: Deps, actor: Actor, id: string) {
  requireAgent(actor);
  const s = await deps.db.selectFrom('kb_section').select('id').where('id', '=', id).where('system_partner_id', '=', actor.systemPartnerId).executeTakeFirst();
  if (!s) throw notFound('Section');
  const any = await deps.db.selectFrom('kb_article').select('id').where('section_id', '=', id).limit(1).executeTakeFirst();
  if (any) throw new ApiError('conflict', 'The section still has articles; move or delete them first');
  await deps.db.deleteFrom('kb_section').where('id', '=', id).execute();
}

export async function agentListArticles(deps: Deps, actor: Actor) {
  requireAgent(actor);
  const rows = await deps.db
    .selectFrom('kb_article')
    .innerJoin('kb_section', 'kb_section.id', 'kb_article.section_id')
    .select(['kb_article.id', 'kb_article.title', 'kb_article.section_id', 'kb_article.language', 'kb_article.updated_at', 'kb_article.version'])
    .where('kb_section.system_partner_id', '=', actor.systemPartnerId)
    .orderBy('kb_article.title')
    .execute();
  const shares = await deps.db
    .selectFrom('kb_share')
    .innerJoin('kb_article', 'kb_article.id', 'kb_share.article_id')
    .innerJoin('kb_section', 'kb_section.id', 'kb_article.section_id')
    .select(['kb_share.article_id', 'kb_share.business_partner_id'])
    .where('kb_section.system_partner_id', '=', actor.systemPartnerId)
    .execute();
  const byArticle = new Map<string, string[]>();
  for (const s of shares) byArticle.set(s.article_id, [...(byArticle.get(s.article_id) ?? []), s.business_partner_id]);
  const items = rows.map((r) => ({
    id: r.id,
    title: r.title,
    sectionId: r.section_id,
    language: r.language,
    updatedAt: r.updated_at,
    version: r.version,
    businessPartnerIds: byArticle.get(r.id) ?? [],
  }));
  return { items, total: items.length, page: 1, pageSize: items.length };
}

export async function agentCreateArticle(
  deps: Deps,
  actor: Actor,
  input: { sectionId: string; language: Locale; title: string; bodyHtml: string; attributionHtml?: string | null | undefined; businessPartnerIds: string[] },
) {
  requireAgent(actor);
  await requireSection(deps, actor, input.sectionId);
  const partners = await checkPartners(deps, actor, input.businessPartnerIds);
  const html = sanitizeRichText(input.bodyHtml);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('kb_article')
      .values({
        id,
        section_id: input.sectionId,
        language: input.language,
        title: input.title,
        body_html: html,
        body_text: htmlToText(html),
        attribution_html: input.attributionHtml ? sanitizeRichText(input.attributionHtml) : null,
        author_id: actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (partners.length) await trx.insertInto('kb_share').values(partners.map((p) => ({ article_id: id, business_partner_id: p, created_at: now }))).execute();
    await indexArticle(trx, id);
    await audit(trx, { at: deps.clock.now(), actorId: actor.accountId, action: 'kb.article_created', entity: 'kb_article', entityId: id });
  });
  return id;
}

/** Edits keep the updated date honest: it moves only when something actually changed. */
export async function agentUpdateArticle(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; sectionId?: string | undefined; language?: Locale | undefined; title?: string | undefined; bodyHtml?: string | undefined; attributionHtml?: string | null | undefined },
  locale: Locale = 'en',
) {
  requireAgent(actor);
  // `current` goes back in a 409, so it reads like a GET in the caller's language
  const current = await getArticle(deps, actor, id, locale);
  if (input.sectionId !== undefined) await requireSection(deps, actor, input.sectionId);
  if (current.version !== input.version) {
    throw new ApiError('conflict', 'Someone else changed the article meanwhile', { current });
  }
  const html = input.bodyHtml !== undefined ? sanitizeRichText(input.bodyHtml) : undefined;
  const set: Record<string, unknown> = {};
  if (input.sectionId !== undefined && input.sectionId !== current.section.id) set.section_id = input.sectionId;
  if (input.language !== undefined && input.language !== current.language) set.language = input.language;
  if (input.title !== undefined && input.title !== current.title) set.title = input.title;
  if (html !== undefined && html !== current.bodyHtml) {
    set.body_html = html;
    set.body_text = htmlToText(html);
  }
  if (input.attributionHtml !== undefined) {
    const attr = input.attributionHtml ? sanitizeRichText(input.attributionHtml) : null;
    if (attr !== current.attributionHtml) set.attribution_html = attr;
  }
  if (Object.keys(set).length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('kb_article')
      .set({ ...set, updated_at: deps.clock.now().toISOString(), version: sql`version + 1` } as never)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'Someone else changed the article meanwhile');
    await indexArticle(trx, id);
    await audit(trx, { at: deps.clock.now(), actorId: actor.accountId, action: 'kb.article_updated', entity: 'kb_article', entityId: id, data: { fields: Object.keys(set) } });
  });
}

export async function agentSetShares(deps: Deps, actor: Actor, id: string, businessPartnerIds: string[]) {
  requireAgent(actor);
  await getArticle(deps, actor, id, 'en');
  const partners = await checkPartners(deps, actor, businessPartnerIds);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('kb_share').where('article_id', '=', id).execute();
    if (partners.length) await trx.insertInto('kb_share').values(partners.map((p) => ({ article_id: id, business_partner_id: p, created_at: now }))).execute();
    await audit(trx, { at: deps.clock.now(), actorId: actor.accountId, action: 'kb.article_shared', entity: 'kb_article', entityId: id, data: { businessPartnerIds: partners } });
  });
}

export async function agentDeleteArticle(deps: Deps, actor: Actor, id: string) {
  requireAgent(actor);
  await getArticle(deps, actor, id, 'en');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('kb_article').where('id', '=', id).execute();
    await indexArticle(trx, id);
    await audit(trx, { at: deps.clock.now(), actorId: actor.accountId, action: 'kb.article_deleted', entity: 'kb_article', entityId: id });
  });
}
