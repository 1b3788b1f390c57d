import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Locale } from '../db/schema.js';
import type { Actor } from './actor.js';
import { partnerIds, ticketVisibility } from './access.js';
import { foldText } from '../db/search.js';
import { priorityMatrixOf } from './tickets.js';
import { invalid, notFound, forbidden } from '../http/errors.js';
import { ticketFilter, type TicketFilter } from '../schemas/tickets.js';
import { newId } from '../ids.js';

/** R-WIZ-7: the system partner's ticket types, the ones the caller's partners use most first. */
export async function listTypes(deps: Deps, actor: Actor, locale: Locale) {
  const partners = partnerIds(actor);
  const n = locale === 'de' ? 'name_de' : 'name_en';
  const usage = partners.length
    ? await deps.db
        .selectFrom('ticket')
        .select(['type_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('business_partner_id', 'in', partners)
        .groupBy('type_id')
        .execute()
    : [];
  const used = new Map(usage.map((u) => [u.type_id, Number(u.n)]));
  const rows = await deps.db
    .selectFrom('ticket_type')
    .select(['id', `${n} as name`, 'sort'])
    .where('system_partner_id', '=', actor.systemPartnerId)
    .where('active', '=', 1)
    .execute();
  return rows
    .map((r) => ({ id: r.id, name: r.name, usage: used.get(r.id) ?? 0, sort: r.sort }))
    .sort((a, b) => b.usage - a.usage || a.sort - b.sort || a.name.localeCompare(b.name, locale))
    .map(({ sort: _s, ...r }) => r);
}

export async function listAreas(deps: Deps, actor: Actor, locale: Locale) {
  const n = locale === 'de' ? 'name_de' : 'name_en';
  const rows = await deps.db
    .selectFrom('area')
    .select(['id', `${n} as name`])
    .where('system_partner_id', '=', actor.systemPartnerId)
    .where('active', '=', 1)
    .orderBy('sort')
    .orderBy(n)
    .execute();
  return rows;
}

export function listPartners(actor: Actor) {
  return actor.memberships.map((m) => ({
    id: m.businessPartnerId,
    name: m.businessPartnerName,
    role: m.role,
    canWrite: m.canWrite,
    canRelease: m.canRelease,
  }));
}

/**
 * R-WIZ-2: tag suggestions by prefix, ranked by use within the partner — counted over the
 * tickets the caller may see only, so a colleague's private ticket does not leak its tags.
 */
export async function suggestTags(deps: Deps, actor: Actor, prefix: string, partnerId: string | undefined, limit: number) {
  const partners = partnerIds(actor);
  if (partners.length === 0) return [];
  const scope = partnerId ? (partners.includes(partnerId) ? [partnerId] : []) : partners;
  if (scope.length === 0) return [];
  const key = prefix.trim().normalize('NFC').toLowerCase();
  const escaped = key.replace(/[\\%_]/g, (c) => '\\' + c);
  const rows = await deps.db
    .selectFrom('tag')
    .leftJoin('ticket_tag', 'ticket_tag.tag_id', 'tag.id')
    .leftJoin('ticket', (join) => join.onRef('ticket.id', '=', 'ticket_tag.ticket_id'))
    .select(['tag.name', 'tag.name_key', (eb) => eb.fn.count<number>('ticket.id').as('uses')])
    .where('tag.business_partner_id', 'in', scope)
    .where(sql<boolean>`tag.name_key LIKE ${escaped + '%'} ESCAPE '\\'`)
    .where((eb) => eb.or([eb('ticket.id', 'is', null), ticketVisibility(actor)(eb)]))
    .groupBy(['tag.name_key', 'tag.name'])
    .execute();
  // the same tag may exist per partner: merge by key
  const merged = new Map<string, { name: string; uses: number }>();
  for (const r of rows) {
    const m = merged.get(r.name_key);
    if (m) m.uses += Number(r.uses);
    else merged.set(r.name_key, { name: r.name, uses: Number(r.uses) });
  }
  return [...merged.values()]
    .filter((t) => t.uses > 0 || key.length > 0)
    .sort((a, b) => b.uses - a.uses || foldText(a.name).localeCompare(foldText(b.name)))
    .slice(0, limit);
}

export async function priorityMatrix(deps: Deps, actor: Actor) {
  return priorityMatrixOf(deps.db, actor.systemPartnerId);
}

// --- saved queries (R-BOARD-2) -------------------------------------------------------------

export async function listQueries(deps: Deps, actor: Actor, locale: Locale) {
  const rows = await deps.db
    .selectFrom('saved_query')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('system_partner_id', '=', actor.systemPartnerId), eb('account_id', 'is', null)]),
        eb('account_id', '=', actor.accountId),
      ]),
    )
    .orderBy(sql`account_id IS NOT NULL`)
    .orderBy('sort')
    .orderBy('created_at')
    .execute();
  return rows
    .map((r) => {
      const parsed = ticketFilter.safeParse(JSON.parse(r.filter_json));
      return {
        id: r.id,
        key: r.key,
        name: locale === 'de' ? r.name_de : r.name_en,
        description: locale === 'de' ? r.description_de : r.description_en,
        personal: r.account_id !== null,
        filter: parsed.success ? parsed.data : {},
      };
    })
    .filter((q) => actor.kind === 'agent' || q.key !== 'awaiting_release' || actor.memberships.length > 0);
}

export async function createQuery(deps: Deps, actor: Actor, input: { name: string; description: string; filter: TicketFilter }) {
  const count = await deps.db.selectFrom('saved_query').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', actor.accountId).executeTakeFirstOrThrow();
  if (Number(count.n) >= 50) throw invalid([{ path: 'name', message: 'You can keep at most 50 personal queries; delete one first' }]);
  const id = newId();
  await deps.db
    .insertInto('saved_query')
    .values({
      id,
      system_partner_id: null,
      account_id: actor.accountId,
      key: null,
      name_de: input.name,
      name_en: input.name,
      description_de: input.description,
      description_en: input.description,
      filter_json: JSON.stringify(input.filter),
      sort: 1000,
      created_at: deps.clock.now().toISOString(),
    })
    .execute();
  return { id, key: null, name: input.name, description: input.description, personal: true, filter: input.filter };
}

export async function deleteQuery(deps: Deps, actor: Actor, id: string) {
  const row = await deps.db.selectFrom('saved_query').select(['id', 'account_id', 'system_partner_id']).where('id', '=', id).executeTakeFirst();
  // only queries the caller can list exist for them: own ones and their system partner's
  const mine = row && (row.account_id === null ? row.system_partner_id === actor.systemPartnerId : row.account_id === actor.accountId);
  if (!row || !mine) throw notFound('Query');
  if (row.account_id === null) throw forbidden('System queries cannot be deleted');
  await deps.db.deleteFrom('saved_query').where('id', '=', id).execute();
}

// --- small per-account preferences ----------------------------------------------------------

export async function getPref(deps: Deps, actor: Actor, key: string): Promise<unknown> {
  const row = await deps.db.selectFrom('account_pref').select('value_json').where('account_id', '=', actor.accountId).where('key', '=', key).executeTakeFirst();
  return row ? JSON.parse(row.value_json) : null;
}

export async function setPref(deps: Deps, actor: Actor, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  if (json.length > 4000) throw invalid([{ path: 'value', message: 'The value is too large' }]);
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('account_pref')
    .values({ account_id: actor.accountId, key, value_json: json, updated_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'key']).doUpdateSet({ value_json: json, updated_at: now }))
    .execute();
}
