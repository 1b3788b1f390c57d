/**
 * The icons several widgets use (inline SVG, decorative: always aria-hidden), in the core chunk
 * every widget loads. An icon only one widget uses belongs in that widget's folder, drawn with
 * `icon()` (the same frame). Still here though only one widget uses them (issue 7; about
 * 0.18 kB brotli for every widget once they move): sun, moon, menu, user (portal-app), signOut
 * (portal-app, portal-session's password change), external (portal-dashboard).
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
  sun: (cls?: string) =>
    icon(svg`<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M6.34 17.66l-1.41 1.41M19.07 4.93l-1.41 1.41"/>`, cls),
  moon: (cls?: string) => icon(svg`<path d="M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79z"/>`, cls),
  signOut: (cls?: string) => icon(svg`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9"/>`, cls),
  menu: (cls?: string) => icon(svg`<path d="M3 6h18M3 12h18M3 18h18"/>`, cls),
  user: (cls?: string) => icon(svg`<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`, cls),
  lock: (cls?: string) => icon(svg`<rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`, cls),
  external: (cls?: string) => icon(svg`<path d="M15 3h6v6M10 14 21 3M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6"/>`, cls),
};
