import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database, TicketStatus } from '../db/schema.js';
import type { Actor, MembershipRights } from './actor.js';

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

/** The fields of a ticket the policy looks at. */
export interface TicketFacts {
  system_partner_id: string;
  business_partner_id: string;
  author_id: string;
  private: number | boolean;
  status: TicketStatus;
  released_at: string | null;
}

export function membershipIn(actor: Actor, businessPartnerId: string): MembershipRights | undefined {
  return actor.kind === 'customer'
    ? actor.memberships.find((m) => m.businessPartnerId === businessPartnerId)
    : undefined;
}

export const partnerIds = (actor: Actor) => actor.memberships.map((m) => m.businessPartnerId);
export const releasePartnerIds = (actor: Actor) =>
  actor.memberships.filter((m) => m.canRelease).map((m) => m.businessPartnerId);
export const writePartnerIds = (actor: Actor) =>
  actor.memberships.filter((m) => m.canWrite).map((m) => m.businessPartnerId);

/** May the actor see this ticket at all? */
export function canSeeTicket(actor: Actor, t: TicketFacts): boolean {
  if (actor.kind === 'agent') {
    return t.system_partner_id === actor.systemPartnerId && t.released_at !== null;
  }
  const m = membershipIn(actor, t.business_partner_id);
  if (!m) return false;
  if (t.author_id === actor.accountId) return true;
  if (t.released_at !== null && !t.private) return true;
  return t.status === 'awaiting_release' && m.canRelease;
}

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

export interface TicketAbilities {
  read: boolean;
  /** write a position (message) on the ticket */
  comment: boolean;
  upload: boolean;
  close: boolean;
  reopen: boolean;
  /** release or reject (only while awaiting release) */
  decide: boolean;
  /** the author may edit and resubmit a rejected ticket */
  resubmit: boolean;
  /** agent actions: reply, internal note, status change */
  agentWork: boolean;
}

const OPEN_STATUSES: readonly TicketStatus[] = [
  'awaiting_release',
  'release_rejected',
  'new',
  'in_progress',
  'waiting_for_customer',
];

/** What the actor may do with a ticket they can see. Status rules are included. */
export function ticketAbilities(actor: Actor, t: TicketFacts): TicketAbilities {
  const none: TicketAbilities = {
    read: false,
    comment: false,
    upload: false,
    close: false,
    reopen: false,
    decide: false,
    resubmit: false,
    agentWork: false,
  };
  if (!canSeeTicket(actor, t)) return none;
  if (actor.kind === 'agent') return { ...none, read: true, agentWork: true };
  const m = membershipIn(actor, t.business_partner_id)!;
  const isAuthor = t.author_id === actor.accountId;
  const open = OPEN_STATUSES.includes(t.status);
  return {
    read: true,
    comment: m.canWrite && t.status !== 'closed',
    upload: m.canWrite && t.status !== 'closed',
    close: m.canWrite && open && (t.released_at !== null || isAuthor),
    reopen: m.canWrite && (t.status === 'closed' || t.status === 'resolved') && t.released_at !== null,
    decide: m.canRelease && t.status === 'awaiting_release',
    resubmit: m.canWrite && isAuthor && t.status === 'release_rejected',
    agentWork: false,
  };
}

/** May the actor create tickets for this business partner, and release them at creation? */
export function creationRights(actor: Actor, businessPartnerId: string) {
  const m = membershipIn(actor, businessPartnerId);
  return { create: !!m?.canWrite, releaseAtCreation: !!m?.canWrite && !!m?.canRelease };
}
