/**
 * The first-login password change of `<portal-session>` (R-AUTH-3, R-AUTH-4): its card, its state
 * and its submit. Loaded only when the server asks for a new password (its own chunk with the
 * password rules and their texts: most users never see it; issue 7).
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { defaultPasswordPolicy, type PasswordPolicy } from '../../server/schemas/password-rules.js';
import { isAbort, type Api, type Me, type SignedInAccount } from '../core/api.js';
import { icon, icons } from '../core/icons.js';
import {
  checkPasswordChange,
  passwordChangeRefusal,
  passwordChecklistStyles,
  passwordFields,
  type PasswordChange,
  type PasswordField,
  type PasswordFieldErrors,
} from './password-form.js';

export const passwordChangeStyles = [
  passwordChecklistStyles,
  css`
    .actions {
      display: grid;
      gap: var(--_space-2);
      margin-top: var(--_space-5);
    }
  `,
];

/** The sign-out icon (also in portal-app's header; kept out of the core chunk, issue 7). */
const signOutIcon = () => icon(svg`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9"/>`);

/** What the form needs of `<portal-session>`. */
export interface PasswordChangeHost {
  readonly api: Api;
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
  signOut(): Promise<void>;
}

/** The form's state; `<portal-session>` renders it and re-renders on `host.requestUpdate()`. */
export class PasswordChangeForm {
  busy = false;
  #values: PasswordChange = { oldPassword: '', newPassword: '', confirmPassword: '' };
  #errors: PasswordFieldErrors = {};
  #formError: string | null = null;
  #confirmTouched = false;
  #policy: PasswordPolicy = defaultPasswordPolicy;
  #policyFailed = false;

  /**
   * @param current the form the session shows now (another one or none: this one is stale)
   * @param changed the new password is set: `me` of the signed-in account
   */
  constructor(
    readonly host: PasswordChangeHost,
    readonly account: SignedInAccount | null,
    readonly current: () => PasswordChangeForm | null,
    readonly changed: (me: Me) => void,
  ) {
    void this.#loadPolicy();
  }

  render(brand: TemplateResult): TemplateResult {
    const account = this.account;
    return html`<section part="card" class="card" aria-labelledby="title">
      ${brand}
      <h2 id="title" part="title" tabindex="-1">${msg('Set a new password')}</h2>
      <p class="lead">
        ${msg('You signed in with an initial password. Please choose your own password before you continue.')}
      </p>
      ${this.#policyFailed
        ? html`<div class="alert warning" role="status">
            ${icons.info()}<p>${msg('The password rules could not be loaded. The usual rules are shown; the server checks the password again.')}</p>
          </div>`
        : nothing}
      ${this.#formError
        ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${this.#formError}</p></div>`
        : nothing}
      <form part="form" novalidate @submit=${this.#submit}>
        ${account
          ? html`<input type="email" name="username" autocomplete="username" .value=${account.email} hidden readonly />`
          : nothing}
        ${passwordFields({
          values: this.#values,
          errors: this.#errors,
          policy: this.#policy,
          ...(account ? { email: account.email } : {}),
          confirmTouched: this.#confirmTouched,
          oldPasswordHint: msg('The password from your invitation e-mail.'),
          onEdit: (field, value) => this.#edit(field, value),
          onConfirmBlur: this.#onConfirmBlur,
        })}
        <div class="actions">
          <button part="submit" class="button primary block" type="submit">
            ${this.busy ? html`<span class="spinner small" aria-hidden="true"></span>` : nothing}
            ${this.busy ? msg('Saving…') : msg('Save new password')}
          </button>
          <button class="button quiet block" type="button" @click=${() => void this.host.signOut()}>
            ${signOutIcon()}${msg('Sign out')}
          </button>
        </div>
      </form>
    </section>`;
  }

  #edit(field: PasswordField, value: string) {
    this.#values = { ...this.#values, [field]: value };
    if (this.#errors[field]) {
      const { [field]: _gone, ...rest } = this.#errors;
      this.#errors = rest;
    }
    this.host.requestUpdate();
  }

  async #loadPolicy() {
    try {
      const { passwordPolicy } = await this.host.api.auth.policy();
      this.#policy = passwordPolicy;
      this.#policyFailed = false;
    } catch (e) {
      if (isAbort(e)) return;
      this.#policy = defaultPasswordPolicy;
      this.#policyFailed = true;
    }
    this.host.requestUpdate();
  }

  readonly #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const host = this.host;
    if (this.busy || this.current() !== this) return;
    const errors = checkPasswordChange(this.#values, this.#policy, this.account?.email);
    this.#errors = errors;
    this.#formError = null;
    host.requestUpdate();
    if (Object.keys(errors).length > 0) return this.#focusFirstInvalid();

    this.busy = true;
    host.requestUpdate();
    try {
      await host.api.auth.changePassword({ oldPassword: this.#values.oldPassword, newPassword: this.#values.newPassword });
      if (this.current() !== this) return;
      const me = await host.api.me.get();
      if (this.current() === this) this.changed(me);
    } catch (e) {
      if (this.current() !== this || isAbort(e)) return;
      this.busy = false;
      const refusal = passwordChangeRefusal(e, this.#policy);
      this.#errors = refusal.fields;
      this.#formError = refusal.text;
      host.requestUpdate();
      if (Object.keys(refusal.fields).length > 0) return this.#focusFirstInvalid();
    }
  };

  readonly #onConfirmBlur = () => {
    // Blur also fires while a re-render removes the form: only a real blur counts.
    if (this.current() === this && !this.busy) {
      this.#confirmTouched = true;
      this.host.requestUpdate();
    }
  };

  async #focusFirstInvalid() {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}
