import { css } from 'lit';

export const approvalInboxStyles = css`
  .base {
    /* narrow layout by the element's own width (a column of a host page, a phone) */
    container: approval-inbox / inline-size;
    display: grid;
    gap: var(--_space-4);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-4);
  }
  .title {
    margin: 0;
    font-size: var(--_font-size-large);
  }
  .count {
    margin: 0;
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .icon.small {
    width: 1rem;
    height: 1rem;
    flex: none;
  }
  .icon.big {
    width: 2rem;
    height: 2rem;
  }
  .state p {
    margin: 0;
    max-width: 40rem;
  }
  .state strong {
    color: var(--_color-text);
  }
  .empty .icon.big {
    color: var(--_color-success);
  }
  .ref {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .retry {
    margin-top: var(--_space-2);
  }

  /* the message after a decision */
  .notice {
    align-items: center;
    margin: 0;
  }
  .notice p {
    flex: 1;
  }
  .notice .dismiss {
    flex: none;
    min-height: 2rem;
    padding: 0 var(--_space-2);
    color: var(--_color-text);
  }

  /* the list */
  .list-view {
    max-width: var(--approval-inbox-max-width, none);
  }
  .list {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    position: relative;
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-left: 4px solid var(--_color-warning);
    border-radius: var(--_radius-large);
    background: var(--approval-inbox-item-background, var(--_color-surface));
    transition: background-color var(--_transition), border-color var(--_transition);
  }
  .item:hover {
    background: var(--approval-inbox-item-hover-background, var(--_color-surface-raised));
    border-color: var(--_color-border-strong);
    border-left-color: var(--_color-warning);
  }
  .item:focus-within {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .item p {
    margin: 0;
  }
  .item-top,
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .number {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .private,
  .mine {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-surface-sunken);
    color: var(--_color-text);
  }
  .open {
    justify-self: start;
    max-width: 100%;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-text);
    font: inherit;
    font-size: 1.0625rem;
    font-weight: 600;
    line-height: 1.35;
    text-align: start;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  /* the whole card opens the ticket; the button keeps the name and the focus */
  .open::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius-large);
  }
  .open:focus-visible {
    outline: none;
  }
  .item:hover .open {
    color: var(--_color-primary);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .meta .priority,
  .meta time {
    color: var(--_color-text);
  }
  .more {
    display: grid;
    justify-items: center;
    gap: var(--_space-2);
    margin-top: var(--_space-4);
  }
  .more .error {
    margin: 0;
    color: var(--_color-danger);
  }

  /* the open ticket */
  .detail-view {
    display: grid;
    gap: var(--_space-3);
  }
  .detail-view:focus-visible {
    outline-offset: 4px;
  }
  .detail-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
  }
  .back {
    padding-left: var(--_space-2);
  }
  .position {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-variant-numeric: tabular-nums;
  }
  .detail-view > .alert {
    margin: 0;
  }
  @container approval-inbox (max-width: 30rem) {
    .item {
      padding: var(--_space-3);
    }
    .open {
      font-size: 1rem;
    }
    .position {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .item {
      transition: none;
    }
  }
`;
