import { css } from 'lit';

export const kbBrowserStyles = css`
  .base {
    /* narrow layout by the element's own width (a column of a host page, a phone) */
    container: kb-browser / inline-size;
  }
  .title {
    margin: 0 auto 0 0;
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
  }
`;
