/** Icons only the plan board uses (inline SVG, decorative: always aria-hidden). The board view's own icons live in its module. */
import { html, svg, type TemplateResult } from 'lit';

export const icon = (body: ReturnType<typeof svg>): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor"
    stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const planIcons = {
  back: () => icon(svg`<path d="M19 12H5M12 19l-7-7 7-7"/>`),
  columns: () => icon(svg`<rect x="3" y="4" width="5" height="16" rx="1"/><rect x="10" y="4" width="5" height="11" rx="1"/><rect x="17" y="4" width="4" height="7" rx="1"/>`),
};
