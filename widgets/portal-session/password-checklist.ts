/**
 * The live checklist of password rules (R-AUTH-4), shared by the first-login form of
 * `<portal-session>` and the password change in "Your account" (`<portal-app-settings>`).
 * Render it under the new-password field (`aria-describedby` its `id`) and add
 * `passwordChecklistStyles` to the element's styles.
 */
import { css, html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PasswordPolicy, PasswordRule } from '../../server/schemas/password-rules.js';
import { icons } from '../core/icons.js';
import { passwordRuleLabel } from '../core/password-messages.js';

/** The rules `checks` as a list: met ones with a tick, open ones with a cross (and hidden words for screen readers). */
export function passwordChecklist(checks: readonly { rule: PasswordRule; ok: boolean }[], policy: PasswordPolicy, id = 'rules'): TemplateResult {
  return html`<ul part="rules" class="rules" id=${id} aria-label=${msg('Password rules')}>
    ${checks.map(
      (r) => html`<li class=${r.ok ? 'met' : 'unmet'} data-rule=${r.rule}>
        ${r.ok ? icons.check('icon') : icons.cross('icon')}
        <span>${passwordRuleLabel(r.rule, policy)}</span>
        <span class="visually-hidden">${r.ok ? msg('(met)') : msg('(not met yet)')}</span>
      </li>`,
    )}
  </ul>`;
}

export const passwordChecklistStyles = css`
  .rules {
    list-style: none;
    margin: var(--_space-2) 0 0;
    padding: var(--_space-3);
    display: grid;
    gap: var(--_space-1);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    font-size: var(--_font-size-small);
  }
  .rules li {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_color-text-muted);
  }
  .rules li.met {
    color: var(--_color-success);
  }
  .rules .icon {
    flex: none;
    width: 1rem;
    height: 1rem;
  }
`;
