import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Actor } from './actor.js';
import { ticketAbilities } from './access.js';
import { ApiError, forbidden, invalid } from '../http/errors.js';
import { htmlToText, sanitizeRichText } from './richtext.js';
import { derivePriority } from '../schemas/priority.js';
import { indexTicket } from '../db/search.js';
import type { UpdateTicketInput } from '../schemas/tickets.js';
import { addHistory, checkImages, claimUploads, ensureTags, priorityMatrixOf, requireVisibleTicket } from './tickets.js';

/**
 * R-APPROVE: a rejected ticket goes back to its author, who can revise it (then resubmit it, or
 * close it). Only the author, only while the release is rejected; `version` guards against an
 * edit based on an old state (409). Only changed fields are written and named in the history.
 */
export async function reviseRejectedTicket(deps: Deps, actor: Actor, ticketId: string, input: UpdateTicketInput): Promise<void> {
  const { db, clock } = deps;
  const t = await requireVisibleTicket(db, actor, ticketId);
  if (t.author_id !== actor.accountId) throw forbidden('Only the author can revise a ticket');
  if (!ticketAbilities(actor, t).resubmit) throw new ApiError('conflict', 'Only a ticket whose release was rejected can be revised');
  if (t.version !== input.version) throw new ApiError('conflict', 'The ticket changed meanwhile; reload it');

  const now = clock.now().toISOString();
  const set: Record<string, unknown> = {};
  const changed: string[] = [];
  if (input.subject !== undefined && input.subject !== t.subject) {
    set.subject = input.subject;
    changed.push('subject');
  }
  let html: string | undefined;
  if (input.description !== undefined) {
    html = sanitizeRichText(input.description);
    if (html !== t.description_html) {
      set.description_html = html;
      set.description_text = htmlToText(html);
      changed.push('description');
    }
  }
  if (input.referenceNo !== undefined && (input.referenceNo?.trim() || null) !== t.reference_no) {
    set.reference_no = input.referenceNo?.trim() || null;
    changed.push('referenceNo');
  }
  if (input.private !== undefined && (input.private ? 1 : 0) !== t.private) {
    set.private = input.private ? 1 : 0;
    changed.push('private');
  }
  const urgency = input.urgency ?? t.urgency;
  const impact = input.impact ?? t.impact;
  if (urgency !== t.urgency || impact !== t.impact) {
    set.urgency = urgency;
    set.impact = impact;
    set.priority = derivePriority(urgency, impact, await priorityMatrixOf(db, actor.systemPartnerId));
    changed.push('priority');
  }

  await db.transaction().execute(async (trx) => {
    const issues = [];
    if (input.typeId !== undefined && input.typeId !== t.type_id) {
      const type = await trx.selectFrom('ticket_type').select('id').where('id', '=', input.typeId).where('system_partner_id', '=', actor.systemPartnerId).where('active', '=', 1).executeTakeFirst();
      if (!type) issues.push({ path: 'typeId', message: 'Unknown ticket type' });
      set.type_id = input.typeId;
      changed.push('typeId');
    }
    if (input.areaId !== undefined && input.areaId !== t.area_id) {
      const area = await trx.selectFrom('area').select('id').where('id', '=', input.areaId).where('system_partner_id', '=', actor.systemPartnerId).where('active', '=', 1).executeTakeFirst();
      if (!area) issues.push({ path: 'areaId', message: 'Unknown area' });
      set.area_id = input.areaId;
      changed.push('areaId');
    }
    if (issues.length) throw invalid(issues);
    if (html !== undefined) {
      const uploads = await checkImages(trx, actor, html, ticketId, 'description');
      await claimUploads(trx, actor, uploads, ticketId, null, 'description');
    }
    if (input.tags !== undefined) {
      const before = await trx.selectFrom('ticket_tag').innerJoin('tag', 'tag.id', 'ticket_tag.tag_id').select('tag.name_key').where('ticket_tag.ticket_id', '=', ticketId).execute();
      const tagIds = await ensureTags(trx, t.business_partner_id, input.tags, now);
      const keysBefore = before.map((b) => b.name_key).sort().join('\u0000');
      const after = tagIds.length ? await trx.selectFrom('tag').select('name_key').where('id', 'in', tagIds).execute() : [];
      if (after.map((a) => a.name_key).sort().join('\u0000') !== keysBefore) {
        await trx.deleteFrom('ticket_tag').where('ticket_id', '=', ticketId).execute();
        if (tagIds.length) await trx.insertInto('ticket_tag').values(tagIds.map((tag_id) => ({ ticket_id: ticketId, tag_id }))).execute();
        changed.push('tags');
      }
    }
    if (changed.length === 0) return;
    const res = await trx
      .updateTable('ticket')
      .set({ ...set, updated_at: now, version: sql`version + 1` } as never)
      .where('id', '=', ticketId)
      .where('version', '=', input.version)
      .where('status', '=', 'release_rejected')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'The ticket changed meanwhile; reload it');
    await addHistory(trx, { ticketId, authorId: actor.accountId, kind: 'system', event: 'revised', data: { fields: changed }, at: now });
    await indexTicket(trx, ticketId);
  });
}
