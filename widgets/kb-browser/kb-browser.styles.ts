import { css } from 'lit';

export const kbBrowserStyles = css`
  .base {
    /* narrow layout by the element's own width (a column of a host page, a phone) */
    container: kb-browser / inline-size;
  }
  .title {
    margin: 0;
    font-size: var(--_font-size-large);
  }

  /* --- list view ------------------------------------------------------------------------ */
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3) var(--_space-4);
    margin-bottom: var(--_space-4);
  }
  .search {
    position: relative;
    flex: 0 1 24rem;
    min-width: min(100%, 16rem);
  }
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
  .title {
    margin-right: auto;
  }
  .search .input {
    padding-left: 2.25rem;
  }
  .search-icon {
    position: absolute;
    left: var(--_space-3);
    top: 50%;
    transform: translateY(-50%);
    display: inline-flex;
    color: var(--_color-text-muted);
    pointer-events: none;
  }
  .layout {
    display: grid;
    grid-template-columns: var(--kb-browser-sections-width, 16rem) minmax(0, 1fr);
    gap: var(--_space-4);
    align-items: start;
  }
  .sections,
  .results {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
  }
  .sections {
    padding: var(--_space-3) var(--_space-2);
  }
  .sections-title {
    margin: 0 var(--_space-2) var(--_space-2);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .section-list {
    display: grid;
    gap: 2px;
  }
  .section-option {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    cursor: pointer;
    user-select: none;
  }
  .section-option:hover {
    background: var(--_color-surface-sunken);
  }
  .section-option[aria-selected='true'] {
    background: var(--_color-primary-subtle);
    color: var(--_color-primary);
    font-weight: 600;
    box-shadow: inset 3px 0 0 var(--_color-primary);
  }
  .section-option:focus-visible {
    outline-offset: -2px;
  }
  .section-name {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .count {
    flex: none;
    min-width: 1.75rem;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-surface-sunken);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-weight: 500;
    line-height: 1.5rem;
    text-align: center;
  }
  .section-option[aria-selected='true'] .count {
    background: var(--_color-surface);
    color: var(--_color-primary);
  }
  .section-select {
    display: none;
  }
  .results {
    min-width: 0;
    padding: var(--_space-4) var(--_space-5);
  }
  .results[aria-busy='true'] .items {
    opacity: 0.6;
    transition: opacity var(--_transition);
  }
  .results-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-1) var(--_space-3);
    padding-bottom: var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
  }
  .results-head h2 {
    margin: 0;
    font-size: 1.0625rem;
    overflow-wrap: anywhere;
  }
  .results-count {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    padding: var(--_space-3) 0;
    border-bottom: 1px solid var(--_color-border);
  }
  .item:last-child {
    border-bottom: none;
    padding-bottom: 0;
  }
  .item-title {
    display: inline;
    padding: 0;
    border: none;
    background: none;
    color: var(--_color-primary);
    font: inherit;
    font-size: 1.0625rem;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-decoration-color: transparent;
    text-underline-offset: 3px;
    cursor: pointer;
    overflow-wrap: anywhere;
    border-radius: 2px;
  }
  .item-title:hover {
    color: var(--_color-primary-hover);
    text-decoration-color: currentColor;
  }
  .snippet {
    margin: var(--_space-1) 0 0;
    color: var(--_color-text);
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
    margin: var(--_space-1) 0 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  mark {
    padding: 0 1px;
    border-radius: 2px;
    background: var(--kb-browser-match-background, light-dark(#fde68a, #5c4a12));
    color: inherit;
  }
  .item-title mark {
    color: var(--_color-text);
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_color-border-strong);
    border-radius: 999px;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    line-height: 1.4;
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
  .results .alert {
    margin: var(--_space-4) 0 0;
  }
  .alert-body {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }
  .reference {
    font-size: var(--_font-size-small);
  }

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

  /* --- narrow ------------------------------------------------------------------------- */
  @container kb-browser (max-width: 42rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .sections {
      display: none;
    }
    .section-select {
      display: grid;
      margin-bottom: var(--_space-3);
    }
    .search {
      flex: 1 1 100%;
    }
    .results {
      padding: var(--_space-3) var(--_space-4);
    }
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
