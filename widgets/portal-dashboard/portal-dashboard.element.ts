import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type Api, type Dashboard, type Locale, type Me } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { sessionContext, type SessionState, sessionKey, waitingForSession } from '../core/contexts.js';
import { NavigateEvent, PortalErrorEvent, TicketOpenEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { formatDate, formatNumber, localeReady } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { alertStyles, buttonStyles, hostStyles, stateStyles } from '../core/styles.js';
import { exactTime, relativeTime, statusLabel, ticketStatuses } from '../ticket-detail/ticket-labels.js';
import { barChart, donutChart, paletteSize, weekLabel, weeklyChart, type BarDatum } from './portal-dashboard.charts.js';
import { portalDashboardStyles } from './portal-dashboard.styles.js';

/** The task's "who" while `<portal-session>` has nobody signed in: load nothing yet. */
const viewStates = ['loading', 'empty', 'error', 'ready'] as const;
type ViewState = (typeof viewStates)[number];

type Scope = 'mine' | 'all';
type HistoryEntry = Dashboard['history'][number];

/** History entries shown before "Show more". */
const HISTORY_SHOWN = 8;

/** Charts whose width follows their box (the donut has a fixed size). */
type SizedChart = 'status' | 'weekly';

/** The part of the day a greeting is for, by the local hour. */
export function dayPart(date: Date): 'morning' | 'afternoon' | 'evening' {
  const h = date.getHours();
  if (h >= 5 && h < 12) return 'morning';
  if (h >= 12 && h < 18) return 'afternoon';
  return 'evening';
}

/** "Good afternoon, Dora" / "Guten Tag, Dora": by the time of day, with the first name. */
export function greeting(name: string, date: Date): string {
  const first = name.trim().split(/\s+/)[0] ?? '';
  switch (dayPart(date)) {
    case 'morning':
      return first ? msg(str`Good morning, ${first}`) : msg('Good morning');
    case 'afternoon':
      return first ? msg(str`Good afternoon, ${first}`) : msg('Good afternoon');
    default:
      return first ? msg(str`Good evening, ${first}`) : msg('Good evening');
  }
}

/** Only these schemes become links; anything else shows as text. */
const safeLink = /^(https?:|mailto:|tel:)/i;

/** The `now` attribute: an ISO 8601 moment; missing or unreadable: null (now). Not reflected. */
const dateConverter = (value: string | null): Date | null => {
  const d = value ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

/** An icon of the core set's look with a path of its own. */
const icon = (d: string) =>
  html`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${svg`<path d=${d} />`}</svg>`;
const externalIcon = () => icon('M15 3h6v6M10 14 21 3M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6');
const messageIcon = () => icon('M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z');
const fileIcon = () => icon('M21.44 11.05 12.25 20.24a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48');
const phoneIcon = () =>
  icon('M22 16.92v3a2 2 0 0 1-2.18 2 19.8 19.8 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.12 4.18 2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72c.13.96.36 1.9.7 2.81a2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45c.91.34 1.85.57 2.81.7A2 2 0 0 1 22 16.92z');

/**
 * The dashboard (R-DASH-1..4, the manual's "Dashboard"): a greeting with the user's name by the
 * time of day; for editors and dispatchers how many tickets await release — a dispatcher's own
 * queue, an editor's own submitted tickets — one click away (`navigate`); the user's recent
 * history (new positions, status changes, releases and rejections, each linking to its ticket);
 * statistics of the user's tickets as charts (by status, by type, opened and closed per week over
 * twelve weeks), each also as a table, for "My tickets" or "All tickets I can see"; and the
 * system partner's quick links at the bottom. The release count follows the session, so it
 * changes as soon as a decision is made elsewhere on the page.
 *
 * @summary The start page: greeting, tickets awaiting release, history, statistics and quick links.
 *
 * @attr lang - UI language when used without `<portal-session>`.
 * @attr api-base - Base URL of the portal server when used without `<portal-session>`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The greeting and the release count.
 * @csspart greeting - The greeting heading.
 * @csspart release-count - The box with the number of tickets awaiting release (a button when there are some).
 * @csspart history - The recent-activity section.
 * @csspart statistics - The statistics section.
 * @csspart scope - The switch between "My tickets" and "All tickets I can see".
 * @csspart chart - One chart (figure) of the statistics.
 * @csspart quick-links - The quick-links section.
 *
 * @cssprop --portal-dashboard-chart-1 - First colour of the type chart (and so on up to -6).
 * @cssprop --portal-dashboard-opened-color - Line colour of the opened tickets per week.
 * @cssprop --portal-dashboard-closed-color - Line colour of the closed tickets per week.
 * @cssprop --portal-dashboard-panel-background - Background of the sections.
 *
 * @cssstate loading - The dashboard is loading (first time).
 * @cssstate empty - No activity and no tickets in the chosen scope.
 * @cssstate error - The dashboard could not be loaded (a retry button shows).
 * @cssstate ready - The dashboard shows.
 * @cssstate busy - New numbers are on their way (the old ones still show).
 *
 * @event navigate - The user opens the tickets awaiting release (`detail: { target: 'approvals' }`, or `{ target: 'board', query: 'awaiting_release' }` for an editor's own); cancelable: the host routes.
 * @event ticket-open - The user opens a ticket from the history (`detail: { id }`); cancelable: the host routes.
 * @event portal-error - Loading failed (`detail: { code, message, requestId }`).
 */
export class PortalDashboard extends PortalElement {
  static override styles = [hostStyles, buttonStyles, alertStyles, stateStyles, portalDashboardStyles];

  /** Whose tickets the statistics count: the user's own (`mine`) or every ticket the user may see (`all`). */
  @property({ attribute: 'scope', reflect: true }) scope: Scope = 'mine';

  /** The moment the greeting is for (ISO 8601 as an attribute); default: now. For tests and stories. */
  @property({ attribute: 'now', converter: dateConverter }) now: Date | null = null;

  /** @internal */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionState;

  /** The dashboard as last loaded for this account (kept while new numbers load). */
  @state() private data: Dashboard | null = null;
  @state() private reloads = 0;
  @state() private showTables = false;
  @state() private historyExpanded = false;
  @state() private widths: Readonly<Record<SizedChart, number>> = { status: 320, weekly: 480 };

  #dataFor: string | null = null;
  #resize: ResizeObserver | null = null;
  #observed = new Set<Element>();

  readonly #task = new Task(this, {
    task: async ([api, who, scope]: readonly [Api, string | null, Scope, Locale, number], { signal }) => {
      if (who === waitingForSession) return initialState;
      // the names of types come in the page's language: ask once it is in place
      await localeReady();
      return api.dashboard.get({ scope }, { signal });
    },
    args: () => [this.api, sessionKey(this.session), this.scope, this.locale, this.reloads] as const,
    onComplete: (data) => {
      this.data = data;
      this.#dataFor = sessionKey(this.session);
    },
    onError: (e) => this.#reportError(e),
  });

  /** Loads everything again (what the retry button does). */
  reload(): void {
    this.reloads++;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver((entries) => this.#onResize(entries));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = null;
    this.#observed.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('scope') && this.scope !== 'mine' && this.scope !== 'all') this.scope = 'mine';
    // another account: never show the previous one's numbers
    if (this.data && this.#dataFor !== sessionKey(this.session)) this.data = null;
    this.setExclusiveState(this.#viewState(), viewStates);
    this.setCustomState('busy', this.data !== null && this.#task.status === TaskStatus.PENDING);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#resize) return;
    for (const el of this.renderRoot.querySelectorAll('[data-chart-box]')) {
      if (!this.#observed.has(el)) {
        this.#observed.add(el);
        this.#resize.observe(el);
      }
    }
    for (const el of [...this.#observed]) {
      if (!el.isConnected) {
        this.#resize.unobserve(el);
        this.#observed.delete(el);
      }
    }
  }

  #onResize(entries: ResizeObserverEntry[]) {
    let next = this.widths;
    for (const e of entries) {
      const key = (e.target as HTMLElement).dataset.chartBox as SizedChart | undefined;
      const width = Math.floor(e.contentRect.width);
      if (key && width > 0 && Math.abs(next[key] - width) >= 1) next = { ...next, [key]: width };
    }
    if (next !== this.widths) this.widths = next;
  }

  #viewState(): ViewState {
    const d = this.data;
    if (!d) return this.#task.status === TaskStatus.ERROR ? 'error' : 'loading';
    return this.#isEmpty(d) ? 'empty' : 'ready';
  }

  #isEmpty(d: Dashboard): boolean {
    return d.history.length === 0 && d.stats.byStatus.every((s) => s.count === 0);
  }

  /** The account, capabilities and counts: the session's when there is one (it updates live). */
  #me(): Pick<Me, 'account' | 'capabilities' | 'counts'> | null {
    const s = this.session;
    if (s?.status === 'signed-in') return s.me;
    return this.data;
  }

  protected override render(): TemplateResult {
    const me = this.#me();
    const d = this.data;
    let body: TemplateResult;
    if (d) {
      body = this.#renderContent(d);
    } else if (this.#task.status === TaskStatus.ERROR) {
      body = this.#renderError(this.#task.error);
    } else {
      body = html`<div class="state" role="status">
        <span class="spinner" aria-hidden="true"></span><span>${msg('Loading your dashboard…')}</span>
      </div>`;
    }
    return html`<div part="base" class="base" lang=${this.locale}>
      ${me ? this.#renderHeader(me) : nothing} ${body}
    </div>`;
  }

  // --- top: greeting and release count ------------------------------------------------------

  #renderHeader(me: Pick<Me, 'account' | 'capabilities' | 'counts'>): TemplateResult {
    const now = this.now ?? new Date();
    return html`<header part="header" class="top">
      <div class="hello">
        <h1 part="greeting" class="greeting">${greeting(me.account.name, now)}</h1>
        <p class="today">${formatDate(now, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, this.locale)}</p>
      </div>
      ${this.#renderReleaseCount(me)}
    </header>`;
  }

  #renderReleaseCount(me: Pick<Me, 'capabilities' | 'counts'>): TemplateResult | typeof nothing {
    const dispatcher = me.capabilities.release;
    if (!dispatcher && !me.capabilities.createTickets) return nothing;
    const n = dispatcher ? me.counts.awaitingMyRelease : me.counts.mySubmittedAwaiting;
    const count = formatNumber(n, {}, this.locale);
    if (n === 0) {
      return html`<p part="release-count" class="release none" data-role=${dispatcher ? 'dispatcher' : 'editor'}>
        ${icons.check()}
        <span>${dispatcher ? msg('Nothing waits for your release') : msg('None of your tickets awaits release')}</span>
      </p>`;
    }
    const text = dispatcher
      ? n === 1
        ? msg('1 ticket awaits your release')
        : msg(str`${count} tickets await your release`)
      : n === 1
        ? msg('1 of your tickets awaits release')
        : msg(str`${count} of your tickets await release`);
    return html`<button part="release-count" class="release" type="button" data-role=${dispatcher ? 'dispatcher' : 'editor'} @click=${() => this.#openReleases(dispatcher)}>
      <span class="release-icon">${icons.clock()}</span>
      <span class="release-text">${text}</span>
      <span class="release-go">${dispatcher ? msg('Review now') : msg('Show them')} <span aria-hidden="true">→</span></span>
    </button>`;
  }

  #openReleases(dispatcher: boolean) {
    this.emit(new NavigateEvent(dispatcher ? { target: 'approvals' } : { target: 'board', query: 'awaiting_release' }));
  }

  // --- main ---------------------------------------------------------------------------------

  #renderContent(d: Dashboard): TemplateResult {
    const reloadError = this.#task.status === TaskStatus.ERROR ? this.#renderError(this.#task.error) : nothing;
    return html`${reloadError}
      <div class="main">
        ${this.#renderHistory(d)} ${this.#renderStatistics(d)}
      </div>
      ${this.#renderQuickLinks(d)}`;
  }

  #renderError(error: unknown): TemplateResult {
    const ref = errorReference(error);
    return html`<div class="alert danger" role="alert">
      ${icons.alert()}
      <div>
        <p>${msg('The dashboard could not be loaded.')} ${errorMessage(error)}</p>
        ${ref ? html`<p class="ref">${msg(str`Reference: ${ref}`)}</p>` : nothing}
        <button class="button small retry" type="button" @click=${() => this.reload()}>${msg('Try again')}</button>
      </div>
    </div>`;
  }

  #renderHistory(d: Dashboard): TemplateResult {
    const me = this.#me();
    return html`<section part="history" class="panel history" aria-labelledby="history-title">
      <h2 id="history-title">${msg('Recent activity')}</h2>
      ${d.history.length === 0
        ? html`<div class="empty-note">
            <p>${msg('Nothing has happened on your tickets yet. New positions, status changes and releases show up here.')}</p>
            ${me?.capabilities.createTickets
              ? html`<button class="button" type="button" @click=${() => this.emit(new NavigateEvent({ target: 'create' }))}>${msg('Create ticket')}</button>`
              : nothing}
          </div>`
        : html`<ol class="events">
              ${(this.historyExpanded ? d.history : d.history.slice(0, HISTORY_SHOWN)).map((h) => this.#renderEntry(h))}
            </ol>
            ${!this.historyExpanded && d.history.length > HISTORY_SHOWN
              ? html`<button class="button small quiet more" type="button" @click=${this.#showAllHistory}>${msg('Show more')}</button>`
              : nothing}`}
    </section>`;
  }

  #renderEntry(h: HistoryEntry): TemplateResult {
    const l = this.locale;
    const who = h.author?.name || msg('Servicedesk');
    const data = h.data ?? {};
    const reason = typeof data['reason'] === 'string' ? data['reason'] : typeof data['comment'] === 'string' ? data['comment'] : '';
    let what: string;
    let icon: TemplateResult;
    let tone = 'neutral';
    let quote = '';
    if (h.kind === 'customer') {
      what = msg(str`${who} wrote a position`);
      icon = messageIcon();
      quote = h.excerpt;
    } else if (h.kind === 'agent') {
      what = msg(str`${who} (service desk) replied`);
      icon = messageIcon();
      tone = 'agent';
      quote = h.excerpt;
    } else {
      quote = reason;
      icon = icons.clock();
      switch (h.event) {
        case 'submitted_for_release':
          what = msg(str`${who} submitted the ticket for release`);
          tone = 'warning';
          break;
        case 'released':
          what = data['onCreation'] ? msg(str`${who} created and released the ticket`) : msg(str`${who} released the ticket`);
          icon = icons.check();
          tone = 'success';
          break;
        case 'rejected':
          what = msg(str`${who} rejected the release`);
          icon = icons.cross();
          tone = 'danger';
          break;
        case 'resubmitted':
          what = msg(str`${who} resubmitted the ticket for release`);
          tone = 'warning';
          break;
        case 'status_changed':
          what = msg(str`${who} changed the status: ${statusLabel(String(data['from'] ?? ''))} → ${statusLabel(String(data['to'] ?? ''))}`);
          break;
        case 'closed':
          what = msg(str`${who} closed the ticket`);
          icon = icons.check();
          break;
        case 'reopened':
          what = msg(str`${who} reopened the ticket`);
          break;
        case 'revised':
          what = msg(str`${who} edited the ticket`);
          break;
        case 'attachments_added': {
          const files = Array.isArray(data['files']) ? (data['files'] as unknown[]).map(String) : [];
          what = files.length
            ? msg(str`${who} added files: ${new Intl.ListFormat(l, { style: 'long', type: 'conjunction' }).format(files)}`)
            : msg(str`${who} added files`);
          icon = fileIcon();
          quote = '';
          break;
        }
        default:
          what = h.event ?? '';
      }
    }
    return html`<li class="entry" data-tone=${tone} data-event=${h.event ?? h.kind}>
      <span class="entry-icon">${icon}</span>
      <div class="entry-body">
        <p class="what">${what}</p>
        ${quote ? html`<p class="quote">${quote}</p>` : nothing}
        <p class="which">
          <button class="link" type="button" @click=${() => this.#openTicket(h.ticket.id)}>
            <span class="ticket-number">#${h.ticket.number}</span> ${h.ticket.subject}
          </button>
          <time datetime=${h.at} title=${exactTime(h.at, l)}>${relativeTime(h.at, l)}</time>
        </p>
      </div>
    </li>`;
  }

  readonly #showAllHistory = async () => {
    this.historyExpanded = true;
    await this.updateComplete;
    // the first entry that just appeared takes the focus (the button is gone)
    this.renderRoot.querySelectorAll<HTMLButtonElement>('.events .entry .link')[HISTORY_SHOWN]?.focus();
  };

  #openTicket(id: string) {
    this.emit(new TicketOpenEvent({ id }));
  }

  // --- statistics ---------------------------------------------------------------------------

  #renderStatistics(d: Dashboard): TemplateResult {
    const total = d.stats.byStatus.reduce((n, s) => n + s.count, 0);
    return html`<section part="statistics" class="panel stats" aria-labelledby="stats-title">
      <div class="stats-head">
        <h2 id="stats-title">${msg('Statistics')}</h2>
        <fieldset part="scope" class="scope">
          <legend class="visually-hidden">${msg('Count which tickets')}</legend>
          ${this.#scopeOption('mine', msg('My tickets'))} ${this.#scopeOption('all', msg('All tickets I can see'))}
        </fieldset>
      </div>
      <div class="stats-tools">
        <p class="total" aria-live="polite">${this.#totalText(total, d.scope)}</p>
        ${total === 0
          ? nothing
          : html`<button class="button small quiet" type="button" aria-pressed=${this.showTables ? 'true' : 'false'} @click=${() => (this.showTables = !this.showTables)}>
              ${msg('Show as tables')}
            </button>`}
      </div>
      ${total === 0
        ? html`<p class="empty-note">${d.scope === 'mine'
            ? msg('You have not written any tickets yet. Switch to "All tickets I can see" for the tickets of your company.')
            : msg('There are no tickets you can see yet.')}</p>`
        : html`<div class="charts ${this.showTables ? 'as-tables' : ''}">
            ${this.#statusFigure(d)} ${this.#typeFigure(d, total)} ${this.#weeklyFigure(d)}
          </div>`}
    </section>`;
  }

  #totalText(total: number, scope: Scope): string {
    const n = formatNumber(total, {}, this.locale);
    if (scope === 'mine') return total === 1 ? msg('1 ticket written by you') : msg(str`${n} tickets written by you`);
    return total === 1 ? msg('1 ticket you can see') : msg(str`${n} tickets you can see`);
  }

  #scopeOption(value: Scope, label: string): TemplateResult {
    return html`<label class="scope-option">
      <input type="radio" name="scope" value=${value} .checked=${this.scope === value} @change=${() => (this.scope = value)} />
      <span>${label}</span>
    </label>`;
  }

  #statusFigure(d: Dashboard): TemplateResult {
    const rows: BarDatum[] = ticketStatuses.map((s) => ({ key: s, label: statusLabel(s), value: d.stats.byStatus.find((x) => x.status === s)?.count ?? 0 }));
    const title = msg('By status');
    return html`<figure part="chart" class="chart status-chart" aria-labelledby="status-caption">
      <figcaption id="status-caption">${title}</figcaption>
      <div class="chart-box" data-chart-box="status">${this.showTables ? nothing : barChart(rows, this.widths.status, this.locale)}</div>
      ${this.#table(title, [msg('Status'), msg('Tickets')], rows.map((r) => [r.label, this.#n(r.value)]))}
    </figure>`;
  }

  #typeFigure(d: Dashboard, total: number): TemplateResult {
    const types = d.stats.byType;
    // the palette has six colours: the smallest types share "Other" in the chart (the table lists all)
    const shown: BarDatum[] = types.slice(0, paletteSize - 1).map((t) => ({ key: t.typeId, label: t.name, value: t.count }));
    const rest = types.slice(paletteSize - 1);
    if (rest.length === 1) shown.push({ key: rest[0]!.typeId, label: rest[0]!.name, value: rest[0]!.count });
    else if (rest.length > 1) shown.push({ key: 'other', label: msg('Other types'), value: rest.reduce((n, t) => n + t.count, 0) });
    const typed = types.reduce((n, t) => n + t.count, 0);
    const pct = (v: number) => formatNumber(typed ? v / typed : 0, { style: 'percent', maximumFractionDigits: 0 }, this.locale);
    const title = msg('By type');
    return html`<figure part="chart" class="chart type-chart" aria-labelledby="type-caption">
      <figcaption id="type-caption">${title}</figcaption>
      ${this.showTables
        ? nothing
        : html`<div class="donut-layout">
            ${donutChart(shown, total === 1 ? msg('ticket') : msg('tickets'), this.locale)}
            <ul class="legend" aria-hidden="true">
              ${shown.map(
                (t, i) => html`<li>
                  <span class="swatch" data-index=${i % paletteSize}></span>
                  <span class="legend-name">${t.label}</span>
                  <span class="legend-value">${this.#n(t.value)} · ${pct(t.value)}</span>
                </li>`,
              )}
            </ul>
          </div>`}
      ${this.#table(title, [msg('Type'), msg('Tickets'), msg('Share')], types.map((t) => [t.name, this.#n(t.count), pct(t.count)]))}
    </figure>`;
  }

  #weeklyFigure(d: Dashboard): TemplateResult {
    const weeks = d.stats.weekly;
    const title = msg('Opened and closed per week');
    const names = { opened: msg('opened'), closed: msg('closed') };
    return html`<figure part="chart" class="chart weekly-chart" aria-labelledby="weekly-caption">
      <figcaption id="weekly-caption">${title} <span class="caption-note">${msg('last 12 weeks')}</span></figcaption>
      ${this.showTables
        ? nothing
        : html`<ul class="legend inline" aria-hidden="true">
              <li><svg class="key" width="28" height="10" viewBox="0 0 28 10"><line class="series opened" x1="0" x2="28" y1="5" y2="5"></line><circle class="marker opened" cx="14" cy="5" r="4"></circle></svg>${msg('Opened')}</li>
              <li><svg class="key" width="28" height="10" viewBox="0 0 28 10"><line class="series closed" x1="0" x2="28" y1="5" y2="5"></line><rect class="marker closed" x="10.5" y="1.5" width="7" height="7"></rect></svg>${msg('Closed')}</li>
            </ul>
            <div class="chart-box" data-chart-box="weekly">${weeklyChart(weeks, this.widths.weekly, this.locale, names)}</div>`}
      ${this.#table(
        title,
        [msg('Week starting'), msg('Opened'), msg('Closed')],
        weeks.map((w) => [weekLabel(w.weekStart, this.locale), this.#n(w.opened), this.#n(w.closed)]),
      )}
    </figure>`;
  }

  /** The numbers of a chart as a table: visually hidden under the chart, or shown instead of it. */
  #table(caption: string, head: string[], rows: string[][]): TemplateResult {
    return html`<div class="table-box ${this.showTables ? '' : 'visually-hidden'}"><table class="data">
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr>
          ${head.map((h, i) => html`<th scope="col" class=${i > 0 ? 'num' : ''}>${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            ${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td class="num">${c}</td>`))}
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  #n(v: number): string {
    return formatNumber(v, {}, this.locale);
  }

  // --- quick links --------------------------------------------------------------------------

  #renderQuickLinks(d: Dashboard): TemplateResult | typeof nothing {
    if (d.quickLinks.length === 0) return nothing;
    return html`<section part="quick-links" class="links" aria-labelledby="links-title">
      <h2 id="links-title">${msg('Quick links')}</h2>
      <ul>
        ${d.quickLinks.map((q) => {
          if (!safeLink.test(q.url)) return html`<li><span class="link-card disabled">${q.label}</span></li>`;
          const web = /^https?:/i.test(q.url);
          const phone = /^tel:/i.test(q.url);
          return html`<li>
            <a class="link-card" href=${q.url} target=${web ? '_blank' : nothing} rel=${web ? 'noopener noreferrer' : nothing}>
              ${phone ? phoneIcon() : web ? externalIcon() : messageIcon()}
              <span>${q.label}</span>
              ${web ? html`<span class="visually-hidden">(${msg('opens in a new tab')})</span>` : nothing}
            </a>
          </li>`;
        })}
      </ul>
    </section>`;
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
