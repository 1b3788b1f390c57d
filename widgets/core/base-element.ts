import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from './context.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { Api, Locale } from './api.js';
import { HttpApi } from './api-http.js';
import { apiContext, ensureContextRoot, localeContext } from './contexts.js';
import { applyLocale, documentLocale, normalizeLocale, watchDocumentLang } from './localization.js';
import { elementBrand, version } from './version.js';

/**
 * The base of every helpdesk-portal element (STYLE.md "Element anatomy"):
 * - `emit()` dispatches events that bubble and cross shadow roots;
 * - custom states through ElementInternals (`:state(loading)`), with fallbacks for browsers
 *   without CustomStateSet (`:--loading` in Chromium before 125, else `[data-state-loading]`);
 * - locale: from `<portal-session>`'s context, else the element's own `lang`, else `<html lang>`;
 *   it re-renders whenever the page's locale changes;
 * - API: from `<portal-session>`'s context, else one built from the element's `api-base`.
 */
export class PortalElement extends LitElement {
  /** Marks our element classes and their version (see define-once.ts). @internal */
  static readonly [elementBrand]: string = version;

  /** Base URL of the portal server, used only when the element is not inside `<portal-session>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /**
   * The `lang` attribute as Lit sees it (the native `lang` property stays untouched).
   * @internal
   */
  @property({ attribute: 'lang' }) protected langAttribute: string | null = null;

  /** @internal */
  @consume({ context: apiContext, subscribe: true })
  @state()
  protected contextApi?: Api;

  /** @internal */
  @consume({ context: localeContext, subscribe: true })
  @state()
  protected contextLocale?: Locale;

  /** @internal */
  protected readonly internals: ElementInternals | null;

  #ownApi: { base: string | null; api: Api } | null = null;
  #explicitApi: Api | null = null;
  #stopWatchingLang: (() => void) | null = null;
  /** an `api` a host set before the element was defined (see the constructor) */
  #earlyApi: { value: Api | null } | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : null;
    // A host (a framework, a script before the loader) may set `api` before the tag is defined;
    // that own property would hide the accessor for good. Take it over when connected.
    if (Object.prototype.hasOwnProperty.call(this, 'api')) {
      this.#earlyApi = { value: (this as { api?: Api | null }).api ?? null };
      delete (this as { api?: unknown }).api;
    }
  }

  override connectedCallback(): void {
    ensureContextRoot();
    if (this.#earlyApi) {
      const { value } = this.#earlyApi;
      this.#earlyApi = null;
      this.api = value;
    }
    super.connectedCallback();
    this.#stopWatchingLang = watchDocumentLang(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingLang?.();
    this.#stopWatchingLang = null;
  }

  /**
   * The API this element calls: its provider's, else one set here (tests, Storybook, custom
   * clients), else its own for `api-base`.
   */
  get api(): Api {
    if (this.contextApi) return this.contextApi;
    if (this.#explicitApi) return this.#explicitApi;
    if (!this.#ownApi || this.#ownApi.base !== this.apiBase) {
      this.#ownApi = { base: this.apiBase, api: new HttpApi({ base: this.apiBase ?? '' }) };
    }
    return this.#ownApi.api;
  }
  set api(value: Api | null) {
    this.#explicitApi = value;
    this.requestUpdate();
  }

  /** The locale this element renders in. */
  get locale(): Locale {
    return this.contextLocale ?? normalizeLocale(this.langAttribute) ?? documentLocale();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Alone on a page, the element itself sets the page's locale (one locale per page).
    if (!this.contextLocale && this.providesLocale()) void applyLocale(this.locale);
  }

  /** Whether this element decides the page's locale when no provider does. @internal */
  protected providesLocale(): boolean {
    return true;
  }

  /** Dispatches `event` (typed event classes bubble and are composed already) and returns it. */
  protected emit<E extends Event>(event: E): E;
  /** Dispatches a bubbling, composed CustomEvent and returns it. */
  protected emit<T>(name: string, detail?: T, init?: Omit<CustomEventInit<T>, 'detail'>): CustomEvent<T>;
  protected emit<T>(eventOrName: Event | string, detail?: T, init: Omit<CustomEventInit<T>, 'detail'> = {}): Event {
    const event =
      typeof eventOrName === 'string'
        ? new CustomEvent<T>(eventOrName, { bubbles: true, composed: true, ...init, ...(detail !== undefined ? { detail } : {}) })
        : eventOrName;
    this.dispatchEvent(event);
    return event;
  }

  /** Turns a custom state on or off (`:state(name)` from outside). */
  protected setCustomState(name: string, on: boolean): void {
    const states = this.internals?.states as (Set<string> & CustomStateSet) | undefined;
    if (states) {
      for (const key of [name, `--${name}`]) {
        try {
          if (on) states.add(key);
          else states.delete(key);
          return;
        } catch {
          // Chromium < 125 accepts only the dashed form: try that next
        }
      }
    }
    this.toggleAttribute(`data-state-${name}`, on);
  }

  /** Sets exactly one of `all` states on (for mutually exclusive states like loading/ready). */
  protected setExclusiveState(current: string, all: readonly string[]): void {
    for (const s of all) this.setCustomState(s, s === current);
  }

  /** True when the state is on (tests and subclasses). */
  hasCustomState(name: string): boolean {
    const states = this.internals?.states;
    if (states) {
      try {
        if (states.has(name) || states.has(`--${name}`)) return true;
      } catch {
        // ignore: fall through to the attribute fallback
      }
    }
    return this.hasAttribute(`data-state-${name}`);
  }
}
