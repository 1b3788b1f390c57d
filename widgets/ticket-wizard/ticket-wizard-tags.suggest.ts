/**
 * The suggestions of `<ticket-wizard-tags>` (R-WIZ-2): asking the server for the tags already used
 * at the business partner, the options of the listbox and their CSS. Its own chunk, loaded when the
 * tag field first takes the focus (and warmed when the browser is idle): typing, adding and removing
 * tags work without it, so the wizard's first step does not wait for it (issue 7).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isAbort } from '../core/api.js';
import { formatNumber } from '../core/localization.js';
import type { TicketWizardTags } from './ticket-wizard-tags.element.js';

export const suggestStyles = css`
  [role='listbox'] {
    position: absolute;
    top: calc(100% + 4px);
    left: 0;
    right: 0;
    z-index: 3;
    max-height: 15rem;
    overflow: auto;
    margin: 0;
    padding: var(--_space-1);
    list-style: none;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
  }
  [role='option'] {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_color-primary-subtle);
    color: var(--_color-primary);
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  [role='option']:hover {
    background: var(--_color-surface-sunken);
  }
  .uses {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
`;

/** Asks for the suggestions of the field's text; opens the list when some came and the field still has the focus. */
export async function suggest(host: TicketWizardTags, signal: AbortSignal): Promise<void> {
  try {
    const found = await host.api.lookups.tags(
      { prefix: host.text.trim(), ...(host.partner ? { partner: host.partner } : {}), limit: 8 },
      { signal },
    );
    if (signal.aborted) return;
    const chosen = new Set(host.value.map((t) => t.toLowerCase()));
    const suggestions = (host.suggestions = found.filter((s) => !chosen.has(s.name.toLowerCase())));
    host.active = -1;
    const n = suggestions.length;
    host.open = n > 0 && host.shadowRoot?.activeElement === host.input;
    if (host.open) host.announce(n === 1 ? msg('1 suggestion. Use the arrow keys to choose.') : msg(str`${n} suggestions. Use the arrow keys to choose.`));
  } catch (e) {
    // Suggestions are a help: without them, typing still works.
    if (!isAbort(e)) host.suggestions = [];
  }
}

/** The options of the open list. */
export function options(host: TicketWizardTags): TemplateResult[] {
  return host.suggestions.map(
    (s, i) => html`<li
      role="option"
      id="tag-option-${i}"
      aria-selected=${i === host.active ? 'true' : 'false'}
      @mousedown=${(e: MouseEvent) => e.preventDefault()}
      @click=${() => host.add(s.name)}
    >
      <span>${s.name}</span>
      ${s.uses > 0 ? html`<span class="uses">${usesLabel(s.uses, host)}</span>` : nothing}
    </li>`,
  );
}

function usesLabel(n: number, host: TicketWizardTags): string {
  const count = formatNumber(n, {}, host.locale);
  return n === 1 ? msg('1 ticket') : msg(str`${count} tickets`);
}
