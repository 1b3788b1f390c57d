import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Actor } from './actor.js';
import { ApiError, forbidden, invalid } from '../http/errors.js';
import { addHistory, requireVisibleTicket } from './tickets.js';
import { isBlankRichText, sanitizeRichText } from './richtext.js';
import { indexTicket } from '../db/search.js';
import { notifyTicketEvent } from './notifications.js';
import { audit } from './audit.js';

/** The provider side: agents work on released tickets of their system partner only. */
export function requireAgent(actor: Actor): void {
  if (actor.kind !== 'agent') throw forbidden('Only service-desk agents may use this');
}

export async function addAgentPosition(
  deps: Deps,
  actor: Actor,
  ticketId: string,
  input: { body: string; internal: boolean; attachmentIds: string[] },
): Promise<string> {
  requireAgent(actor);
  const { db, clock } = deps;
  const t = await requireVisibleTicket(db, actor, ticketId);
  const html = sanitizeRichText(input.body);
  if (isBlankRichText(html) && input.attachmentIds.length === 0) throw invalid([{ path: 'body', message: 'Write a text or attach a file' }]);
  const now = clock.now().toISOString();
  let positionId = '';
  await db.transaction().execute(async (trx) => {
    positionId = await addHistory(trx, { ticketId, authorId: actor.accountId, kind: 'agent', bodyHtml: html, internal: input.internal, at: now });
    const ids = [...new Set(input.attachmentIds)];
    if (ids.length) {
      const rows = await trx.selectFrom('attachment').select('id').where('id', 'in', ids).where('uploaded_by', '=', actor.accountId).where('ticket_id', 'is', null).execute();
      if (rows.length !== ids.length) throw invalid([{ path: 'attachmentIds', message: 'An attachment is unknown or already used' }]);
      await trx.updateTable('attachment').set({ ticket_id: ticketId, position_id: positionId, internal: input.internal ? 1 : 0 }).where('id', 'in', ids).execute();
    }
    // internal notes do not change what the customer sees, not even the update time
    if (!input.internal) {
      await trx.updateTable('ticket').set({ updated_at: now, version: sql`version + 1` }).where('id', '=', ticketId).execute();
    }
    await indexTicket(trx, ticketId);
    if (!input.internal) await notifyTicketEvent(deps, trx, { ticketId, event: 'agent_reply', actorId: actor.accountId, positionId });
  });
  void t;
  return positionId;
}

const agentTransitions: Record<string, readonly string[]> = {
  new: ['in_progress', 'waiting_for_customer', 'resolved', 'closed'],
  in_progress: ['waiting_for_customer', 'resolved', 'closed'],
  waiting_for_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

export async function changeStatusAsAgent(
  deps: Deps,
  actor: Actor,
  ticketId: string,
  to: 'in_progress' | 'waiting_for_customer' | 'resolved' | 'closed',
  reason: string | undefined,
  requestId?: string,
): Promise<void> {
  requireAgent(actor);
  const { db, clock } = deps;
  const t = await requireVisibleTicket(db, actor, ticketId);
  if (t.status === to) throw new ApiError('conflict', `The ticket is already ${to.replace(/_/g, ' ')}`);
  if (!agentTransitions[t.status]?.includes(to)) throw new ApiError('conflict', `A ticket cannot go from ${t.status} to ${to}`);
  if (to === 'closed' && (!reason || reason.trim().length < 3)) {
    throw invalid([{ path: 'reason', message: 'Give a reason for closing the ticket' }]);
  }
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const set =
      to === 'closed'
        ? { status: to, closed_at: now, closed_reason: reason!.trim(), updated_at: now, version: sql<number>`version + 1` }
        : { status: to, closed_at: null, closed_reason: null, updated_at: now, version: sql<number>`version + 1` };
    const res = await trx.updateTable('ticket').set(set).where('id', '=', ticketId).where('status', '=', t.status).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'The ticket changed meanwhile; reload it');
    await addHistory(trx, {
      ticketId,
      authorId: actor.accountId,
      kind: 'system',
      event: to === 'closed' ? 'closed' : t.status === 'closed' ? 'reopened' : 'status_changed',
      data: { from: t.status, to, ...(reason?.trim() ? { reason: reason.trim() } : {}) },
      at: now,
    });
    await audit(trx, { at: clock.now(), actorId: actor.accountId, action: 'ticket.status_changed', entity: 'ticket', entityId: ticketId, data: { from: t.status, to }, ...(requestId ? { requestId } : {}) });
    await notifyTicketEvent(deps, trx, { ticketId, event: 'status_changed_by_agent', actorId: actor.accountId, from: t.status, to, ...(reason?.trim() ? { reason: reason.trim() } : {}) });
  });
}
