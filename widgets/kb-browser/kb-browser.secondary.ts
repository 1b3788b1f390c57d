/**
 * The parts of `<kb-browser>`'s list that show only sometimes: the article-language choice (when
 * the articles come in several languages, R-KB-2) and the empty states (nothing shared, nothing in
 * a section, a search that finds nothing), with their styles. Loaded on their own (`import()`) as
 * soon as one is needed, and warmed while the browser is idle after the list first shows. The
 * element keeps the state and the logic; this only renders it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { KbLanguageDto, Locale } from '../core/api.js';
import { icons } from '../core/icons.js';
import { formatNumber } from '../core/localization.js';

/** What these parts read from the element and call back into it. */
export interface SecondaryUi {
  locale: Locale;
  query: string;
  section: string | null;
  /** the language the lists show: one, 'all', or null while that is not decided yet */
  language: string | null;
  /** the languages with their counts before any search */
  languages: KbLanguageDto[];
  /** the counts to show (with the search, when there is one) */
  counts: KbLanguageDto[];
  languageName(language: string): string;
  choose(value: string): void;
  clearSearch(): void;
  allSections(): void;
}

/** The article-language choice, next to the search. */
export function renderLanguageChoice(ui: SecondaryUi): TemplateResult {
  const { counts, language, locale } = ui;
  const count = (l: string) => counts.find((x) => x.language === l)?.articleCount ?? 0;
  const total = counts.reduce((n, x) => n + x.articleCount, 0);
  return html`<div class="language field" part="language">
    <label for="article-language">${msg('Article language')}</label>
    <select id="article-language" class="input" @change=${(e: Event) => ui.choose((e.target as HTMLSelectElement).value)}>
      ${ui.languages.map(
        (x) => html`<option value=${x.language} lang=${x.language} .selected=${language === x.language}>
          ${ui.languageName(x.language)} (${formatNumber(count(x.language), {}, locale)})
        </option>`,
      )}
      <option value="all" .selected=${language === 'all'}>${msg('All languages')} (${formatNumber(total, {}, locale)})</option>
    </select>
  </div>`;
}

/** Nothing is shared with the user (no sections, no search). */
export function renderNothingShared(): TemplateResult {
  return html`<div class="notice" part="notice">
    ${icons.info()}
    <p>${msg('No knowledge-base articles have been shared with you yet. Your service desk decides which articles your company sees.')}</p>
  </div>`;
}

/** The list is empty: for the search, for the section, or at all. */
export function renderNoArticles(ui: SecondaryUi): TemplateResult {
  const q = ui.query;
  if (q) {
    return html`<div class="empty">
      <p class="empty-title">${msg(str`No articles match “${q}”.`)}</p>
      <p>${msg('Check the spelling, try fewer or other words, or clear the search.')}</p>
      <div class="empty-actions">
        <button type="button" class="button" @click=${ui.clearSearch}>${msg('Clear search')}</button>
        ${ui.section
          ? html`<button type="button" class="button quiet" @click=${ui.allSections}>${msg('Search all sections')}</button>`
          : nothing}
        ${ui.language && ui.language !== 'all'
          ? html`<button type="button" class="button quiet all-languages" @click=${() => ui.choose('all')}>
              ${msg('Search all languages')}
            </button>`
          : nothing}
      </div>
    </div>`;
  }
  if (ui.section) {
    return html`<div class="empty">
      <p class="empty-title">${msg('This section has no articles for you.')}</p>
      <p>${msg('Choose another section or show the articles of all sections.')}</p>
      <div class="empty-actions">
        <button type="button" class="button" @click=${ui.allSections}>${msg('Show all sections')}</button>
      </div>
    </div>`;
  }
  return html`<div class="empty"><p class="empty-title">${msg('There are no articles to show.')}</p></div>`;
}

export const secondaryStyles = css`
  /* the article-language choice: label and select on one line, next to the search */
  .language {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
    flex: 0 0 auto;
    max-width: 100%;
  }
  .language label {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }
  .language select.input {
    width: auto;
    max-width: 100%;
  }
  .empty {
    padding: var(--_space-5) 0 var(--_space-2);
  }
  .empty p {
    color: var(--_color-text-muted);
  }
  .empty .empty-title {
    margin-bottom: var(--_space-1);
    color: var(--_color-text);
    font-weight: 600;
  }
  .empty-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .notice {
    display: flex;
    gap: var(--_space-2);
    align-items: flex-start;
    max-width: 40rem;
    margin-top: var(--_space-4);
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
    color: var(--_color-text-muted);
  }
  .notice p {
    margin: 0;
  }
  .notice .icon {
    flex: none;
    color: var(--_color-primary);
  }
`;
