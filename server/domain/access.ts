import { sql, type ExpressionBuilder, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';
import { partnerIds, releasePartnerIds } from '../schemas/ticket-policy.js';

export * from '../schemas/ticket-policy.js';

/**
 * The access policy of DESIGN.md, in one place. Every query that reads tickets filters with
 * `ticketVisibility`; every single-ticket action asks `ticketAbilities`. Both are written from
 * the same table and the unit tests prove they agree row by row:
 *
 * | who              | sees                                                            |
 * |------------------|-----------------------------------------------------------------|
 * | any member of BP | released, non-private tickets of BP; their own tickets           |
 * | releaser of BP   | + tickets awaiting release in BP (private ones too)              |
 * | agent            | released tickets of their system partner (never unreleased ones) |
 *
 * A ticket the caller may not see is answered like a missing one (404).
 */

// Any query that has `ticket` in scope (joins included).
type TicketEb = ExpressionBuilder<Database, 'ticket'> | ExpressionBuilder<any, any>;

/**
 * The same rule as `canSeeTicket`, as a WHERE clause over `ticket` (the table, or
 * `ticket_list as ticket`). Lists, counts, search and exports all go through it. Written as
 * plain SQL so that raw list queries and query-builder ones share this one text (building it
 * with the expression builder cost a tenth of a board request, `npm run bench`).
 */
export function ticketVisibility(actor: Actor): (eb?: TicketEb) => Expression<SqlBool> {
  const clause = visibilitySql(actor);
  return () => clause;
}

export function visibilitySql(actor: Actor): RawBuilder<SqlBool> {
  if (actor.kind === 'agent') {
    return sql<SqlBool>`(ticket.system_partner_id = ${actor.systemPartnerId} AND ticket.released_at IS NOT NULL)`;
  }
  const partners = partnerIds(actor);
  if (partners.length === 0) return sql<SqlBool>`0`;
  const releasers = releasePartnerIds(actor);
  const awaiting = releasers.length
    ? sql` OR (ticket.status = 'awaiting_release' AND ticket.business_partner_id IN (${sql.join(releasers)}))`
    : sql``;
  return sql<SqlBool>`(ticket.business_partner_id IN (${sql.join(partners)}) AND (ticket.author_id = ${actor.accountId} OR (ticket.released_at IS NOT NULL AND ticket.private = 0)${awaiting}))`;
}
