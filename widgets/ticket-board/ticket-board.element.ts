import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  isAbort,
  isApiError,
  type Api,
  type SavedQuery,
  type SortKey,
  type TicketList,
  type TicketListItem,
  type Locale,
  type TicketStatus,
} from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { sessionContext, type SessionState, sessionKey, waitingForSession } from '../core/contexts.js';
import { NavigateEvent, TicketOpenEvent } from '../core/events.js';
import { TicketBoardBackEvent } from './ticket-board.events.js';
import { icons } from '../core/icons.js';
import { formatNumber, localeReady } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import {
  exactTime,
  priorityLabel,
  relativeTime,
  statusLabel,
  ticketLabelStyles,
  ticketStatuses,
} from '../ticket-detail/ticket-labels.js';
import { ticketBoardStyles } from './ticket-board.styles.js';
import type { TicketBoardDialogs } from './ticket-board.dialogs.js';


const viewStates = ['loading', 'empty', 'error', 'ready'] as const;

export const pageSizes = [10, 25, 50, 100] as const;

/** `#who()` while the session inside `<portal-session>` is not signed in yet. */
/** How long the pointer rests on a query before its description shows (R-BOARD-2). */
export const tooltipDelayMs = 600;
/** Pause in typing before the search runs. */
export const searchDelayMs = 300;

type Sort = { sort: SortKey; dir: 'asc' | 'desc' };

/**
 * The server's sort keys (server/schemas/tickets.ts), listed here so the board does not pull in
 * that module's zod; the record type makes the compiler report a key added or removed there.
 */
const sortKeySet: Record<SortKey, true> = {
  updatedAt: true,
  createdAt: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  type: true,
  author: true,
  partner: true,
};

/** The direction a column starts with (the server's defaults: newest and highest first). */
const firstDir: Partial<Record<SortKey, 'asc' | 'desc'>> = { updatedAt: 'desc', createdAt: 'desc', number: 'desc', priority: 'desc' };

function isSort(v: unknown): v is Sort {
  const s = v as Sort | null;
  return !!s && typeof s === 'object' && Object.hasOwn(sortKeySet, s.sort) && (s.dir === 'asc' || s.dir === 'desc');
}

interface Column {
  key: SortKey;
  label: () => string;
  cls: string;
  /** the cell of a row (the subject's is the row's own) */
  cell?: (t: TicketListItem, locale: Locale) => unknown;
}

const columns: readonly Column[] = [
  { key: 'number', label: () => msg('No.'), cls: 'num', cell: (t) => `#${t.number}` },
  { key: 'subject', label: () => msg('Subject'), cls: 'subject' },
  {
    key: 'status',
    label: () => msg('Status'),
    cls: 'status',
    cell: (t) => html`<span class="badge" data-status=${t.status}>${statusLabel(t.status)}</span>`,
  },
  {
    key: 'priority',
    label: () => msg('Priority'),
    cls: 'prio',
    cell: (t) => html`<span class="priority" data-priority=${t.priority}>${priorityLabel(t.priority)}</span>`,
  },
  { key: 'type', label: () => msg('Type'), cls: 'type', cell: (t) => t.type.name },
  { key: 'partner', label: () => msg('Business partner'), cls: 'partner', cell: (t) => t.businessPartner.name },
  { key: 'author', label: () => msg('Author'), cls: 'author', cell: (t) => t.author.name },
  {
    key: 'updatedAt',
    label: () => msg('Updated'),
    cls: 'updated',
    cell: (t, l) => html`<time datetime=${t.updatedAt} title=${exactTime(t.updatedAt, l)}>${relativeTime(t.updatedAt, l)}</time>`,
  },
];

/** the other widgets' facts after which the list may have changed */
const ticketChanges = ['ticket-created', 'ticket-updated', 'ticket-released', 'ticket-rejected'];

/**
 * The ticket board (R-BOARD-1..5): saved queries on the left (system, then the user's own, each
 * with its description on hover or focus; the current filters can be saved as a query of one's
 * own), search within the selected query, filters by status and ticket type, and a table of the
 * tickets the user may see, sorted, filtered and paged by the server. The chosen sort is
 * remembered per user and query. Narrow: the queries become a select and the rows cards.
 *
 * Opening a ticket fires `ticket-open`; unless the host prevents it, the board shows
 * `<ticket-detail>` in place, and "Back to the list" restores the list as it was (query,
 * filters, page, scroll position, focus on the row). The board never touches the URL; a host
 * that gives the open ticket an address sets `ticket-id` (e.g. from the URL, or empty when the
 * browser goes back) and hears `ticket-open` / `ticket-board-back`. When another widget of the
 * page creates or changes a ticket (`ticket-created`, `ticket-updated`, `ticket-released`,
 * `ticket-rejected`), the list loads again.
 *
 * @summary Saved queries, search and filters over a sortable, paged table of tickets.
 *
 * @csspart base - The wrapper around everything.
 * @csspart queries - The saved queries panel (left).
 * @csspart query - One query button.
 * @csspart tooltip - A query's description.
 * @csspart filters - Search box, status and type filters.
 * @csspart table - The table of tickets (cards on narrow screens).
 * @csspart row - One ticket row.
 * @csspart pager - Page size, page x of y, previous/next.
 * @csspart back - The "Back to the list" button while a ticket shows.
 * @csspart detail - The wrapper of the ticket shown in place.
 *
 * @cssprop --ticket-board-queries-width - Width of the queries panel on wide screens (default 15rem).
 * @cssprop --ticket-board-row-hover - Background of a row under the pointer.
 *
 * @cssstate loading - Tickets are loading (skeleton rows the first time).
 * @cssstate empty - No ticket matches.
 * @cssstate error - The tickets could not be loaded.
 * @cssstate ready - Tickets show.
 * @cssstate detail - A ticket shows in place of the list.
 *
 * @event ticket-open - A ticket was chosen (`detail: { id }`); cancel it to show the ticket yourself.
 * @event ticket-board-back - The user went back from the ticket shown in place to the list (`detail: { id }`).
 * @event navigate - "Create ticket" from the empty board (`detail: { target: 'create' }`); cancelable.
 */
export class TicketBoard extends PortalElement {
  static override styles = [
    hostStyles,
    buttonStyles,
    fieldStyles,
    alertStyles,
    stateStyles,
    ticketLabelStyles,
    ticketBoardStyles,
  ];

  /** @internal Loads the query dialogs' module (tests make it slow or fail). */
  static loadDialogs = () => import('./ticket-board.dialogs.js');

  /** Key (or id) of the query selected first, e.g. `open`; default: all tickets. */
  @property({ attribute: 'query' }) query: string | null = null;

  /** The ticket shown in place of the list; empty: the list. Set by the element when the user opens a ticket or goes back. */
  @property({ attribute: 'ticket-id' }) ticketId: string | null = null;

  /** Tickets per page at first (10, 25, 50 or 100); the user may change it. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 25;

  /** @internal */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionState;

  @state() private selected: string | null = null;
  @state() private searchText = '';
  @state() private q = '';
  @state() private status: TicketStatus | '' = '';
  @state() private type = '';
  @state() private page = 1;
  @state() private size: number | null = null;
  @state() private sortVersion = 0;
  @state() private reloads = 0;
  @state() private queriesVersion = 0;
  @state() private tip: string | null = null;
  @state() private openId: string | null = null;
  @state() private announcement = '';
  /** the query dialogs' module is loading after a click, or could not be loaded */
  @state() private dialogsLoad: 'busy' | 'failed' | null = null;

  /** sort per account and query as loaded from the preferences or chosen here (absent: not loaded yet) */
  readonly #sorts = new Map<string, Sort | null>();
  /** the account the board's choices belong to (they start over for another one) */
  #account: string | null | undefined = undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #tipTimer: ReturnType<typeof setTimeout> | undefined;
  /** the query dialogs, once their module has loaded */
  #dialogs: TicketBoardDialogs | null = null;
  #warm = false;
  #listContext: { scrollY: number; rowId: string } | null = null;
  #changedWhileOpen = false;
  /** the ticket shown or being loaded to show (null: the list) */
  #target: string | null = null;
  #focusAfterLoad: string | null = null;

  readonly #queries = new Task(this, {
    task: async ([api, , , who], { signal }) => {
      if (who === waitingForSession) return initialState;
      await localeReady();
      return api.queries.list({ signal });
    },
    args: () => [this.api, this.locale, this.queriesVersion, sessionKey(this.session)] as const,
  });

  readonly #types = new Task(this, {
    task: async ([api, locale, who], { signal }) => {
      if (who === waitingForSession) return initialState;
      await localeReady();
      const types = await api.lookups.types({ signal });
      return [...types].sort((a, b) => a.name.localeCompare(b.name, locale));
    },
    args: () => [this.api, this.locale, sessionKey(this.session)] as const,
  });

  /**
   * Whose tickets: inside `<portal-session>` nothing loads until someone is signed in (a host
   * sign-in may still be under way), and everything loads again for another account; alone,
   * whoever the API's session belongs to (null).
   */
  /** Without `<portal-session>`: the partners tell whether to show the partner column. */
  readonly #partners = new Task(this, {
    task: async ([api, who], { signal }) => (who === null ? api.lookups.partners({ signal }) : null),
    args: () => [this.api, sessionKey(this.session)] as const,
  });

  readonly #list = new Task(this, {
    task: async ([api, ref, q, status, type, page, size, , , , who], { signal }): Promise<TicketList | typeof initialState> => {
      if (who === waitingForSession) return initialState;
      // names of types (and queries) come in the page's language: wait until it is switched
      await localeReady();
      const sort = await this.#sortFor(api, ref, signal);
      return api.tickets.list(
        {
          ...(ref ? { query: ref } : {}),
          ...(q ? { q } : {}),
          ...(status ? { status: [status] } : {}),
          ...(type ? { type: [type] } : {}),
          ...(sort ? { sort: sort.sort, dir: sort.dir } : {}),
          page,
          pageSize: size,
        },
        { signal },
      );
    },
    args: () =>
      [this.api, this.#ref(), this.q, this.status, this.type, this.page, this.#size(), this.sortVersion, this.locale, this.reloads, sessionKey(this.session)] as const,
  });

  /**
   * A widget of the page (also the ticket shown in place) created or changed a ticket: the list
   * loads again, when it shows.
   */
  readonly #onTicketChange = () => {
    if (this.#target) this.#changedWhileOpen = true;
    else this.reloads++;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    for (const name of ticketChanges) document.addEventListener(name, this.#onTicketChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of ticketChanges) document.removeEventListener(name, this.#onTicketChange);
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#tipTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query') && changed.get('query') !== undefined) {
      this.selected = null;
      this.page = 1;
    }
    if (changed.has('pageSize')) this.page = 1;
    // the host opens or closes a ticket (its address, the browser's Back)
    if (changed.has('ticketId') && (this.ticketId || null) !== this.#target) {
      if (this.ticketId) void this.#show(this.ticketId);
      else void this.#close();
    }
    const who = sessionKey(this.session);
    if (who !== waitingForSession && who !== this.#account) {
      // another account signed in: its own queries, filters and tickets
      if (this.#account !== undefined) this.#startOver();
      this.#account = who;
    }
  }

  #startOver() {
    this.#clear(null);
    this.openId = null;
    this.ticketId = null;
    this.#target = null;
    this.#listContext = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // after render: a task started by this update is pending by now
    const list = this.#list;
    const status =
      list.status === TaskStatus.ERROR
        ? 'error'
        : list.status === TaskStatus.PENDING || !list.value
          ? 'loading'
          : list.value.total === 0
            ? 'empty'
            : 'ready';
    this.setExclusiveState(status, viewStates);
    this.setCustomState('detail', this.openId !== null);
    if (!this.#warm && this.#queries.value) {
      // the query dialogs' module, in idle time, once "Save as query…" can be used
      this.#warm = true;
      (globalThis.requestIdleCallback ?? setTimeout)(() => void TicketBoard.loadDialogs().catch(() => undefined));
    }
    if (this.#focusAfterLoad && this.#list.status === TaskStatus.COMPLETE) {
      const id = this.#focusAfterLoad;
      this.#focusAfterLoad = null;
      this.#rowButton(id)?.focus({ preventScroll: true });
    }
  }

  // --- derived -----------------------------------------------------------------------------------

  /** The query the list runs in: chosen here, else the `query` attribute, else all tickets. */
  #ref(): string | null {
    return this.selected ?? (this.query || null);
  }

  #size(): number {
    const s = this.size ?? this.pageSize;
    return Number.isInteger(s) && s >= 1 && s <= 100 ? s : 25;
  }

  #prefKey(ref: string | null): string {
    return `board.sort.${(ref ?? 'all').replace(/[^a-z0-9_-]/gi, '_')}`;
  }

  /** The remembered sort of a query (loaded once per query; a failure means the default). */
  async #sortFor(api: Api, ref: string | null, signal: AbortSignal): Promise<Sort | null> {
    const key = this.#prefKey(ref);
    const cached = `${sessionKey(this.session) ?? ''}|${key}`;
    if (this.#sorts.has(cached)) return this.#sorts.get(cached) ?? null;
    let value: Sort | null = null;
    try {
      const stored = await api.prefs.get(key, { signal });
      value = isSort(stored) ? stored : null;
    } catch (e) {
      if (isAbort(e)) throw e;
    }
    if (!this.#sorts.has(cached)) this.#sorts.set(cached, value);
    return this.#sorts.get(cached) ?? null;
  }

  #selectedQuery(queries: SavedQuery[] | undefined): SavedQuery | undefined {
    if (!queries) return undefined;
    const ref = this.#ref();
    if (ref) return queries.find((q) => q.id === ref || q.key === ref);
    return queries.find((q) => q.key === 'all') ?? queries.find((q) => !q.personal && Object.keys(q.filter).length === 0);
  }

  #multiPartner(): boolean {
    const s = this.session;
    if (s?.status === 'signed-in') return s.me.partners.length > 1;
    return (this.#partners.value?.length ?? 0) > 1;
  }

  #canCreate(): boolean {
    const s = this.session;
    if (s?.status === 'signed-in') return s.me.capabilities.createTickets;
    return (this.#partners.value ?? []).some((p) => p.canWrite);
  }

  #filtered(): boolean {
    return !!(this.q || this.status || this.type);
  }

  #rowButton(id: string): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button.open[data-id="${CSS.escape(id)}"]`);
  }

  // --- render ------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const queries = this.#queries.value;
    const selected = this.#selectedQuery(queries);
    return html`<div part="base" class="base" lang=${this.locale}>
      <h1 id="board-title" class="title">${msg('Ticket board')}</h1>
      <div class="board" ?hidden=${this.openId !== null}>
        ${this.#renderQueries(queries, selected)}
        <section class="main" aria-labelledby="board-title">
          ${this.#renderFilters(selected)} ${this.#renderList(selected)}
        </section>
      </div>
      ${this.openId ? this.#renderDetail(this.openId) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#dialogs?.render()}
    </div>`;
  }

  #renderQueries(queries: SavedQuery[] | undefined, selected: SavedQuery | undefined): TemplateResult {
    let body: TemplateResult;
    if (this.#queries.status === TaskStatus.ERROR && !queries) {
      body = html`<div class="alert danger small-alert" role="alert">
        ${icons.alert()}
        <div>
          <p>${msg('The queries could not be loaded.')}</p>
          <button class="button small" type="button" @click=${() => this.queriesVersion++}>${msg('Try again')}</button>
        </div>
      </div>`;
    } else if (!queries) {
      body = html`<ul class="query-list skeleton-list" aria-hidden="true">
        ${[1, 2, 3, 4, 5].map(() => html`<li><span class="skeleton"></span></li>`)}
      </ul>`;
    } else {
      const system = queries.filter((q) => !q.personal);
      const personal = queries.filter((q) => q.personal);
      body = html`
        <ul class="query-list" aria-labelledby="queries-title">
          ${system.map((q) => this.#renderQuery(q, q === selected))}
        </ul>
        ${personal.length
          ? html`<h3 class="personal-title" id="personal-title">${msg('My queries')}</h3>
              <ul class="query-list" aria-labelledby="personal-title">
                ${personal.map((q) => this.#renderQuery(q, q === selected))}
              </ul>`
          : nothing}
        <div class="query-select field">
          <label for="query-select">${msg('Query')}</label>
          <select id="query-select" class="input" aria-describedby="query-select-hint" @change=${this.#onQuerySelect}>
            ${!selected ? html`<option value="" selected>${msg('All tickets')}</option>` : nothing}
            <optgroup label=${msg('Queries')}>
              ${system.map((q) => html`<option value=${q.key ?? q.id} ?selected=${q === selected}>${q.name}</option>`)}
            </optgroup>
            ${personal.length
              ? html`<optgroup label=${msg('My queries')}>
                  ${personal.map((q) => html`<option value=${q.id} ?selected=${q === selected}>${q.name}</option>`)}
                </optgroup>`
              : nothing}
          </select>
          <span id="query-select-hint" class="hint">${selected?.description ?? ''}</span>
        </div>
      `;
    }
    const busy = this.dialogsLoad === 'busy';
    const spinner = busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing;
    return html`<aside part="queries" class="queries" aria-labelledby="queries-title">
      <h2 id="queries-title" class="queries-title">${msg('Queries')}</h2>
      ${body}
      <div class="query-tools">
        <button class="button small block save-query" type="button" ?disabled=${!queries} aria-busy=${busy} @click=${(e: Event) => this.#withDialogs(e, (d, opener) => d.openSave(opener))}>
          ${spinner}${msg('Save as query…')}
        </button>
        ${selected?.personal
          ? html`<button class="button small block quiet delete-selected" type="button" aria-busy=${busy} @click=${(e: Event) => this.#withDialogs(e, (d, opener) => d.openDelete(selected, opener))}>
              ${spinner}${msg('Delete this query…')}
            </button>`
          : nothing}
        ${this.dialogsLoad === 'failed'
          ? html`<div class="alert danger small-alert" role="alert">${icons.alert()}<p>${msg('The portal cannot be reached. Please check your connection and try again.')}</p></div>`
          : nothing}
      </div>
    </aside>`;
  }

  #renderQuery(q: SavedQuery, current: boolean): TemplateResult {
    const tipId = `tip-${q.id}`;
    return html`<li
      class="query-item"
      @mouseenter=${() => this.#hoverStart(q.id)}
      @mouseleave=${() => this.#hoverEnd(q.id)}
    >
      <button
        part="query"
        class="query ${current ? 'current' : ''}"
        type="button"
        data-query=${q.key ?? q.id}
        aria-current=${current ? 'true' : nothing}
        aria-describedby=${tipId}
        @click=${() => this.#selectQuery(q.key ?? q.id)}
        @focus=${(e: FocusEvent) => {
          if ((e.target as HTMLElement).matches(':focus-visible')) this.#showTip(q.id);
        }}
        @blur=${() => this.#hideTip(q.id)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape' && this.tip === q.id) {
            e.stopPropagation();
            this.tip = null;
          }
        }}
      >
        <span class="query-name">${q.name}</span>
      </button>
      <div part="tooltip" class="tooltip" role="tooltip" id=${tipId} ?hidden=${this.tip !== q.id}>
        ${q.description || msg('No description.')}
      </div>
    </li>`;
  }

  #renderFilters(selected: SavedQuery | undefined): TemplateResult {
    const types = this.#types.value ?? [];
    const list = this.#list.value;
    const sort = list ? { sort: list.sort, dir: list.dir } : null;
    const searchLabel = selected ? msg(str`Search in “${selected.name}”`) : msg('Search tickets');
    return html`<div part="filters" class="filters" role="search" aria-label=${msg('Search and filters')}>
      <div class="field search">
        <label for="search">${searchLabel}</label>
        <input
          id="search"
          class="input"
          type="search"
          autocomplete="off"
          placeholder=${msg('Number, subject, text, tag…')}
          .value=${this.searchText}
          @input=${this.#onSearchInput}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') this.#applySearch();
          }}
        />
      </div>
      <div class="field">
        <label for="status-filter">${msg('Status')}</label>
        <select id="status-filter" class="input" @change=${this.#onStatus}>
          <option value="" ?selected=${!this.status}>${msg('All statuses')}</option>
          ${ticketStatuses.map((s) => html`<option value=${s} ?selected=${this.status === s}>${statusLabel(s)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="type-filter">${msg('Ticket type')}</label>
        <select id="type-filter" class="input" @change=${this.#onType}>
          <option value="" ?selected=${!this.type}>${msg('All types')}</option>
          ${types.map((t) => html`<option value=${t.id} ?selected=${this.type === t.id}>${t.name}</option>`)}
        </select>
      </div>
      <div class="field sort-select">
        <label for="sort-select">${msg('Sort by')}</label>
        <select id="sort-select" class="input" @change=${this.#onSortSelect}>
          ${this.#columns().flatMap((c) =>
            (['desc', 'asc'] as const).map(
              (dir) => html`<option value="${c.key}:${dir}" ?selected=${sort?.sort === c.key && sort.dir === dir}>
                ${c.label()} (${dir === 'asc' ? msg('ascending') : msg('descending')})
              </option>`,
            ),
          )}
        </select>
      </div>
      ${this.#filtered()
        ? html`<button class="button quiet clear" type="button" @click=${this.#clearFilters}>${msg('Clear filters')}</button>`
        : nothing}
    </div>`;
  }

  #renderList(selected: SavedQuery | undefined): TemplateResult {
    const task = this.#list;
    const value = task.value;
    const pending = task.status === TaskStatus.PENDING;
    if (task.status === TaskStatus.ERROR) {
      const error = task.error;
      const ref = errorReference(error);
      const missing = isApiError(error) && error.status === 404 && this.#ref() !== null;
      return html`<div class="alert danger list-error" role="alert">
        ${icons.alert()}
        <div>
          <p>${missing ? msg('This query does not exist (any more).') : msg('The tickets could not be loaded.')} ${missing ? nothing : errorMessage(error)}</p>
          ${ref ? html`<p class="ref">${msg(str`Reference: ${ref}`)}</p>` : nothing}
          <div class="row-actions">
            ${missing
              ? html`<button class="button small" type="button" @click=${() => this.#selectQuery(null)}>${msg('Show all tickets')}</button>`
              : html`<button class="button small retry" type="button" @click=${() => this.reloads++}>${msg('Try again')}</button>`}
          </div>
        </div>
      </div>`;
    }
    if (!value) {
      return html`<div class="table-wrap loading">
          <table part="table" class="table loading" aria-hidden="true">
            ${this.#renderHead(null)}
            <tbody>
              ${[1, 2, 3, 4, 5, 6].map(
                () => html`<tr class="skeleton-row">
                  ${this.#columns().map((c) => html`<td class=${c.cls}><span class="skeleton"></span></td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <p class="visually-hidden" role="status">${msg('Loading tickets…')}</p>`;
    }
    const summary = this.#summary(value);
    if (value.total === 0) return html`<p class="visually-hidden" role="status">${summary}</p>${this.#renderEmpty(selected)}`;
    const pages = Math.max(1, Math.ceil(value.total / value.pageSize));
    const sortLabel = columns.find((c) => c.key === value.sort)?.label() ?? value.sort;
    return html`
      <p class="summary" role="status">${summary}</p>
      <div class="table-wrap">
        <table part="table" class="table" aria-busy=${pending ? 'true' : 'false'}>
          <caption class="visually-hidden">
            ${selected ? msg(str`Tickets in “${selected.name}”`) : msg('Tickets')},
            ${value.dir === 'asc' ? msg(str`sorted by ${sortLabel}, ascending`) : msg(str`sorted by ${sortLabel}, descending`)}
          </caption>
          ${this.#renderHead(value)}
          <tbody>
            ${value.items.map((t) => this.#renderRow(t))}
          </tbody>
        </table>
      </div>
      <nav part="pager" class="pager" aria-label=${msg('Pages')}>
        <div class="field page-size">
          <label for="page-size">${msg('Per page')}</label>
          <select id="page-size" class="input" @change=${this.#onPageSize}>
            ${pageSizes.map((n) => html`<option value=${n} ?selected=${n === value.pageSize}>${formatNumber(n, {}, this.locale)}</option>`)}
          </select>
        </div>
        <span class="page-of">${msg(str`Page ${formatNumber(value.page, {}, this.locale)} of ${formatNumber(pages, {}, this.locale)}`)}</span>
        <div class="page-buttons">
          <button class="button small prev" type="button" ?disabled=${value.page <= 1 || pending} @click=${() => this.#goTo(value.page - 1, 'prev')}>
            ${msg('Previous page')}
          </button>
          <button class="button small next" type="button" ?disabled=${value.page >= pages || pending} @click=${() => this.#goTo(value.page + 1, 'next')}>
            ${msg('Next page')}
          </button>
        </div>
      </nav>
    `;
  }

  #columns(): readonly Column[] {
    return this.#multiPartner() ? columns : columns.filter((c) => c.key !== 'partner');
  }

  #renderHead(value: TicketList | null): TemplateResult {
    return html`<thead>
      <tr>
        ${this.#columns().map((c) => {
          const active = value?.sort === c.key;
          const dir = active ? value!.dir : null;
          return html`<th scope="col" class=${c.cls} aria-sort=${dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : nothing}>
            <button class="sort" type="button" data-sort=${c.key} ?disabled=${!value} @click=${() => this.#sortBy(c.key)}>
              <span>${c.label()}</span>
              <span class="arrow" aria-hidden="true">${dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
            </button>
          </th>`;
        })}
      </tr>
    </thead>`;
  }

  #renderRow(t: TicketListItem): TemplateResult {
    const l = this.locale;
    const multi = this.#multiPartner();
    return html`<tr part="row" class="row" data-id=${t.id} @click=${(e: MouseEvent) => this.#onRowClick(e, t.id)}>
      ${this.#columns().map((c) =>
        c.cell
          ? html`<td class=${c.cls} data-label=${c.label()}>${c.cell(t, l)}</td>`
          : html`<td class="subject">
              <button class="open" type="button" data-id=${t.id}>
                ${t.private ? html`${icons.lock('icon lock')}<span class="visually-hidden">${msg('Private:')} </span>` : nothing}<span
                  class="subject-text"
                  >${t.subject}</span
                >
              </button>
              <span class="sub" aria-hidden="true">${[t.type.name, multi ? t.businessPartner.name : '', t.author.name].filter(Boolean).join(' · ')}</span>
            </td>`,
      )}
    </tr>`;
  }

  #summary(value: TicketList): string {
    const n = formatNumber(value.total, {}, this.locale);
    return value.total === 0 ? msg('No tickets') : value.total === 1 ? msg('1 ticket') : msg(str`${n} tickets`);
  }

  #renderEmpty(selected: SavedQuery | undefined): TemplateResult {
    let text: string;
    let action: TemplateResult | typeof nothing = nothing;
    if (this.#filtered()) {
      text = msg('No tickets match your search and filters.');
      action = html`<button class="button" type="button" @click=${this.#clearFilters}>${msg('Clear filters')}</button>`;
    } else if (selected && Object.keys(selected.filter).length > 0) {
      text = msg(str`There are no tickets in “${selected.name}” right now.`);
      action = html`<button class="button" type="button" @click=${() => this.#selectQuery(null)}>${msg('Show all tickets')}</button>`;
    } else {
      text = msg('There are no tickets yet.');
      if (this.#canCreate()) {
        action = html`<button class="button primary" type="button" @click=${this.#create}>${msg('Create ticket')}</button>`;
      }
    }
    return html`<div class="state empty">
      <p>${text}</p>
      ${action}
    </div>`;
  }

  #renderDetail(id: string): TemplateResult {
    return html`<div part="detail" class="detail-view">
      <div class="detail-top">
        <button part="back" class="button back" type="button" @click=${this.#back}>
          <span aria-hidden="true">←</span> ${msg('Back to the list')}
        </button>
      </div>
      <ticket-detail
        ticket-id=${id}
        .api=${this.api}
      ></ticket-detail>
    </div>`;
  }

  // --- queries and tooltips ------------------------------------------------------------------------

  #selectQuery(ref: string | null) {
    if (ref === this.#ref() && ref !== null) return;
    this.selected = ref;
    if (ref === null && this.query !== null) this.selected = this.#allRef();
    this.page = 1;
    this.tip = null;
  }

  /** The reference of the "all tickets" query (falls back to no query at all). */
  #allRef(): string | null {
    const all = this.#queries.value?.find((q) => q.key === 'all');
    return all ? all.key : null;
  }

  readonly #onQuerySelect = (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    this.#selectQuery(v || null);
  };

  #hoverStart(id: string) {
    clearTimeout(this.#tipTimer);
    this.#tipTimer = setTimeout(() => (this.tip = id), tooltipDelayMs);
  }

  #hoverEnd(id: string) {
    clearTimeout(this.#tipTimer);
    if (this.tip !== id) return;
    // a query with keyboard focus keeps its description
    const button = this.renderRoot.querySelector(`button.query[aria-describedby="tip-${CSS.escape(id)}"]`);
    if (button?.matches(':focus-visible')) return;
    this.tip = null;
  }

  #showTip(id: string) {
    clearTimeout(this.#tipTimer);
    this.tip = id;
  }

  #hideTip(id: string) {
    clearTimeout(this.#tipTimer);
    if (this.tip === id) this.tip = null;
  }

  /** Runs `action` on the query dialogs, loading their module first if needed (focus returns to `e`'s button). */
  #withDialogs(e: Event, action: (d: TicketBoardDialogs, opener: HTMLElement) => unknown) {
    const opener = e.currentTarget as HTMLElement;
    if (this.dialogsLoad === 'busy') return;
    // a click while the module loads (slowly): the button says it is busy; a failure is shown
    // next to it, and the next click tries again
    this.dialogsLoad = this.#dialogs ? null : 'busy';
    TicketBoard.loadDialogs().then(
      ({ TicketBoardDialogs }) => {
        this.#dialogs ??= new TicketBoardDialogs(this, {
          now: () => ({ base: this.#selectedQuery(this.#queries.value)?.filter, q: this.q, status: this.status, type: this.type }),
          saved: async (id) => {
            this.#clear(id);
            this.queriesVersion++;
            await this.updateComplete;
            await this.#queries.taskComplete.catch(() => undefined);
            await this.updateComplete;
          },
          deleted: async (id) => {
            // back to where the board started (the `query` attribute, else all tickets)
            if (this.#ref() === id) {
              this.selected = null;
              this.page = 1;
            }
            this.queriesVersion++;
            await this.updateComplete;
          },
          announce: (text) => (this.announcement = text),
        });
        this.dialogsLoad = null;
        return action(this.#dialogs, opener);
      },
      () => (this.dialogsLoad = 'failed'),
    );
  }

  // --- search, filters, sort, paging ---------------------------------------------------------------

  readonly #onSearchInput = (e: Event) => {
    this.searchText = (e.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#applySearch(), searchDelayMs);
  };

  #applySearch() {
    clearTimeout(this.#searchTimer);
    const q = this.searchText.trim().slice(0, 200);
    if (q === this.q) return;
    this.q = q;
    this.page = 1;
  }

  readonly #onStatus = (e: Event) => {
    this.status = (e.target as HTMLSelectElement).value as TicketStatus | '';
    this.page = 1;
  };

  readonly #onType = (e: Event) => {
    this.type = (e.target as HTMLSelectElement).value;
    this.page = 1;
  };

  /** No search, no filters, page 1; in the query `selected` (undefined: the same). */
  #clear(selected?: string | null) {
    clearTimeout(this.#searchTimer);
    if (selected !== undefined) this.selected = selected;
    this.searchText = '';
    this.q = '';
    this.status = '';
    this.type = '';
    this.page = 1;
  }

  readonly #clearFilters = () => {
    this.#clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus());
  };

  #sortBy(key: SortKey) {
    const value = this.#list.value;
    const dir: 'asc' | 'desc' = value?.sort === key ? (value.dir === 'asc' ? 'desc' : 'asc') : firstDir[key] ?? 'asc';
    this.#setSort({ sort: key, dir });
  }

  readonly #onSortSelect = (e: Event) => {
    const [sort, dir] = (e.target as HTMLSelectElement).value.split(':');
    const next = { sort, dir };
    if (isSort(next)) this.#setSort(next);
  };

  #setSort(next: Sort) {
    const key = this.#prefKey(this.#ref());
    this.#sorts.set(`${sessionKey(this.session) ?? ''}|${key}`, next);
    this.sortVersion++;
    this.page = 1;
    this.api.prefs.set(key, next).catch(() => {
      // not remembered this time; the list is sorted anyway
    });
  }

  readonly #onPageSize = (e: Event) => {
    this.size = Number((e.target as HTMLSelectElement).value);
    this.page = 1;
  };

  async #goTo(page: number, from: 'prev' | 'next') {
    this.page = Math.max(1, page);
    await this.updateComplete;
    await this.#list.taskComplete.catch(() => undefined);
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`.pager .${from}`);
    if (button?.disabled) this.renderRoot.querySelector<HTMLButtonElement>(`.pager .${from === 'next' ? 'prev' : 'next'}`)?.focus();
  }

  // --- opening a ticket ----------------------------------------------------------------------------

  #onRowClick(e: MouseEvent, id: string) {
    if (e.button !== 0) return;
    // selecting text in a row is not a click on it
    if (!(e.target as Element).closest('button') && (getSelection()?.toString() ?? '') !== '') return;
    void this.#open(id);
  }

  /** Fires `ticket-open`; unless the host takes over, shows the ticket in place. */
  async #open(id: string) {
    const event = this.emit(new TicketOpenEvent({ id }));
    if (event.defaultPrevented) return;
    this.#listContext = { scrollY: window.scrollY, rowId: id };
    await this.#show(id);
  }

  /** Shows the ticket `id` in place of the list. */
  async #show(id: string) {
    this.#target = id;
    this.ticketId = id;
    this.#changedWhileOpen = false;
    try {
      await import('../ticket-detail/define.js');
    } catch (error) {
      this.announcement = errorMessage(error);
      if (this.#target === id) this.#close();
      return;
    }
    if (this.#target !== id) return; // closed or another ticket opened meanwhile
    this.openId = id;
    this.tip = null;
    await this.updateComplete;
    const top = this.getBoundingClientRect().top;
    if (top < 0) window.scrollBy({ top });
    this.renderRoot.querySelector<HTMLElement>('.back')?.focus({ preventScroll: true });
  }

  /** "Back to the list": closes the ticket and tells the host (`ticket-board-back`). */
  readonly #back = () => {
    const id = this.openId;
    void this.#close();
    if (id) this.emit(new TicketBoardBackEvent({ id }));
  };

  /** Back to the list exactly as it was: query, filters, page, scroll, focus on the row. */
  async #close() {
    const context = this.#listContext;
    this.#listContext = null;
    this.#target = null;
    this.ticketId = null;
    this.openId = null;
    if (this.#changedWhileOpen) {
      this.#changedWhileOpen = false;
      this.reloads++;
    }
    await this.updateComplete;
    if (!context) return;
    window.scrollTo({ top: context.scrollY });
    const row = this.#rowButton(context.rowId);
    if (row && this.#list.status !== TaskStatus.PENDING) row.focus({ preventScroll: true });
    else this.#focusAfterLoad = context.rowId;
  }

  readonly #create = () => {
    this.emit(new NavigateEvent({ target: 'create' }));
  };
}
