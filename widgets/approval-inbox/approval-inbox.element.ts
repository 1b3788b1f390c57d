import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type Api, type Locale, type TicketListItem } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { sessionContext, type SessionState, sessionKey, waitingForSession } from '../core/contexts.js';
import { PortalErrorEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { formatNumber, localeReady } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { alertStyles, buttonStyles, dialogStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import { exactTime, priorityLabel, relativeTime, ticketLabelStyles } from '../ticket-detail/ticket-labels.js';
import { ApprovalInboxClosedEvent } from './approval-inbox.events.js';
import type { Decisions } from './approval-inbox.decide.js';
import { approvalInboxStyles } from './approval-inbox.styles.js';

/** Tickets per request (the server's largest page). */
const PAGE_SIZE = 100;

const viewStates = ['loading', 'empty', 'error', 'ready', 'not-allowed'] as const;
type ViewState = (typeof viewStates)[number];

/** Where the focus goes after a render: a ticket of the list, the open ticket, or the heading. */
type FocusTarget = { to: 'item'; id: string | null } | { to: 'detail' } | { to: 'title' };

interface PartnerRef {
  id: string;
  name: string;
}

/** What the inbox shows: the tickets awaiting the user's release. */
interface Queue {
  /** false: the user releases for no business partner */
  allowed: boolean;
  /** the partners the user may release for */
  partners: PartnerRef[];
  items: TicketListItem[];
  /** how many await in all (the loaded ones when the server cannot tell) */
  total: number;
  /** the server has more than the loaded pages */
  more: boolean;
  page: number;
}

/** "3 tickets await your release" (the dashboard says the same). */
export function awaitingYourRelease(n: number, locale: Locale): string {
  const count = formatNumber(n, {}, locale);
  return n === 1 ? msg('1 ticket awaits your release') : msg(str`${count} tickets await your release`);
}

/**
 * The approval inbox (R-APPROVE-1/2, the manual's "Tickets freigeben"): the tickets that await
 * the user's release in every business partner they dispatch for, newest first, with subject,
 * author, partner, type, priority, the private marker and their age. Opening one shows the whole
 * ticket (`<ticket-detail>`) with "Release ticket" and "Reject"; each asks for a reason in a
 * dialog, then tells the server. A ticket someone else decided meanwhile (409) is explained and
 * the list reloaded. After a decision the list drops the ticket at once and the session is asked
 * to reload the user's counts (`portal-refresh-request`), so badges and the dashboard follow.
 * Accounts without dispatcher rights see a short explanation instead.
 *
 * Keyboard: arrow keys, Home and End move through the list, Enter opens a ticket, Escape goes
 * back to the list; the reason dialog keeps the focus inside and returns it when it closes.
 *
 * @summary The tickets awaiting the user's release, with release and reject (each with a reason).
 *
 * @attr lang - UI language when used without `<portal-session>`.
 * @attr api-base - Base URL of the portal server when used without `<portal-session>`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The heading and the count.
 * @csspart title - The heading "Approvals".
 * @csspart count - The sentence with the number of tickets awaiting release.
 * @csspart notice - The message after a decision (or after someone else decided first).
 * @csspart list - The list of tickets.
 * @csspart item - One ticket of the list.
 * @csspart item-title - The subject of a ticket in the list (the button that opens it).
 * @csspart detail-view - The open ticket with its back button.
 * @csspart detail - The `<ticket-detail>` element of the open ticket.
 * @csspart release-button - The "Release ticket" button of the open ticket.
 * @csspart reject-button - The "Reject" button of the open ticket.
 * @csspart dialog - The dialog that asks for the reason.
 *
 * @cssprop --approval-inbox-max-width - Largest width of the list (default none).
 * @cssprop --approval-inbox-item-background - Background of a ticket in the list.
 * @cssprop --approval-inbox-item-hover-background - Background of a ticket under the pointer.
 *
 * @cssstate loading - The list is loading (first time).
 * @cssstate empty - Nothing awaits the user's release.
 * @cssstate error - The list could not be loaded (a retry button shows).
 * @cssstate ready - The list shows at least one ticket.
 * @cssstate not-allowed - The account may release no tickets (no dispatcher rights).
 * @cssstate detail - A ticket is open.
 * @cssstate busy - A decision is being sent or the list reloads.
 *
 * @event ticket-released - The user released a ticket (`detail: { ticket }`, the ticket after the release).
 * @event ticket-rejected - The user rejected a ticket's release (`detail: { ticket }`).
 * @event approval-inbox-closed - The open ticket closed and the list shows again (`detail: { id }`): Back, Escape, a decision, someone else decided first.
 * @event portal-refresh-request - After a decision: asks `<portal-session>` to reload the user's counts.
 * @event portal-error - Loading failed (`detail: { code, message, requestId }`).
 */
export class ApprovalInbox extends PortalElement {
  static override styles = [
    hostStyles,
    buttonStyles,
    fieldStyles,
    alertStyles,
    dialogStyles,
    stateStyles,
    ticketLabelStyles,
    approvalInboxStyles,
  ];

  /** @internal Loads `<ticket-detail>` and the decisions (tests make it fail). */
  static loadDecide = () => Promise.all([import('./approval-inbox.decide.js'), import('../ticket-detail/define.js')]);

  /** Id of the open ticket; set it to open one directly, remove it to show the list. */
  @property({ attribute: 'ticket-id', reflect: true }) ticketId: string | null = null;

  /** @internal */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionState;

  /** The list as last loaded, minus the tickets decided since (kept while it reloads). */
  @state() private queue: Queue | null = null;
  @state() private reloads = 0;
  @state() private loadingMore = false;
  @state() private moreError: unknown = null;
  /** The ticket of the list that takes part in the roving focus. */
  @state() private activeId: string | null = null;
  @state() private notice: { kind: 'success' | 'warning'; text: string } | null = null;
  @state() private announcement = '';
  @state() private detailLoadError: unknown = null;
  /** `<ticket-detail>` with the decisions: loaded when the first ticket opens */
  @state() private decisions: Decisions | null = null;

  /** What gets the focus after the next render. */
  #focusAfterRender: FocusTarget | null = null;
  #moreAbort: AbortController | null = null;
  /** Whose queue `queue` is (another account never sees it). */
  #queueFor: string | null = null;
  #detailImport: Promise<unknown> | null = null;

  readonly #task = new Task(this, {
    task: async ([api, who]: readonly [Api, string | null, Locale, number], { signal }) => {
      if (who === waitingForSession) return initialState;
      // the names of types come in the page's language: ask once it is in place
      await localeReady();
      const partners = await this.#releasePartners(api, signal);
      if (partners.length === 0) return { allowed: false, partners, items: [], total: 0, more: false, page: 1 } satisfies Queue;
      return this.#fetchPage(api, partners, 1, signal);
    },
    args: () => [this.api, sessionKey(this.session), this.locale, this.reloads] as const,
    onComplete: (queue) => {
      this.#moreAbort?.abort();
      this.loadingMore = false;
      this.moreError = null;
      this.queue = queue;
      this.#queueFor = sessionKey(this.session);
    },
    onError: (e) => this.#reportError(e),
  });

  /** The partners the user may release for: from the session, else from `/api/me`. */
  async #releasePartners(api: Api, signal: AbortSignal): Promise<PartnerRef[]> {
    const s = this.session;
    const me = s?.status === 'signed-in' ? s.me : await api.me.get({ signal });
    if (me.capabilities.agent) return [];
    return me.partners.filter((p) => p.canRelease).map((p) => ({ id: p.id, name: p.name }));
  }

  /**
   * One page of tickets awaiting release. The list answers the tickets the caller may decide
   * plus the caller's own; only those of partners the caller releases for stay.
   */
  async #fetchPage(api: Api, partners: PartnerRef[], page: number, signal?: AbortSignal): Promise<Queue> {
    const only = partners.length === 1 ? partners[0]!.id : undefined;
    const list = await api.tickets.list(
      { status: ['awaiting_release'], sort: 'createdAt', dir: 'desc', page, pageSize: PAGE_SIZE, ...(only ? { partner: only } : {}) },
      signal ? { signal } : {},
    );
    const ids = new Set(partners.map((p) => p.id));
    const items = list.items.filter((t) => ids.has(t.businessPartner.id));
    const more = list.page * list.pageSize < list.total;
    return { allowed: true, partners, items, total: only ? list.total : items.length, more, page: list.page };
  }

  /** Loads the list again (what the retry button does). */
  reload(): void {
    this.reloads++;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#moreAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('ticketId') && this.ticketId === '') this.ticketId = null;
    // another account (or nobody): never show the previous one's tickets
    if (this.queue && this.#queueFor !== sessionKey(this.session)) {
      this.queue = null;
      this.notice = null;
      if (sessionKey(this.session) === waitingForSession) this.ticketId = null;
    }
    if (this.ticketId && !this.decisions) this.#loadDetail();
    this.setExclusiveState(this.#viewState(), viewStates);
    this.setCustomState('detail', this.ticketId !== null);
    this.setCustomState('busy', !!this.decisions?.sending || this.loadingMore || (this.queue !== null && this.#task.status === TaskStatus.PENDING));
  }

  #viewState(): ViewState {
    const q = this.queue;
    if (!q) return this.#task.status === TaskStatus.ERROR ? 'error' : 'loading';
    if (!q.allowed) return 'not-allowed';
    return q.items.length === 0 ? 'empty' : 'ready';
  }

  /** `<ticket-detail>` and the decisions load the first time a ticket opens (the bigger part). */
  #loadDetail() {
    if (this.#detailImport) return;
    this.detailLoadError = null;
    this.#detailImport = ApprovalInbox.loadDecide().then(
      ([m]) => {
        adoptStyles(this.shadowRoot!, [...(this.constructor as typeof ApprovalInbox).elementStyles, m.decideStyles]);
        this.decisions = new m.Decisions({
          el: this,
          item: () => this.#openItem(),
          remove: (id) => this.#remove(id),
          after: (text, kind, next) => this.#afterDecision(text, kind, next),
        });
      },
      (e: unknown) => (this.detailLoadError = e),
    );
  }

  protected override render(): TemplateResult {
    const open = this.ticketId !== null;
    return html`<div part="base" class="base" lang=${this.locale} @keydown=${this.#onKeydown}>
      <header part="header" class="head">
        <h1 id="title" part="title" class="title" tabindex="-1">${msg('Approvals')}</h1>
        ${this.#renderCount()}
      </header>
      ${this.#renderNotice()}
      <div class="list-view" ?hidden=${open}>${this.#renderListView()}</div>
      ${open ? this.#renderDetailView() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.decisions?.renderDialog()}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.#focusAfterRender;
    if (!focus) return;
    this.#focusAfterRender = null;
    // after this update: moving the focus changes state (the roving item)
    void Promise.resolve().then(() => this.#moveFocus(focus));
  }

  #moveFocus(focus: FocusTarget) {
    if (focus.to === 'detail') {
      this.renderRoot.querySelector<HTMLElement>('.detail-view')?.focus();
    } else if (focus.to === 'title') {
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    } else {
      const buttons = this.#itemButtons();
      const target = buttons.find((b) => b.dataset.id === focus.id) ?? buttons[0];
      if (target) {
        target.focus();
      } else {
        this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
      }
    }
  }

  // --- list --------------------------------------------------------------------------------

  #renderCount(): TemplateResult | typeof nothing {
    const q = this.queue;
    if (!q?.allowed || q.items.length === 0) return nothing;
    return html`<p part="count" class="count">${awaitingYourRelease(q.total, this.locale)}</p>`;
  }

  #renderListView(): TemplateResult {
    const q = this.queue;
    if (!q) {
      if (this.#task.status === TaskStatus.ERROR) return this.#renderError(this.#task.error);
      return html`<div class="state" role="status">
        <span class="spinner" aria-hidden="true"></span><span>${msg('Loading the tickets awaiting release…')}</span>
      </div>`;
    }
    const reloadError = this.#task.status === TaskStatus.ERROR ? this.#renderError(this.#task.error) : nothing;
    if (!q.allowed) {
      return html`<div class="state not-allowed">
        ${icons.lock('icon big')}
        <p><strong>${msg('Only ticket dispatchers release tickets')}</strong></p>
        <p>${msg('Your account has no dispatcher rights, so no tickets wait here for your release. Tickets you submitted are released by the ticket dispatchers of your company.')}</p>
      </div>`;
    }
    if (q.items.length === 0) {
      return html`${reloadError}
        <div class="state empty">
          ${icons.check('icon big')}
          <p><strong>${msg('Nothing waits for your release')}</strong></p>
          <p>${msg('Tickets your colleagues submit for release appear here.')}</p>
        </div>`;
    }
    const active = q.items.some((t) => t.id === this.activeId) ? this.activeId : q.items[0]!.id;
    return html`${reloadError}
      <h2 id="list-title" class="visually-hidden">${msg('Tickets awaiting your release')}</h2>
      <ul part="list" class="list" aria-labelledby="list-title" @keydown=${this.#onListKeydown}>
        ${q.items.map((t) => this.#renderItem(t, t.id === active))}
      </ul>
      ${q.more ? this.#renderMore() : nothing}`;
  }

  #renderItem(t: TicketListItem, active: boolean): TemplateResult {
    const l = this.locale;
    const mine = this.#accountId() === t.author.id;
    return html`<li part="item" class="item" data-id=${t.id}>
      <p class="item-top">
        <span class="number">#${t.number}</span>
        <span class="partner"><span class="visually-hidden">${msg('Business partner')}: </span>${t.businessPartner.name}</span>
        ${t.private ? html`<span class="private">${icons.lock('icon small')}<span>${msg('Private')}</span></span>` : nothing}
        ${mine ? html`<span class="mine">${msg('Your ticket')}</span>` : nothing}
      </p>
      <button
        part="item-title"
        class="open"
        type="button"
        data-id=${t.id}
        tabindex=${active ? '0' : '-1'}
        aria-describedby="meta-${t.id}"
        @click=${() => this.#open(t.id)}
        @focus=${() => (this.activeId = t.id)}
      >
        ${t.subject}
      </button>
      <p class="meta" id="meta-${t.id}">
        <span><span class="visually-hidden">${msg('Author')}: </span>${t.author.name}</span>
        <span><span class="visually-hidden">${msg('Type')}: </span>${t.type.name}</span>
        <span class="priority" data-priority=${t.priority}
          ><span class="visually-hidden">${msg('Priority')}: </span>${priorityLabel(t.priority)}</span
        >
        <time datetime=${t.createdAt} title=${exactTime(t.createdAt, l)}
          >${msg(str`Created ${relativeTime(t.createdAt, l)}`)}</time
        >
      </p>
    </li>`;
  }

  #renderMore(): TemplateResult {
    return html`<div class="more">
      ${this.moreError ? html`<p class="error" role="alert">${errorMessage(this.moreError)}</p>` : nothing}
      <button class="button" type="button" aria-busy=${this.loadingMore ? 'true' : 'false'} ?disabled=${this.loadingMore} @click=${this.#loadMore}>
        ${msg('Show more')}
      </button>
    </div>`;
  }

  /** An error with Try again: the list's (default), or the open ticket's when its module did not load. */
  #renderError(error: unknown, text = msg('The tickets awaiting release could not be loaded.'), retry = () => this.reload()): TemplateResult {
    const ref = errorReference(error);
    return html`<div class="alert danger" role="alert">
      ${icons.alert()}
      <div>
        <p>${text} ${errorMessage(error)}</p>
        ${ref ? html`<p class="ref">${msg(str`Reference: ${ref}`)}</p>` : nothing}
        <button class="button small retry" type="button" @click=${retry}>${msg('Try again')}</button>
      </div>
    </div>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const n = this.notice;
    if (!n) return nothing;
    return html`<div part="notice" class="alert ${n.kind} notice">
      ${n.kind === 'success' ? icons.check() : icons.info()}
      <p>${n.text}</p>
      <button class="button quiet small dismiss" type="button" @click=${() => (this.notice = null)}>
        ${icons.cross()}<span class="visually-hidden">${msg('Dismiss message')}</span>
      </button>
    </div>`;
  }

  // --- detail ------------------------------------------------------------------------------

  #renderDetailView(): TemplateResult {
    const id = this.ticketId!;
    const q = this.queue;
    const item = q?.items.find((t) => t.id === id);
    const index = item && q ? q.items.indexOf(item) : -1;
    const body = this.detailLoadError
      ? this.#renderError(this.detailLoadError, msg('The ticket could not be loaded.'), () => this.#open(id))
      : (this.decisions?.renderDetail(id) ??
        html`<div class="state" role="status"><span class="spinner" aria-hidden="true"></span><span>${msg('Loading ticket…')}</span></div>`);
    return html`<section part="detail-view" class="detail-view" tabindex="-1" aria-label=${item ? msg(str`Ticket #${item.number}: ${item.subject}`) : msg('Ticket')}>
      <div class="detail-bar">
        <button class="button quiet back" type="button" @click=${() => this.#back()}>
          <span aria-hidden="true">←</span><span>${msg('Back to the list')}</span>
        </button>
        ${item && q ? html`<span class="position">${msg(str`Ticket ${formatNumber(index + 1, {}, this.locale)} of ${formatNumber(q.items.length, {}, this.locale)}`)}</span>` : nothing}
      </div>
      ${q && !item && q.allowed
        ? html`<div class="alert info">${icons.info()}<p>${msg('This ticket does not await your release.')}</p></div>`
        : nothing}
      ${body}
    </section>`;
  }

  // --- actions -----------------------------------------------------------------------------

  #open(id: string) {
    if (this.detailLoadError) {
      // the last attempt to load <ticket-detail> failed: opening a ticket tries again
      this.#detailImport = null;
      this.detailLoadError = null;
    }
    this.activeId = id;
    this.notice = null;
    this.ticketId = id;
    this.#focusAfterRender = { to: 'detail' };
  }

  #back(focusId: string | null = this.ticketId) {
    this.#close();
    this.#focusAfterRender = { to: 'item', id: focusId };
  }

  /** Shows the list again; the host hears of it (its address may still name the ticket). */
  #close() {
    const id = this.ticketId;
    this.ticketId = null;
    if (id) this.emit(new ApprovalInboxClosedEvent({ id }));
  }

  #openItem(): TicketListItem | undefined {
    return this.ticketId ? this.queue?.items.find((t) => t.id === this.ticketId) : undefined;
  }

  #afterDecision(text: string, kind: 'success' | 'warning', next: string | null) {
    this.notice = { kind, text };
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
    this.#close();
    this.#focusAfterRender = next ? { to: 'item', id: next } : { to: 'title' };
  }

  /** Drops a ticket from the list; returns the id of the ticket that takes its place. */
  #remove(id: string): string | null {
    const q = this.queue;
    if (!q) return null;
    const at = q.items.findIndex((t) => t.id === id);
    if (at < 0) return q.items[0]?.id ?? null;
    const items = q.items.filter((t) => t.id !== id);
    this.queue = { ...q, items, total: Math.max(0, q.total - 1) };
    return (items[at] ?? items[at - 1])?.id ?? null;
  }

  readonly #loadMore = async () => {
    const q = this.queue;
    if (!q || this.loadingMore) return;
    this.#moreAbort?.abort();
    const abort = (this.#moreAbort = new AbortController());
    this.loadingMore = true;
    this.moreError = null;
    try {
      const next = await this.#fetchPage(this.api, q.partners, q.page + 1, abort.signal);
      const current = this.queue ?? q;
      const known = new Set(current.items.map((t) => t.id));
      const added = next.items.filter((t) => !known.has(t.id));
      this.queue = {
        ...current,
        items: [...current.items, ...added],
        total: q.partners.length === 1 ? next.total : current.items.length + added.length,
        more: next.more,
        page: next.page,
      };
      if (added[0]) this.#focusAfterRender = { to: 'item', id: added[0].id };
    } catch (e) {
      if (isAbort(e)) return;
      this.moreError = e;
    } finally {
      if (this.#moreAbort === abort) this.loadingMore = false;
    }
  };

  // --- keyboard ----------------------------------------------------------------------------

  #itemButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.list .open')];
  }

  readonly #onListKeydown = (e: KeyboardEvent) => {
    const buttons = this.#itemButtons();
    const at = buttons.findIndex((b) => b === this.shadowRoot?.activeElement);
    if (at < 0) return;
    let to = -1;
    if (e.key === 'ArrowDown') to = Math.min(at + 1, buttons.length - 1);
    else if (e.key === 'ArrowUp') to = Math.max(at - 1, 0);
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = buttons.length - 1;
    if (to < 0) return;
    e.preventDefault();
    const target = buttons[to]!;
    this.activeId = target.dataset.id ?? null;
    target.focus();
  };

  /** Escape in an open ticket goes back to the list (not while typing or inside a dialog). */
  readonly #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || this.ticketId === null || e.defaultPrevented) return;
    const path = e.composedPath();
    const busy = path.some(
      (n) => n instanceof HTMLDialogElement || n instanceof HTMLTextAreaElement || n instanceof HTMLInputElement || n instanceof HTMLSelectElement || (n instanceof HTMLElement && n.isContentEditable),
    );
    if (busy) return;
    e.preventDefault();
    this.#back();
  };

  // --- helpers -----------------------------------------------------------------------------

  #accountId(): string | null {
    const s = this.session;
    return s?.status === 'signed-in' ? s.me.account.id : null;
  }

  #reportError(e: unknown) {
    if (isAbort(e)) return;
    if (isApiError(e) && (e.status === 401 || e.code === 'password_change_required')) return; // the session handles these
    this.emit(
      new PortalErrorEvent({
        code: isApiError(e) ? e.code : 'internal',
        message: e instanceof Error ? e.message : String(e),
        requestId: isApiError(e) ? e.requestId ?? null : null,
      }),
    );
  }
}
