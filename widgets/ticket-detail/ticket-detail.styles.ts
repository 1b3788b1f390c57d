import { css } from 'lit';

export const ticketDetailStyles = css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: var(--_space-4);
  }
  .muted {
    color: var(--_color-text-muted);
  }
  .small {
    font-size: var(--_font-size-small);
  }
  .icon.small {
    width: 1rem;
    height: 1rem;
    flex: none;
  }
  .icon.big {
    width: 2rem;
    height: 2rem;
    color: var(--_color-text-muted);
  }
  .not-found p {
    margin: 0;
  }
  .ref {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .retry {
    margin-top: var(--_space-2);
  }

  /* header */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space-3) var(--_space-4);
  }
  .heading {
    min-width: 0;
    flex: 1 1 20rem;
  }
  .number {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin: 0 0 var(--_space-1);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-variant-numeric: tabular-nums;
  }
  .private {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-surface-sunken);
    color: var(--_color-text);
  }
  h2#title {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size-large);
    overflow-wrap: anywhere;
    border-radius: var(--_radius);
  }
  h2#title:focus:not(:focus-visible) {
    outline: none;
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .alert {
    margin: 0;
  }
  .alert .reason {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .read-only {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
    color: var(--_color-text-muted);
  }

  /* facts */
  .meta {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_space-3) var(--_space-4);
    margin: 0;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
  }
  .fact {
    min-width: 0;
  }
  .fact.wide {
    grid-column: 1 / -1;
  }
  .fact dt {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .fact dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tags li {
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    background: var(--_color-surface-sunken);
    font-size: var(--_font-size-small);
  }

  /* main + attachments */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--ticket-detail-aside-width, 18rem);
    gap: var(--_space-4);
    align-items: start;
  }
  .content {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-4);
    min-width: 0;
  }
  h3 {
    font-size: 1rem;
    margin-bottom: var(--_space-2);
  }
  .richtext {
    overflow-wrap: anywhere;
  }
  .richtext > :last-child {
    margin-bottom: 0;
  }
  .richtext img {
    max-width: 100%;
    height: auto;
  }
  .richtext table {
    border-collapse: collapse;
    margin: 0 0 var(--_space-3);
    display: block;
    overflow-x: auto;
  }
  .richtext th,
  .richtext td {
    border: 1px solid var(--_color-border);
    padding: var(--_space-1) var(--_space-2);
    text-align: left;
    /* whole words in cells: a narrow table scrolls sideways instead */
    overflow-wrap: normal;
  }
  .richtext th {
    background: var(--_color-surface-raised);
  }
  .richtext ul,
  .richtext ol {
    margin: 0 0 var(--_space-3);
    padding-left: var(--_space-5);
  }
  /* inside the history (a list itself) the browser would give nested-list bullets */
  .richtext ul {
    list-style-type: disc;
  }
  .richtext ul ul {
    list-style-type: circle;
  }
  /* the editor writes <li><p>…</p></li>: no paragraph gaps within a list */
  .richtext li > p,
  .richtext li > ul,
  .richtext li > ol {
    margin: 0;
  }

  /* history */
  .history {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
  }
  .position {
    min-width: 0;
    max-width: min(44rem, 92%);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--ticket-detail-customer-background, var(--_color-surface));
  }
  .position.agent {
    justify-self: end;
    border-color: transparent;
    border-left: 3px solid var(--_color-primary);
    background: var(--ticket-detail-agent-background, var(--_color-primary-subtle));
  }
  .position.customer {
    justify-self: start;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space-2);
    margin-bottom: var(--_space-2);
    font-size: var(--_font-size-small);
  }
  .who .name {
    font-weight: 600;
  }
  .side-label {
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 600;
  }
  .who .you,
  .who .when {
    color: var(--_color-text-muted);
  }
  .who .when {
    margin-left: auto;
  }
  .event {
    display: grid;
    grid-template-columns: 1rem minmax(0, 1fr) auto;
    gap: 0 var(--_space-2);
    align-items: baseline;
    padding: 0 var(--_space-2);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .event .icon {
    align-self: center;
  }
  .event .when {
    white-space: nowrap;
  }
  .event .reason {
    color: var(--_color-text);
    white-space: pre-line;
  }
  /* a long token (a hash, an id) in a reason wraps instead of running out of the history */
  .event .what {
    overflow-wrap: anywhere;
  }
  .event[data-event='closed'] .what,
  .event[data-event='rejected'] .what,
  .event[data-event='released'] .what {
    color: var(--_color-text);
  }
  .position-files {
    list-style: none;
    margin: var(--_space-2) 0 0;
    padding: var(--_space-2) 0 0;
    border-top: 1px solid var(--_color-border);
    display: grid;
    gap: var(--_space-1);
  }
  .position-files li {
    display: flex;
    gap: var(--_space-2);
    align-items: baseline;
  }
  button.link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-primary);
    font: inherit;
    text-align: left;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
    overflow-wrap: anywhere;
    border-radius: 2px;
  }
  button.link:hover {
    color: var(--_color-primary-hover);
  }

  /* the panels: attachments, and the composer and edit form of the lazy modules */
  .attachments,
  .composer,
  .edit {
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
  }
  .attachments {
    position: sticky;
    top: var(--_space-4);
  }
  .attachments .count {
    color: var(--_color-text-muted);
    font-weight: 400;
  }
  .files {
    list-style: none;
    margin: 0 0 var(--_space-3);
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  .file {
    display: grid;
    grid-template-columns: 3rem minmax(0, 1fr);
    gap: var(--_space-3);
    align-items: center;
  }
  .thumb,
  .file-icon {
    width: 3rem;
    height: 3rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-sunken);
    overflow: hidden;
  }
  .thumb {
    padding: 0;
    cursor: zoom-in;
  }
  .thumb img {
    width: 100%;
    height: 100%;
    object-fit: cover;
    display: block;
  }
  .thumb-placeholder {
    display: block;
    width: 100%;
    height: 100%;
  }
  .file-icon {
    display: grid;
    place-items: center;
    color: var(--_color-text-muted);
    font-size: 0.6875rem;
    font-weight: 700;
    letter-spacing: 0.03em;
  }
  .file-info {
    display: grid;
    min-width: 0;
  }

  @container (max-width: 52rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .attachments {
      position: static;
    }
    .position {
      max-width: 100%;
    }
  }
  @container (max-width: 30rem) {
    .event {
      grid-template-columns: 1rem minmax(0, 1fr);
    }
    .event .when {
      grid-column: 2;
    }
    .meta {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      padding: var(--_space-3);
    }
    .actions {
      width: 100%;
    }
    .actions .button {
      flex: 1 1 auto;
    }
  }
`;
