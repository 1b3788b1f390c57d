import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  isAbort,
  isApiError,
  type Api,
  type KbArticle,
  type KbArticleListItem,
  type KbLanguageDto,
  type KbSectionDto,
  type Locale,
  type Segment,
} from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { sessionContext, type SessionState, sessionKey, waitingForSession } from '../core/contexts.js';
import { PortalErrorEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { currentLocale, formatDate, formatNumber } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import { KbArticleOpenEvent, KbBrowserBackEvent } from './kb-browser.events.js';
import { kbBrowserStyles } from './kb-browser.styles.js';
import type { SecondaryUi } from './kb-browser.secondary.js';

type ArticleModule = typeof import('./kb-browser.article.js');
type SecondaryModule = typeof import('./kb-browser.secondary.js');

/** The account preference that remembers the language choice ('de', 'en' or 'all'). */
export const languagePrefKey = 'kb.language';
type LanguageChoice = Locale | 'all';
const isChoice = (v: unknown): v is LanguageChoice => v === 'de' || v === 'en' || v === 'all';
/** The language to list is not known yet (the preference or the counts are loading). */
const undecided = '\u0000undecided';

/** How long typing rests before the lists are asked again (ms). */
const SEARCH_DEBOUNCE_MS = 250;

const viewStates = ['loading', 'empty', 'error', 'not-found', 'ready'] as const;
type ViewState = (typeof viewStates)[number];

/**
 * The knowledge base (R-KB-1..3, the manual's "Wissensdatenbank"): every article shared with the
 * user's business partners, organised in sections on the left; clicking a section shows only its
 * articles. A search box narrows sections and articles as one types, with the matches marked.
 * Clicking an article's name opens it (title, section, date, the text, the attribution) with a
 * way back that restores the list, the search and the focus, and a print view. Narrow, the
 * sections become a select above the list. Keyboard: arrows move within the sections and the
 * results, Enter opens, `/` jumps to the search, Escape leaves an article. When the articles come
 * in several languages, a language choice lists those in the UI language by default (when there
 * are any) or all of them; the choice is remembered per account (preference `kb.language`), and
 * an article opened by its id shows whatever its language.
 *
 * @summary The knowledge base: sections, search with highlighted matches, articles to read and print.
 *
 * @attr lang - UI language when used without `<portal-session>`.
 * @attr api-base - Base URL of the portal server when used without `<portal-session>`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart title - The heading "Knowledge base".
 * @csspart search - The search form.
 * @csspart language - The article-language choice (only when the articles come in several languages).
 * @csspart sections - The list of sections (wide layout).
 * @csspart section-select - The section select (narrow layout).
 * @csspart results - The area with the list of articles.
 * @csspart item - One article in the list.
 * @csspart item-title - The name of an article in the list (the button that opens it).
 * @csspart snippet - The text excerpt under an article's name.
 * @csspart match - A search match in a name or an excerpt.
 * @csspart article - The open article.
 * @csspart article-actions - The back and print buttons above an open article.
 * @csspart article-title - The open article's heading.
 * @csspart body - The open article's text.
 * @csspart attribution - The open article's attribution (small print).
 * @csspart badge - The language badge of an article in another language than the UI.
 * @csspart notice - The notice shown when nothing is shared with the user.
 *
 * @cssprop --kb-browser-sections-width - Width of the sections column (default 16rem).
 * @cssprop --kb-browser-article-width - Largest width of an open article's text (default 48rem).
 * @cssprop --kb-browser-match-background - Background of a search match.
 *
 * @cssstate loading - The knowledge base or an article is loading.
 * @cssstate empty - Nothing is shared with the user (no sections and no search term).
 * @cssstate error - Something could not be loaded (a retry button shows).
 * @cssstate not-found - The requested article does not exist or is not shared with the user.
 * @cssstate ready - The list or an article shows.
 * @cssstate article - An article is open (not the list).
 * @cssstate searching - A search term narrows the list.
 * @cssstate no-results - The search found nothing.
 * @cssstate busy - New results are on their way (the old ones still show).
 *
 * @event kb-article-open - The user opens an article (`detail: { id, title }`); cancelable: a host that routes itself prevents it.
 * @event kb-browser-back - The user went back from an article to the list (`detail: { id }`).
 * @event portal-error - Loading failed (`detail: { code, message, requestId }`).
 */
export class KbBrowser extends PortalElement {
  static override styles = [hostStyles, buttonStyles, fieldStyles, alertStyles, stateStyles, kbBrowserStyles];

  /** Id of the open article; set it to open one directly (deep link), remove it to show the list. */
  @property({ attribute: 'article-id', reflect: true }) articleId: string | null = null;

  /** Id of the section whose articles the list shows; empty: all sections. */
  @property({ attribute: 'section', reflect: true }) section: string | null = null;

  /** @internal */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionState;

  // The tasks' last argument is the locale the API client asks the server for (section names come
  // in it): the page's active locale, which can trail `this.locale` while a switch loads.

  /** What the search box holds. */
  @state() private searchText = '';
  /** The search term the lists were asked for (the box, after typing rests). */
  @state() private query = '';
  /** The live region's text. */
  @state() private announcement = '';
  /** The section and the article that take part in the arrow-key roving focus. */
  @state() private activeSection = '';
  @state() private activeItem: string | null = null;
  /** The language chosen in this session (null: the remembered one, else the default). */
  @state() private languageChoice: LanguageChoice | null = null;
  /** The languages with their article counts before any search (decides the default). */
  @state() private baseLanguages: KbLanguageDto[] | null = null;

  #debounce: ReturnType<typeof setTimeout> | undefined;
  /** Sections of the last successful load (kept while a new search is on its way or failed). */
  #lastSections: KbSectionDto[] | null = null;
  /** Section names seen so far (the empty states name a section that search narrowed away). */
  readonly #sectionNames = new Map<string, string>();
  /** What gets focus after the next render: the open article, or the list (an article's name). */
  #focusAfterRender: { to: 'article' } | { to: 'list'; itemId: string | null } | null = null;
  /** The article the list returns focus to when going back. */
  #openedFrom: string | null = null;
  #announceNext = false;

  /** The remembered language choice of this account (null: none, or it could not be read). */
  readonly #prefTask = new Task(this, {
    task: async ([api, who]: readonly [Api, string | null], { signal }) => {
      if (who === waitingForSession) return initialState;
      const value = await api.prefs.get<unknown>(languagePrefKey, { signal }).catch((e) => {
        if (isAbort(e)) throw e;
        return null;
      });
      return isChoice(value) ? value : null;
    },
    args: () => [this.api, sessionKey(this.session)] as const,
  });

  /** Articles per language (with the search): the choice's counts; without a search also the default. */
  readonly #languagesTask = new Task(this, {
    task: ([api, who, q, single]: readonly [Api, string | null, string, boolean], { signal }) =>
      // one language only: no choice to show, so a search needs no counts
      who === waitingForSession || (q !== '' && single) ? initialState : api.kb.languages(q ? { q } : {}, { signal }),
    args: () => [this.api, sessionKey(this.session), this.query, (this.baseLanguages?.length ?? 0) < 2] as const,
    onComplete: (languages) => {
      if (this.query === '') this.baseLanguages = languages;
    },
    onError: (e) => {
      // without the counts the list shows every language
      if (!isAbort(e) && this.baseLanguages === null) this.baseLanguages = [];
    },
  });

  readonly #sectionsTask = new Task(this, {
    task: ([api, who, q, language]: readonly [Api, string | null, string, string, Locale], { signal }) =>
      who === waitingForSession || language === undecided
        ? initialState
        : api.kb.sections({ ...(q ? { q } : {}), ...(language !== 'all' ? { language: language as Locale } : {}) }, { signal }),
    args: () => [this.api, sessionKey(this.session), this.query, this.#language(), currentLocale()] as const,
    onComplete: (sections) => {
      this.#lastSections = sections;
      for (const s of sections) this.#sectionNames.set(s.id, s.name);
    },
    onError: (e) => this.#reportError(e),
  });

  readonly #articlesTask = new Task(this, {
    task: ([api, who, section, q, language]: readonly [Api, string | null, string | null, string, string, Locale], { signal }) =>
      who === waitingForSession || language === undecided
        ? initialState
        : api.kb.articles(
            { ...(section ? { section } : {}), ...(q ? { q } : {}), ...(language !== 'all' ? { language: language as Locale } : {}) },
            { signal },
          ),
    args: () => [this.api, sessionKey(this.session), this.section, this.query, this.#language(), currentLocale()] as const,
    onComplete: (items) => this.#onArticles(items),
    onError: (e) => this.#reportError(e),
  });

  readonly #articleTask = new Task(this, {
    task: ([api, who, id]: readonly [Api, string | null, string | null, Locale], { signal }) =>
      id && who !== waitingForSession ? api.kb.article(id, { signal }) : initialState,
    args: () => [this.api, sessionKey(this.session), this.articleId, currentLocale()] as const,
    onError: (e) => {
      if (!(isApiError(e) && e.code === 'not_found')) this.#reportError(e);
    },
  });

  /**
   * The language the lists show: the choice (this session's, else the remembered one), else the UI
   * language when there are articles in it, else all; a language without articles shows all.
   */
  #language(): LanguageChoice | typeof undecided {
    if (this.#prefTask.status === TaskStatus.INITIAL || this.#prefTask.status === TaskStatus.PENDING) {
      if (this.languageChoice === null) return undecided;
    }
    const base = this.baseLanguages;
    if (base === null) return undecided;
    const has = (l: Locale) => base.some((x) => x.language === l && x.articleCount > 0);
    const choice = this.languageChoice ?? this.#prefTask.value ?? null;
    if (choice === 'all') return 'all';
    if (choice) return has(choice) ? choice : 'all';
    return has(this.locale) ? this.locale : 'all';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onDocumentKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onDocumentKeydown);
    clearTimeout(this.#debounce);
  }

  /** Moves the focus to the search box (what `/` does). */
  focusSearch(): void {
    const input = this.#searchInput();
    input?.focus();
    input?.select();
  }

  #baseFor: string | null | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const who = sessionKey(this.session);
    if (this.#baseFor !== undefined && this.#baseFor !== who) {
      // another account: its own counts and its own remembered choice
      this.baseLanguages = null;
      this.languageChoice = null;
    }
    this.#baseFor = who;
    if (changed.has('section') && this.section === '') this.section = null;
    if (changed.has('articleId') && this.articleId === '') this.articleId = null;
    // the host closed the article (e.g. the browser's Back): the focus it held goes back to the list
    if (changed.get('articleId') && this.articleId === null && this.#focusAfterRender?.to !== 'list' && this.shadowRoot?.activeElement) {
      this.#focusAfterRender = { to: 'list', itemId: this.#openedFrom };
      this.#openedFrom = null;
    }
    if (this.articleId !== null) this.#loadArticleView();
    if (!this.#secondaryError && this.#needsSecondary()) this.#loadSecondary();
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // the article view is one click away: have it ready before that click
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => {
      this.#loadArticleView();
      this.#loadSecondary();
    });
  }

  protected override render(): TemplateResult {
    const open = this.articleId !== null;
    return html`<div part="base" class="base" lang=${this.locale} @keydown=${this.#onKeydown}>
      <div class="list-view" ?hidden=${open}>${this.#renderListView()}</div>
      ${open ? this.#renderArticleView() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#syncStates();
    const focus = this.#focusAfterRender;
    if (!focus) return;
    if (focus.to === 'article') {
      // while it loads the article itself holds the focus; then its heading (unless the user moved on)
      const container = this.renderRoot.querySelector<HTMLElement>('.article');
      const settled =
        (!!this.#articleModule && (this.#articleTask.status === TaskStatus.COMPLETE || this.#articleTask.status === TaskStatus.ERROR)) ||
        !!this.#articleLoadError;
      if (!settled) {
        container?.focus();
        return;
      }
      this.#focusAfterRender = null;
      const active = this.shadowRoot?.activeElement;
      if (active && active !== container) return;
      const heading = this.renderRoot.querySelector<HTMLElement>('#article-title, .not-found h1');
      (heading ?? container)?.focus();
    } else {
      this.#focusAfterRender = null;
      const item = focus.itemId ? this.#itemButtons().find((b) => b.dataset.id === focus.itemId) : undefined;
      if (item) {
        this.activeItem = focus.itemId;
        item.focus();
      } else {
        this.focusSearch();
      }
    }
  }

  // --- list ---------------------------------------------------------------------------------

  #sections(): KbSectionDto[] | null {
    return this.#sectionsTask.value ?? this.#lastSections;
  }

  #renderListView(): TemplateResult {
    const sections = this.#sections();
    const heading = html`<h1 part="title" class="title">${msg('Knowledge base')}</h1>`;
    if (!sections) {
      if (this.#sectionsTask.status === TaskStatus.ERROR) {
        return html`${heading}${this.#renderError(this.#sectionsTask.error, () => this.#retryLists())}`;
      }
      return html`${heading}
        <div class="state" role="status">
          <span class="spinner" aria-hidden="true"></span><span>${msg('Loading the knowledge base…')}</span>
        </div>`;
    }
    if (this.#nothingShared()) return html`${heading}${this.#renderSecondary((m) => m.renderNothingShared())}`;
    // a failed sections list shows above both columns; a failed article list in its own column
    const listError = this.#sectionsTask.status === TaskStatus.ERROR ? this.#sectionsTask.error : null;
    return html`
      <div class="head">
        ${heading}
        <form role="search" class="search" part="search" @submit=${this.#onSearchSubmit}>
          <label for="search" class="visually-hidden">${msg('Search the knowledge base')}</label>
          <span class="search-icon" aria-hidden="true">${searchIcon}</span>
          <input
            id="search"
            class="input"
            type="search"
            autocomplete="off"
            spellcheck="false"
            enterkeyhint="search"
            aria-keyshortcuts="/"
            aria-describedby="search-hint"
            placeholder=${msg('Search articles')}
            .value=${this.searchText}
            @input=${this.#onSearchInput}
            @keydown=${this.#onSearchKeydown}
          />
          <span id="search-hint" class="visually-hidden">${msg('Results update as you type.')}</span>
        </form>
        ${this.#choosesLanguage() && this.#secondary ? this.#secondary.renderLanguageChoice(this.#secondaryUi()) : nothing}
      </div>
      ${listError !== null ? this.#renderError(listError, () => this.#retryLists()) : nothing}
      ${this.#renderSectionSelect(sections)}
      <div class="layout">
        ${this.#renderSections(sections)}
        ${this.#renderResults()}
      </div>
    `;
  }

  #chooseLanguage(value: LanguageChoice) {
    this.languageChoice = value;
    this.#announceNext = true;
    this.activeItem = null;
    this.api.prefs.set(languagePrefKey, value).catch(() => {
      // not remembered; the choice still holds for this visit
    });
  }

  #nothingShared(): boolean {
    const sections = this.#sections();
    return (
      !!sections &&
      sections.length === 0 &&
      this.query === '' &&
      this.searchText.trim() === '' &&
      this.#sectionsTask.status === TaskStatus.COMPLETE
    );
  }

  #total(sections: KbSectionDto[]): number {
    return sections.reduce((n, s) => n + s.articleCount, 0);
  }

  #renderSections(sections: KbSectionDto[]): TemplateResult {
    const options = [{ id: '', name: msg('All sections'), articleCount: this.#total(sections) }, ...sections];
    const selected = this.section ?? '';
    const active = options.some((o) => o.id === this.activeSection) ? this.activeSection : selected;
    const focusable = options.some((o) => o.id === active) ? active : '';
    return html`<div class="sections" part="sections">
      <h2 class="sections-title" id="sections-label">${msg('Sections')}</h2>
      <div
        role="listbox"
        class="section-list"
        aria-labelledby="sections-label"
        aria-orientation="vertical"
        @keydown=${this.#onSectionsKeydown}
      >
        ${options.map(
          (o) => html`<div
            role="option"
            class="section-option"
            data-section=${o.id}
            aria-selected=${o.id === selected ? 'true' : 'false'}
            tabindex=${o.id === focusable ? '0' : '-1'}
            @click=${() => this.#selectSection(o.id)}
            @focus=${() => (this.activeSection = o.id)}
          >
            <span class="section-name">${o.name}</span>
            <span class="count" aria-hidden="true">${formatNumber(o.articleCount, {}, this.locale)}</span>
            <span class="visually-hidden">${articleCount(o.articleCount, this.locale)}</span>
          </div>`,
        )}
      </div>
    </div>`;
  }

  #renderSectionSelect(sections: KbSectionDto[]): TemplateResult {
    const selected = this.section ?? '';
    const known = selected === '' || sections.some((s) => s.id === selected);
    return html`<div class="section-select field" part="section-select">
      <label for="section-select">${msg('Section')}</label>
      <select id="section-select" class="input" @change=${this.#onSectionSelect}>
        <option value="" .selected=${selected === ''}>
          ${msg('All sections')} (${formatNumber(this.#total(sections), {}, this.locale)})
        </option>
        ${sections.map(
          (s) => html`<option value=${s.id} .selected=${s.id === selected}>
            ${s.name} (${formatNumber(s.articleCount, {}, this.locale)})
          </option>`,
        )}
        ${known
          ? nothing
          : html`<option value=${selected} .selected=${true}>${this.#sectionNames.get(selected) ?? msg('Selected section')} (0)</option>`}
      </select>
    </div>`;
  }

  #resultsTitle(): string {
    const name = this.section ? this.#sectionNames.get(this.section) : undefined;
    const q = this.query;
    if (q && name) return msg(str`Results for “${q}” in ${name}`);
    if (q) return msg(str`Results for “${q}”`);
    if (this.section) return name ?? msg('Selected section');
    return msg('All articles');
  }

  #renderResults(): TemplateResult {
    const task = this.#articlesTask;
    const items = task.value;
    const busy = task.status === TaskStatus.PENDING || this.#sectionsTask.status === TaskStatus.PENDING || this.#typing();
    let body: TemplateResult;
    if (task.status === TaskStatus.ERROR) {
      body = this.#renderError(task.error, () => this.#retryLists());
    } else if (!items) {
      body = html`<div class="state"><span class="spinner" aria-hidden="true"></span><span>${msg('Loading articles…')}</span></div>`;
    } else if (items.length === 0) {
      body = this.#renderSecondary((m) => m.renderNoArticles(this.#secondaryUi()));
    } else {
      const active = items.some((a) => a.id === this.activeItem) ? this.activeItem : items[0]!.id;
      body = html`<ul class="items" role="list" @keydown=${this.#onItemsKeydown}>
        ${items.map((a, i) => this.#renderItem(a, i, a.id === active))}
      </ul>`;
    }
    return html`<section class="results" part="results" aria-labelledby="results-title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="results-head">
        <h2 id="results-title">${this.#resultsTitle()}</h2>
        ${items && items.length > 0
          ? html`<span class="results-count">${articleCount(items.length, this.locale)}</span>`
          : nothing}
      </div>
      ${body}
    </section>`;
  }

  #renderItem(a: KbArticleListItem, index: number, active: boolean): TemplateResult {
    const other = a.language !== this.locale;
    const sectionName = this.section ? null : this.#sectionNames.get(a.sectionId);
    const snippet = a.snippet.some((s) => s.text.trim() !== '');
    return html`<li class="item" part="item">
      <button
        type="button"
        class="item-title"
        part="item-title"
        data-id=${a.id}
        tabindex=${active ? '0' : '-1'}
        lang=${other ? a.language : nothing}
        aria-describedby=${snippet ? `snippet-${index} meta-${index}` : `meta-${index}`}
        @click=${() => this.#open(a)}
        @focus=${() => (this.activeItem = a.id)}
      >
        ${segments(a.titleSegments)}
      </button>
      ${snippet
        ? html`<p class="snippet" part="snippet" id="snippet-${index}" lang=${other ? a.language : nothing}>${segments(a.snippet)}</p>`
        : nothing}
      <p class="meta" id="meta-${index}">
        ${sectionName ? html`<span>${sectionName}</span>` : nothing}
        <span>${msg(str`Updated ${formatDate(a.updatedAt, { dateStyle: 'medium' }, this.locale)}`)}</span>
        ${other ? this.#renderBadge(a.language) : nothing}
      </p>
    </li>`;
  }

  #renderBadge(language: string): TemplateResult {
    return html`<span class="badge" part="badge"
      ><span class="visually-hidden">${msg('Language:')} </span>${languageName(language, this.locale)}</span
    >`;
  }

  #renderError(error: unknown, retry: () => void): TemplateResult {
    const ref = errorReference(error);
    return html`<div class="alert danger" role="alert">
      ${icons.alert()}
      <div class="alert-body">
        <p>${errorMessage(error)}</p>
        ${ref ? html`<p class="reference">${msg(str`Reference: ${ref}`)}</p>` : nothing}
        <button type="button" class="button small retry" @click=${retry}>${msg('Try again')}</button>
      </div>
    </div>`;
  }

  // --- behaviour ----------------------------------------------------------------------------

  #open(a: KbArticleListItem) {
    const title = a.titleSegments.map((s) => s.text).join('') || a.title;
    const event = this.emit(new KbArticleOpenEvent({ id: a.id, title }));
    if (event.defaultPrevented) return;
    this.#openedFrom = a.id;
    this.activeItem = a.id;
    this.#focusAfterRender = { to: 'article' };
    this.articleId = a.id;
  }

  /** Back to the list: the search, the section and the focus are where they were. */
  #back() {
    const id = this.articleId;
    if (id === null) return;
    this.#focusAfterRender = { to: 'list', itemId: this.#openedFrom };
    this.#openedFrom = null;
    this.articleId = null;
    this.emit(new KbBrowserBackEvent({ id }));
  }

  /** The article view's module (null until loaded: it loads when an article opens, or when idle). */
  #articleModule: ArticleModule | null = null;
  #articleLoading: Promise<void> | null = null;

  #loadArticleView() {
    this.#articleLoading ??= import('./kb-browser.article.js').then(
      (m) => {
        this.#articleModule = m;
        this.#adopt();
      },
      (e: unknown) => {
        // e.g. offline after a deploy: the article shows the error with a retry that loads again
        this.#articleLoading = null;
        this.#articleLoadError = e;
        this.requestUpdate();
      },
    );
  }

  #articleLoadError: unknown = null;

  /** The language choice and the empty states (null until loaded: when one is needed, or when idle). */
  #secondary: SecondaryModule | null = null;
  #secondaryLoading: Promise<void> | null = null;
  #secondaryError: unknown = null;

  #loadSecondary() {
    this.#secondaryLoading ??= import('./kb-browser.secondary.js').then(
      (m) => {
        this.#secondary = m;
        this.#adopt();
      },
      (e: unknown) => {
        this.#secondaryLoading = null;
        this.#secondaryError = e;
        this.requestUpdate();
      },
    );
  }

  /** The element's styles and those of the modules that have arrived. */
  #adopt() {
    const extra = [this.#articleModule?.articleStyles, this.#secondary?.secondaryStyles].filter((x) => !!x);
    if (this.shadowRoot) adoptStyles(this.shadowRoot, [...(this.constructor as typeof KbBrowser).elementStyles, ...extra]);
    this.requestUpdate();
  }

  /** A part from the secondary module: a spinner while it loads, an error with retry when it cannot. */
  #renderSecondary(part: (m: SecondaryModule) => TemplateResult): TemplateResult {
    if (this.#secondary) return part(this.#secondary);
    if (this.#secondaryError) {
      return this.#renderError(this.#secondaryError, () => {
        this.#secondaryError = null;
        this.#loadSecondary();
      });
    }
    return html`<div class="state"><span class="spinner" aria-hidden="true"></span><span>${msg('Loading articles…')}</span></div>`;
  }

  /** Whether the list offers the language choice (the articles come in several languages). */
  #choosesLanguage(): boolean {
    return (this.baseLanguages?.length ?? 0) > 1 && this.#language() !== undecided;
  }

  /** Whether the list shows a part of the secondary module now. */
  #needsSecondary(): boolean {
    return this.#choosesLanguage() || this.#nothingShared() || (this.articleId === null && this.#articlesTask.value?.length === 0);
  }

  #secondaryUi(): SecondaryUi {
    const base = this.baseLanguages ?? [];
    const language = this.#language();
    return {
      locale: this.locale,
      query: this.query,
      section: this.section,
      language: language === undecided ? null : language,
      languages: base,
      counts: (this.query === '' ? base : this.#languagesTask.value) ?? base,
      languageName: (l) => languageName(l, this.locale),
      choose: (value) => {
        if (isChoice(value)) this.#chooseLanguage(value);
      },
      clearSearch: this.#clearSearch,
      allSections: () => this.#selectSection('', true),
    };
  }

  #renderArticleView(): TemplateResult {
    const m = this.#articleModule;
    if (m) {
      return m.renderArticleView({
        locale: this.locale,
        task: this.#articleTask,
        back: () => this.#back(),
        print: () => window.print(),
        retry: () => void this.#articleTask.run(),
        renderError: (e, retry) => this.#renderError(e, retry),
        renderBadge: (l) => this.#renderBadge(l),
      });
    }
    const failed = this.#articleLoadError;
    return html`<article class="article" part="article" tabindex="-1" aria-labelledby="article-state">
      ${failed
        ? html`<div id="article-state">
            ${this.#renderError(failed, () => {
              this.#articleLoadError = null;
              this.#loadArticleView();
              this.requestUpdate();
            })}
          </div>`
        : html`<div class="state" role="status" id="article-state">
            <span class="spinner" aria-hidden="true"></span><span>${msg('Loading the article…')}</span>
          </div>`}
    </article>`;
  }

  #selectSection(id: string, focusList = false) {
    const next = id || null;
    this.activeSection = id;
    this.activeItem = null;
    if (next !== this.section) {
      this.#announceNext = true;
      this.section = next;
    }
    if (focusList) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`.section-option[data-section="${CSS.escape(id)}"]`)?.focus(),
      );
    }
  }

  readonly #onSectionSelect = (e: Event) => {
    this.#selectSection((e.target as HTMLSelectElement).value);
  };

  readonly #onSearchInput = (e: Event) => {
    this.searchText = (e.target as HTMLInputElement).value;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
  };

  readonly #onSearchSubmit = (e: Event) => {
    e.preventDefault();
    clearTimeout(this.#debounce);
    this.#applySearch();
  };

  #applySearch() {
    const q = this.searchText.trim();
    if (q === this.query) return;
    this.#announceNext = true;
    this.activeItem = null;
    this.query = q;
  }

  /** Whether typing has not yet reached the lists. */
  #typing(): boolean {
    return this.searchText.trim() !== this.query;
  }

  readonly #clearSearch = () => {
    clearTimeout(this.#debounce);
    this.searchText = '';
    this.#applySearch();
    void this.updateComplete.then(() => this.#searchInput()?.focus());
  };

  #retryLists() {
    if (this.#sectionsTask.status === TaskStatus.ERROR || !this.#sections()) void this.#sectionsTask.run();
    if (this.#articlesTask.status !== TaskStatus.COMPLETE) void this.#articlesTask.run();
  }

  #onArticles(items: KbArticleListItem[]) {
    if (!this.#announceNext) return;
    this.#announceNext = false;
    const n = formatNumber(items.length, {}, this.locale);
    let text: string;
    if (this.query) {
      text =
        items.length === 0
          ? msg(str`No articles match “${this.query}”.`)
          : items.length === 1
            ? msg('1 article found.')
            : msg(str`${n} articles found.`);
    } else {
      text = items.length === 0 ? msg('No articles.') : articleCount(items.length, this.locale);
    }
    // the same sentence twice must still be announced: vary it invisibly
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
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

  #searchInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#search');
  }

  #itemButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.item-title')];
  }

  readonly #onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.articleId !== null && !e.defaultPrevented) {
      e.preventDefault();
      this.#back();
    }
  };

  /**
   * `/` anywhere on the page (outside text fields) jumps to the search, like on most sites; Escape
   * with the focus nowhere (e.g. after the print preview hid the focused button) leaves an article.
   */
  readonly #onDocumentKeydown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0];
    if (e.key === 'Escape') {
      const nowhere = target === document.body || target === document.documentElement || target === document;
      if (nowhere && this.articleId !== null && this.#shown()) {
        e.preventDefault();
        this.#back();
      }
      return;
    }
    if (e.key !== '/' || this.articleId !== null) return;
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (!this.#searchInput() || !this.#shown()) return;
    e.preventDefault();
    this.focusSearch();
  };

  /** Whether the element is rendered (not in a hidden view of its host). */
  #shown(): boolean {
    return typeof this.checkVisibility === 'function' ? this.checkVisibility() : this.isConnected;
  }

  readonly #onSearchKeydown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      const first = this.#itemButtons()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  readonly #onSectionsKeydown = (e: KeyboardEvent) => {
    const options = [...this.renderRoot.querySelectorAll<HTMLElement>('.section-option')];
    const current = options.indexOf(e.target as HTMLElement);
    if (current < 0) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#selectSection(options[current]!.dataset.section ?? '');
      return;
    }
    rove(e, options, current); // the option's focus handler makes it the active one
  };

  readonly #onItemsKeydown = (e: KeyboardEvent) => {
    const buttons = this.#itemButtons();
    const current = buttons.indexOf(e.target as HTMLButtonElement);
    if (current < 0) return;
    if (e.key === 'ArrowUp' && current === 0) {
      // from the first result up into the search box
      e.preventDefault();
      this.focusSearch();
      return;
    }
    rove(e, buttons, current); // the button's focus handler makes it the active one
  };

  #syncStates() {
    let view: ViewState;
    const open = this.articleId !== null;
    if (open) {
      const t = this.#articleTask;
      if (this.#articleLoadError) view = 'error';
      else if (!this.#articleModule) view = 'loading';
      else if (t.status === TaskStatus.COMPLETE) view = 'ready';
      else if (t.status === TaskStatus.ERROR) view = isApiError(t.error) && t.error.code === 'not_found' ? 'not-found' : 'error';
      else view = 'loading';
    } else {
      const sections = this.#sections();
      const failed = this.#sectionsTask.status === TaskStatus.ERROR || this.#articlesTask.status === TaskStatus.ERROR;
      if (failed) view = 'error';
      else if (!sections) view = 'loading';
      else if (this.#needsSecondary() && !this.#secondary) view = this.#secondaryError ? 'error' : 'loading';
      else if (this.#nothingShared()) view = 'empty';
      else view = 'ready';
    }
    this.setExclusiveState(view, viewStates);
    const items = this.#articlesTask.value;
    this.setCustomState('article', open);
    this.setCustomState('searching', this.query !== '');
    this.setCustomState('no-results', !open && this.query !== '' && this.#articlesTask.status === TaskStatus.COMPLETE && items?.length === 0);
    this.setCustomState(
      'busy',
      !open && view === 'ready' && (this.#articlesTask.status === TaskStatus.PENDING || this.#sectionsTask.status === TaskStatus.PENDING),
    );
  }
}

/** Arrow keys, Home and End within a list (no wrapping): focuses the next element. */
function rove(e: KeyboardEvent, list: HTMLElement[], current: number): void {
  const last = list.length - 1;
  const k = e.key;
  const next = k === 'ArrowDown' ? Math.min(last, current + 1) : k === 'ArrowUp' ? Math.max(0, current - 1) : k === 'Home' ? 0 : k === 'End' ? last : -1;
  if (next < 0) return;
  e.preventDefault();
  list[next]!.focus();
}

/** Text with the search matches in <mark>, as text nodes only: nothing in it can become markup. */
function segments(list: readonly Segment[]): (TemplateResult | string)[] {
  return list.map((s) => (s.match ? html`<mark part="match">${s.text}</mark>` : s.text));
}

function articleCount(n: number, locale: Locale): string {
  const count = formatNumber(n, {}, locale);
  return n === 1 ? msg('1 article') : msg(str`${count} articles`);
}

const languageNames = new Map<string, Intl.DisplayNames>();
/** "English" / "Englisch": an article language named in the UI language. */
function languageName(language: string, locale: Locale): string {
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
  return names.of(language) ?? language;
}

const searchIcon = html`<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor"
  stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <circle cx="11" cy="11" r="7"></circle><path d="m20 20-3.5-3.5"></path></svg>`;
