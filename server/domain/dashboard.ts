import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Locale } from '../db/schema.js';
import type { Actor } from './actor.js';
import { ticketVisibility } from './access.js';
import { describeMe } from './me.js';
import { ticketStatuses } from '../schemas/tickets.js';

const WEEK = 7 * 86_400_000;

/** Monday 00:00 UTC of the week containing `d`. */
export function weekStart(d: Date): Date {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
}

/**
 * R-DASH-1..4: greeting data, pending releases, the user's recent history and statistics, and
 * the system partner's quick links. `scope` 'mine' counts the tickets the user wrote; 'all' every
 * ticket the user may see. Everything goes through the access policy.
 */
export async function dashboard(deps: Deps, actor: Actor, locale: Locale, scope: 'mine' | 'all') {
  const { db, clock } = deps;
  const now = clock.now();
  const me = await describeMe(deps, actor);
  const visible = ticketVisibility(actor);
  const mineOnly = scope === 'mine' && actor.kind === 'customer';

  // history: what happened lately on the user's tickets (by others too), newest first
  const history = await db
    .selectFrom('position')
    .innerJoin('ticket', 'ticket.id', 'position.ticket_id')
    .leftJoin('account', 'account.id', 'position.author_id')
    .select([
      'position.id',
      'position.kind',
      'position.event',
      'position.data_json',
      'position.body_text',
      'position.created_at',
      'position.author_id',
      'account.name as author_name',
      'ticket.id as ticket_id',
      'ticket.number',
      'ticket.subject',
      'ticket.status',
    ])
    .where(visible)
    .where('position.internal', '=', 0)
    // agents: every visible ticket (a bound `true` is no SQLite value, so no condition at all)
    .$if(actor.kind !== 'agent', (q) =>
      q.where((eb) =>
        eb.or([
          eb('ticket.author_id', '=', actor.accountId),
          eb.exists(
            eb
              .selectFrom('position as mine')
              .select('mine.id')
              .whereRef('mine.ticket_id', '=', 'ticket.id')
              .where('mine.author_id', '=', actor.accountId),
          ),
        ]),
      ),
    )
    .where((eb) => eb.or([eb('position.event', 'is', null), eb('position.event', '!=', 'created')]))
    .orderBy('position.created_at', 'desc')
    .orderBy(sql`position.rowid`, 'desc')
    .limit(15)
    .execute();

  const scoped = () => {
    let q = db.selectFrom('ticket').where(visible);
    if (mineOnly) q = q.where('ticket.author_id', '=', actor.accountId);
    return q;
  };

  const byStatusRows = await scoped()
    .select(['ticket.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('ticket.status')
    .execute();
  const byStatus = ticketStatuses.map((s) => ({ status: s, count: Number(byStatusRows.find((r) => r.status === s)?.n ?? 0) }));

  const n = locale === 'de' ? 'name_de' : 'name_en';
  const byTypeRows = await scoped()
    .innerJoin('ticket_type as ty', 'ty.id', 'ticket.type_id')
    .select(['ty.id', `ty.${n} as name`, (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['ty.id', `ty.${n}`])
    .orderBy('n', 'desc')
    .execute();
  const byType = byTypeRows.map((r) => ({ typeId: r.id, name: r.name, count: Number(r.n) }));

  // opened vs closed per week, the last 12 weeks including this one
  const first = new Date(weekStart(now).getTime() - 11 * WEEK);
  const firstIso = first.toISOString();
  const opened = await scoped().select('ticket.created_at as at').where('ticket.created_at', '>=', firstIso).execute();
  const closed = await scoped().select('ticket.closed_at as at').where('ticket.closed_at', '>=', firstIso).execute();
  const weeks = Array.from({ length: 12 }, (_, i) => ({
    weekStart: new Date(first.getTime() + i * WEEK).toISOString().slice(0, 10),
    opened: 0,
    closed: 0,
  }));
  const bucket = (iso: string | null) => (iso ? Math.floor((new Date(iso).getTime() - first.getTime()) / WEEK) : -1);
  for (const r of opened) {
    const i = bucket(r.at);
    if (i >= 0 && i < 12) weeks[i]!.opened++;
  }
  for (const r of closed) {
    const i = bucket(r.at);
    if (i >= 0 && i < 12) weeks[i]!.closed++;
  }

  const links = await db
    .selectFrom('quick_link')
    .select(['id', 'label_de', 'label_en', 'url'])
    .where('system_partner_id', '=', actor.systemPartnerId)
    .orderBy('sort')
    .execute();

  return {
    account: me.account,
    counts: me.counts,
    capabilities: me.capabilities,
    scope: mineOnly ? ('mine' as const) : ('all' as const),
    history: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      event: h.event,
      data: h.data_json ? (JSON.parse(h.data_json) as Record<string, unknown>) : null,
      excerpt: h.body_text.slice(0, 160),
      at: h.created_at,
      author: h.author_id ? { id: h.author_id, name: h.author_name ?? '' } : null,
      ticket: { id: h.ticket_id, number: h.number, subject: h.subject, status: h.status },
    })),
    stats: { byStatus, byType, weekly: weeks },
    quickLinks: links.map((l) => ({ id: l.id, label: locale === 'de' ? l.label_de : l.label_en, url: l.url })),
  };
}
