import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Actor } from './actor.js';
import { canSeeTicket, membershipIn, ticketAbilities } from './access.js';
import { ApiError, forbidden, notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import { addHistory, requireVisibleTicket } from './tickets.js';
import { indexTicket } from '../db/search.js';
import { audit } from './audit.js';
import { notifyTicketEvent } from './notifications.js';

/**
 * R-APPROVE / R-WIZ-9: the customer-side four-eyes release. Only releasers of the ticket's
 * business partner decide; a ticket that no longer awaits release answers 409 and nothing
 * changes; of two decisions at once exactly one wins (the status is the guard of the update).
 */
export async function decideRelease(
  deps: Deps,
  actor: Actor,
  ticketId: string,
  decision: 'released' | 'rejected',
  reason: string,
  requestId?: string,
): Promise<void> {
  const { db, clock } = deps;
  const t = await db.selectFrom('ticket').selectAll().where('id', '=', ticketId).executeTakeFirst();
  const m = t ? membershipIn(actor, t.business_partner_id) : undefined;
  if (!t || !canSeeTicket(actor, t)) {
    // A decision (or the author withdrawing it) takes a ticket out of its dispatchers' view. A
    // dispatcher acting on a stale inbox, or losing a race, learns that it was decided — not
    // that it is missing. Anyone else gets the 404 of a missing ticket.
    if (t && m?.canRelease && (t.released_at === null || (await wasDecided(deps, t.id)))) {
      throw new ApiError('conflict', 'The ticket no longer awaits release');
    }
    throw notFound('Ticket');
  }
  if (!m?.canRelease) throw forbidden('Only ticket dispatchers of this business partner may release or reject tickets');
  if (t.status !== 'awaiting_release') throw new ApiError('conflict', 'The ticket no longer awaits release');
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('ticket')
      .set(
        decision === 'released'
          ? { status: 'new', released_at: now, released_by: actor.accountId, updated_at: now, version: sql`version + 1` }
          : { status: 'release_rejected', updated_at: now, version: sql`version + 1` },
      )
      .where('id', '=', ticketId)
      .where('status', '=', 'awaiting_release')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'The ticket no longer awaits release');
    await trx
      .insertInto('release_decision')
      .values({ id: newId(), ticket_id: ticketId, dispatcher_id: actor.accountId, decision, reason, created_at: now })
      .execute();
    await addHistory(trx, { ticketId, authorId: actor.accountId, kind: 'system', event: decision, data: { reason }, at: now });
    await indexTicket(trx, ticketId);
    await audit(trx, { at: clock.now(), actorId: actor.accountId, action: `ticket.${decision}`, entity: 'ticket', entityId: ticketId, data: { reason }, ...(requestId ? { requestId } : {}) });
    await notifyTicketEvent(deps, trx, { ticketId, event: decision, actorId: actor.accountId, reason });
  });
}

async function wasDecided(deps: Deps, ticketId: string): Promise<boolean> {
  const row = await deps.db.selectFrom('release_decision').select('id').where('ticket_id', '=', ticketId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The author submits a rejected ticket again (after editing it). */
export async function resubmitTicket(deps: Deps, actor: Actor, ticketId: string, comment: string | undefined): Promise<void> {
  const { db, clock } = deps;
  const t = await requireVisibleTicket(db, actor, ticketId);
  const can = ticketAbilities(actor, t);
  if (t.author_id !== actor.accountId) throw forbidden('Only the author can resubmit a rejected ticket');
  if (!can.resubmit) throw new ApiError('conflict', 'Only a rejected ticket can be resubmitted');
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('ticket')
      .set({ status: 'awaiting_release', updated_at: now, version: sql`version + 1` })
      .where('id', '=', ticketId)
      .where('status', '=', 'release_rejected')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'The ticket changed meanwhile; reload it');
    await addHistory(trx, { ticketId, authorId: actor.accountId, kind: 'system', event: 'resubmitted', data: comment ? { comment } : null, at: now });
    await notifyTicketEvent(deps, trx, { ticketId, event: 'resubmitted', actorId: actor.accountId, ...(comment ? { reason: comment } : {}) });
  });
}
