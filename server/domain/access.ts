import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
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

const FALSE = sql<SqlBool>`0`;

/**
 * The same rule as `canSeeTicket`, as a WHERE clause over the `ticket` table. Lists, counts,
 * search and exports all go through it.
 */
export function ticketVisibility(actor: Actor): (eb: TicketEb) => Expression<SqlBool> {
  return (ebAny) => {
    const eb = ebAny as ExpressionBuilder<Database, 'ticket'>;
    if (actor.kind === 'agent') {
      return eb.and([
        eb('ticket.system_partner_id', '=', actor.systemPartnerId),
        eb('ticket.released_at', 'is not', null),
      ]);
    }
    const partners = partnerIds(actor);
    if (partners.length === 0) return FALSE;
    const releasers = releasePartnerIds(actor);
    const ors: Expression<SqlBool>[] = [
      eb('ticket.author_id', '=', actor.accountId),
      eb.and([eb('ticket.released_at', 'is not', null), eb('ticket.private', '=', 0)]),
    ];
    if (releasers.length > 0) {
      ors.push(
        eb.and([
          eb('ticket.status', '=', 'awaiting_release'),
          eb('ticket.business_partner_id', 'in', releasers),
        ]),
      );
    }
    return eb.and([eb('ticket.business_partner_id', 'in', partners), eb.or(ors)]);
  };
}

