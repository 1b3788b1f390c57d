import { css } from 'lit';

/** Priority colours and badges, shared by the board and the timeline (text always says the priority too). */
export const priorityStyles = css`
  :host {
    --_prio-low: var(--plan-board-priority-low, light-dark(#4b5563, #a3adbb));
    --_prio-medium: var(--plan-board-priority-medium, var(--_color-primary));
    --_prio-high: var(--plan-board-priority-high, var(--_color-warning));
    --_prio-critical: var(--plan-board-priority-critical, var(--_color-danger));
  }
  .prio-low {
    --_prio: var(--_prio-low);
  }
  .prio-medium {
    --_prio: var(--_prio-medium);
  }
  .prio-high {
    --_prio: var(--_prio-high);
  }
  .prio-critical {
    --_prio: var(--_prio-critical);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-surface-raised);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-weight: 500;
    line-height: 1.5rem;
    white-space: nowrap;
  }
  .badge.prio {
    border-color: color-mix(in srgb, var(--_prio) 45%, transparent);
    background: color-mix(in srgb, var(--_prio) 10%, var(--_color-surface));
    color: var(--_prio);
  }
  .badge.prio::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_prio);
  }
  .icon {
    flex: none;
    width: 1rem;
    height: 1rem;
  }
`;

export const planBoardStyles = css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-4);
    padding: var(--_space-4);
  }
  .title {
    font-size: var(--_font-size-large);
    margin: 0;
  }
  .description {
    margin: 0;
    color: var(--_color-text-muted);
    white-space: pre-line;
    max-width: 70ch;
  }
  .muted {
    color: var(--_color-text-muted);
  }
  button.link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-primary);
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
    border-radius: 2px;
  }
  button.link:hover {
    color: var(--_color-primary-hover);
  }
  .back {
    justify-self: start;
  }

  /* overview */
  .overview {
    display: grid;
    gap: var(--_space-4);
  }
  .board-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: var(--_space-4);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .board-card {
    display: grid;
    grid-template-rows: auto 1fr auto auto;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
  }
  .board-name {
    margin: 0;
    font-size: 1.0625rem;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .board-card .open {
    justify-self: start;
  }

  /* a board */
  .board {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-4);
    min-width: 0;
  }
  .board-header {
    display: grid;
    gap: var(--_space-2);
  }
  .heading {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    margin-top: var(--_space-2);
  }
  .segmented {
    display: inline-flex;
  }
  .segmented .button {
    border-radius: 0;
    margin-inline-start: -1px;
  }
  .segmented .button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
    margin-inline-start: 0;
  }
  .segmented .button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .segmented .button[aria-pressed='true'] {
    position: relative;
    background: var(--_color-primary-subtle);
    border-color: var(--_color-primary);
    color: var(--_color-primary);
  }
  .alert {
    margin: 0;
  }
  .state.empty {
    padding: var(--_space-5) var(--_space-4);
  }
  .state.empty .icon {
    width: 2rem;
    height: 2rem;
  }

  /* columns */
  .columns {
    /* the containing block of the visually hidden texts inside, so they scroll (and clip) with it */
    position: relative;
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(var(--plan-board-column-width, 17rem), 1fr);
    gap: var(--_space-3);
    overflow-x: auto;
    padding-bottom: var(--_space-2);
    align-items: start;
  }
  .column {
    display: grid;
    gap: var(--_space-2);
    min-height: 8rem;
    padding: var(--_space-3);
    border: 2px solid transparent;
    border-radius: var(--_radius-large);
    background: var(--_color-surface-sunken);
    transition: border-color var(--_transition), background-color var(--_transition);
  }
  .column.drop-zone {
    border-style: dashed;
    border-color: var(--_color-border-strong);
  }
  .column.drop-target {
    border-color: var(--_color-primary);
    background: var(--_color-primary-subtle);
  }
  .column-title {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    margin: 0;
    font-size: var(--_font-size);
  }
  .count {
    min-width: 1.5rem;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-surface);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    text-align: center;
  }
  .cards {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    align-content: start;
  }
  .column-empty {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    text-align: center;
  }
  .card {
    position: relative;
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    padding-inline-start: calc(var(--_space-3) + 4px);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
  }
  .card::before {
    content: '';
    position: absolute;
    inset: -1px auto -1px -1px;
    width: 4px;
    border-radius: var(--_radius) 0 0 var(--_radius);
    background: var(--_prio);
  }
  .card.draggable {
    cursor: grab;
  }
  .card.dragging {
    opacity: 0.45;
  }
  .card:hover {
    border-color: var(--_color-border-strong);
  }
  .card-open {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-text);
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  /* the whole card opens the details; the move button stays on top */
  .card-open::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  .card.draggable .card-open {
    cursor: inherit;
  }
  .card-open:focus-visible {
    outline: none;
  }
  .card-open:focus-visible::after {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .card-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .dates,
  .ticket-marker {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }
  .ticket-marker {
    color: var(--plan-board-ticket-link-color, var(--_color-primary));
    font-weight: 600;
  }
  .card .move {
    position: relative;
    z-index: 1;
    justify-self: start;
    min-height: 1.75rem;
    padding: 0 var(--_space-2);
    color: var(--_color-text-muted);
  }
  .drop-placeholder {
    height: 0.375rem;
    border-radius: 999px;
    background: var(--_color-primary);
  }

  .load-error .retry {
    margin-top: var(--_space-2);
  }

  /* the ticket in place */
  .ticket-view {
    display: grid;
    gap: var(--_space-3);
  }

  @container (max-width: 40rem) {
    .base {
      padding: var(--_space-3);
    }
    .columns {
      grid-auto-flow: row;
      grid-auto-columns: auto;
      overflow-x: visible;
    }
    .column {
      min-height: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .column {
      transition: none;
    }
  }
`;
