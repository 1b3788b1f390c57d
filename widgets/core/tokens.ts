/**
 * Design tokens. Host pages theme the widgets with `--portal-*` custom properties (R-X-3) and
 * bring no stylesheet of ours, so every token has a fallback here. Each public token resolves
 * into a private `--_*` variable on the widget's host; the widgets' styles use only those.
 *
 * Light and dark: the fallbacks use `light-dark()`, which follows the `color-scheme` the host
 * page gives (inherited), e.g. `html { color-scheme: light dark }` follows the system and
 * `color-scheme: dark` forces dark. A host that sets a token sets it for both.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--portal-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif);
    --_font-mono: var(--portal-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_font-size: var(--portal-font-size, 0.9375rem);
    --_font-size-small: var(--portal-font-size-small, 0.8125rem);
    --_font-size-large: var(--portal-font-size-large, 1.25rem);
    --_line-height: var(--portal-line-height, 1.5);

    --_color-text: var(--portal-color-text, light-dark(#1f2937, #e5e7eb));
    --_color-text-muted: var(--portal-color-text-muted, light-dark(#4b5563, #a3adbb));
    --_color-surface: var(--portal-color-surface, light-dark(#ffffff, #161b22));
    --_color-surface-raised: var(--portal-color-surface-raised, light-dark(#f6f7f9, #1f2630));
    --_color-surface-sunken: var(--portal-color-surface-sunken, light-dark(#eef0f3, #0f1318));
    --_color-border: var(--portal-color-border, light-dark(#d0d5dd, #3a4350));
    --_color-border-strong: var(--portal-color-border-strong, light-dark(#8a94a3, #6b7585));
    --_color-primary: var(--portal-color-primary, light-dark(#1d4ed8, #7aa7ff));
    --_color-primary-hover: var(--portal-color-primary-hover, light-dark(#1e40af, #9dbdff));
    --_color-on-primary: var(--portal-color-on-primary, light-dark(#ffffff, #0b1220));
    --_color-primary-subtle: var(--portal-color-primary-subtle, light-dark(#e8eefc, #1c2a45));
    --_color-danger: var(--portal-color-danger, light-dark(#b42318, #ff8a80));
    --_color-danger-subtle: var(--portal-color-danger-subtle, light-dark(#fdecea, #3a1d1b));
    --_color-warning: var(--portal-color-warning, light-dark(#8a5300, #f5c36b));
    --_color-warning-subtle: var(--portal-color-warning-subtle, light-dark(#fff4e0, #3a2d14));
    --_color-success: var(--portal-color-success, light-dark(#116b35, #6fdc9a));
    --_color-success-subtle: var(--portal-color-success-subtle, light-dark(#e7f6ed, #15301f));
    --_color-focus: var(--portal-color-focus, light-dark(#1d4ed8, #9dbdff));

    --_radius: var(--portal-radius, 6px);
    --_radius-large: var(--portal-radius-large, 10px);
    --_shadow: var(--portal-shadow, 0 1px 2px rgb(0 0 0 / 8%), 0 2px 8px rgb(0 0 0 / 6%));
    --_space-1: var(--portal-space-1, 0.25rem);
    --_space-2: var(--portal-space-2, 0.5rem);
    --_space-3: var(--portal-space-3, 0.75rem);
    --_space-4: var(--portal-space-4, 1rem);
    --_space-5: var(--portal-space-5, 1.5rem);
    --_space-6: var(--portal-space-6, 2rem);
    --_transition: var(--portal-transition, 120ms ease-out);
  }
`;
