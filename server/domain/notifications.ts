import type { Kysely } from 'kysely';
import type { Database, Locale } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { enqueueMail } from '../mail/outbox.js';
import { renderMail, type MailBlock } from '../mail/templates.js';

/**
 * E-mail notifications about tickets (through the outbox, in the same transaction as the
 * change). Localized to each recipient; accounts that switched notifications off get none;
 * nobody is told about their own action. Only customer-visible content goes into a mail
 * (never internal notes).
 */
export type TicketEvent =
  | 'submitted_for_release'
  | 'created_released'
  | 'released'
  | 'rejected'
  | 'resubmitted'
  | 'customer_position'
  | 'agent_reply'
  | 'status_changed_by_agent'
  | 'closed_by_customer'
  | 'reopened';

export interface TicketEventInput {
  ticketId: string;
  event: TicketEvent;
  actorId: string;
  positionId?: string;
  reason?: string;
  from?: string;
  to?: string;
}

/** Status names in mails (German, English): the portal's own words for them (ticket-labels.ts). */
export const statusNames: Record<string, [string, string]> = {
  awaiting_release: ['Wartet auf Freigabe', 'Awaiting release'],
  release_rejected: ['Freigabe abgelehnt', 'Release rejected'],
  new: ['Neu', 'New'],
  in_progress: ['In Bearbeitung', 'In progress'],
  waiting_for_customer: ['Wartet auf Ihre Rückmeldung', 'Waiting for your reply'],
  resolved: ['Gelöst', 'Resolved'],
  closed: ['Abgeschlossen', 'Closed'],
};
const statusName = (locale: Locale, s: string) => statusNames[s]?.[locale === 'de' ? 0 : 1] ?? s;

const footers: Record<Locale, string> = {
  de: 'Sie erhalten diese E-Mail, weil Benachrichtigungen für Ihren Kundenzugang eingeschaltet sind. Sie können sie im Portal unter „Ihr Konto“ abschalten (Ihr Name oben rechts).',
  en: 'You receive this e-mail because notifications are switched on for your customer account. You can switch them off in the portal under “Your account” (your name at the top right).',
};

interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

export function portalBaseUrl(deps: Deps): string {
  return deps.config.publicUrl ?? 'http://localhost:8787';
}

export async function notifyTicketEvent(deps: Deps, trx: Kysely<Database>, e: TicketEventInput): Promise<void> {
  const t = await trx
    .selectFrom('ticket')
    .innerJoin('business_partner as bp', 'bp.id', 'ticket.business_partner_id')
    .select(['ticket.id', 'ticket.number', 'ticket.subject', 'ticket.author_id', 'ticket.business_partner_id', 'ticket.status', 'bp.name as bp_name'])
    .where('ticket.id', '=', e.ticketId)
    .executeTakeFirst();
  if (!t) return;
  const actor = await trx.selectFrom('account').select(['name']).where('id', '=', e.actorId).executeTakeFirst();
  const actorName = actor?.name ?? '';

  let recipients: Recipient[] = [];
  const author = () =>
    trx
      .selectFrom('account')
      .select(['id', 'email', 'name', 'locale'])
      .where('id', '=', t.author_id)
      .where('notify_email', '=', 1)
      .where('disabled_at', 'is', null)
      .execute();
  switch (e.event) {
    case 'submitted_for_release':
    case 'resubmitted':
      recipients = await trx
        .selectFrom('membership')
        .innerJoin('account', 'account.id', 'membership.account_id')
        .select(['account.id', 'account.email', 'account.name', 'account.locale'])
        .where('membership.business_partner_id', '=', t.business_partner_id)
        .where('membership.can_release', '=', 1)
        .where('account.notify_email', '=', 1)
        .where('account.disabled_at', 'is', null)
        .execute();
      break;
    case 'released':
    case 'rejected':
    case 'agent_reply':
    case 'status_changed_by_agent':
      recipients = await author();
      break;
    default:
      return;
  }
  recipients = recipients.filter((r) => r.id !== e.actorId);
  if (recipients.length === 0) return;

  let quote: { html: string; text: string } | null = null;
  if (e.positionId) {
    const p = await trx.selectFrom('position').select(['body_html', 'body_text', 'internal']).where('id', '=', e.positionId).executeTakeFirst();
    // body_html was sanitised on write; internal notes never leave the house
    if (p && !p.internal) quote = { html: p.body_html, text: p.body_text };
  }
  const now = deps.clock.now();
  for (const r of recipients) {
    const de = r.locale === 'de';
    // dispatchers land in the approval inbox, where the release buttons are
    const forRelease = e.event === 'submitted_for_release' || e.event === 'resubmitted';
    const link = `${portalBaseUrl(deps)}/#/${forRelease ? 'approvals' : 'tickets'}/${t.id}`;
    const ref = `#${t.number} ${t.subject}`;
    const facts: [string, string][] = [
      [de ? 'Ticket' : 'Ticket', ref],
      [de ? 'Geschäftspartner' : 'Business partner', t.bp_name],
    ];
    let subject: string;
    const blocks: MailBlock[] = [];
    switch (e.event) {
      case 'submitted_for_release':
      case 'resubmitted':
        subject = de ? `Freigabe erbeten: ${ref}` : `Release requested: ${ref}`;
        blocks.push({
          p: de
            ? `${actorName} hat ein Ticket ${e.event === 'resubmitted' ? 'erneut ' : ''}zur Freigabe eingereicht. Bitte prüfen Sie es und geben Sie es frei oder lehnen Sie es ab.`
            : `${actorName} ${e.event === 'resubmitted' ? 'resubmitted' : 'submitted'} a ticket for release. Please review it and release or reject it.`,
        });
        break;
      case 'released':
        subject = de ? `Ticket freigegeben: ${ref}` : `Ticket released: ${ref}`;
        blocks.push({ p: de ? `${actorName} hat Ihr Ticket freigegeben. Es wird jetzt vom Servicedesk bearbeitet.` : `${actorName} released your ticket. The service desk will now work on it.` });
        break;
      case 'rejected':
        subject = de ? `Freigabe abgelehnt: ${ref}` : `Release rejected: ${ref}`;
        blocks.push({ p: de ? `${actorName} hat die Freigabe Ihres Tickets abgelehnt. Sie können es überarbeiten und erneut einreichen oder schließen.` : `${actorName} rejected the release of your ticket. You can revise and resubmit it, or close it.` });
        break;
      case 'agent_reply':
        subject = de ? `Neue Antwort: ${ref}` : `New reply: ${ref}`;
        blocks.push({ p: de ? `${actorName} vom Servicedesk hat auf Ihr Ticket geantwortet:` : `${actorName} from the service desk replied to your ticket:` });
        break;
      case 'status_changed_by_agent':
        subject = de ? `Status geändert: ${ref}` : `Status changed: ${ref}`;
        blocks.push({
          p: de
            ? `Der Status Ihres Tickets ist jetzt „${statusName('de', e.to ?? t.status)}“.`
            : `Your ticket's status is now "${statusName('en', e.to ?? t.status)}".`,
        });
        break;
      default:
        continue;
    }
    blocks.push({ facts });
    if (e.reason) blocks.push({ facts: [[de ? 'Begründung' : 'Reason', e.reason]] });
    if (quote) blocks.push({ quoteHtml: quote.html, quoteText: quote.text });
    blocks.push({ link: { href: link, label: de ? 'Ticket öffnen' : 'Open the ticket' } });
    const mail = renderMail(r.locale, subject, de ? `Guten Tag ${r.name},` : `Hello ${r.name},`, blocks, footers[r.locale]);
    await enqueueMail(trx, { to: r.email, accountId: r.id, kind: `ticket.${e.event}`, ticketId: t.id, ...mail }, now);
  }
}
