import { css } from 'lit';

export const ticketBoardStyles = css`
  :host {
    container-type: inline-size;
  }
  .board {
    display: grid;
    grid-template-columns: var(--ticket-board-queries-width, 14rem) minmax(0, 1fr);
    gap: var(--_space-4);
    align-items: start;
  }
  .title {
    font-size: var(--_font-size-large);
  }

  /* the query, sort and open buttons: text buttons */
  .query,
  .sort,
  .open {
    border: 0;
    background: none;
    font: inherit;
    text-align: left;
    cursor: pointer;
  }

  /* queries */
  .queries {
    position: sticky;
    top: var(--_space-4);
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
  }
  .queries-title,
  .personal-title {
    margin: 0 0 var(--_space-2);
    padding: 0 var(--_space-2);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .personal-title {
    margin-top: var(--_space-4);
  }
  .query-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .query-item {
    position: relative;
  }
  .query {
    display: flex;
    width: 100%;
    align-items: center;
    min-height: 2.25rem;
    padding: var(--_space-1) var(--_space-3);
    border-radius: var(--_radius);
    color: var(--_color-text);
  }
  .query:hover {
    background: var(--_color-surface-sunken);
  }
  .query.current {
    background: var(--_color-primary-subtle);
    color: var(--_color-primary);
    font-weight: 600;
    box-shadow: inset 3px 0 0 var(--_color-primary);
  }
  .query-name {
    overflow-wrap: anywhere;
  }
  .tooltip {
    position: absolute;
    z-index: 5;
    left: var(--_space-2);
    right: calc(-1 * var(--_space-6));
    top: calc(100% + 4px);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_color-text);
    color: var(--_color-surface);
    font-size: var(--_font-size-small);
    line-height: 1.4;
    box-shadow: var(--_shadow);
  }
  .query-tools {
    display: grid;
    gap: var(--_space-2);
    margin-top: var(--_space-4);
    padding-top: var(--_space-3);
    border-top: 1px solid var(--_color-border);
  }
  .query-tools [aria-busy='true'] {
    opacity: 0.7;
  }
  .query-tools .spinner {
    width: 1em;
    height: 1em;
    border-width: 2px;
  }
  .query-select {
    display: none;
  }
  .skeleton-list li {
    padding: var(--_space-2) var(--_space-3);
  }

  /* filters */
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-3);
    margin-bottom: var(--_space-3);
  }
  /* the selects are as wide as their longest option (German ones are long); the search takes the
     rest of the row, and what does not fit wraps to the next row instead of being cut off */
  .filters .field {
    margin: 0;
    max-width: 100%;
  }
  .filters .search {
    flex: 1 1 14rem;
    min-width: min(14rem, 100%);
  }
  .filters select.input {
    width: auto;
    min-width: 100%;
    max-width: 100%;
  }
  .sort-select {
    display: none !important;
  }
  .summary {
    margin: 0 0 var(--_space-2);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .small-alert {
    padding: var(--_space-2) var(--_space-3);
  }
  .row-actions {
    margin-top: var(--_space-2);
  }
  .ref {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }

  /* table */
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
  }
  .table-wrap.loading {
    overflow: hidden;
  }
  .table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .table[aria-busy='true'] tbody {
    opacity: 0.55;
    transition: opacity var(--_transition);
  }
  th,
  td {
    padding: var(--_space-2) var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
    text-align: left;
  }
  tbody tr:last-child td {
    border-bottom: 0;
  }
  th {
    padding: 0;
    background: var(--_color-surface-raised);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    width: 100%;
    padding: var(--_space-2) var(--_space-3);
    color: var(--_color-text-muted);
    font-weight: 600;
  }
  .sort:hover:not(:disabled) {
    color: var(--_color-text);
  }
  th[aria-sort] .sort {
    color: var(--_color-text);
  }
  .sort .arrow {
    font-size: 0.7em;
    opacity: 0.45;
  }
  th[aria-sort] .arrow {
    opacity: 1;
    color: var(--_color-primary);
  }
  .row {
    cursor: pointer;
  }
  .row:hover,
  .row:focus-within {
    background: var(--ticket-board-row-hover, var(--_color-surface-raised));
  }
  td.num,
  td.updated {
    white-space: nowrap;
    color: var(--_color-text-muted);
  }
  td.subject {
    min-width: 12rem;
  }
  .sub {
    display: none;
    margin-top: 2px;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .open {
    display: inline-flex;
    align-items: baseline;
    gap: var(--_space-1);
    padding: 0;
    color: var(--_color-text);
    font-weight: 500;
    border-radius: 2px;
  }
  .open:hover .subject-text {
    color: var(--_color-primary);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .open .lock {
    flex: none;
    width: 0.9rem;
    height: 0.9rem;
    align-self: center;
    color: var(--_color-text-muted);
  }
  .subject-text {
    overflow-wrap: anywhere;
  }
  td.type,
  td.author,
  td.partner {
    color: var(--_color-text-muted);
  }
  .skeleton {
    display: block;
    height: 0.75rem;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_color-surface-sunken) 0%, var(--_color-border) 50%, var(--_color-surface-sunken) 100%);
    background-size: 200% 100%;
    animation: board-shimmer 1.4s ease-in-out infinite;
  }
  .skeleton-row td {
    padding-block: var(--_space-3);
  }
  @keyframes board-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .empty {
    border: 1px dashed var(--_color-border-strong);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
  }
  .empty p {
    margin: 0;
    color: var(--_color-text);
  }

  /* pager */
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    margin-top: var(--_space-3);
  }
  .page-size {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
  }
  .page-size select {
    width: auto;
    min-height: 2rem;
    padding-block: 0;
  }
  .page-of {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .page-buttons {
    display: flex;
    gap: var(--_space-2);
  }

  /* a ticket in place */
  .detail-top {
    margin-bottom: var(--_space-4);
  }

  /* medium: type, partner and author move under the subject; sorting by them through the select */
  @container (max-width: 72rem) {
    th.type,
    th.author,
    th.partner,
    td.type,
    td.author,
    td.partner {
      display: none;
    }
    td.subject .sub {
      display: block;
    }
    .sort-select {
      display: grid !important;
    }
    th,
    td,
    .sort {
      padding-inline: var(--_space-2);
    }
    td .badge {
      white-space: normal;
    }
  }

  /* narrow: queries as a select, rows as cards */
  @container (max-width: 48rem) {
    .board {
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space-3);
    }
    .queries {
      position: static;
      padding: 0;
      border: 0;
      background: none;
    }
    .queries-title,
    .personal-title,
    .query-list {
      display: none;
    }
    .query-select {
      display: grid;
      margin-bottom: var(--_space-2);
    }
    .query-tools {
      display: flex;
      flex-wrap: wrap;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .query-tools .button {
      width: auto;
    }
    .filters .field {
      flex-grow: 1;
    }
    .filters .search,
    .filters .sort-select {
      flex-basis: 100%;
    }
    .table-wrap {
      border: 0;
      background: none;
      overflow: visible;
    }
    .table,
    .table tbody {
      display: block;
    }
    .table thead {
      display: none;
    }
    .table caption {
      display: block;
    }
    .table tr {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-1) var(--_space-3);
      margin-bottom: var(--_space-2);
      padding: var(--_space-3);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius-large);
      background: var(--_color-surface);
    }
    .table td {
      display: block;
      padding: 0;
      border: 0;
      font-size: var(--_font-size-small);
    }
    td.subject .sub {
      display: none;
    }
    /* a card: number and status first, the rest in the columns' order */
    .table td.num {
      order: -1;
      color: var(--_color-text);
      font-weight: 600;
    }
    .table td.status {
      order: -1;
      margin-left: auto;
    }
    .table td.subject {
      flex: 1 1 100%;
      min-width: 0;
      font-size: 1.0625rem;
    }
    .table td.prio::before {
      content: attr(data-label) ': ';
      color: var(--_color-text-muted);
    }
    .table td.updated {
      margin-left: auto;
    }
    .table .skeleton-row td {
      flex: 1 1 40%;
    }
    .skeleton-row td::before {
      content: none !important;
    }
    .pager {
      justify-content: center;
    }
  }
`;
