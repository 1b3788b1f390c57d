import { css } from 'lit';

export const portalSessionStyles = css`
  .panel {
    container-type: inline-size;
    display: flex;
    justify-content: center;
    padding: var(--portal-session-panel-padding, var(--_space-6) var(--_space-4));
  }
  .card {
    width: 100%;
    max-width: var(--portal-session-card-width, 26rem);
    padding: var(--_space-6) var(--_space-5) var(--_space-5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0 0 var(--_space-4);
    color: var(--_color-primary);
    font-size: var(--_font-size-small);
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }
  .brand .icon {
    width: 1.125rem;
    height: 1.125rem;
  }
  h2 {
    font-size: var(--_font-size-large);
    outline: none;
  }
  .lead {
    color: var(--_color-text-muted);
    margin-bottom: var(--_space-5);
  }
  .reference {
    margin-top: var(--_space-1);
    font-family: var(--_font-mono);
    font-size: var(--_font-size-small);
  }
  form > .button[type='submit'] {
    margin-top: var(--_space-2);
  }
  .spinner.small {
    width: 1rem;
    height: 1rem;
    border-width: 2px;
    border-color: currentColor;
    border-top-color: transparent;
  }
  .state {
    min-height: 12rem;
    align-content: center;
  }
  .content {
    display: contents;
  }
  .content[hidden] {
    display: none !important;
  }
  @container (max-width: 30rem) {
    .card {
      padding: var(--_space-5) var(--_space-4) var(--_space-4);
      box-shadow: none;
    }
  }
`;
