/**
 * Shared styles: the host basics every widget has, and the primitives (button, field, alert,
 * dialog, lists of checks) as classes each widget's shadow root can use. Native elements with
 * these classes keep their semantics (labels, forms, focus) inside one shadow root, which is
 * what screen readers and axe need.
 */
import { css } from 'lit';
import { tokens } from './tokens.js';

export const hostStyles = [
  tokens,
  css`
    :host {
      display: block;
      box-sizing: border-box;
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: var(--_line-height);
      color: var(--_color-text);
    }
    :host([hidden]) {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    :focus-visible {
      outline: 2px solid var(--_color-focus);
      outline-offset: 2px;
    }
    [hidden] {
      display: none !important;
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    h1,
    h2,
    h3 {
      line-height: 1.25;
      margin: 0 0 var(--_space-3);
      font-weight: 600;
    }
    p {
      margin: 0 0 var(--_space-3);
    }
    a {
      color: var(--_color-primary);
      text-underline-offset: 2px;
    }
    a:hover {
      color: var(--_color-primary-hover);
    }
  `,
];

export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-height: 2.5rem;
    padding: 0 var(--_space-4);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    font-weight: 500;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
    transition: background-color var(--_transition), border-color var(--_transition);
  }
  .button:hover:not(:disabled) {
    background: var(--_color-surface-raised);
  }
  .button.primary {
    background: var(--_color-primary);
    border-color: var(--_color-primary);
    color: var(--_color-on-primary);
  }
  .button.primary:hover:not(:disabled) {
    background: var(--_color-primary-hover);
    border-color: var(--_color-primary-hover);
  }
  .button.quiet {
    border-color: transparent;
    background: transparent;
  }
  .button.quiet:hover:not(:disabled) {
    background: var(--_color-surface-sunken);
  }
  .button.small {
    min-height: 2rem;
    padding: 0 var(--_space-3);
    font-size: var(--_font-size-small);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .button[aria-busy='true'] {
    cursor: progress;
  }
  .button.block {
    width: 100%;
  }
  @media (prefers-reduced-motion: reduce) {
    .button {
      transition: none;
    }
  }
`;

export const fieldStyles = css`
  .field {
    display: grid;
    gap: var(--_space-1);
    margin-bottom: var(--_space-4);
  }
  .field > label,
  .field .label {
    font-weight: 500;
  }
  .field .hint {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .field .error {
    color: var(--_color-danger);
    font-size: var(--_font-size-small);
    margin: 0;
  }
  .input {
    width: 100%;
    min-height: 2.5rem;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }
  .input:hover {
    border-color: var(--_color-text-muted);
  }
  .input:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 0;
    border-color: var(--_color-focus);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  select.input {
    padding-right: var(--_space-6);
  }
`;

export const alertStyles = css`
  .alert {
    display: flex;
    gap: var(--_space-2);
    align-items: flex-start;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid currentColor;
    border-left-width: 4px;
    border-radius: var(--_radius);
    margin: 0 0 var(--_space-4);
  }
  .alert > * {
    color: var(--_color-text);
  }
  .alert p {
    margin: 0;
  }
  .alert.danger {
    color: var(--_color-danger);
    background: var(--_color-danger-subtle);
  }
  .alert.warning {
    color: var(--_color-warning);
    background: var(--_color-warning-subtle);
  }
  .alert.info {
    color: var(--_color-primary);
    background: var(--_color-primary-subtle);
  }
  .alert.success {
    color: var(--_color-success);
    background: var(--_color-success-subtle);
  }
  .alert .icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.0625rem;
    color: inherit;
  }
`;

export const dialogStyles = css`
  dialog {
    max-width: min(36rem, calc(100vw - 2rem));
    padding: var(--_space-5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  dialog .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
    margin-top: var(--_space-4);
  }
`;

/** Loading, empty and error states share one look. */
export const stateStyles = css`
  .state {
    display: grid;
    justify-items: center;
    gap: var(--_space-2);
    padding: var(--_space-6) var(--_space-4);
    color: var(--_color-text-muted);
    text-align: center;
  }
  .spinner {
    width: 1.5rem;
    height: 1.5rem;
    border: 3px solid var(--_color-border);
    border-top-color: var(--_color-primary);
    border-radius: 50%;
    animation: portal-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  @keyframes portal-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
