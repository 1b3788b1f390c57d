import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';

export interface MailMessage {
  to: string;
  accountId?: string | null;
  kind: string;
  subject: string;
  text: string;
  html: string;
  ticketId?: string | null;
}

/**
 * Every e-mail goes into the outbox first, in the same transaction as the change it reports,
 * so a mail is never sent for a change that did not happen nor lost for one that did.
 * The sender (mail/sender.ts) delivers it later.
 */
export async function enqueueMail(db: Kysely<Database>, mail: MailMessage, now: Date): Promise<string> {
  const id = newId();
  await db
    .insertInto('outbox')
    .values({
      id,
      account_id: mail.accountId ?? null,
      to_address: mail.to,
      kind: mail.kind,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      ticket_id: mail.ticketId ?? null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}
