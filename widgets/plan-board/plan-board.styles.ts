import { css } from 'lit';

/** The board's own styles: the frame, the overview, states, the ticket in place (a board's view brings its own). */
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
  .icon {
    flex: none;
    width: 1rem;
    height: 1rem;
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
  .load-error .retry {
    margin-top: var(--_space-2);
  }


  @container (max-width: 40rem) {
    .base {
      padding: var(--_space-3);
    }
  }
`;
