import type { TicketStatus } from '../db/schema.js';
import type { Actor, MembershipRights } from '../domain/actor.js';

/**
 * The pure half of the access policy (no database, no Node): who may see a ticket and what they
 * may do with it. server/domain/access.ts adds the same rule as SQL; the widgets' in-memory fake
 * uses these functions too, so stories and tests follow the real rules.
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
