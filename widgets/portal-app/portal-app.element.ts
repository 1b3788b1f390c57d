import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, str } from '@lit/localize';
import { ApiError, isAbort, isApiError, type Locale, type Me } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { sessionContext, type SessionState } from '../core/contexts.js';
import { DefineRequestEvent, LocaleRequestEvent, NavigateEvent, RefreshRequestEvent, SignOutRequestEvent, TicketOpenEvent } from '../core/events.js';
import type { PlanBoardChangedEvent } from '../plan-board/plan-board.events.js';
import { icons } from '../core/icons.js';
import { applyLocale, formatNumber } from '../core/localization.js';
import { errorMessage } from '../core/messages.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import { appIcons } from './portal-app.icons.js';
import { portalAppStyles } from './portal-app.styles.js';

export type ViewId = 'dashboard' | 'create' | 'board' | 'approvals' | 'kb' | 'plan';

interface ViewDef {
  id: ViewId;
  tag: string;
  label: () => string;
  allowed: (me: Me) => boolean;
}

/** The portal's views, in navigation order; each renders one widget (SPEC "Widgets"). */
const views: readonly ViewDef[] = [
  { id: 'dashboard', tag: 'portal-dashboard', label: () => msg('Dashboard'), allowed: () => true },
  { id: 'create', tag: 'ticket-wizard', label: () => msg('Create ticket'), allowed: (me) => me.capabilities.createTickets },
  { id: 'board', tag: 'ticket-board', label: () => msg('Ticket board'), allowed: () => true },
  { id: 'approvals', tag: 'approval-inbox', label: () => msg('Approvals'), allowed: (me) => me.capabilities.release },
  { id: 'kb', tag: 'kb-browser', label: () => msg('Knowledge base'), allowed: (me) => me.capabilities.knowledgeBase },
  { id: 'plan', tag: 'plan-board', label: () => msg('Plan board'), allowed: (me) => me.capabilities.planBoards },
];

const themeKey = 'helpdesk-portal.theme';

const startHash = () => (typeof location !== 'undefined' ? location.hash : '');

/** `?query=<query>` for a board address ('' for none). */
const querySuffix = (query: string | undefined) => (query ? `?query=${encodeURIComponent(query)}` : '');

/** The first part of a `location.hash` as written: `#/board/<id>?query=…` → 'board' ('' for none). */
export function routeNameFromHash(hash: string): string {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

/** The view a `location.hash` such as `#/board` names ('dashboard' for anything else). */
export function viewFromHash(hash: string): ViewId {
  const id = routeNameFromHash(hash);
  return views.find((v) => v.id === id)?.id ?? 'dashboard';
}

/** What a `location.hash` names inside its view: `#/kb/<article id>` → the article id ('' for none). */
export function detailFromHash(hash: string): string {
  const rest = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').slice(1).join('/');
  try {
    return decodeURIComponent(rest);
  } catch {
    return '';
  }
}

/** The saved query a `location.hash` names for the board: `#/board?query=awaiting_release` → 'awaiting_release'. */
export function queryFromHash(hash: string): string {
  return new URLSearchParams(hash.split('?')[1] ?? '').get('query') ?? '';
}

/** The hash of a `navigate` intent's target: `{ target: 'board', query: 'open' }` → `#/board?query=open`. */
export function hashFor(detail: NavigateEvent['detail']): string {
  return `#/${detail.target}${querySuffix(detail.query)}`;
}

/** The ticket a `location.hash` such as `#/tickets/<id>` opens ('' for any other route). */
export function ticketFromHash(hash: string): string {
  return /^#\/?tickets\//.test(hash) ? detailFromHash(hash) : '';
}

/**
 * The address of the ticket `id` shown in place on the board, keeping the board's query:
 * (`#/board?query=open`, 't-1') → `#/board/t-1?query=open`.
 */
export function boardTicketHash(hash: string, id: string): string {
  return `#/board/${encodeURIComponent(id)}${querySuffix(queryFromHash(hash))}`;
}

/** Views that show a ticket in place themselves; `ticket-open` from any other view opens `#/tickets/<id>`. */
const showsTicketsInPlace = ['ticket-board', 'approval-inbox', 'plan-board'];

/** The views `me` may open (R-KB-1, R-PLAN-1, approvals for releasers, wizard for writers). */
export function allowedViews(me: Me): ViewId[] {
  return me.capabilities.agent ? [] : views.filter((v) => v.allowed(me)).map((v) => v.id);
}

/**
 * The standalone portal: a header (user, language, light/dark, sign out), the navigation by the
 * user's capabilities (R-DASH-2, R-KB-1, R-PLAN-1) and one widget per view, routed by
 * `location.hash` (`#/board`). Place it inside `<portal-session>`; alone it loads the user from
 * its `api-base` and asks to sign in elsewhere. A view whose widget is not defined yet asks the
 * loader for it (`portal-define-request`) and shows "Loading…" meanwhile; when the loader gives up
 * (`portal-load-error`), the error with Try again; when no loader takes the request, a short
 * notice that this part is not available, until the widget is defined.
 *
 * @summary The standalone portal shell: header, navigation by capabilities, one view per route.
 *
 * @attr lang - UI language when used without `<portal-session>`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The top bar.
 * @csspart user - The signed-in user's name: the link to the account settings (`#/settings`).
 * @csspart nav - The navigation.
 * @csspart main - The area that shows the current view.
 *
 * @cssprop --portal-app-nav-width - Width of the navigation on wide screens (default 15rem).
 * @cssprop --portal-app-header-background - Background of the top bar.
 * @cssprop --portal-app-max-width - Largest width of the content (default none).
 *
 * @cssstate loading - Waiting for the session.
 * @cssstate ready - The portal shows.
 * @cssstate signed-out - Nobody is signed in (the session shows its form instead).
 * @cssstate error - The user could not be loaded (only without `<portal-session>`).
 *
 * @event portal-locale-request - The user picked a language (`locale`, `source`); the session applies it.
 * @event portal-sign-out-request - The user pressed "Sign out"; the session signs out.
 * @event portal-define-request - A view's widget is not defined yet (`tag`); the loader loads it.
 *
 * Routes the `navigate` intents of its views (`{ target, query? }` → `#/<target>?query=…`), and
 * `ticket-open` from views that do not show tickets themselves (dashboard, wizard) to
 * `#/tickets/<id>`: the ticket with a way back to the ticket board. What a view opens in place gets
 * an address of its own, which Back leaves: a ticket on the board (`#/board/<id>`), a plan board
 * (`#/plan/<id>`), a knowledge-base article (`#/kb/<id>`).
 */
export class PortalApp extends PortalElement {
  static override styles = [hostStyles, buttonStyles, fieldStyles, alertStyles, stateStyles, portalAppStyles];

  /** @internal Loads the settings view's module (tests make it fail). */
  static loadSettings = (): Promise<unknown> => import('./portal-app-settings.define.js');

  /** @internal */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionState;

  @state() private route: ViewId = viewFromHash(startHash());
  /** The part of the route inside the view (`#/kb/<article id>`). */
  @state() private routeDetail = detailFromHash(startHash());
  /** The board's saved query the route names (`#/board?query=…`). */
  @state() private routeQuery = queryFromHash(startHash());
  /** The settings view's module could not be loaded. */
  @state() private settingsFailed = false;
  #settingsLoading: Promise<void> | null = null;
  /** The ticket the route opens (`#/tickets/<id>`). */
  @state() private routeTicket = ticketFromHash(startHash());
  /** The route as written (`settings`, or an unknown one that the portal replaces). */
  @state() private routeName = routeNameFromHash(startHash());
  @state() private menuOpen = false;
  @state() private dark = false;
  /** Without `<portal-session>`: the user loaded by this element itself. */
  @state() private ownState: SessionState | { status: 'error'; error: unknown } = { status: 'loading' };

  #localeAppliedFor: string | null = null;
  /** Widgets asked for and not defined yet: the loader loads them, it gave up, or no loader took the request. */
  #waitingFor = new Map<string, 'loading' | 'failed' | 'missing'>();
  #ownLoad: AbortController | null = null;
  #media: MediaQueryList | null = null;
  /** the address the portal pushed for a ticket or plan board opened in place (Back returns from it) */
  #pushed: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    for (const [type, listener] of this.#listeners()) this.addEventListener(type, listener);
    this.#media = window.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
    this.#media?.addEventListener('change', this.#onSchemeChange);
    const stored = readTheme();
    if (stored) setDocumentScheme(stored);
    // Alone (no <portal-session> answered the context request): load the user ourselves.
    if (!this.session) void this.#loadOwn();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    for (const [type, listener] of this.#listeners()) this.removeEventListener(type, listener);
    this.#media?.removeEventListener('change', this.#onSchemeChange);
    this.#ownLoad?.abort();
  }

  protected override firstUpdated(): void {
    this.dark = this.#isDark();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const s = this.#state();
    this.setExclusiveState(s.status === 'signed-in' ? 'ready' : s.status === 'password-change' ? 'signed-out' : s.status, [
      'loading',
      'ready',
      'signed-out',
      'error',
    ]);
    if (s.status === 'signed-in') this.#applyAccountLocale(s.me);
    else {
      this.#localeAppliedFor = null;
      // the next one to sign in starts with the menu closed
      this.menuOpen = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#canonicalHash();
  }

  /** An address the portal cannot show (unknown, or a view not allowed) becomes the one it shows. */
  #canonicalHash() {
    const s = this.#state();
    if (s.status !== 'signed-in' || s.me.capabilities.agent || this.routeName === '') return;
    if (this.routeName === 'settings' || this.routeTicket) return;
    const shown = this.#currentView(s.me);
    if (this.routeName === shown) return;
    history.replaceState(history.state, '', `#/${shown}`);
    this.routeName = shown;
    this.routeDetail = '';
    this.routeQuery = '';
  }

  #currentView(me: Me): ViewId {
    const allowed = allowedViews(me);
    return this.routeTicket ? 'board' : allowed.includes(this.route) ? this.route : 'dashboard';
  }

  protected override render(): TemplateResult {
    const s = this.#state();
    if (s.status === 'signed-in') return this.#renderPortal(s.me);
    let body: TemplateResult;
    if (s.status === 'error') {
      body = html`<div class="alert danger" role="alert">${icons.alert()}<p>${errorMessage(s.error)}</p></div>`;
    } else if (s.status === 'loading') {
      body = loading();
    } else {
      body = html`<p class="state">${msg('Please sign in to use the portal.')}</p>`;
    }
    return html`<div part="base" class="base" lang=${this.locale}>${body}</div>`;
  }

  #renderPortal(me: Me): TemplateResult {
    const allowed = allowedViews(me);
    const ticket = this.routeTicket;
    const settings = this.routeName === 'settings';
    // a ticket of its own route belongs to the ticket board (navigation)
    const current: ViewId = this.#currentView(me);
    const agent = me.capabilities.agent;
    return html`
      <div part="base" class="base ${this.menuOpen ? 'menu-open' : ''}" lang=${this.locale}>
        <button class="button skip" type="button" @click=${() => this.renderRoot.querySelector<HTMLElement>('#main')?.focus()}>
          ${msg('Skip to content')}
        </button>
        <header part="header" class="header" @keydown=${this.#onMenuKeydown}>
          <div class="start">
            ${agent
              ? nothing
              : html`<button
                  class="button quiet menu-toggle"
                  type="button"
                  aria-expanded=${this.menuOpen ? 'true' : 'false'}
                  aria-controls="nav"
                  @click=${() => (this.menuOpen = !this.menuOpen)}
                >
                  ${appIcons.menu()}<span class="visually-hidden">${msg('Menu')}</span>
                </button>`}
            <a class="brand" href="#/dashboard">${icons.lock()}<span>${msg('Helpdesk portal')}</span></a>
          </div>
          <div class="tools">
            <a
              part="user"
              class="user"
              href="#/settings"
              title=${`${msg('Your account')} · ${me.account.email}`}
              aria-current=${settings ? 'page' : nothing}
              >${appIcons.user()}<span class="user-name">${me.account.name}</span>
              <span class="visually-hidden">${msg('Your account')}</span></a
            >
            <label class="visually-hidden" for="language">${msg('Language')}</label>
            <select id="language" class="input language" @change=${this.#onLanguage}>
              <option value="de" lang="de" ?selected=${this.locale === 'de'}>Deutsch</option>
              <option value="en" lang="en" ?selected=${this.locale === 'en'}>English</option>
            </select>
            <button
              class="button quiet theme"
              type="button"
              aria-pressed=${this.dark ? 'true' : 'false'}
              @click=${this.#toggleTheme}
            >
              ${this.dark ? appIcons.moon() : appIcons.sun()}<span class="label">${msg('Dark mode')}</span>
            </button>
            <button class="button sign-out" type="button" @click=${this.#signOut}>
              ${appIcons.signOut()}<span class="label">${msg('Sign out')}</span>
            </button>
          </div>
        </header>
        <div class="layout ${agent ? 'no-nav' : ''}">
          ${agent ? nothing : this.#renderNav(me, allowed, settings ? null : current)}
          <main part="main" class="main" id="main" tabindex="-1">
            ${settings
              ? this.#renderSettings(me)
              : agent
              ? this.#renderAgentNote()
              : ticket
                ? this.#renderTicket(ticket)
                : this.#renderView(views.find((v) => v.id === current)!)}
          </main>
        </div>
      </div>
    `;
  }

  #renderNav(me: Me, allowed: ViewId[], current: ViewId | null): TemplateResult {
    const pending = me.counts.pendingReleases;
    const showBadge = (me.capabilities.createTickets || me.capabilities.release) && pending > 0;
    // a dispatcher's count (tickets awaiting their release) on Approvals, where they act on it;
    // an editor's (their own tickets awaiting release) on the dashboard
    const badgeView = me.capabilities.release ? 'approvals' : 'dashboard';
    return html`<nav part="nav" class="nav" id="nav" aria-label=${msg('Portal')} @keydown=${this.#onMenuKeydown}>
      <ul>
        ${views
          .filter((v) => allowed.includes(v.id))
          .map(
            (v) => html`<li>
              <a
                href="#/${v.id}"
                data-view=${v.id}
                aria-current=${v.id === current ? 'page' : nothing}
                @click=${() => (this.menuOpen = false)}
              >
                <span>${v.label()}</span>
                ${v.id === badgeView && showBadge
                  ? html`<span class="badge" part="badge"
                      ><span aria-hidden="true">${formatNumber(pending, {}, this.locale)}</span
                      ><span class="visually-hidden">${pendingLabel(pending, this.locale)}</span></span
                    >`
                  : nothing}
              </a>
            </li>`,
          )}
      </ul>
    </nav>`;
  }

  #renderView(view: ViewDef): TemplateResult {
    if (customElements.get(view.tag)) {
      const detail = this.routeDetail || nothing;
      switch (view.id) {
        case 'dashboard':
          return html`<portal-dashboard class="view"></portal-dashboard>`;
        case 'create':
          return html`<ticket-wizard class="view"></ticket-wizard>`;
        // the dashboard's release count opens the board on a saved query; a link may open a ticket
        case 'board':
          return html`<ticket-board class="view" query=${this.routeQuery || nothing} ticket-id=${detail}></ticket-board>`;
        case 'approvals':
          return html`<approval-inbox class="view" ticket-id=${detail}></approval-inbox>`;
        // the knowledge base opens the article a link names (`#/kb/<article id>`)
        case 'kb':
          return html`<kb-browser class="view" article-id=${detail}></kb-browser>`;
        // a plan board has its own address (`#/plan/<board id>`)
        case 'plan':
          return html`<plan-board class="view" board-id=${detail}></plan-board>`;
      }
    }
    return this.#renderMissing(view.tag, view.label());
  }

  /** A widget not defined yet: loading while the loader loads it, its failure with Try again, else a notice. */
  #renderMissing(tag: string, title: string): TemplateResult {
    const waiting = this.#waitFor(tag);
    if (waiting === 'loading') return loading();
    if (waiting === 'failed') {
      return this.#failed(() => this.#waitingFor.delete(tag));
    }
    return html`<section class="unavailable" aria-labelledby="view-title">
      <h1 id="view-title">${title}</h1>
      <p>${msg('This part of the portal is not available yet.')}</p>
    </section>`;
  }

  /** `#/tickets/<id>`: one ticket, with the way back to the board. */
  #renderTicket(id: string): TemplateResult {
    return html`<section class="ticket-view" aria-labelledby="ticket-view-title">
      <h1 id="ticket-view-title" class="visually-hidden">${msg('Ticket')}</h1>
      <a class="button back" href="#/board"><span aria-hidden="true">←</span> ${msg('Back to the ticket board')}</a>
      ${customElements.get('ticket-detail')
        ? html`<ticket-detail class="view" ticket-id=${id}></ticket-detail>`
        : this.#renderMissing('ticket-detail', msg('Ticket'))}
    </section>`;
  }

  /** `#/settings`: the user's own account settings. */
  #renderSettings(me: Me): TemplateResult {
    if (!customElements.get('portal-app-settings')) {
      if (this.settingsFailed) return this.#failed(() => (this.settingsFailed = false));
      this.#settingsLoading ??= PortalApp.loadSettings().then(
        () => this.requestUpdate(),
        () => {
          // e.g. offline: say so, with Try again (importing it again fetches it again); the other views keep working
          this.#settingsLoading = null;
          this.settingsFailed = true;
        },
      );
      return loading();
    }
    return html`<portal-app-settings
      class="view"
      .me=${me}
      @portal-locale-request=${(e: LocaleRequestEvent) => {
        e.stopPropagation();
        this.#requestLocale(e.locale);
      }}
    ></portal-app-settings>`;
  }

  /**
   * A part of the portal whose module could not be loaded (the loader, or the browser for the
   * settings, tried to fetch it): the text for a lost connection, and Try again (the view area
   * keeps the focus while it loads again).
   */
  #failed(retry: () => unknown): TemplateResult {
    const again = () => {
      retry();
      this.requestUpdate();
      this.#focusMain();
    };
    return html`<div class="alert danger" role="alert">
      ${icons.alert()}<div><p>${errorMessage(new ApiError({ status: 0, code: 'network', message: '' }))}</p
      ><button class="button small retry" type="button" @click=${again}>${msg('Try again')}</button></div>
    </div>`;
  }

  #renderAgentNote(): TemplateResult {
    return html`<section class="agent" aria-labelledby="agent-title">
      <h1 id="agent-title">${msg('Agent account')}</h1>
      <div class="alert info">
        ${icons.info()}
        <div>
          <p>${msg('You are signed in with an agent account of the service desk. This portal is for customers; agents work in the agent view.')}</p>
          <p><a href="/demo/agent.html">${msg('Open the agent view')}</a></p>
        </div>
      </div>
    </section>`;
  }

  /** Asks the loader to define `tag` (again after a failure) and re-renders once it is. */
  #waitFor(tag: string) {
    let waiting = this.#waitingFor.get(tag);
    if (!waiting) {
      waiting = this.emit(new DefineRequestEvent(tag)).defaultPrevented ? 'loading' : 'missing';
      this.#waitingFor.set(tag, waiting);
      void customElements.whenDefined(tag).then(() => {
        this.#waitingFor.delete(tag);
        this.requestUpdate();
      });
    }
    return waiting;
  }

  #state(): SessionState | { status: 'error'; error: unknown } {
    return this.session ?? this.ownState;
  }

  async #loadOwn() {
    this.#ownLoad?.abort();
    const abort = (this.#ownLoad = new AbortController());
    this.ownState = { status: 'loading' };
    try {
      const me = await this.api.me.get({ signal: abort.signal });
      this.ownState = { status: 'signed-in', me };
    } catch (e) {
      if (isAbort(e)) return;
      this.ownState =
        isApiError(e) && e.status === 401 ? { status: 'signed-out' } : { status: 'error', error: e };
    }
  }

  /** The account's own language, once per sign-in (the portal remembers the user's choice). */
  #applyAccountLocale(me: Me) {
    if (this.#localeAppliedFor === me.account.id) return;
    this.#localeAppliedFor = me.account.id;
    if (me.account.locale !== this.locale) this.#requestLocale(me.account.locale, 'account');
  }

  #requestLocale(locale: Locale, source: 'user' | 'account' = 'user') {
    const event = this.emit(new LocaleRequestEvent(locale, source));
    if (!event.defaultPrevented && (source === 'user' || !this.hasAttribute('lang'))) {
      this.setAttribute('lang', locale);
      void applyLocale(locale);
    }
  }

  readonly #onLanguage = (e: Event) => {
    const locale = (e.target as HTMLSelectElement).value as Locale;
    this.#requestLocale(locale);
    const s = this.#state();
    if (s.status === 'signed-in' && s.me.account.locale !== locale) {
      // Remember the choice for the next sign-in; the page switches either way. The session
      // loads the account again, so "Your account" shows the saved language.
      this.api.me
        .update({ locale })
        .then(() => this.emit(new RefreshRequestEvent()))
        .catch(() => undefined);
    }
  };

  readonly #toggleTheme = () => {
    const next = this.dark ? 'light' : 'dark';
    setDocumentScheme(next);
    try {
      localStorage.setItem(themeKey, next);
    } catch {
      // storage blocked: the switch still holds for this page
    }
    this.dark = next === 'dark';
  };

  readonly #signOut = () => {
    const event = this.emit(new SignOutRequestEvent());
    if (!event.defaultPrevented) {
      // alone (no <portal-session> took it): api.auth's module loads with this one click
      void import('../core/http/auth.js').then(() => this.api.auth.signOut()).finally(() => void this.#loadOwn());
    }
  };

  /** The events of the views inside that the portal answers (routing, counts). */
  #listeners(): [string, EventListener][] {
    return [
      [NavigateEvent.eventName, this.#onNavigate as EventListener],
      [TicketOpenEvent.eventName, this.#onTicketOpen as EventListener],
      ['ticket-board-back', this.#onBoardBack],
      ['plan-board-changed', this.#onPlanBoardChanged as EventListener],
      ['kb-article-open', this.#onArticleOpen as EventListener],
      ['kb-browser-back', this.#onArticleBack],
      ['ticket-released', this.#onDecided],
      ['ticket-rejected', this.#onDecided],
      ['approval-inbox-closed', this.#onDecided],
      ['portal-load-error', this.#onLoadError as EventListener],
    ];
  }

  /** A view asks for another part of the portal (`navigate`): the portal routes it by hash. */
  readonly #onNavigate = (e: NavigateEvent) => {
    e.preventDefault();
    const hash = hashFor(e.detail);
    if (location.hash !== hash) location.hash = hash;
  };

  /** `ticket-open` from a view that does not show tickets itself: the ticket's own route. */
  readonly #onTicketOpen = (e: TicketOpenEvent) => {
    if (e.defaultPrevented) return;
    const from = e.composedPath().find((n): n is Element => n instanceof Element && n.parentNode === this.renderRoot.querySelector('#main'));
    if (from && showsTicketsInPlace.includes(from.localName)) {
      // the board shows it in place, under an address of its own (Back returns to the list)
      if (from.localName === 'ticket-board') this.#push(boardTicketHash(location.hash, e.detail.id));
      return;
    }
    e.preventDefault();
    location.hash = `#/tickets/${encodeURIComponent(e.detail.id)}`;
  };

  /** Opens an address for something a view shows in place; Back (browser or the view's) returns. */
  #push(hash: string) {
    if (location.hash === hash) return;
    location.hash = hash;
    this.#pushed = hash;
  }

  /** The view closed what it showed in place: back to the address before, or to `list`. */
  #pop(list: string) {
    if (this.#pushed !== null && location.hash === this.#pushed) {
      this.#pushed = null;
      history.back();
    } else if (location.hash !== list) {
      location.hash = list;
    }
  }

  readonly #onBoardBack = () => {
    if (this.route !== 'board' || !this.routeDetail) return;
    this.#pop(`#/board${querySuffix(queryFromHash(location.hash))}`);
  };

  readonly #onPlanBoardChanged = (e: PlanBoardChangedEvent) => {
    if (this.route !== 'plan') return;
    if (e.detail.boardId) this.#push(`#/plan/${encodeURIComponent(e.detail.boardId)}`);
    else if (this.routeDetail) this.#pop('#/plan');
  };

  /** The knowledge base opens an article in place: its own address (`#/kb/<id>`, Back returns to the list). */
  readonly #onArticleOpen = (e: Event & { detail: { id: string } }) => {
    if (this.route === 'kb' && !e.defaultPrevented) this.#push(`#/kb/${encodeURIComponent(e.detail.id)}`);
  };

  readonly #onArticleBack = () => {
    if (this.route === 'kb' && this.routeDetail) this.#pop('#/kb');
  };

  /**
   * The inbox shows its list again (a decision, its own Back, someone else decided first): the
   * address no longer names the ticket (replaced, no history entry).
   */
  readonly #onDecided = () => {
    if (this.route !== 'approvals' || !this.routeDetail) return;
    history.replaceState(history.state, '', '#/approvals');
    this.routeDetail = '';
  };

  readonly #onHashChange = () => {
    if (this.#pushed !== null && location.hash !== this.#pushed) this.#pushed = null;
    const next = viewFromHash(location.hash);
    this.routeDetail = detailFromHash(location.hash);
    this.routeQuery = queryFromHash(location.hash);
    const ticket = ticketFromHash(location.hash);
    const ticketChanged = ticket !== this.routeTicket;
    this.routeTicket = ticket;
    const name = routeNameFromHash(location.hash);
    const settingsChanged = (name === 'settings') !== (this.routeName === 'settings');
    this.routeName = name;
    if (next === this.route && !ticketChanged && !settingsChanged) return;
    this.route = next;
    this.menuOpen = false;
    // Move the reading position to the new view (screen readers, keyboard).
    this.#focusMain();
  };

  #focusMain() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#main')?.focus({ preventScroll: true }));
  }

  /** The loader gave up on a widget this element asked for: the view shows the error. */
  readonly #onLoadError = (e: Event & { detail: { tag: string } }) => {
    if (this.#waitingFor.get(e.detail.tag) !== 'loading') return;
    this.#waitingFor.set(e.detail.tag, 'failed');
    this.requestUpdate();
  };

  /** Escape in the header or the navigation closes the narrow layout's menu (focus back on its button). */
  readonly #onMenuKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.menuOpen) {
      this.menuOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.menu-toggle')?.focus();
    }
  };

  readonly #onSchemeChange = () => {
    this.dark = this.#isDark();
  };

  #isDark(): boolean {
    const scheme = getComputedStyle(this).colorScheme || 'normal';
    const words = scheme.split(/\s+/);
    if (words.includes('dark') && !words.includes('light')) return true;
    if (words.includes('dark') && words.includes('light')) return !!this.#media?.matches;
    return false;
  }
}

const loading = () => html`<div class="state" role="status"><span class="spinner" aria-hidden="true"></span><span>${msg('Loading…')}</span></div>`;


function pendingLabel(n: number, locale: Locale): string {
  const count = formatNumber(n, {}, locale);
  return n === 1 ? msg('1 ticket awaiting release') : msg(str`${count} tickets awaiting release`);
}

function readTheme(): 'light' | 'dark' | null {
  try {
    const v = localStorage.getItem(themeKey);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

/** The portal shell owns its page: the scheme goes on `<html>`, so the page and every widget follow. */
function setDocumentScheme(scheme: 'light' | 'dark') {
  document.documentElement.style.colorScheme = scheme;
}
