import { css } from 'lit';

export const ticketWizardStyles = css`
  :host {
    /* layout by the element's own width (a column of a host page, the portal's main area) */
    container-type: inline-size;
  }
  .base {
    max-width: var(--ticket-wizard-max-width, 64rem);
  }
  h2 {
    font-size: var(--_font-size-large);
  }
  .head h2 {
    margin-bottom: var(--_space-1);
  }
  .lead {
    color: var(--_color-text-muted);
    margin-bottom: var(--_space-4);
  }
  .restored {
    align-items: center;
  }
  .restored p {
    flex: 1;
  }
  .layout {
    display: grid;
    grid-template-columns: var(--ticket-wizard-steps-width, 15rem) minmax(0, 1fr);
    gap: var(--_space-5);
    align-items: start;
  }

  /* step list */
  .steps ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .step-count,
  .progress {
    display: none;
  }
  .step {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    width: 100%;
    padding: var(--_space-2) var(--_space-3);
    border: none;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  .step:hover:not(:disabled) {
    background: var(--_color-surface-sunken);
  }
  .step:disabled {
    cursor: default;
    color: var(--_color-text-muted);
  }
  .num {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.75rem;
    height: 1.75rem;
    border: 2px solid var(--_color-border-strong);
    border-radius: 50%;
    background: var(--_color-surface);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .num .icon {
    width: 1rem;
    height: 1rem;
  }
  .done .num {
    border-color: var(--_color-success);
    color: var(--_color-success);
  }
  .step[aria-current='step'] {
    background: var(--_color-primary-subtle);
    color: var(--_color-primary);
    font-weight: 600;
  }
  .step[aria-current='step'] .num {
    border-color: var(--_color-primary);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }
  .step.has-error .num {
    border-color: var(--_color-danger);
    background: var(--_color-danger);
    color: var(--_color-surface);
  }

  /* the form */
  .form {
    min-width: 0;
    padding: var(--_space-5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
  }
  .step-title {
    font-size: 1.0625rem;
    margin-bottom: var(--_space-4);
    outline: none;
  }
  .step-title:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 4px;
  }
  .required {
    color: var(--_color-danger);
  }
  .counter {
    justify-self: end;
  }
  .actions {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-2);
    margin-top: var(--_space-5);
    padding-top: var(--_space-4);
    border-top: 1px solid var(--_color-border);
  }
  .reference {
    font-family: var(--_font-mono);
    font-size: var(--_font-size-small);
  }

  /* states */
  .panel-state {
    max-width: 40rem;
  }
  @container (max-width: 52rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space-3);
    }
    .step-count {
      display: block;
      margin: 0 0 var(--_space-1);
      color: var(--_color-text-muted);
      font-size: var(--_font-size-small);
    }
    .progress {
      display: block;
      width: 100%;
      height: 0.25rem;
      margin: 0 0 var(--_space-2);
      border: none;
      border-radius: 999px;
      background: var(--_color-surface-sunken);
      overflow: hidden;
      appearance: none;
    }
    .progress::-webkit-progress-bar {
      background: var(--_color-surface-sunken);
    }
    .progress::-webkit-progress-value {
      background: var(--_color-primary);
    }
    .progress::-moz-progress-bar {
      background: var(--_color-primary);
    }
    .steps ol {
      display: flex;
      gap: var(--_space-1);
    }
    .steps li {
      flex: 1;
    }
    .step {
      justify-content: center;
      padding: var(--_space-1);
    }
    .step-label {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .form {
      padding: var(--_space-4) var(--_space-3);
    }
  }
`;
