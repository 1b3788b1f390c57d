import { css } from 'lit';

export const portalDashboardStyles = css`
  :host {
    --_opened: var(--portal-dashboard-opened-color, var(--_color-primary));
    --_closed: var(--portal-dashboard-closed-color, var(--_color-success));
    --_panel: var(--portal-dashboard-panel-background, var(--_color-surface));
  }
  .base {
    container: portal-dashboard / inline-size;
    display: grid;
    gap: var(--_space-5);
  }
  .icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
  }
  .entry-icon .icon,
  .link-card .icon {
    width: 1rem;
    height: 1rem;
  }
  /* every h2: history, statistics, quick links */
  h2 {
    font-size: 1.0625rem;
  }
  .events,
  .legend,
  .links ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* top: greeting and release count */
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3) var(--_space-5);
  }
  .greeting {
    margin: 0;
    font-size: 1.625rem;
    letter-spacing: -0.01em;
  }
  .today {
    margin: var(--_space-1) 0 0;
    color: var(--_color-text-muted);
  }
  .release {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-3);
    margin: 0;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_panel);
    color: var(--_color-text);
    font: inherit;
    text-align: start;
  }
  button.release {
    border-color: transparent;
    border-left: 4px solid var(--_color-warning);
    background: var(--_color-warning-subtle);
    cursor: pointer;
    transition: background-color var(--_transition), box-shadow var(--_transition);
  }
  button.release:hover {
    box-shadow: var(--_shadow);
  }
  .release-icon {
    display: inline-flex;
    color: var(--_color-warning);
  }
  .release-text {
    font-weight: 600;
    font-size: 1.0625rem;
  }
  .release-go {
    color: var(--_color-primary);
    font-weight: 500;
    white-space: nowrap;
  }
  button.release:hover .release-go {
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .release.none {
    color: var(--_color-text-muted);
  }
  .release.none .icon {
    color: var(--_color-success);
  }

  /* main: history and statistics */
  .main {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: var(--_space-4);
    align-items: start;
  }
  .panel {
    min-width: 0;
    padding: var(--_space-4) var(--_space-5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_panel);
  }
  .stats h2 {
    margin: 0;
  }
  .empty-note {
    display: grid;
    justify-items: start;
    gap: var(--_space-3);
    margin: var(--_space-3) 0 0;
    color: var(--_color-text-muted);
  }
  .empty-note p,
  .what {
    margin: 0;
  }

  .entry {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--_space-3);
    padding: var(--_space-3) 0;
    border-top: 1px solid var(--_color-border);
  }
  .entry:first-child {
    border-top: 0;
    padding-top: 0;
  }
  .history .more {
    margin-top: var(--_space-2);
  }
  .entry-icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    background: var(--_color-surface-sunken);
    color: var(--_color-text-muted);
  }
  [data-tone='success'] .entry-icon {
    background: var(--_color-success-subtle);
    color: var(--_color-success);
  }
  [data-tone='danger'] .entry-icon {
    background: var(--_color-danger-subtle);
    color: var(--_color-danger);
  }
  [data-tone='warning'] .entry-icon {
    background: var(--_color-warning-subtle);
    color: var(--_color-warning);
  }
  [data-tone='agent'] .entry-icon {
    background: var(--_color-primary-subtle);
    color: var(--_color-primary);
  }
  .what {
    font-weight: 500;
  }
  .quote {
    margin: var(--_space-1) 0 0;
    padding-left: var(--_space-3);
    border-left: 3px solid var(--_color-border);
    color: var(--_color-text-muted);
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .which {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--_space-3);
    margin: var(--_space-1) 0 0;
    font-size: var(--_font-size-small);
  }
  .which time {
    color: var(--_color-text-muted);
    white-space: nowrap;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-primary);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 2px;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .link:hover {
    color: var(--_color-primary-hover);
  }
  .ticket-number {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  .stats-head,
  .stats-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-4);
  }
  .scope {
    display: inline-flex;
    margin: 0;
    padding: 2px;
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
    background: var(--_color-surface-sunken);
  }
  .scope-option {
    position: relative;
    display: inline-flex;
  }
  .scope-option input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .scope-option span {
    padding: var(--_space-1) var(--_space-3);
    border-radius: calc(var(--_radius) - 2px);
    font-size: var(--_font-size-small);
    font-weight: 500;
    white-space: nowrap;
  }
  input:checked + span {
    background: var(--_color-surface);
    color: var(--_color-primary);
    box-shadow: 0 1px 2px rgb(0 0 0 / 12%);
  }
  input:focus-visible + span {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .stats-tools {
    gap: var(--_space-2);
    margin: var(--_space-2) 0 var(--_space-3);
  }
  .stats-tools .total {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .button[aria-pressed='true'] {
    background: var(--_color-primary-subtle);
    color: var(--_color-primary);
  }

  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));
    gap: var(--_space-5);
  }
  .chart {
    min-width: 0;
    margin: 0;
  }
  .weekly-chart {
    grid-column: 1 / -1;
  }
  figcaption {
    margin-bottom: var(--_space-2);
    font-weight: 600;
  }
  .caption-note {
    color: var(--_color-text-muted);
    font-weight: 400;
    font-size: var(--_font-size-small);
  }
  .chart-svg {
    display: block;
    max-width: 100%;
    overflow: visible;
    font-size: 12px;
  }
  text {
    fill: var(--_color-text);
  }
  text.axis,
  text.total-label {
    fill: var(--_color-text-muted);
    font-size: 11px;
  }
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .track {
    fill: var(--_color-surface-sunken);
    stroke: var(--_color-surface-sunken);
  }
  .bar {
    fill: var(--_color-text-muted);
  }
  .bar[data-key='new'],
  .bar[data-key='in_progress'] {
    fill: var(--_color-primary);
  }
  .bar[data-key='awaiting_release'],
  .bar[data-key='waiting_for_customer'] {
    fill: var(--_color-warning);
  }
  .bar[data-key='release_rejected'] {
    fill: var(--_color-danger);
  }
  .bar[data-key='resolved'] {
    fill: var(--_color-success);
  }
  .donut .total {
    font-size: 26px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  /* the palette by position: the donut's segments and the legend's swatches */
  [data-index] {
    --_c: var(--portal-dashboard-chart-1, light-dark(#1d4ed8, #7aa7ff));
  }
  [data-index='1'] {
    --_c: var(--portal-dashboard-chart-2, light-dark(#0f766e, #5eead4));
  }
  [data-index='2'] {
    --_c: var(--portal-dashboard-chart-3, light-dark(#b45309, #fbbf24));
  }
  [data-index='3'] {
    --_c: var(--portal-dashboard-chart-4, light-dark(#7c3aed, #c4b5fd));
  }
  [data-index='4'] {
    --_c: var(--portal-dashboard-chart-5, light-dark(#be185d, #f9a8d4));
  }
  [data-index='5'] {
    --_c: var(--portal-dashboard-chart-6, light-dark(#4b5563, #cbd5e1));
  }
  .segment {
    stroke: var(--_c);
  }
  .swatch {
    flex: none;
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 3px;
    background: var(--_c);
  }
  .donut-layout {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-4);
  }
  .legend {
    display: grid;
    gap: var(--_space-1);
    font-size: var(--_font-size-small);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .legend-value {
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .legend.inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-4);
    margin-bottom: var(--_space-2);
  }
  .series {
    stroke-width: 2.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .series.opened {
    stroke: var(--_opened);
  }
  .series.closed {
    stroke: var(--_closed);
    stroke-dasharray: 6 4;
  }
  .marker {
    stroke: var(--_panel);
    stroke-width: 1.5;
  }
  .marker.opened {
    fill: var(--_opened);
  }
  .marker.closed {
    fill: var(--_closed);
  }
  .grid {
    stroke: var(--_color-border);
  }

  .data {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }
  th,
  td {
    padding: var(--_space-1) var(--_space-2);
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
    font-weight: 400;
  }
  thead th {
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  /* bottom: quick links */
  .links ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
  }
  .link-card {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-height: 2.5rem;
    padding: var(--_space-2) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_panel);
    color: var(--_color-primary);
    font-weight: 500;
    text-decoration: none;
  }
  a.link-card:hover {
    border-color: var(--_color-primary);
    background: var(--_color-primary-subtle);
  }
  .link-card.disabled {
    color: var(--_color-text-muted);
  }
  .ref {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .retry {
    margin-top: var(--_space-2);
  }

  @container portal-dashboard (max-width: 56rem) {
    .main {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @container portal-dashboard (max-width: 30rem) {
    .greeting {
      font-size: 1.375rem;
    }
    .panel {
      padding: var(--_space-3);
    }
    .release {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      width: 100%;
    }
    .release-go {
      grid-column: 2;
    }
    .scope {
      width: 100%;
    }
    .scope-option,
    .scope-option span {
      flex: 1;
    }
    .scope-option span {
      text-align: center;
      white-space: normal;
    }
    .links ul {
      display: grid;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    button.release {
      transition: none;
    }
  }
`;
