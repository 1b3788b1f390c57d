/**
 * The query dialogs of `<ticket-board>` (R-BOARD-2), loaded on first use (or in idle time after
 * the queries show; issue 7): save the current search and filters as a query of one's own, and
 * delete such a query. They render inside the board's shadow root (same ids as before) and add
 * their styles to it when they load.
 */
import { adoptStyles, css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type SavedQuery, type TicketFilter, type TicketStatus } from '../core/api.js';
import { icons } from '../core/icons.js';
import { errorMessage } from '../core/messages.js';
import { dialogStyles } from '../core/styles.js';
import type { TicketBoard } from './ticket-board.element.js';

/** What the dialogs need of the board besides its public side. */
export interface DialogHost {
  /** The selected query's filter and the current search and filters. */
  now(): { base: TicketFilter | undefined; q: string; status: TicketStatus | ''; type: string };
  /** A query was saved: show it (filters cleared); resolves once the query list shows it. */
  saved(id: string): Promise<void>;
  /** A query was deleted: leave it if selected; resolves once the board shows the change. */
  deleted(id: string): Promise<void>;
  announce(text: string): void;
}

const styles = css`
  dialog {
    width: min(30rem, calc(100vw - 2rem));
  }
  dialog h2 {
    font-size: var(--_font-size-large);
  }
  dialog .hint {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .counter {
    justify-self: end;
    font-variant-numeric: tabular-nums;
  }
  .counter[data-full='true'] {
    color: var(--_color-warning);
    font-weight: 600;
  }
  .button.danger {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-on-primary);
  }
`;

/** How much of the field's room is used ("12 of 80 characters"): the field takes no more. */
const counter = (id: string, length: number, max: number) =>
  html`<span id=${id} class="hint counter" data-full=${length >= max}>${msg(str`${length} of ${max} characters`)}</span>`;

/** The selected query plus the current search and filters, as a saved filter. */
function currentFilter({ base = {}, q, status, type }: ReturnType<DialogHost['now']>): TicketFilter {
  const f: TicketFilter = structuredClone(base);
  if (status) f.statuses = [status];
  if (type) f.typeIds = [type];
  const text = [base.q, q].filter(Boolean).join(' ').trim();
  if (text) f.q = text.slice(0, 200);
  return f;
}

export class TicketBoardDialogs {
  name = '';
  description = '';
  issue: string | null = null;
  error: unknown = null;
  busy = false;
  deleting: SavedQuery | null = null;
  #opener: HTMLElement | null = null;

  constructor(
    readonly el: TicketBoard,
    readonly host: DialogHost,
  ) {
    adoptStyles(el.renderRoot as ShadowRoot, [...(el.constructor as typeof ReactiveElement).elementStyles, dialogStyles, styles]);
  }

  #update() {
    this.el.requestUpdate();
  }

  #$<E extends Element>(selector: string) {
    return this.el.renderRoot.querySelector<E>(selector);
  }

  async #show(id: string, opener: HTMLElement) {
    this.#opener = opener;
    this.issue = null;
    this.error = null;
    this.#update();
    await this.el.updateComplete;
    this.#$<HTMLDialogElement>(id)?.showModal();
  }

  async openSave(opener: HTMLElement) {
    this.name = '';
    this.description = '';
    await this.#show('#save-dialog', opener);
    this.#$<HTMLInputElement>('#query-name')?.focus();
  }

  openDelete(q: SavedQuery, opener: HTMLElement) {
    this.deleting = q;
    return this.#show('#delete-dialog', opener);
  }

  render(): TemplateResult {
    const q = this.deleting;
    const busy = this.busy;
    const issue = this.issue;
    const error = this.error
      ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${errorMessage(this.error)}</p></div>`
      : nothing;
    const cancel = (id: string) =>
      html`<button class="button" type="button" ?disabled=${busy} @click=${() => this.#$<HTMLDialogElement>(id)?.close()}>${msg('Cancel')}</button>`;
    return html`<dialog id="save-dialog" aria-labelledby="save-title" @close=${this.#restoreFocus} @cancel=${this.#noCancelWhileBusy}>
        <form @submit=${this.#save} novalidate>
          <h2 id="save-title">${msg('Save as query')}</h2>
          <p class="hint">${msg('Saves the selected query with the current search and filters under a name of your own.')}</p>
          <div class="field">
            <label for="query-name">${msg('Name')}</label>
            <input
              id="query-name"
              class="input"
              required
              aria-required="true"
              maxlength="80"
              autocomplete="off"
              aria-invalid=${!!issue}
              aria-describedby="query-name-count ${issue ? 'query-name-issue' : ''}"
              .value=${this.name}
              @input=${(e: Event) => {
                this.name = (e.target as HTMLInputElement).value;
                this.issue = null;
                this.#update();
              }}
            />
            ${counter('query-name-count', this.name.length, 80)}
            ${issue ? html`<p id="query-name-issue" class="error">${issue}</p>` : nothing}
          </div>
          <div class="field">
            <label for="query-description">${msg('Description (optional)')}</label>
            <textarea
              id="query-description"
              class="input"
              rows="3"
              maxlength="300"
              aria-describedby="query-description-count"
              .value=${this.description}
              @input=${(e: Event) => {
                this.description = (e.target as HTMLTextAreaElement).value;
                this.#update();
              }}
            ></textarea>
            ${counter('query-description-count', this.description.length, 300)}
          </div>
          ${q ? nothing : error}
          <div class="actions">
            ${cancel('#save-dialog')}
            <button class="button primary" type="submit" ?disabled=${busy} aria-busy=${busy}>${msg('Save query')}</button>
          </div>
        </form>
      </dialog>
      <dialog id="delete-dialog" aria-labelledby="delete-title" @close=${this.#restoreFocus} @cancel=${this.#noCancelWhileBusy}>
        <h2 id="delete-title">${msg('Delete query')}</h2>
        <p>${q ? msg(str`Delete your query “${q.name}”? The tickets stay as they are.`) : nothing}</p>
        ${q ? error : nothing}
        <div class="actions">
          ${cancel('#delete-dialog')}
          <button class="button primary danger" type="button" ?disabled=${busy} @click=${this.#delete}>${msg('Delete')}</button>
        </div>
      </dialog>`;
  }

  readonly #noCancelWhileBusy = (e: Event) => this.busy && e.preventDefault();

  readonly #restoreFocus = () => {
    const opener = this.#opener;
    this.#opener = null;
    this.deleting = null;
    this.#update();
    if (opener?.isConnected) opener.focus();
  };

  /** Runs `work` once at a time with the dialog `id` busy; closes it when `work` succeeds, shows the error when not. */
  async #run(id: string, work: () => Promise<() => Promise<void>>, onIssue?: (error: unknown) => boolean) {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.#update();
    try {
      const then = await work();
      this.#opener = null;
      this.busy = false;
      this.#$<HTMLDialogElement>(id)?.close();
      await then();
    } catch (error) {
      if (isAbort(error)) return;
      if (!onIssue?.(error)) this.error = error;
    } finally {
      this.busy = false;
      this.#update();
    }
  }

  readonly #save = (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    const name = this.name.trim();
    const noName = () => msg('Please give the query a name.');
    if (!/[\p{L}\p{N}]/u.test(name)) {
      this.issue = noName();
      this.#update();
      this.#$<HTMLInputElement>('#query-name')?.focus();
      return;
    }
    return this.#run(
      '#save-dialog',
      async () => {
        const created = await this.el.api.queries.create({ name, description: this.description.trim(), filter: currentFilter(this.host.now()) });
        return async () => {
          this.host.announce(msg(str`Query “${created.name}” saved.`));
          await this.host.saved(created.id);
          this.#$<HTMLElement>(`button.query[data-query="${CSS.escape(created.id)}"]`)?.focus();
        };
      },
      (error) => {
        const issue = isApiError(error) ? error.issues.find((i) => i.path === 'name') : undefined;
        if (issue) this.issue = issue.message.includes('50') ? msg('You can keep at most 50 queries of your own; delete one first.') : noName();
        return !!issue;
      },
    );
  };

  readonly #delete = () => {
    const q = this.deleting;
    if (!q) return;
    return this.#run('#delete-dialog', async () => {
      await this.el.api.queries.remove(q.id);
      return async () => {
        this.host.announce(msg(str`Query “${q.name}” deleted.`));
        await this.host.deleted(q.id);
        this.#$<HTMLElement>('button.query.current, button.save-query')?.focus();
      };
    });
  };
}
