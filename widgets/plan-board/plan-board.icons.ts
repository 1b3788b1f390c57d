/** Icons only the plan board uses (inline SVG, decorative: always aria-hidden). */
import { html, svg, type TemplateResult } from 'lit';

const icon = (body: ReturnType<typeof svg>, cls = 'icon'): TemplateResult =>
  html`<svg class=${cls} viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor"
    stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const planIcons = {
  back: () => icon(svg`<path d="M19 12H5M12 19l-7-7 7-7"/>`),
  ticket: () => icon(svg`<path d="M3 8a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-2a2 2 0 0 0 0-4z"/><path d="M13 6v12" stroke-dasharray="2 2"/>`),
  calendar: () => icon(svg`<rect x="3" y="4" width="18" height="17" rx="2"/><path d="M16 2v4M8 2v4M3 10h18"/>`),
  columns: () => icon(svg`<rect x="3" y="4" width="5" height="16" rx="1"/><rect x="10" y="4" width="5" height="11" rx="1"/><rect x="17" y="4" width="4" height="7" rx="1"/>`),
  timeline: () => icon(svg`<path d="M3 6h10M7 12h12M5 18h8"/>`),
  move: () => icon(svg`<path d="M5 9l-3 3 3 3M9 5l3-3 3 3M15 19l-3 3-3-3M19 9l3 3-3 3M2 12h20M12 2v20"/>`),
  grip: () => icon(svg`<circle cx="9" cy="6" r="1"/><circle cx="15" cy="6" r="1"/><circle cx="9" cy="12" r="1"/><circle cx="15" cy="12" r="1"/><circle cx="9" cy="18" r="1"/><circle cx="15" cy="18" r="1"/>`, 'icon grip'),
};
