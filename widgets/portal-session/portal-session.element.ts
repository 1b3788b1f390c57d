import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextProvider } from '../core/context-provider.js';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type Api, type Locale, type Me, type SessionChange, type SignedInAccount } from '../core/api.js';
import { HttpApi, normalizeBase, type ApiMode } from '../core/api-http.js';
import { PortalElement } from '../core/base-element.js';
import { apiContext, localeContext, sessionContext, type SessionState } from '../core/contexts.js';
import { LocaleRequestEvent, PortalErrorEvent, RefreshRequestEvent, SignOutRequestEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { applyLocale, documentLocale, normalizeLocale } from '../core/localization.js';
import { errorMessage, errorReference, retryAfter } from '../core/messages.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import { AuthRequiredEvent, SignedInEvent, SignedOutEvent } from './portal-session.events.js';
import { fieldErrorList } from './field-errors.js';
import type { PasswordChangeForm } from './portal-session.password-change.js';
import { portalSessionStyles } from './portal-session.styles.js';

/** Returns a host-signed JWT for `POST /api/auth/exchange` (embedding with the intranet's login). */
export type TokenProvider = () => Promise<string | null> | string | null;

const sessionStates = ['loading', 'signed-out', 'password-change', 'signed-in'] as const;

type FieldErrors = Partial<Record<'email' | 'password', string[]>>;

/**
 * Signs the user in (R-AUTH-2), forces the first-login password change (R-AUTH-3, R-AUTH-4),
 * signs out (R-AUTH-5), and gives every widget inside it the API client, the session and the
 * locale through `@lit/context`.
 *
 * @summary The portal's session: sign-in, first-login password change, contexts for the widgets.
 *
 * @attr lang - UI language (`de` | `en`); without it, `<html lang>`.
 * @attr api-base - Base URL of the portal server; empty: this page's origin.
 *
 * @slot - The widgets of the portal. Always in the DOM; shown only while signed in.
 *
 * @csspart base - The wrapper around everything.
 * @csspart panel - The area that centres the sign-in and password cards.
 * @csspart card - The sign-in or password-change card.
 * @csspart title - The card's heading.
 * @csspart form - The sign-in or password-change form.
 * @csspart submit - The form's main button.
 * @csspart rules - The live checklist of password rules.
 * @csspart content - The wrapper around the slot.
 *
 * @cssprop --portal-session-card-width - Width of the sign-in card (default 26rem).
 * @cssprop --portal-session-panel-padding - Space around the sign-in card (default 2rem 1rem).
 *
 * @cssstate loading - The session is being checked.
 * @cssstate signed-out - The sign-in form shows.
 * @cssstate password-change - The first-login password change shows.
 * @cssstate signed-in - The slotted widgets show.
 * @cssstate busy - A sign-in or password change is in flight.
 * @cssstate error - The session could not be checked (e.g. the server is unreachable).
 *
 * @event signed-in - The user is signed in (`detail: { account, restored }`).
 * @event signed-out - The user signed out (`detail: { accountId }`).
 * @event portal-auth-required - Nobody is signed in (any more) (`detail: { reason }`).
 * @event portal-error - The session could not be checked (`detail: { code, message, requestId }`).
 */
export class PortalSession extends PortalElement {
  static override styles = [hostStyles, buttonStyles, fieldStyles, alertStyles, stateStyles, portalSessionStyles];

  /** `cookie` (same origin) or `bearer` (token); default: bearer when `api-base` is another origin. */
  @property() mode: ApiMode | null = null;

  /** Bearer mode: keep the token in sessionStorage so a reload of the tab stays signed in. */
  @property({ type: Boolean }) persist = false;

  /** Returns a host-signed JWT to exchange for a session (issue 7: embedding with the host's login). */
  @property({ attribute: false }) tokenProvider: TokenProvider | null = null;

  @state() private session: SessionState = { status: 'loading' };
  @state() private loadError: unknown = null;
  @state() private busy = false;
  @state() private formError: string | null = null;
  @state() private fieldErrors: FieldErrors = {};
  @state() private blockedUntil = 0;
  @state() private now = Date.now();
  /** the first-login password change (its own chunk, loaded when the server asks for it) */
  @state() private passwordForm: PasswordChangeForm | null = null;

  @query('#email') private emailInput?: HTMLInputElement;
  @query('#password') private passwordInput?: HTMLInputElement;

  readonly #apiProvider = new ContextProvider(this, { context: apiContext });
  readonly #sessionProvider = new ContextProvider(this, {
    context: sessionContext,
    initialValue: { status: 'loading' } as SessionState,
  });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext, initialValue: documentLocale() });

  #explicitApi: Api | null = null;
  #builtApi: { key: string; api: Api } | null = null;
  #activeApi: Api | null = null;
  #unsubscribe: (() => void) | null = null;
  #generation = 0;
  #abort: AbortController | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #started = false;
  /** the `lang` this element set itself on a request (anything else came from the host) */
  #requestedLang: string | null = null;

  constructor() {
    super();
    this.addEventListener(LocaleRequestEvent.eventName, this.#onLocaleRequest);
    this.addEventListener(SignOutRequestEvent.eventName, this.#onSignOutRequest);
    this.addEventListener(RefreshRequestEvent.eventName, this.#onRefreshRequest);
  }

  /** The API client this session uses and provides (settable: Storybook, tests, custom clients). */
  override get api(): Api {
    return this.#activeApi ?? this.#resolveApi();
  }
  override set api(value: Api | null) {
    this.#explicitApi = value;
    if (this.isConnected) this.#syncApi();
  }

  /** Where the session stands (the value the session context provides). */
  get state(): SessionState {
    return this.session;
  }

  /**
   * The UI locale: `lang` on this element, else `<html lang>`. Widgets inside may ask for another
   * (`portal-locale-request`): a user's choice always applies, an account's saved preference only
   * when the host page did not set `lang` here.
   */
  override get locale(): Locale {
    return normalizeLocale(this.langAttribute) ?? documentLocale();
  }

  override connectedCallback(): void {
    // Provide before the children connect and ask for it.
    this.#syncApi();
    this.#localeProvider.setValue(this.locale);
    super.connectedCallback();
    if (!this.#started || this.session.status === 'loading') {
      this.#started = true;
      void this.#start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#stopTimer();
  }

  /** Ends the session on the server and shows the sign-in form. */
  async signOut(): Promise<void> {
    const accountId = this.session.status === 'signed-in' ? this.session.me.account.id : null;
    this.#abort?.abort();
    try {
      await this.api.auth.signOut();
    } catch {
      // Gone or unreachable: the local session ends either way.
    }
    this.#enterSignedOut(null);
    this.emit(new SignedOutEvent({ accountId }));
  }

  /** Loads `/api/me` again (counts and capabilities may have changed). */
  async refresh(): Promise<void> {
    if (this.session.status !== 'signed-in') return;
    try {
      const me = await this.api.me.get();
      if (this.session.status === 'signed-in') this.#setSession({ status: 'signed-in', me });
    } catch (e) {
      if (!isApiError(e) || (e.status !== 401 && e.code !== 'password_change_required')) this.#emitError(e);
    }
  }

  /** @internal */
  protected override providesLocale(): boolean {
    return false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.isConnected && (changed.has('apiBase') || changed.has('mode') || changed.has('persist'))) this.#syncApi();
    // a host that hands over its token provider late (after the sign-in form showed) signs in now
    if (changed.has('tokenProvider') && this.hasUpdated && this.tokenProvider && this.session.status === 'signed-out' && !this.busy) {
      void this.#start();
    }
    const locale = this.locale;
    if (this.#localeProvider.value !== locale) this.#localeProvider.setValue(locale);
    void applyLocale(locale);
    this.setExclusiveState(this.session.status, sessionStates);
    this.setCustomState('busy', this.busy || !!this.passwordForm?.busy);
    this.setCustomState('error', this.loadError !== null);
  }

  protected override render(): TemplateResult {
    const status = this.session.status;
    return html`
      <div part="base" class="base" lang=${this.locale}>
        ${status === 'signed-in' ? nothing : html`<div part="panel" class="panel">${this.#renderPanel()}</div>`}
        <div part="content" class="content" ?hidden=${status !== 'signed-in'}><slot></slot></div>
      </div>
    `;
  }

  #renderPanel(): TemplateResult {
    switch (this.session.status) {
      case 'loading':
        return this.loadError !== null ? this.#renderLoadError() : this.#renderLoading();
      case 'signed-out':
        return this.#renderSignIn();
      case 'password-change':
        return this.passwordForm?.render(this.#renderBrand()) ?? html``;
      default:
        return html``;
    }
  }

  #renderLoading(): TemplateResult {
    return html`<div class="state" role="status">
      <span class="spinner" aria-hidden="true"></span>
      <span>${msg('Checking your session…')}</span>
    </div>`;
  }

  #renderLoadError(): TemplateResult {
    const ref = errorReference(this.loadError);
    return html`<section part="card" class="card" aria-labelledby="title">
      ${this.#renderBrand()}
      <h2 id="title" part="title">${msg('The portal is not available')}</h2>
      <div class="alert danger" role="alert">
        ${icons.alert()}
        <div>
          <p>${errorMessage(this.loadError)}</p>
          ${ref ? html`<p class="reference">${msg(str`Reference: ${ref}`)}</p>` : nothing}
        </div>
      </div>
      <button part="submit" class="button primary block" type="button" @click=${() => void this.#start()}>
        ${msg('Try again')}
      </button>
    </section>`;
  }

  #renderBrand(): TemplateResult {
    return html`<p class="brand">${icons.lock()}<span>${msg('Helpdesk portal')}</span></p>`;
  }

  #renderSignIn(): TemplateResult {
    const secondsLeft = Math.max(0, Math.ceil((this.blockedUntil - this.now) / 1000));
    const blocked = secondsLeft > 0;
    const emailErrors = this.fieldErrors.email ?? [];
    const passwordErrors = this.fieldErrors.password ?? [];
    return html`<section part="card" class="card" aria-labelledby="title">
      ${this.#renderBrand()}
      <h2 id="title" part="title">${msg('Sign in')}</h2>
      <p class="lead">${msg('Sign in with your e-mail address and your password.')}</p>
      ${this.formError
        ? html`<div class="alert ${blocked ? 'warning' : 'danger'}" role="alert" id="form-error">
            ${blocked ? icons.clock() : icons.alert()}<p>${this.formError}</p>
          </div>`
        : nothing}
      <form part="form" novalidate @submit=${this.#onSignIn}>
        <div class="field">
          <label for="email">${msg('E-mail address')}</label>
          <input
            id="email"
            class="input"
            name="email"
            type="email"
            inputmode="email"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            required
            aria-invalid=${emailErrors.length > 0 ? 'true' : 'false'}
            aria-describedby=${emailErrors.length > 0 ? 'email-error' : nothing}
          />
          ${fieldErrorList('email-error', emailErrors)}
        </div>
        <div class="field">
          <label for="password">${msg('Password')}</label>
          <input
            id="password"
            class="input"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid=${passwordErrors.length > 0 ? 'true' : 'false'}
            aria-describedby=${passwordErrors.length > 0 ? 'password-error' : nothing}
          />
          ${fieldErrorList('password-error', passwordErrors)}
        </div>
        <button
          part="submit"
          class="button primary block"
          type="submit"
          ?disabled=${blocked}
          aria-describedby=${blocked && this.formError ? 'form-error' : nothing}
        >
          ${this.busy ? html`<span class="spinner small" aria-hidden="true"></span>` : nothing}
          ${blocked
            ? msg(str`Try again in ${secondsLeft} s`)
            : this.busy
              ? msg('Signing in…')
              : msg('Sign in')}
        </button>
      </form>
    </section>`;
  }

  // — session life cycle —

  #resolveApi(): Api {
    if (this.#explicitApi) return this.#explicitApi;
    const base = normalizeBase(this.apiBase);
    const key = `${base}|${this.mode ?? 'auto'}|${this.persist}`;
    if (this.#builtApi?.key !== key) {
      this.#builtApi = { key, api: new HttpApi({ base, mode: this.mode ?? 'auto', persist: this.persist }) };
    }
    return this.#builtApi.api;
  }

  /** Makes the resolved API the active one: provide it, listen to it, check its session. */
  #syncApi() {
    const api = this.#resolveApi();
    if (api === this.#activeApi) return;
    const hadOne = this.#activeApi !== null;
    this.#unsubscribe?.();
    this.#activeApi = api;
    this.#unsubscribe = api.onSessionChange(this.#onSessionChange);
    this.#apiProvider.setValue(api);
    if (hadOne && this.#started) void this.#start();
  }

  async #start(): Promise<void> {
    const api = this.api;
    const generation = ++this.#generation;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const stale = () => generation !== this.#generation;
    this.loadError = null;
    this.#setSession({ status: 'loading' });
    try {
      // A token provider the host set before this element was defined reaches it only with the
      // first update (Lit applies such values then): wait for it before deciding how to sign in.
      if (!this.hasUpdated) {
        await this.updateComplete;
        if (stale()) return;
      }
      if (this.tokenProvider && !api.mayHaveSession) {
        const token = await this.tokenProvider();
        if (stale()) return;
        if (token) {
          const r = await api.auth.exchange({ token }, { signal: abort.signal });
          if (stale()) return;
          if (r.mustChangePassword) return void this.#enterPasswordChange(r.account, false);
        }
      }
      if (!api.mayHaveSession) return this.#enterSignedOut('no-session');
      const me = await api.me.get({ signal: abort.signal });
      if (stale()) return;
      this.#enterSignedIn(me, true);
    } catch (e) {
      if (stale() || isAbort(e)) return;
      if (isApiError(e) && e.code === 'password_change_required') void this.#enterPasswordChange(null, false);
      else if (isApiError(e) && e.status === 401) this.#enterSignedOut('no-session');
      else {
        this.loadError = e;
        this.#emitError(e);
      }
    }
  }

  #setSession(session: SessionState) {
    this.session = session;
    this.#sessionProvider.setValue(session);
  }

  #enterSignedIn(me: Me, restored: boolean) {
    this.#resetForms();
    this.#setSession({ status: 'signed-in', me });
    const { id, email, name, locale, kind } = me.account;
    this.emit(new SignedInEvent({ account: { id, email, name, locale, kind }, restored }));
  }

  #enterSignedOut(reason: 'no-session' | 'expired' | null) {
    this.#generation++;
    this.#resetForms();
    this.#setSession({ status: 'signed-out' });
    if (reason) this.emit(new AuthRequiredEvent({ reason }));
  }

  /** Loads the form first (the sign-in or the loading state stays until it is in). */
  async #enterPasswordChange(account: SignedInAccount | null, moveFocus: boolean) {
    const generation = this.#generation;
    try {
      const m = await import('./portal-session.password-change.js');
      if (generation !== this.#generation) return;
      adoptStyles(this.shadowRoot!, [...(this.constructor as typeof PortalSession).elementStyles, ...m.passwordChangeStyles]);
      this.#resetForms();
      const form: PasswordChangeForm = new m.PasswordChangeForm(this, account, () => this.passwordForm, (me) => this.#enterSignedIn(me, false));
      this.passwordForm = form;
      this.#setSession({ status: 'password-change', account });
      if (moveFocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#old-password')?.focus());
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#resetForms();
      this.#setSession({ status: 'loading' });
      this.loadError = e;
      this.#emitError(e);
    }
  }

  #resetForms() {
    this.busy = false;
    this.formError = null;
    this.fieldErrors = {};
    this.passwordForm = null;
    this.loadError = null;
  }

  readonly #onSessionChange = (change: SessionChange) => {
    const status = this.session.status;
    if (change.kind === 'lost') {
      if (status !== 'signed-in' && status !== 'password-change') return;
      // signed in by the host: ask it for a fresh token instead of showing the sign-in form
      if (this.tokenProvider) void this.#start();
      else this.#enterSignedOut('expired');
    } else if (status === 'signed-in') {
      const { id, email, name, locale, kind } = this.session.me.account;
      void this.#enterPasswordChange({ id, email, name, locale, kind }, false);
    }
  };

  // — forms —

  readonly #onSignIn = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || this.blockedUntil > Date.now()) return;
    const email = this.emailInput?.value.trim() ?? '';
    const password = this.passwordInput?.value ?? '';
    const fieldErrors: FieldErrors = {};
    if (!email) fieldErrors.email = [msg('Please enter your e-mail address.')];
    if (!password) fieldErrors.password = [msg('Please enter your password.')];
    this.fieldErrors = fieldErrors;
    this.formError = null;
    if (fieldErrors.email || fieldErrors.password) {
      await this.updateComplete;
      (fieldErrors.email ? this.emailInput : this.passwordInput)?.focus();
      return;
    }
    this.busy = true;
    const generation = ++this.#generation;
    try {
      const result = await this.api.auth.signIn({ email, password });
      if (generation !== this.#generation) return;
      if (result.mustChangePassword) {
        return this.#enterPasswordChange(result.account, true);
      }
      const me = await this.api.me.get();
      if (generation !== this.#generation) return;
      this.#enterSignedIn(me, false);
    } catch (e) {
      if (generation !== this.#generation || isAbort(e)) return;
      this.busy = false;
      if (this.passwordInput) this.passwordInput.value = '';
      if (isApiError(e) && e.code === 'rate_limited') {
        const seconds = retryAfter(e) ?? 30;
        this.#block(seconds);
        this.formError = msg(str`Too many failed sign-in attempts. Please wait ${seconds} seconds and try again.`);
        return;
      }
      this.formError =
        isApiError(e) && e.code === 'unauthenticated'
          ? msg('The e-mail address or the password is not correct.')
          : errorMessage(e);
      await this.updateComplete;
      this.passwordInput?.focus();
    }
  };

  #block(seconds: number) {
    this.blockedUntil = Date.now() + seconds * 1000;
    this.now = Date.now();
    this.#stopTimer();
    this.#timer = setInterval(() => {
      this.now = Date.now();
      if (this.now >= this.blockedUntil) {
        this.#stopTimer();
        this.formError = null;
      }
    }, 1000);
  }

  #stopTimer() {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  #emitError(e: unknown) {
    this.emit(
      new PortalErrorEvent({
        code: isApiError(e) ? e.code : 'internal',
        message: errorMessage(e),
        requestId: isApiError(e) ? e.requestId ?? null : null,
      }),
    );
  }

  // — requests from the widgets inside —

  readonly #onLocaleRequest = (event: LocaleRequestEvent) => {
    event.preventDefault();
    // A `lang` the host page set wins over the account's saved preference, not over the user.
    const hostLang = this.hasAttribute('lang') && this.getAttribute('lang') !== this.#requestedLang;
    if (event.source === 'account' && hostLang) return;
    this.#requestedLang = event.locale;
    this.setAttribute('lang', event.locale);
  };

  readonly #onSignOutRequest = (event: SignOutRequestEvent) => {
    event.preventDefault();
    void this.signOut();
  };

  readonly #onRefreshRequest = (event: RefreshRequestEvent) => {
    event.preventDefault();
    void this.refresh();
  };
}
