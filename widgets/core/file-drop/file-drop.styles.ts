import { css } from 'lit';

export const fileDropStyles = css`
  .base {
    position: relative;
    display: grid;
    gap: var(--_space-2);
  }
  .zone {
    display: grid;
    justify-items: center;
    gap: var(--_space-1);
    width: 100%;
    padding: var(--portal-file-drop-zone-padding, 1.25rem);
    border: 2px dashed var(--_color-border-strong);
    border-radius: var(--_radius-large);
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
    transition: border-color var(--_transition), background-color var(--_transition);
  }
  .zone:hover:not(:disabled) {
    border-color: var(--_color-primary);
    background: var(--_color-primary-subtle);
  }
  .zone:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .zone-icon {
    width: 1.75rem;
    height: 1.75rem;
    color: var(--_color-primary);
  }
  .zone-title {
    font-weight: 600;
    color: var(--_color-primary);
  }
  .zone-hint,
  .limits {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .limits {
    margin: 0;
  }
  .notice {
    align-items: center;
    margin: 0;
  }
  .notice p {
    flex: 1;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .file {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .file:focus-visible {
    outline-offset: 0;
  }
  .file.error {
    border-color: var(--_color-danger);
    background: var(--_color-danger-subtle);
  }
  .file-icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.125rem;
    color: var(--_color-text-muted);
  }
  .file.done .file-icon {
    color: var(--_color-success);
  }
  .file.error .file-icon {
    color: var(--_color-danger);
  }
  .file-main {
    flex: 1;
    min-width: 0;
    display: grid;
    gap: 2px;
  }
  .file-name {
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .file-meta {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .file-error {
    margin: 0;
    color: var(--_color-danger);
    font-size: var(--_font-size-small);
  }
  .file-actions {
    display: flex;
    gap: var(--_space-1);
    align-items: center;
  }
  .remove {
    padding: 0 var(--_space-2);
  }
  .remove .icon {
    width: 1rem;
    height: 1rem;
  }
  progress {
    width: 100%;
    height: 0.375rem;
    margin-top: var(--_space-1);
    border: none;
    border-radius: 999px;
    overflow: hidden;
    background: var(--_color-surface-sunken);
    accent-color: var(--_color-primary);
    appearance: none;
  }
  progress::-webkit-progress-bar {
    background: var(--_color-surface-sunken);
  }
  progress::-webkit-progress-value {
    background: var(--_color-primary);
    transition: width var(--_transition);
  }
  progress::-moz-progress-bar {
    background: var(--_color-primary);
  }
  .overlay {
    position: absolute;
    inset: 0;
    z-index: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-height: 6rem;
    border: 2px dashed var(--_color-primary);
    border-radius: var(--_radius-large);
    background: var(--portal-file-drop-overlay-background, color-mix(in srgb, var(--_color-primary-subtle) 92%, transparent));
    color: var(--_color-primary);
    font-weight: 600;
    pointer-events: none;
  }
  .overlay-icon {
    width: 2rem;
    height: 2rem;
  }
  @media (prefers-reduced-motion: reduce) {
    .zone,
    progress::-webkit-progress-value {
      transition: none;
    }
  }
`;
