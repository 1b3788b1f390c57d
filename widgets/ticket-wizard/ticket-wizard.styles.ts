import { css } from 'lit';

export const ticketWizardStyles = css`
  :host {
    /* layout by the element's own width (a column of a host page, the portal's main area) */
    container-type: inline-size;
  }
  .base {
    max-width: var(--ticket-wizard-max-width, 64rem);
  }
  .head h2 {
    font-size: var(--_font-size-large);
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
  .optional,
  .muted {
    color: var(--_color-text-muted);
    font-weight: 400;
  }
  .counter {
    justify-self: end;
  }
  .static {
    margin: 0;
    padding: var(--_space-2) 0;
  }
  .actions {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-2);
    margin-top: var(--_space-5);
    padding-top: var(--_space-4);
    border-top: 1px solid var(--_color-border);
  }
  .spinner.small {
    width: 1rem;
    height: 1rem;
    border-width: 2px;
    border-top-color: currentColor;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--_space-5);
  }
  .levels {
    margin: 0 0 var(--_space-4);
    padding: 0;
    border: none;
    display: grid;
    gap: var(--_space-1);
  }
  .levels legend {
    padding: 0;
    font-weight: 500;
  }
  .levels .hint {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    margin-bottom: var(--_space-1);
  }
  .segmented {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .segment {
    position: relative;
    display: block;
  }
  .segment + .segment {
    border-left: 1px solid var(--_color-border-strong);
  }
  .segment input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment span {
    display: block;
    padding: var(--_space-2) var(--_space-2);
    text-align: center;
    background: var(--_color-surface);
  }
  .segment input:hover + span {
    background: var(--_color-surface-sunken);
  }
  .segment input:checked + span {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 600;
  }
  .segment input:focus-visible + span {
    outline: 2px solid var(--_color-focus);
    outline-offset: -4px;
  }
  .priority {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    font-weight: 500;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_font-size-small);
    font-weight: 600;
    line-height: 1.6;
  }
  .priority-low {
    color: var(--_color-text-muted);
  }
  .priority-medium {
    color: var(--_color-primary);
  }
  .priority-high {
    color: var(--_color-warning);
    background: var(--_color-warning-subtle);
  }
  .priority-critical {
    color: var(--_color-danger);
    background: var(--_color-danger-subtle);
  }
  .badge.released {
    color: var(--_color-success);
    background: var(--_color-success-subtle);
  }
  .badge.awaiting {
    color: var(--_color-warning);
    background: var(--_color-warning-subtle);
  }
  .choice {
    margin-bottom: var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .choice .hint {
    margin: var(--_space-1) 0 0 1.875rem;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    font-weight: 600;
    cursor: pointer;
  }
  .check input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_color-primary);
  }
  .submit-note {
    background: var(--_color-warning-subtle);
    border-color: var(--_color-warning);
  }
  .choice-title {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    margin: 0;
    font-weight: 600;
  }
  .choice-title .icon {
    width: 1.125rem;
    height: 1.125rem;
    color: var(--_color-warning);
  }
  .submit-note .hint {
    color: var(--_color-text);
  }

  /* review */
  .review-section {
    padding: var(--_space-3) 0;
    border-bottom: 1px solid var(--_color-border);
  }
  .review-section:last-child {
    border-bottom: none;
  }
  .review-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-3);
  }
  .review-head h4 {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size);
    font-weight: 600;
  }
  .link-button {
    padding: 0;
    border: none;
    background: none;
    color: var(--_color-primary);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  dl {
    margin: 0;
    display: grid;
    gap: var(--_space-1);
  }
  .row {
    display: grid;
    grid-template-columns: 12rem minmax(0, 1fr);
    gap: var(--_space-3);
  }
  dt {
    color: var(--_color-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tag-list,
  .files {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
  }
  .tag-list li {
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-primary-subtle);
    font-size: var(--_font-size-small);
  }
  .files {
    display: grid;
  }
  .description {
    max-height: 20rem;
    overflow: auto;
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
  }
  .description h5,
  .description h6 {
    margin: var(--_space-3) 0 var(--_space-2);
    font-size: 1rem;
    font-weight: 600;
  }
  .description h6 {
    font-size: var(--_font-size);
  }
  .description img {
    max-width: 100%;
    height: auto;
  }
  .description table {
    border-collapse: collapse;
  }
  .description th,
  .description td {
    min-width: 4rem;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_color-border-strong);
    vertical-align: top;
    text-align: left;
  }
  .description :is(th, td) > p,
  .description li > p {
    margin: 0;
  }
  .send-error .button {
    margin-top: var(--_space-2);
  }
  .reference {
    font-family: var(--_font-mono);
    font-size: var(--_font-size-small);
  }

  /* states */
  .panel-state {
    max-width: 40rem;
  }
  .panel-state h2 {
    font-size: var(--_font-size-large);
  }
  .success {
    max-width: 40rem;
    padding: var(--_space-6) var(--_space-5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
    text-align: center;
  }
  .success-icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 3rem;
    height: 3rem;
    margin-bottom: var(--_space-3);
    border-radius: 50%;
    background: var(--_color-success-subtle);
    color: var(--_color-success);
  }
  .success-icon .icon {
    width: 1.75rem;
    height: 1.75rem;
  }
  .success h2 {
    font-size: var(--_font-size-large);
    outline: none;
  }
  .success-subject {
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .success .actions {
    justify-content: center;
    flex-wrap: wrap;
    border-top: none;
    padding-top: 0;
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
    .columns {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    .row {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    .form {
      padding: var(--_space-4) var(--_space-3);
    }
  }
`;
