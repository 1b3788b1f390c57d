/**
 * The open ticket's part of `<approval-inbox>` (R-APPROVE-2): `<ticket-detail>` with "Release
 * ticket" and "Reject", the dialog that asks for the reason, and the decision sent to the server.
 * Loaded with `<ticket-detail>` when the first ticket opens (issue 7: the list is the first view).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type Api, type Locale, type TicketDetail as TicketDetailDto, type TicketListItem } from '../core/api.js';
import { RefreshRequestEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { errorMessage } from '../core/messages.js';
import { maxReasonLength, reasonTooLong } from '../core/reason-limit.js';
import { TicketRejectedEvent, TicketReleasedEvent } from './approval-inbox.events.js';

/** The smallest reason the server accepts for a decision (server/schemas/tickets.ts). */
const MIN_REASON = 3;

type Decision = 'release' | 'reject';

export const decideStyles = css`
  dialog {
    width: min(34rem, calc(100vw - 2rem));
  }
  dialog h2 {
    font-size: var(--_font-size-large);
  }
  .dialog-ticket {
    color: var(--_color-text-muted);
    overflow-wrap: anywhere;
  }
  .button.primary.danger {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
  }
  .button.primary.danger:hover:not(:disabled) {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    filter: brightness(0.92);
  }
  textarea.input {
    resize: vertical;
    min-height: 6rem;
  }
`;

/** What the decisions need of `<approval-inbox>`. */
export interface DecideHost {
  readonly el: HTMLElement & { readonly api: Api; readonly locale: Locale; readonly renderRoot: HTMLElement | DocumentFragment; readonly updateComplete: Promise<boolean>; requestUpdate(): void; reload(): void };
  /** the open ticket as the list knows it (none: it does not await the user's release) */
  item(): TicketListItem | undefined;
  /** drops the ticket from the list; the id of the one that takes its place */
  remove(id: string): string | null;
  /** shows the list again with `text` as its notice, the focus on `next` */
  after(text: string, kind: 'success' | 'warning', next: string | null): void;
}

export class Decisions {
  sending = false;
  #decision: Decision = 'release';
  #reason = '';
  #issue: string | null = null;
  #error: unknown = null;
  /** The button that opened the dialog (focus returns to it). */
  #opener: HTMLElement | null = null;

  constructor(readonly h: DecideHost) {}

  #update() {
    this.h.el.requestUpdate();
  }

  #dialog() {
    return this.h.el.renderRoot.querySelector<HTMLDialogElement>('#decision-dialog');
  }

  #focusReason() {
    this.h.el.renderRoot.querySelector<HTMLTextAreaElement>('#reason')?.focus();
  }

  /** `<ticket-detail>` of ticket `id`, with the decision buttons when it awaits the user's release. */
  renderDetail(id: string): TemplateResult {
    const { el } = this.h;
    return html`<ticket-detail part="detail" class="detail" ticket-id=${id} lang=${el.locale} .api=${el.api}>
      ${this.h.item()
        ? html`<button part="release-button" slot="actions" class="button primary" type="button" data-action="release"
              ?disabled=${this.sending} @click=${(e: Event) => this.#open('release', e)}>
              ${icons.check()}<span>${msg('Release ticket')}</span>
            </button>
            <button part="reject-button" slot="actions" class="button" type="button" data-action="reject"
              ?disabled=${this.sending} @click=${(e: Event) => this.#open('reject', e)}>
              ${icons.cross()}<span>${msg('Reject')}</span>
            </button>`
        : nothing}
    </ticket-detail>`;
  }

  renderDialog(): TemplateResult {
    const release = this.#decision === 'release';
    const item = this.h.item();
    const title = release ? msg('Release ticket') : msg('Reject ticket');
    const issueId = this.#issue ? 'reason-issue' : '';
    return html`<dialog
      id="decision-dialog"
      part="dialog"
      aria-labelledby="decision-title"
      aria-describedby="decision-ticket"
      @close=${this.#onClosed}
      @cancel=${(e: Event) => {
        if (this.sending) e.preventDefault();
      }}
      @keydown=${this.#trapFocus}
    >
      <form class="dialog-form" novalidate @submit=${this.#submit}>
        <h2 id="decision-title">${title}</h2>
        <p id="decision-ticket" class="dialog-ticket">${item ? `#${item.number} · ${item.subject}` : nothing}</p>
        <div class="field">
          <label for="reason">${msg('Reason')}</label>
          <textarea
            id="reason"
            class="input"
            rows="4"
            required
            aria-required="true"
            aria-invalid=${this.#issue ? 'true' : 'false'}
            aria-describedby="reason-hint ${issueId}"
            .value=${this.#reason}
            @input=${(e: Event) => {
              this.#reason = (e.target as HTMLTextAreaElement).value;
              this.#issue = null;
              this.#update();
            }}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                (e.target as HTMLTextAreaElement).form?.requestSubmit();
              }
            }}
          ></textarea>
          <span id="reason-hint" class="hint">
            ${release
              ? msg('The author is told your reason; the service desk can work on the ticket after the release.')
              : msg('The author is told your reason and can change the ticket and submit it again.')}
          </span>
          ${this.#issue ? html`<p id="reason-issue" class="error">${this.#issue}</p>` : nothing}
        </div>
        ${this.#error
          ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${errorMessage(this.#error)}</p></div>`
          : nothing}
        <div class="actions">
          <button class="button" type="button" ?disabled=${this.sending} @click=${() => this.#dialog()?.close()}>${msg('Cancel')}</button>
          <button class="button primary ${release ? '' : 'danger'}" type="submit" data-action="confirm" aria-busy=${this.sending ? 'true' : 'false'} ?disabled=${this.sending}>
            ${release ? msg('Release ticket') : msg('Reject ticket')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  #open(kind: Decision, e: Event) {
    this.#opener = e.currentTarget as HTMLElement;
    this.#decision = kind;
    this.#reason = '';
    this.#issue = null;
    this.#error = null;
    this.#update();
    this.#dialog()?.showModal();
    void this.h.el.updateComplete.then(() => this.#focusReason());
  }

  /** Tab and Shift+Tab cycle inside the dialog (the modal dialog alone would let focus leave to the browser). */
  readonly #trapFocus = (e: KeyboardEvent) => {
    const dialog = this.#dialog();
    if (e.key !== 'Tab' || !dialog) return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('textarea, button:not([disabled])')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const current = (this.h.el.renderRoot as ShadowRoot).activeElement;
    if (!first || !last) return;
    if (e.shiftKey && current === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && current === last) {
      e.preventDefault();
      first.focus();
    }
  };

  readonly #onClosed = () => {
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  readonly #submit = async (e: Event) => {
    e.preventDefault();
    const { h } = this;
    const item = h.item();
    if (!item || this.sending) return;
    const kind = this.#decision;
    const text = this.#reason.trim();
    const lengthIssue = () => reasonTooLong(text) ?? msg(str`Please write at least ${MIN_REASON} characters, with letters or digits.`);
    if (text.length < MIN_REASON || text.length > maxReasonLength || !/[\p{L}\p{N}]/u.test(text)) {
      this.#issue = text.length === 0 ? msg('Please give a reason.') : lengthIssue();
      this.#update();
      this.#focusReason();
      return;
    }
    this.sending = true;
    this.#error = null;
    this.#update();
    try {
      const ticket = kind === 'release'
        ? await h.el.api.tickets.release(item.id, { reason: text })
        : await h.el.api.tickets.reject(item.id, { reason: text });
      this.#decided(item, kind, ticket);
    } catch (error) {
      if (isAbort(error)) return;
      if (isApiError(error) && (error.code === 'conflict' || error.code === 'not_found')) {
        this.#decidedElsewhere(item, error.code === 'conflict');
        return;
      }
      if (isApiError(error) && error.issues.some((i) => i.path === 'reason')) {
        this.#issue = lengthIssue();
        this.#focusReason();
      } else {
        this.#error = error;
      }
    } finally {
      this.sending = false;
      this.#update();
    }
  };

  /** The server agreed: the ticket leaves the list, the host and the session hear of it. */
  #decided(item: TicketListItem, kind: Decision, ticket: TicketDetailDto) {
    const { h } = this;
    const next = h.remove(item.id);
    this.#closeWithoutReturn();
    h.el.dispatchEvent(kind === 'release' ? new TicketReleasedEvent({ ticket }) : new TicketRejectedEvent({ ticket }));
    h.el.dispatchEvent(new RefreshRequestEvent());
    const text =
      kind === 'release'
        ? msg(str`Ticket #${item.number} is released. The service desk can work on it now.`)
        : msg(str`Ticket #${item.number} is rejected. The author is told your reason.`);
    h.after(text, 'success', next);
  }

  /** Someone else decided first (409), or the ticket vanished (404): explain, reload the list. */
  #decidedElsewhere(item: TicketListItem, conflict: boolean) {
    const { h } = this;
    const next = h.remove(item.id);
    this.#closeWithoutReturn();
    h.el.dispatchEvent(new RefreshRequestEvent());
    const text = conflict
      ? msg(str`Ticket #${item.number} was already decided by someone else, so your decision was not saved. The list is up to date again.`)
      : msg(str`Ticket #${item.number} is no longer available. The list is up to date again.`);
    h.after(text, 'warning', next);
    h.el.reload();
  }

  #closeWithoutReturn() {
    this.#opener = null;
    this.sending = false;
    this.#dialog()?.close();
  }
}
