/**
 * The password change form's parts (R-AUTH-4), shared by the first-login form of
 * `<portal-session>` and the password change in "Your account" (`<portal-app-settings>`): the
 * three fields with the live rule checklist, the check before sending, and where the server's
 * refusals go. Add `passwordChecklistStyles` to the element's styles.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { checkPasswordRules, type PasswordPolicy, type PasswordRule } from '../../server/schemas/password-rules.js';
import { isApiError } from '../core/api.js';
import { icons } from '../core/icons.js';
import { errorMessage, retryAfter } from '../core/messages.js';
import { passwordIssueText, passwordRuleLabel } from '../core/password-messages.js';
import { fieldErrorList } from './field-errors.js';

export interface PasswordChange {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}
export type PasswordField = keyof PasswordChange;
export type PasswordFieldErrors = Partial<Record<PasswordField, string[]>>;

export interface PasswordFieldsOptions {
  values: PasswordChange;
  /** Errors of the last check or of the server, by field. */
  errors: PasswordFieldErrors;
  policy: PasswordPolicy;
  /** The account's e-mail: a password must not contain it. */
  email?: string;
  /** The repeat field was left once: a difference shows even while it is shorter. */
  confirmTouched: boolean;
  /** A hint under "Current password" (the first login: where that password comes from). */
  oldPasswordHint?: string;
  onEdit(field: PasswordField, value: string): void;
  onConfirmBlur(): void;
}

const notTheSame = () => msg('The two new passwords are not the same.');

/** Current password, new password with the live rule checklist, and its repetition. */
export function passwordFields(o: PasswordFieldsOptions): TemplateResult {
  const { values: v, errors } = o;
  const rules = checkPasswordRules(v.newPassword, o.policy, { ...(o.email ? { email: o.email } : {}), oldPassword: v.oldPassword });
  const mismatch =
    v.confirmPassword !== '' && v.confirmPassword !== v.newPassword && (o.confirmTouched || v.confirmPassword.length >= v.newPassword.length);
  const confirmErrors = errors.confirmPassword ?? (mismatch ? [notTheSame()] : []);
  const edit = (field: PasswordField) => (e: InputEvent) => o.onEdit(field, (e.target as HTMLInputElement).value);
  const oldDescribedBy = [o.oldPasswordHint ? 'old-password-hint' : '', errors.oldPassword ? 'old-password-error' : ''].filter(Boolean).join(' ');
  return html`<div class="field">
      <label for="old-password">${msg('Current password')}</label>
      ${o.oldPasswordHint ? html`<span class="hint" id="old-password-hint">${o.oldPasswordHint}</span>` : nothing}
      <input
        id="old-password"
        class="input"
        type="password"
        autocomplete="current-password"
        required
        .value=${v.oldPassword}
        @input=${edit('oldPassword')}
        aria-invalid=${errors.oldPassword ? 'true' : 'false'}
        aria-describedby=${oldDescribedBy || nothing}
      />
      ${fieldErrorList('old-password-error', errors.oldPassword)}
    </div>
    <div class="field">
      <label for="new-password">${msg('New password')}</label>
      <input
        id="new-password"
        class="input"
        type="password"
        autocomplete="new-password"
        required
        .value=${v.newPassword}
        @input=${edit('newPassword')}
        aria-invalid=${errors.newPassword ? 'true' : 'false'}
        aria-describedby=${errors.newPassword ? 'new-password-error rules' : 'rules'}
      />
      ${fieldErrorList('new-password-error', errors.newPassword)} ${passwordChecklist(rules, o.policy)}
    </div>
    <div class="field">
      <label for="confirm-password">${msg('Repeat the new password')}</label>
      <input
        id="confirm-password"
        class="input"
        type="password"
        autocomplete="new-password"
        required
        .value=${v.confirmPassword}
        @input=${edit('confirmPassword')}
        @blur=${o.onConfirmBlur}
        aria-invalid=${confirmErrors.length > 0 ? 'true' : 'false'}
        aria-describedby=${confirmErrors.length > 0 ? 'confirm-password-error' : nothing}
      />
      ${fieldErrorList('confirm-password-error', confirmErrors)}
    </div>`;
}

/** The form's own check before sending: empty fields, rules not met, the repetition. */
export function checkPasswordChange(v: PasswordChange, policy: PasswordPolicy, email?: string): PasswordFieldErrors {
  const errors: PasswordFieldErrors = {};
  if (!v.oldPassword) errors.oldPassword = [msg('Please enter your current password.')];
  const unmet = checkPasswordRules(v.newPassword, policy, { ...(email ? { email } : {}), oldPassword: v.oldPassword }).filter((r) => !r.ok);
  if (!v.newPassword) errors.newPassword = [msg('Please enter a new password.')];
  else if (unmet.length > 0) errors.newPassword = [msg('The new password does not meet all rules yet.')];
  if (v.newPassword && v.confirmPassword !== v.newPassword) errors.confirmPassword = [notTheSame()];
  return errors;
}

/**
 * Where a refused `POST /api/auth/password` goes: a 422's issues at their fields (the rest as
 * one text); any other error as one text (a wait for too many attempts).
 */
export function passwordChangeRefusal(error: unknown, policy: PasswordPolicy): { fields: PasswordFieldErrors; text: string | null } {
  if (isApiError(error) && error.code === 'validation_failed' && error.issues.length > 0) {
    const fields: PasswordFieldErrors = {};
    const rest: string[] = [];
    for (const issue of error.issues) {
      const text = passwordIssueText(issue.rule, policy, issue.message);
      if (issue.path === 'oldPassword' || issue.path === 'newPassword') (fields[issue.path] ??= []).push(text);
      else rest.push(text);
    }
    return { fields, text: rest.length > 0 ? rest.join(' ') : null };
  }
  const text =
    isApiError(error) && error.code === 'rate_limited'
      ? msg(str`Too many failed attempts. Please wait ${retryAfter(error) ?? 30} seconds and try again.`)
      : errorMessage(error);
  return { fields: {}, text };
}

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
