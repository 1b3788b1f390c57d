/**
 * The open article of `<kb-browser>` (R-KB-1): its heading, section, date, the sanitised text, the
 * attribution, Back and Print, and its own styles (print included). Loaded on its own (`import()`)
 * when an article opens, and warmed while the browser is idle after the list first shows, so the
 * list loads less. The element keeps the state and the logic; this only renders it.
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isApiError, type KbArticle, type Locale } from '../core/api.js';
import { TaskStatus, type Task } from '@lit/task';
import { formatDate } from '../core/localization.js';
import { richText } from '../core/sanitize.js';

/** What the article view reads from the element and calls back into it. */
export interface ArticleUi {
  locale: Locale;
  task: Task<readonly unknown[], KbArticle>;
  back(): void;
  print(): void;
  retry(): void;
  renderError(error: unknown, retry: () => void): TemplateResult;
  renderBadge(language: string): TemplateResult;
}

const icon = (body: ReturnType<typeof svg>) => html`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor"
  stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export function renderArticleView(ui: ArticleUi): TemplateResult {
  const task = ui.task;
  const article = task.status === TaskStatus.COMPLETE ? task.value : undefined;
  return html`<article class="article" part="article" tabindex="-1" aria-labelledby=${article ? 'article-title' : 'article-state'}>
    <div class="article-actions" part="article-actions">
      <button type="button" class="button quiet back" aria-keyshortcuts="Escape" @click=${ui.back}>
        ${icon(svg`<path d="M19 12H5M12 19l-7-7 7-7"></path>`)}<span>${msg('Back to the list')}</span>
      </button>
      ${article
        ? html`<button type="button" class="button quiet print" @click=${ui.print}>
            ${icon(svg`<path d="M6 9V2h12v7M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2"></path>
              <rect x="6" y="14" width="12" height="8"></rect>`)}<span>${msg('Print')}</span>
          </button>`
        : nothing}
    </div>
    ${article ? renderArticle(ui, article) : renderArticleState(ui)}
  </article>`;
}

function renderArticleState(ui: ArticleUi): TemplateResult {
  const task = ui.task;
  if (task.status === TaskStatus.ERROR) {
    if (isApiError(task.error) && task.error.code === 'not_found') {
      return html`<div class="not-found" id="article-state">
        <h1 class="article-title" tabindex="-1">${msg('Article not available')}</h1>
        <p>${msg('This article does not exist or is not shared with you.')}</p>
        <button type="button" class="button" @click=${ui.back}>${msg('Show all articles')}</button>
      </div>`;
    }
    return html`<div id="article-state">
      <h1 class="visually-hidden">${msg('Article')}</h1>
      ${ui.renderError(task.error, ui.retry)}
    </div>`;
  }
  return html`<div class="state" role="status" id="article-state">
    <span class="spinner" aria-hidden="true"></span><span>${msg('Loading the article…')}</span>
  </div>`;
}

function renderArticle(ui: ArticleUi, a: KbArticle): TemplateResult {
  return html`<header class="article-head">
      <h1 id="article-title" class="article-title" part="article-title" tabindex="-1" lang=${a.language}>${a.title}</h1>
      <p class="meta">
        <span><span class="visually-hidden">${msg('Section:')} </span>${a.section.name}</span>
        <span><time datetime=${a.updatedAt}>${msg(str`Updated ${formatDate(a.updatedAt, { dateStyle: 'long' }, ui.locale)}`)}</time></span>
        ${a.language !== ui.locale ? ui.renderBadge(a.language) : nothing}
      </p>
    </header>
    <div class="body" part="body" lang=${a.language}>${richText(a.bodyHtml)}</div>
    ${a.attributionHtml ? html`<footer class="attribution" part="attribution" lang=${a.language}>${richText(a.attributionHtml)}</footer>` : nothing}`;
}

export const articleStyles = css`
  /* --- article view --------------------------------------------------------------------- */
  .article {
    display: block;
    max-width: calc(var(--kb-browser-article-width, 48rem) + 2 * var(--_space-5) + 2px);
    padding: var(--_space-4) var(--_space-5) var(--_space-5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
    outline: none;
  }
  .article:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .article-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-2);
    margin: 0 calc(-1 * var(--_space-2)) var(--_space-3);
  }
  .article-actions .icon {
    width: 1.125rem;
    height: 1.125rem;
  }
  .article-head,
  .body,
  .attribution,
  .not-found {
    max-width: var(--kb-browser-article-width, 48rem);
  }
  .article-head {
    padding-bottom: var(--_space-3);
    margin-bottom: var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }
  .article-title {
    margin: 0;
    font-size: 1.625rem;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .article-title:focus {
    outline: none;
  }
  .article-title:focus-visible {
    outline: 2px solid var(--_color-focus);
  }
  .article-head .meta {
    margin-top: var(--_space-2);
  }
  .not-found p {
    color: var(--_color-text-muted);
  }
  .not-found .article-title {
    margin-bottom: var(--_space-2);
    font-size: var(--_font-size-large);
  }

  /* the article's own text (sanitised rich text) */
  .body {
    overflow-wrap: break-word;
    line-height: 1.6;
  }
  .body > :first-child {
    margin-top: 0;
  }
  .body h1,
  .body h2,
  .body h3,
  .body h4,
  .body h5,
  .body h6 {
    margin: 1.5em 0 0.5em;
    line-height: 1.3;
  }
  .body h1 {
    font-size: 1.375rem;
  }
  .body h2 {
    font-size: 1.25rem;
  }
  .body h3 {
    font-size: 1.0625rem;
  }
  .body h4,
  .body h5,
  .body h6 {
    font-size: 1rem;
  }
  .body p,
  .body ul,
  .body ol,
  .body pre,
  .body blockquote,
  .body table {
    margin: 0 0 1em;
  }
  .body ul,
  .body ol {
    padding-left: 1.5rem;
  }
  .body li + li {
    margin-top: 0.25em;
  }
  .body li > ul,
  .body li > ol {
    margin: 0.25em 0 0;
  }
  /* the editor writes <li><p>…</p></li>: no paragraph gap inside an item */
  .body li > p {
    margin: 0;
  }
  .body a[target='_blank']::after,
  .attribution a[target='_blank']::after {
    content: ' ↗' / '';
    font-size: 0.85em;
  }
  .body code {
    padding: 0.1em 0.35em;
    border-radius: 4px;
    background: var(--_color-surface-sunken);
    font-family: var(--_font-mono);
    font-size: 0.9em;
  }
  .body pre {
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-sunken);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .body pre code {
    padding: 0;
    background: none;
    font-size: 0.875em;
  }
  .body blockquote {
    padding: var(--_space-1) var(--_space-4);
    border-left: 4px solid var(--_color-border-strong);
    color: var(--_color-text-muted);
  }
  .body hr {
    margin: 1.5em 0;
    border: none;
    border-top: 1px solid var(--_color-border);
  }
  .body img {
    display: block;
    max-width: 100%;
    height: auto;
    margin: var(--_space-2) 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .body table {
    border-collapse: collapse;
    max-width: 100%;
    font-size: 0.95em;
  }
  .body caption {
    padding-bottom: var(--_space-1);
    color: var(--_color-text-muted);
    text-align: start;
  }
  .body th,
  .body td {
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .body th {
    background: var(--_color-surface-raised);
    font-weight: 600;
  }
  .body tbody tr:nth-child(even) td {
    background: color-mix(in srgb, var(--_color-surface-raised) 50%, transparent);
  }
  .attribution {
    margin-top: var(--_space-5);
    padding-top: var(--_space-3);
    border-top: 1px solid var(--_color-border);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .attribution p {
    margin: 0 0 var(--_space-1);
  }

  @container kb-browser (max-width: 42rem) {
    .article {
      padding: var(--_space-3) var(--_space-4) var(--_space-4);
    }
    .article-title {
      font-size: 1.375rem;
    }
  }

  /* --- print: the open article only --------------------------------------------------- */
  @media print {
    .list-view,
    .article-actions,
    [role='status'] {
      display: none !important;
    }
    .article {
      padding: 0;
      border: none;
      background: none;
      color: #000;
    }
    .article-head .meta,
    .attribution {
      color: #333;
    }
    .body a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .body pre,
    .body img,
    .body tr {
      break-inside: avoid;
    }
    .body h1,
    .body h2,
    .body h3 {
      break-after: avoid;
    }
  }
`;
