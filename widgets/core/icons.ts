/**
 * The icons several widgets use (inline SVG, decorative: always aria-hidden), in the core chunk
 * every widget loads. An icon only one widget uses belongs in that widget's folder, drawn with
 * `icon()` (the same frame), e.g. portal-app's header icons (portal-app.icons.ts; issue 7).
 */
import { svg, html, type TemplateResult } from 'lit';

/** An icon: `body` (SVG shapes on a 24 × 24 grid, stroked) in the shared frame. */
export const icon = (body: ReturnType<typeof svg>, cls = 'icon'): TemplateResult =>
  html`<svg class=${cls} viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor"
    stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const icons = {
  check: (cls?: string) => icon(svg`<path d="M20 6 9 17l-5-5"/>`, cls),
  cross: (cls?: string) => icon(svg`<path d="M18 6 6 18M6 6l12 12"/>`, cls),
  alert: (cls?: string) => icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 8v4M12 16h.01"/>`, cls),
  info: (cls?: string) => icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 16v-4M12 8h.01"/>`, cls),
  clock: (cls?: string) => icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>`, cls),
  lock: (cls?: string) => icon(svg`<rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`, cls),
};
