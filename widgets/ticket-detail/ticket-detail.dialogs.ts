/**
 * The dialogs of `<ticket-detail>`, loaded on first use (or in idle time after the ticket shows;
 * issue 7): close / reopen / resubmit with a reason (R-TICKET-4, R-TICKET-5) and the image
 * preview (R-TICKET-2). They render inside the detail's shadow root (same ids and parts as
 * before) and add their styles to it when they load.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type AttachmentDto, type TicketDetail as TicketDetailDto } from '../core/api.js';
import { icons } from '../core/icons.js';
import { errorMessage } from '../core/messages.js';
import { dialogStyles } from '../core/styles.js';
import { maxReasonLength, reasonTooLong } from '../core/reason-limit.js';
import type { TicketDetail } from './ticket-detail.element.js';
import { TicketClosedEvent, TicketReopenedEvent } from './ticket-detail.events.js';

/** Smallest reasons the server accepts (server/schemas/tickets.ts: close 10, reopen 3). */
const minReason = { close: 10, reopen: 3, resubmit: 0 } as const;

export type DialogKind = keyof typeof minReason;

/** What the dialogs need of the detail besides its public side. */
export interface DialogHost {
  /** Reloads the ticket after a change and tells the host page (`ticket-updated`). */
  afterChange(fallback?: TicketDetailDto): Promise<void>;
  download(f: AttachmentDto): void;
  announce(text: string): void;
  /** The URL an image may be shown from (undefined while it is resolved). */
  url(id: string): string | undefined;
}

const styles = css`
  dialog {
    width: min(36rem, calc(100vw - 2rem));
  }
  dialog h2 {
    font-size: var(--_font-size-large);
  }
  dialog .field {
    margin-bottom: var(--_space-2);
  }
  dialog textarea {
    resize: vertical;
    min-height: 6rem;
  }
  .counter {
    font-variant-numeric: tabular-nums;
  }
  .counter.short {
    color: var(--_color-warning);
  }
  dialog .alert {
    margin-top: var(--_space-3);
  }
  dialog.preview {
    width: auto;
    max-width: min(64rem, calc(100vw - 2rem));
  }
  dialog.preview img {
    display: block;
    max-width: 100%;
    max-height: 70vh;
    min-width: 8rem;
    margin: 0 auto;
    background: var(--_color-surface-sunken);
  }
`;

export class TicketDetailDialogs {
  kind: DialogKind = 'close';
  reason = '';
  issue: string | null = null;
  busy = false;
  error: unknown = null;
  preview: AttachmentDto | null = null;
  #opener: HTMLElement | null = null;

  constructor(
    readonly el: TicketDetail,
    readonly host: DialogHost,
  ) {
    el.adoptMore([dialogStyles, styles]);
  }

  #update() {
    this.el.requestUpdate();
  }

  #dialog(id: string) {
    return this.el.renderRoot.querySelector<HTMLDialogElement>(id);
  }

  /** Opens the close / reopen / resubmit dialog; focus returns to `opener` when it closes. */
  async open(kind: DialogKind, opener: HTMLElement) {
    this.#opener = opener;
    this.kind = kind;
    this.reason = '';
    this.issue = null;
    this.error = null;
    this.#update();
    await this.el.updateComplete;
    this.#dialog('#reason-dialog')?.showModal();
    this.#dialog('#reason')?.focus();
  }

  async openPreview(f: AttachmentDto, opener: HTMLElement) {
    this.#opener = opener;
    this.preview = f;
    this.#update();
    await this.el.updateComplete;
    this.#dialog('#preview-dialog')?.showModal();
  }

  render(): TemplateResult {
    const kind = this.kind;
    const min = minReason[kind];
    const length = this.reason.trim().length;
    const close = kind === 'close';
    const reopen = kind === 'reopen';
    const title = close ? msg('Close ticket') : reopen ? msg('Reopen ticket') : msg('Resubmit for release');
    const label = close
      ? msg('Why can the ticket be closed?')
      : reopen
        ? msg('Why does the ticket need more work?')
        : msg('What did you change? (optional)');
    const hint = close
      ? msg('Describe in detail how the matter was settled, so it can be understood later.')
      : reopen
        ? msg('The service desk reads this reason.')
        : msg('The ticket dispatchers of your company read this comment.');
    const f = this.preview;
    const src = f ? this.host.url(f.id) : undefined;
    return html`<dialog
        id="reason-dialog"
        part="dialog"
        aria-labelledby="dialog-title"
        @close=${this.#restoreFocus}
        @cancel=${(e: Event) => this.busy && e.preventDefault()}
      >
        <form @submit=${this.#submit} novalidate>
          <h2 id="dialog-title">${title}</h2>
          <div class="field">
            <label for="reason">${label}</label>
            <textarea
              id="reason"
              class="input"
              rows="5"
              ?required=${min > 0}
              aria-required=${min > 0}
              aria-invalid=${!!this.issue}
              aria-describedby="reason-hint reason-count ${this.issue ? 'reason-issue' : ''}"
              .value=${this.reason}
              @input=${(e: Event) => {
                this.reason = (e.target as HTMLTextAreaElement).value;
                this.issue = null;
                this.#update();
              }}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  (e.target as HTMLTextAreaElement).form?.requestSubmit();
                }
              }}
            ></textarea>
            <span id="reason-hint" class="hint">${hint}</span>
            <span id="reason-count" class="hint counter ${(min > 0 && length < min) || length > maxReasonLength ? 'short' : ''}">
              ${min > 0 ? msg(str`${length} characters (at least ${min})`) : msg(str`${length} characters`)}
            </span>
            ${this.issue ? html`<p id="reason-issue" class="error">${this.issue}</p>` : nothing}
          </div>
          ${this.error ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${errorMessage(this.error)}</p></div>` : nothing}
          <div class="actions">
            <button class="button" type="button" ?disabled=${this.busy} @click=${() => this.#dialog('#reason-dialog')?.close()}>
              ${msg('Cancel')}
            </button>
            <button class="button primary" type="submit" aria-busy=${this.busy} ?disabled=${this.busy}>
              ${close ? msg('Close ticket') : reopen ? msg('Reopen ticket') : msg('Resubmit')}
            </button>
          </div>
        </form>
      </dialog>
      <dialog
        id="preview-dialog"
        class="preview"
        aria-labelledby="preview-title"
        @close=${() => {
          this.preview = null;
          this.#restoreFocus();
        }}
      >
        ${f
          ? html`<h2 id="preview-title">${f.fileName}</h2>
              ${src ? html`<img src=${src} alt=${f.fileName} />` : html`<div class="state"><span class="spinner" aria-hidden="true"></span></div>`}
              <div class="actions">
                <button class="button" type="button" @click=${() => this.host.download(f)}>${msg('Download')}</button>
                <button class="button primary" type="button" @click=${() => this.#dialog('#preview-dialog')?.close()}>${msg('Close')}</button>
              </div>`
          : html`<h2 id="preview-title" class="visually-hidden">${msg('Preview')}</h2>`}
      </dialog>`;
  }

  readonly #restoreFocus = () => {
    const opener = this.#opener;
    this.#opener = null;
    this.#update();
    if (opener?.isConnected) opener.focus();
  };

  readonly #submit = async (e: Event) => {
    e.preventDefault();
    const id = this.el.ticket?.id;
    if (!id || this.busy) return;
    const kind = this.kind;
    const text = this.reason.trim();
    const min = minReason[kind];
    const lengthIssue = () => reasonTooLong(text) ?? msg(str`Please write at least ${min} characters.`);
    if (text.length < min || text.length > maxReasonLength) {
      this.issue = text ? lengthIssue() : msg('Please give a reason.');
      this.#update();
      this.#dialog('#reason')?.focus();
      return;
    }
    this.busy = true;
    this.error = null;
    this.#update();
    const tickets = this.el.api.tickets;
    try {
      const ticket =
        kind === 'close'
          ? await tickets.close(id, { reason: text })
          : kind === 'reopen'
            ? await tickets.reopen(id, { reason: text })
            : await tickets.resubmit(id, text ? { comment: text } : {});
      this.#opener = null;
      this.busy = false;
      this.#dialog('#reason-dialog')?.close();
      if (kind === 'close') this.el.dispatchEvent(new TicketClosedEvent({ ticket }));
      if (kind === 'reopen') this.el.dispatchEvent(new TicketReopenedEvent({ ticket }));
      this.host.announce(
        kind === 'close' ? msg('The ticket is closed.') : kind === 'reopen' ? msg('The ticket is open again.') : msg('The ticket was resubmitted for release.'),
      );
      await this.host.afterChange(ticket);
      this.el.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    } catch (error) {
      if (isAbort(error)) return;
      if (isApiError(error) && error.issues.some((i) => i.path === 'reason')) this.issue = lengthIssue();
      else this.error = error;
    } finally {
      this.busy = false;
      this.#update();
    }
  };
}
