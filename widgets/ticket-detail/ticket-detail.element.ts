import { adoptStyles, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  isAbort,
  isApiError,
  type AttachmentDto,
  type PositionDto,
  type TicketDetail as TicketDetailDto,
} from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { defineOnce } from '../core/define-once.js';
import { sessionContext, type SessionState, sessionKey, waitingForSession } from '../core/contexts.js';
import { icons } from '../core/icons.js';
import { formatDate, localeReady } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { richText } from '../core/sanitize.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import { exactTime, priorityLabel, statusLabel, ticketLabelStyles } from './ticket-labels.js';
import { formatFileSize } from '../core/file-drop/file-size.js';
import { TicketUpdatedEvent } from './ticket-detail.events.js';
import { ticketDetailStyles } from './ticket-detail.styles.js';
import type { TicketDetailDialogs } from './ticket-detail.dialogs.js';
import type { TicketDetailCompose } from './ticket-detail.compose.js';
import type { TicketDetailEdit } from './ticket-detail.edit.js';

const viewStates = ['loading', 'empty', 'error', 'ready'] as const;

/** The fields a `revised` event names (server/domain/ticket-edit.ts), as the form labels them. */
const revisedFields: Record<string, () => string> = {
  subject: () => msg('Subject'),
  description: () => msg('Description'),
  tags: () => msg('Tags'),
  referenceNo: () => msg('Reference number'),
  typeId: () => msg('Ticket type'),
  areaId: () => msg('Area'),
  priority: () => msg('Priority'),
  private: () => msg('Private'),
};

const loadDialogs = () => import('./ticket-detail.dialogs.js');

const loading = (text: string) =>
  html`<div class="state" role="status"><span class="spinner" aria-hidden="true"></span><span>${text}</span></div>`;

interface Loaded {
  ticket: TicketDetailDto;
  positions: PositionDto[];
}

const attachmentPath = /^\/api\/attachments\/([a-z0-9]{8,40})(\?inline=1)?$/;

/**
 * One ticket (R-TICKET-1..5): header with status and facts, the description, the history of
 * positions and system events (oldest first; agent and customer entries told apart), the
 * attachments on the side with previews and upload (R-TICKET-2), the composer for a new position
 * (R-TICKET-3), and closing (R-TICKET-4), reopening (R-TICKET-5) or editing and resubmitting a
 * rejected ticket (its author, R-APPROVE-2) — each only when the server's `abilities` allow it.
 * Viewers read only.
 *
 * Used by `<ticket-board>` (in place), the portal's `#/tickets/<id>` view and the approval inbox,
 * which adds its own buttons through the `actions` slot and calls `reload()` after acting.
 *
 * @summary One ticket with its history, attachments, composer and close/reopen.
 *
 * @slot actions - Extra buttons in the header (e.g. release and reject in the approval inbox).
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - Number, subject, status and the action buttons.
 * @csspart title - The subject heading.
 * @csspart actions - The row of action buttons (slot first).
 * @csspart meta - The list of facts (priority, type, area, partner, …).
 * @csspart description - The description section.
 * @csspart history - The list of positions and events.
 * @csspart position - One position (message) of the history.
 * @csspart event - One system event line of the history.
 * @csspart composer - The form to write a position.
 * @csspart edit - The form that revises a rejected ticket (its author).
 * @csspart attachments - The attachments panel.
 * @csspart dialog - The close / reopen / resubmit dialog.
 *
 * @cssprop --ticket-detail-aside-width - Width of the attachments panel on wide screens (default 18rem).
 * @cssprop --ticket-detail-agent-background - Background of the service desk's positions.
 * @cssprop --ticket-detail-customer-background - Background of customers' positions.
 *
 * @cssstate loading - The ticket is loading (first time or another ticket).
 * @cssstate empty - No `ticket-id` is set.
 * @cssstate error - The ticket could not be loaded.
 * @cssstate not-found - The ticket does not exist or the user may not see it (with `error`).
 * @cssstate ready - The ticket shows.
 * @cssstate busy - A change is being sent.
 *
 * @event ticket-updated - The ticket changed and the server agreed (`detail: { ticket }`).
 * @event position-added - The user's position was added (`detail: { ticketId, position }`).
 * @event ticket-closed - The user closed the ticket (`detail: { ticket }`).
 * @event ticket-reopened - The user reopened the ticket (`detail: { ticket }`).
 */
export class TicketDetail extends PortalElement {
  static override styles = [
    hostStyles,
    buttonStyles,
    fieldStyles,
    alertStyles,
    stateStyles,
    ticketLabelStyles,
    ticketDetailStyles,
  ];

  /** Id of the ticket to show. */
  @property({ attribute: 'ticket-id' }) ticketId: string | null = null;

  /** @internal */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionState;

  @state() private urls: ReadonlyMap<string, string> = new Map();
  @state() private announcement = '';
  @state() private reloads = 0;

  /**
   * The writing parts' modules, all at once: the composer's, the rich-text editor's and the file
   * drop's (one fails: all are asked again on Try again). Replaceable in tests. @internal
   */
  static loadCompose = () =>
    Promise.all([
      import('./ticket-detail.compose.js'),
      import('../core/rich-text-editor/define.js'),
      import('../core/file-drop/define.js'),
    ]).then(([m]) => m);

  /**
   * The form that revises a rejected ticket, with the elements it uses (loaded when the author
   * chooses "Edit ticket"). Replaceable in tests. @internal
   */
  static loadEdit = () =>
    Promise.all([
      import('./ticket-detail.edit.js'),
      // the wizard's tag field and subject rule from its module: imported from their own modules
      // (ticket-wizard-tags.define.js too) they split the wizard into more chunks (+1 kB brotli, issue 7)
      import('../ticket-wizard/define.js'),
      import('../core/rich-text-editor/define.js'),
    ]).then(([edit, wizard]) => {
      defineOnce('ticket-wizard-tags', wizard.TicketWizardTags);
      return { ...edit, subjectError: wizard.subjectError, subjectMax: wizard.SUBJECT_MAX };
    });

  /** the dialogs, once their module has loaded */
  #dialogs: TicketDetailDialogs | null = null;
  /** the open form revising the rejected ticket (null: none) */
  #edit: TicketDetailEdit | null = null;
  #editLoading = false;
  /** the composer and the upload, once their module has loaded (or why it could not) */
  #compose: TicketDetailCompose | null = null;
  #composeLoading = false;
  #composeError: unknown = null;
  /** the styles of the lazy modules loaded so far */
  #moreStyles: CSSResult[] = [];
  #warm = false;
  #urlAbort = new AbortController();
  #requested = new Set<string>();

  readonly #task = new Task(this, {
    task: async ([id, , , , who], { signal }): Promise<Loaded | null | typeof initialState> => {
      if (!id) return null;
      if (who === waitingForSession) return initialState;
      // names of types and areas come in the page's language: wait until it is switched
      await localeReady();
      const [ticket, positions] = await Promise.all([
        this.api.tickets.get(id, { signal }),
        this.api.tickets.positions(id, { signal }),
      ]);
      return { ticket, positions };
    },
    args: () => [this.ticketId, this.api, this.locale, this.reloads, sessionKey(this.session)] as const,
  });

  /**
   * Whose view: inside `<portal-session>` nothing loads until someone is signed in (a host
   * sign-in may still be under way), and the ticket loads again for another account; alone,
   * whoever the API's session belongs to (null).
   */
  /** The ticket as last loaded (null before it is). */
  get ticket(): TicketDetailDto | null {
    const v = this.#current();
    return v?.ticket ?? null;
  }

  /** Loads the ticket and its history again (after a host changed it, e.g. released it). */
  async reload(): Promise<void> {
    this.reloads++;
    await this.updateComplete;
    try {
      await this.#task.taskComplete;
    } catch {
      // shown by the error state
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#urlAbort.abort();
    this.#urlAbort = new AbortController();
    for (const url of this.urls.values()) this.api.attachments.release(url);
    this.urls = new Map();
    this.#requested.clear();
    this.#closeEdit();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('ticketId') && changed.get('ticketId') !== undefined) {
      this.#compose?.reset();
      this.#closeEdit();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // after render: a task started by this update is pending by now
    const current = this.#current();
    const status = !this.ticketId
      ? 'empty'
      : current
        ? 'ready'
        : this.#task.status === TaskStatus.ERROR
          ? 'error'
          : 'loading';
    this.setExclusiveState(status, viewStates);
    this.setCustomState('not-found', status === 'error' && isApiError(this.#task.error) && this.#task.error.status === 404);
    this.setCustomState('busy', this.#busy() || !!this.#compose?.uploading);
    if (current) {
      this.#resolveImages(current.ticket);
      const { abilities: a, attachments } = current.ticket;
      // the writing parts as soon as the ticket offers one, with the editor and the file drop
      if ((a.comment || a.upload) && !this.#compose && !this.#composeLoading && !this.#composeError) this.#loadCompose();
      // the dialogs' module, in idle time, when the ticket offers a way into one
      if (!this.#warm && (a.close || a.reopen || a.resubmit || attachments.some((f) => f.previewable))) {
        this.#warm = true;
        (globalThis.requestIdleCallback ?? setTimeout)(() => void loadDialogs().catch(() => undefined));
      }
    }
  }

  /** The loaded value when it belongs to the current `ticketId`. */
  #current(): Loaded | null {
    const v = this.#task.value;
    return v && v.ticket.id === this.ticketId ? v : null;
  }

  protected override render(): TemplateResult {
    let body: TemplateResult;
    const current = this.#current();
    if (!this.ticketId) {
      body = html`<p class="state">${msg('No ticket selected.')}</p>`;
    } else if (current) {
      body = this.#renderTicket(current);
    } else if (this.#task.status === TaskStatus.ERROR) {
      body = this.#renderError(this.#task.error);
    } else {
      body = loading(msg('Loading ticket…'));
    }
    return html`<div part="base" class="base" lang=${this.locale}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#dialogs?.render()}
    </div>`;
  }

  #renderError(error: unknown): TemplateResult {
    if (isApiError(error) && error.status === 404) {
      return html`<div class="state not-found" role="alert">
        ${icons.info('icon big')}
        <p><strong>${msg('Ticket not found')}</strong></p>
        <p>${msg('This ticket does not exist, or you are not allowed to see it.')}</p>
      </div>`;
    }
    const ref = errorReference(error);
    return html`<div class="alert danger" role="alert">
      ${icons.alert()}
      <div>
        <p>${msg('The ticket could not be loaded.')} ${errorMessage(error)}</p>
        ${ref ? html`<p class="ref">${msg(str`Reference: ${ref}`)}</p>` : nothing}
        <button class="button small retry" type="button" @click=${() => this.reloads++}>${msg('Try again')}</button>
      </div>
    </div>`;
  }

  #renderTicket({ ticket, positions }: Loaded): TemplateResult {
    const a = ticket.abilities;
    const busy = this.#busy();
    return html`
      <header part="header" class="header">
        <div class="heading">
          <p class="number">
            <span>${msg(str`Ticket #${ticket.number}`)}</span>
            ${ticket.private
              ? html`<span class="private">${icons.lock('icon small')}<span>${msg('Private')}</span></span>`
              : nothing}
          </p>
          <h2 id="title" part="title" tabindex="-1">${ticket.subject}</h2>
          <p class="status-line">
            <span class="badge" data-status=${ticket.status}>${statusLabel(ticket.status)}</span>
            <span class="priority" data-priority=${ticket.priority}
              ><span class="visually-hidden">${msg('Priority')}: </span>${priorityLabel(ticket.priority)}</span
            >
          </p>
        </div>
        <div part="actions" class="actions">
          <slot name="actions"></slot>
          ${a.resubmit && !this.#edit
            ? html`<button class="button" type="button" data-action="edit" aria-busy=${this.#editLoading} ?disabled=${busy || this.#editLoading}
                @click=${() => this.#openEdit(ticket)}>${msg('Edit ticket')}</button>`
            : nothing}
          ${(['resubmit', 'reopen', 'close'] as const).map((kind) =>
            a[kind]
              ? html`<button class="button ${kind === 'resubmit' ? 'primary' : ''}" type="button" data-action=${kind} ?disabled=${busy || !!this.#edit}
                  @click=${(e: Event) => this.#withDialogs(e, (d, opener) => d.open(kind, opener))}
                >${kind === 'resubmit' ? msg('Resubmit') : kind === 'reopen' ? msg('Reopen') : msg('Close ticket')}</button>`
              : nothing,
          )}
        </div>
      </header>
      ${this.#renderNotes(ticket, positions)} ${this.#renderMeta(ticket)}
      <div class="layout">
        <div class="content">
          ${this.#edit
            ? this.#edit.render()
            : html`<section part="description" class="section" aria-labelledby="description-title">
                <h3 id="description-title">${msg('Description')}</h3>
                ${ticket.descriptionHtml.trim()
                  ? html`<div class="richtext">${richText(ticket.descriptionHtml)}</div>`
                  : html`<p class="muted">${msg('No description.')}</p>`}
              </section>`}
          <section class="section" aria-labelledby="history-title">
            <h3 id="history-title">${msg('History')}</h3>
            <ol part="history" class="history">
              ${positions.map((p) => this.#renderPosition(p))}
            </ol>
          </section>
          ${a.comment ? this.#composePart((c) => c.renderComposer(ticket)) : nothing}
        </div>
        ${this.#renderAttachments(ticket)}
      </div>
    `;
  }

  #renderNotes(ticket: TicketDetailDto, positions: PositionDto[]): TemplateResult {
    const a = ticket.abilities;
    const notes: TemplateResult[] = [];
    if (ticket.status === 'release_rejected') {
      const rejection = [...positions].reverse().find((p) => p.event === 'rejected');
      const reason = typeof rejection?.data?.reason === 'string' ? rejection.data.reason : '';
      const who = rejection?.author?.name ?? '';
      notes.push(html`<div class="alert danger rejection">
        ${icons.alert()}
        <div>
          <p><strong>${who ? msg(str`${who} rejected the release of this ticket.`) : msg('The release of this ticket was rejected.')}</strong></p>
          ${reason ? html`<p class="reason">${msg('Reason:')} ${reason}</p>` : nothing}
          ${a.resubmit ? html`<p>${msg('Edit the ticket or add what is missing as a position, then resubmit it for release.')}</p>` : nothing}
        </div>
      </div>`);
    } else if (ticket.status === 'awaiting_release') {
      notes.push(html`<div class="alert warning">
        ${icons.clock()}
        <p>${msg('This ticket awaits release by a ticket dispatcher of your company. The service desk sees it only after the release.')}</p>
      </div>`);
    } else if (ticket.status === 'closed') {
      notes.push(html`<div class="alert info closed-note">
        ${icons.check()}
        <div>
          <p><strong>${ticket.closedAt ? msg(str`Closed on ${exactTime(ticket.closedAt, this.locale)}`) : msg('Closed')}</strong></p>
          ${ticket.closedReason ? html`<p class="reason">${msg('Reason:')} ${ticket.closedReason}</p>` : nothing}
        </div>
      </div>`);
    }
    const readOnly = !a.comment && !a.upload && !a.close && !a.reopen && !a.resubmit;
    if (readOnly) {
      const role = this.#role(ticket);
      notes.push(html`<p class="read-only" part="read-only">
        ${icons.info('icon small')}
        <span>${role === 'viewer'
          ? msg('You can read this ticket. Your permission group (viewer) cannot write positions, add files or close tickets.')
          : msg('You can read this ticket but not change it.')}</span>
      </p>`);
    } else if (ticket.status === 'closed' && a.reopen) {
      notes.push(html`<p class="read-only">${icons.info('icon small')}<span>${msg('Reopen the ticket to write a position or add files.')}</span></p>`);
    }
    return html`${notes}`;
  }

  #role(ticket: TicketDetailDto): string | null {
    const s = this.session;
    if (s?.status !== 'signed-in') return null;
    return s.me.partners.find((p) => p.id === ticket.businessPartner.id)?.role ?? null;
  }

  #renderMeta(t: TicketDetailDto): TemplateResult {
    const l = this.locale;
    const item = (label: string, value: unknown, cls = '') => html`<div class="fact ${cls}"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<dl part="meta" class="meta">
      ${item(msg('Type'), t.type.name)} ${item(msg('Area'), t.area.name)}
      ${item(msg('Business partner'), t.businessPartner.name)}
      ${t.referenceNo ? item(msg('Reference number'), t.referenceNo) : nothing}
      ${item(msg('Author'), t.author.name)}
      ${item(msg('Created'), html`<time datetime=${t.createdAt}>${exactTime(t.createdAt, l)}</time>`)}
      ${item(msg('Last update'), html`<time datetime=${t.updatedAt}>${exactTime(t.updatedAt, l)}</time>`)}
      ${t.tags.length
        ? item(msg('Tags'), html`<ul class="tags">${t.tags.map((tag) => html`<li>${tag}</li>`)}</ul>`, 'wide')
        : nothing}
    </dl>`;
  }

  #renderPosition(p: PositionDto): TemplateResult {
    const when = html`<time datetime=${p.createdAt}>${exactTime(p.createdAt, this.locale)}</time>`;
    if (p.kind === 'system') {
      const reason = this.#eventReason(p);
      return html`<li part="event" class="event" data-event=${p.event ?? ''}>
        ${icons.clock('icon small')}
        <span class="what">${this.#eventText(p)}${reason ? html`: <span class="reason">${reason}</span>` : nothing}</span>
        <span class="when">${when}</span>
      </li>`;
    }
    const agent = p.kind === 'agent';
    const mine = this.session?.status === 'signed-in' && p.author?.id === this.session.me.account.id;
    return html`<li part="position" class="position ${agent ? 'agent' : 'customer'}" data-kind=${p.kind}>
      <div class="who">
        ${agent ? html`<span class="side-label">${msg('Servicedesk')}</span>` : nothing}
        <span class="name">${p.author?.name ?? msg('Servicedesk')}</span>
        ${mine ? html`<span class="you">(${msg('you')})</span>` : nothing}
        <span class="when">${when}</span>
      </div>
      <div class="richtext">${richText(p.bodyHtml)}</div>
      ${p.attachments.length
        ? html`<ul class="position-files" aria-label=${msg('Files of this position')}>
            ${p.attachments.map(
              (f) => html`<li>
                <button class="link" type="button" @click=${() => this.#download(f)}>
                  ${f.fileName}<span class="visually-hidden"> (${msg('download')})</span>
                </button>
                <span class="muted">${formatFileSize(f.size, this.locale)}</span>
              </li>`,
            )}
          </ul>`
        : nothing}
    </li>`;
  }

  #eventText(p: PositionDto): string {
    const who = p.author?.name || msg('Servicedesk');
    const d = p.data ?? {};
    switch (p.event) {
      case 'created':
        return msg(str`Created by ${who}`);
      case 'submitted_for_release':
        return msg(str`Submitted for release by ${who}`);
      case 'released':
        return d['onCreation'] ? msg(str`Released on creation by ${who}`) : msg(str`Released by ${who}`);
      case 'rejected':
        return msg(str`Rejected by ${who}`);
      case 'resubmitted':
        return msg(str`Resubmitted for release by ${who}`);
      case 'status_changed':
        return msg(str`Status changed by ${who}: ${statusLabel(String(d['from'] ?? ''))} → ${statusLabel(String(d['to'] ?? ''))}`);
      case 'closed':
        return msg(str`Closed by ${who}`);
      case 'reopened':
        return msg(str`Reopened by ${who}`);
      case 'attachments_added': {
        const files = Array.isArray(d['files']) ? (d['files'] as unknown[]).map(String) : [];
        const list = new Intl.ListFormat(this.locale, { style: 'long', type: 'conjunction' }).format(files);
        return files.length ? msg(str`Files added by ${who}: ${list}`) : msg(str`Files added by ${who}`);
      }
      case 'revised': {
        // what the author changed after a rejected release
        const fields = Array.isArray(d['fields']) ? (d['fields'] as unknown[]).map((f) => revisedFields[String(f)]?.() ?? String(f)) : [];
        return msg(str`Changed by ${who}: ${new Intl.ListFormat(this.locale, { style: 'long', type: 'conjunction' }).format(fields)}`);
      }
      default:
        return p.event ?? '';
    }
  }

  #eventReason(p: PositionDto): string {
    const d = p.data ?? {};
    const v = p.event === 'resubmitted' ? d['comment'] : d['reason'];
    return typeof v === 'string' ? v.trim() : '';
  }

  #renderAttachments(ticket: TicketDetailDto): TemplateResult {
    const files = ticket.attachments;
    const a = ticket.abilities;
    return html`<aside part="attachments" class="attachments" aria-labelledby="attachments-title">
      <h3 id="attachments-title">${msg('Attachments')} <span class="count">(${files.length})</span></h3>
      ${files.length
        ? html`<ul class="files">
            ${files.map((f) => this.#renderFile(f))}
          </ul>`
        : html`<p class="muted">${msg('No attachments yet.')}</p>`}
      ${a.upload ? this.#composePart((c) => c.renderUpload(), !a.comment) : nothing}
    </aside>`;
  }

  #renderFile(f: AttachmentDto): TemplateResult {
    const thumb = f.previewable ? this.urls.get(f.id) : undefined;
    return html`<li class="file">
      ${f.previewable
        ? html`<button class="thumb" type="button" aria-label=${msg(str`Preview ${f.fileName}`)} @click=${(e: Event) => {
              void this.#resolve(f.id);
              this.#withDialogs(e, (d, opener) => d.openPreview(f, opener));
            }}>
            ${thumb ? html`<img src=${thumb} alt="" />` : html`<span class="thumb-placeholder" aria-hidden="true"></span>`}
          </button>`
        : html`<span class="file-icon" aria-hidden="true">${fileExtension(f.fileName)}</span>`}
      <div class="file-info">
        <button class="link name" type="button" @click=${() => this.#download(f)}>
          ${f.fileName}<span class="visually-hidden"> (${msg('download')})</span>
        </button>
        <span class="muted small">
          ${formatFileSize(f.size, this.locale)} · <time datetime=${f.createdAt}>${formatDate(f.createdAt, { dateStyle: 'medium' }, this.locale)}</time> ·
          ${f.uploadedBy.name}
        </span>
      </div>
    </li>`;
  }

  // --- actions ---------------------------------------------------------------------------------

  #busy(): boolean {
    return !!(this.#compose?.sending || this.#dialogs?.busy || this.#edit?.saving);
  }

  /** Runs `action` on the dialogs, loading their module first if needed (focus returns to `e`'s button). */
  #withDialogs(e: Event, action: (d: TicketDetailDialogs, opener: HTMLElement) => unknown) {
    const opener = e.currentTarget as HTMLElement;
    loadDialogs().then(
      ({ TicketDetailDialogs }) => {
        this.#dialogs ??= new TicketDetailDialogs(this, {
          afterChange: (t) => this.#afterChange(t),
          download: (f) => void this.#download(f),
          announce: (text) => (this.announcement = text),
          url: (id) => this.urls.get(id),
        });
        return action(this.#dialogs, opener);
      },
      (error: unknown) => (this.announcement = errorMessage(error)),
    );
  }

  /** Opens the form that revises the rejected ticket (its module first), the focus on its heading. */
  #openEdit(ticket: TicketDetailDto) {
    this.#editLoading = true;
    this.requestUpdate();
    TicketDetail.loadEdit()
      .then(
        async ({ TicketDetailEdit, editStyles, subjectError, subjectMax }) => {
          if (this.ticket?.id !== ticket.id) return;
          if (!this.#moreStyles.includes(editStyles)) this.adoptMore([editStyles]);
          this.#edit = new TicketDetailEdit(this, {
            subjectError,
            subjectMax,
            afterChange: (t) => this.#afterChange(t),
            announce: (text) => (this.announcement = text),
            close: (saved) => {
              this.#closeEdit();
              void this.updateComplete.then(() =>
                this.renderRoot.querySelector<HTMLElement>(saved ? '#title' : 'button[data-action=edit]')?.focus(),
              );
            },
          }, ticket);
          this.requestUpdate();
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>('#edit-title')?.focus();
        },
        (error: unknown) => (this.announcement = errorMessage(error)),
      )
      .finally(() => {
        this.#editLoading = false;
        this.requestUpdate();
      });
  }

  #closeEdit() {
    this.#edit?.dispose();
    this.#edit = null;
    this.requestUpdate();
  }

  /** Reloads ticket and history after a change the server agreed to, then tells the host. */
  async #afterChange(fallback?: TicketDetailDto) {
    await this.reload();
    const ticket = this.#current()?.ticket ?? fallback;
    if (ticket) this.emit(new TicketUpdatedEvent({ ticket }));
  }

  async #download(f: AttachmentDto) {
    try {
      const url = await this.api.attachments.url(f.id, { signal: this.#urlAbort.signal });
      const a = document.createElement('a');
      a.href = url;
      a.download = f.fileName;
      a.rel = 'noopener';
      a.hidden = true;
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      // a blob URL must outlive the click a little
      setTimeout(() => this.api.attachments.release(url), 60_000);
    } catch (error) {
      if (isAbort(error)) return;
      this.announcement = msg(str`The file could not be downloaded. ${errorMessage(error)}`);
    }
  }

  /** The running server's largest file (GET /api/me); the file drop's default without a session. */
  #maxFileSize() {
    return this.session?.status === 'signed-in' ? this.session.me.limits.uploadMaxFileBytes : undefined;
  }

  /** Adds the styles of a lazy module to the shadow root (after the element's own). @internal */
  adoptMore(styles: CSSResult[]) {
    this.#moreStyles.push(...styles);
    adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof TicketDetail).elementStyles, ...this.#moreStyles]);
  }

  #loadCompose() {
    this.#composeLoading = true;
    TicketDetail.loadCompose()
      .then(
        ({ TicketDetailCompose, composeStyles }) => {
          this.adoptMore([composeStyles]);
          this.#compose = new TicketDetailCompose(this, {
            afterChange: () => this.#afterChange(),
            announce: (text) => (this.announcement = text),
            maxFileSize: () => this.#maxFileSize(),
            account: () => sessionKey(this.session),
          });
        },
        (error: unknown) => (this.#composeError = error),
      )
      .finally(() => {
        this.#composeLoading = false;
        this.requestUpdate();
      });
  }

  /**
   * A writing part once its modules are there; while they load, a spinner in its place; when they
   * cannot be loaded, the error with Try again (`error`: shown here, not only at the other part).
   */
  #composePart(part: (c: TicketDetailCompose) => TemplateResult, error = true): TemplateResult | typeof nothing {
    if (this.#compose) return part(this.#compose);
    if (!this.#composeError) return loading(msg('Loading…'));
    if (!error) return nothing;
    return html`<div class="alert danger" role="alert">
      ${icons.alert()}
      <div>
        <p>${errorMessage(this.#composeError)}</p>
        <button class="button small retry" type="button" @click=${() => {
          this.#composeError = null;
          this.requestUpdate();
        }}>${msg('Try again')}</button>
      </div>
    </div>`;
  }

  // --- images and previews ---------------------------------------------------------------------

  /** Thumbnails and images in rich text get URLs the page may load (object URLs for bearer clients). */
  #resolveImages(ticket: TicketDetailDto) {
    for (const f of ticket.attachments) if (f.previewable) void this.#resolve(f.id);
    for (const img of this.renderRoot.querySelectorAll<HTMLImageElement>('.richtext img')) {
      const raw = img.dataset['attachment'] ? null : img.getAttribute('src') ?? '';
      const id = raw ? attachmentPath.exec(raw)?.[1] : img.dataset['attachment'];
      if (!id) continue;
      img.dataset['attachment'] = id;
      const url = this.urls.get(id);
      if (url) {
        if (img.getAttribute('src') !== url) img.setAttribute('src', url);
      } else {
        if (raw) img.removeAttribute('src');
        void this.#resolve(id);
      }
    }
  }

  async #resolve(id: string) {
    if (this.#requested.has(id)) return;
    this.#requested.add(id);
    try {
      const url = await this.api.attachments.url(id, { inline: true, signal: this.#urlAbort.signal });
      this.urls = new Map([...this.urls, [id, url]]);
    } catch {
      // no preview: the name and the download stay
    }
  }
}

function fileExtension(name: string): string {
  const m = /\.([a-z0-9]{1,4})$/i.exec(name);
  return (m?.[1] ?? 'file').toUpperCase();
}
