import { html, nothing, type TemplateResult } from 'lit';

/**
 * The messages of one field, `id` for its `aria-describedby`. Its own module: the sign-in form
 * needs it, the password forms (loaded on first use) too.
 */
export function fieldErrorList(id: string, errors: readonly string[] | undefined): TemplateResult | typeof nothing {
  if (!errors || errors.length === 0) return nothing;
  return html`<div class="error" id=${id}>${errors.map((e) => html`<p class="error">${e}</p>`)}</div>`;
}
