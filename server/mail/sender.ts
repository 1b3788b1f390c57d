import type { Transporter } from 'nodemailer';
import type { Deps } from '../deps.js';
import { MINUTE, HOUR } from '../clock.js';

/**
 * Delivers the outbox. With SMTP configured, mails go out over SMTP with retries (exponential
 * back-off, at most `maxAttempts`); without it, each mail is logged (recipient, subject, kind —
 * never the body, which may hold an initial password) and marked `logged`, and the demo's mail
 * page shows it.
 */
export class MailSender {
  readonly #deps: Deps;
  readonly #transport: Transporter | null;
  readonly #from: string;
  readonly #maxAttempts = 8;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;

  constructor(deps: Deps, opts: { transport: Transporter | null; from?: string }) {
    this.#deps = deps;
    this.#transport = opts.transport;
    this.#from = opts.from ?? 'Kundenportal <portal@localhost>';
  }

  start(intervalMs = 2000): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.runOnce(), intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** Sends what is due now; one pass at a time. */
  runOnce(): Promise<void> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #pass(): Promise<void> {
    const { db, clock, logger } = this.#deps;
    const now = clock.now().toISOString();
    const due = await db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('created_at')
      .limit(50)
      .execute();
    for (const mail of due) {
      if (!this.#transport) {
        logger.info('mail (no SMTP configured)', { outboxId: mail.id, to: mail.to_address, subject: mail.subject, kind: mail.kind });
        await db.updateTable('outbox').set({ status: 'logged', sent_at: clock.now().toISOString() }).where('id', '=', mail.id).execute();
        continue;
      }
      try {
        await this.#transport.sendMail({ from: this.#from, to: mail.to_address, subject: mail.subject, text: mail.text_body, html: mail.html_body });
        await db.updateTable('outbox').set({ status: 'sent', sent_at: clock.now().toISOString(), attempts: mail.attempts + 1 }).where('id', '=', mail.id).execute();
      } catch (err) {
        const attempts = mail.attempts + 1;
        const failed = attempts >= this.#maxAttempts;
        const delay = Math.min(MINUTE * 2 ** (attempts - 1), HOUR);
        await db
          .updateTable('outbox')
          .set({
            attempts,
            status: failed ? 'failed' : 'pending',
            last_error: (err instanceof Error ? err.message : String(err)).slice(0, 500),
            next_attempt_at: new Date(clock.now().getTime() + delay).toISOString(),
          })
          .where('id', '=', mail.id)
          .execute();
        logger.warn('mail delivery failed', { outboxId: mail.id, attempts, final: failed });
      }
    }
  }
}
