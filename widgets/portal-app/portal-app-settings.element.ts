import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { defaultPasswordPolicy, type PasswordPolicy } from '../../server/schemas/password-rules.js';
import { isAbort, type Locale, type Me } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { LocaleRequestEvent, RefreshRequestEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { errorMessage } from '../core/messages.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles } from '../core/styles.js';
import { checkPasswordChange, passwordChangeRefusal, passwordChecklistStyles, passwordFields, type PasswordField, type PasswordFieldErrors } from '../portal-session/password-form.js';


/**
 * The signed-in user's own settings (`#/settings` in `<portal-app>`): e-mail notifications on or
 * off and the language of the portal and of its e-mails (`PATCH /api/me`), saved with a button (on
 * an error the choices stay as the user left them); and the password change (`POST
 * /api/auth/password`, R-AUTH-4) with the live checklist of the rules. The server ends every other
 * session of the account; this one stays signed in.
 *
 * @summary The user's account settings: e-mail notifications, language, password.
 *
 * @csspart base - The settings section.
 * @csspart password - The password change form.
 * @csspart rules - The live checklist of password rules.
 *
 * @event portal-refresh-request - Saved: the session loads `/api/me` again.
 * @event portal-locale-request - The saved language differs from the page's (`locale`, `source`).
 */
export class PortalAppSettings extends PortalElement {
  static override styles = [
    hostStyles,
    buttonStyles,
    fieldStyles,
    alertStyles,
    passwordChecklistStyles,
    css`
      .settings {
        max-width: 40rem;
        display: grid;
        gap: var(--_space-4);
      }
      h1 {
        font-size: var(--_font-size-large);
        margin: 0;
      }
      h2 {
        font-size: 1.0625rem;
        margin: 0;
      }
      .lead {
        margin: calc(-1 * var(--_space-2)) 0 0;
        color: var(--_color-text-muted);
      }
      .field input.input {
        max-width: 24rem;
      }
      .rules {
        max-width: 24rem;
        box-sizing: border-box;
      }

      .who {
        margin: 0;
        color: var(--_color-text-muted);
        overflow-wrap: anywhere;
      }
      form {
        display: grid;
        gap: var(--_space-4);
        padding: var(--_space-5);
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius-large);
        background: var(--_color-surface);
      }
      .check {
        display: flex;
        align-items: center;
        gap: var(--_space-3);
        font-weight: 600;
        cursor: pointer;
      }
      .check input {
        width: 1.125rem;
        height: 1.125rem;
        margin: 0;
        accent-color: var(--_color-primary);
      }
      .hint {
        margin: var(--_space-1) 0 0;
        color: var(--_color-text-muted);
        font-size: var(--_font-size-small);
      }
      .field select {
        max-width: 16rem;
      }
      .actions {
        display: flex;
        justify-content: flex-start;
      }
      /* narrow: the cards give the fields the room */
      @container (max-width: 30rem) {
        form {
          padding: var(--_space-4);
        }
      }
      /* busy: not disabled, so the focus stays on the button while the request runs */
      .button[aria-disabled='true'] {
        opacity: 0.7;
        cursor: progress;
      }
      .alert {
        margin: 0;
      }
      /* an empty live region takes no room (it stays in place for the announcement) */
      .status:not(:has(.alert)) {
        margin-top: calc(-1 * var(--_space-4));
      }
    `,
  ];

  /** The signed-in user as `/api/me` describes it. */
  @property({ attribute: false }) me: Me | null = null;

  /** the choices on the form (null: as the account has it) */
  @state() private notify: boolean | null = null;
  @state() private language: Locale | null = null;
  @state() private saving = false;
  @state() private error: unknown = null;
  @state() private saved = false;

  @state() private policy: PasswordPolicy = defaultPasswordPolicy;
  @state() private policyFailed = false;
  @state() private oldPassword = '';
  @state() private newPassword = '';
  @state() private confirmPassword = '';
  @state() private confirmTouched = false;
  @state() private passwordErrors: PasswordFieldErrors = {};
  @state() private passwordError: string | null = null;
  @state() private passwordBusy = false;
  @state() private passwordChanged = false;
  #policyAbort: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadPolicy();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#policyAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // another account: its own settings
    if (changed.has('me') && changed.get('me')?.account.id !== this.me?.account.id) {
      this.notify = null;
      this.language = null;
      this.error = null;
      this.saved = false;
      this.#resetPassword();
      this.passwordChanged = false;
    }
  }

  protected override render(): TemplateResult {
    const me = this.me;
    if (!me) return html``;
    const notify = this.notify ?? me.account.notifyEmail;
    const language = this.language ?? me.account.locale;
    return html`<section part="base" class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">${msg('Your account')}</h1>
      <p class="who">${me.account.name} · ${me.account.email}</p>
      <form @submit=${this.#save} novalidate aria-labelledby="notify-title">
        <h2 id="notify-title">${msg('Notifications and language')}</h2>
        <div>
          <label class="check">
            <input
              id="notify-email"
              type="checkbox"
              .checked=${notify}
              aria-describedby="notify-hint"
              @change=${(e: Event) => this.#edit(() => (this.notify = (e.target as HTMLInputElement).checked))}
            />
            <span>${msg('E-mail notifications')}</span>
          </label>
          <p class="hint" id="notify-hint">
            ${msg('The portal sends you an e-mail when something happens to your tickets, for example when the service desk answers or a ticket awaits your release.')}
          </p>
        </div>
        <div class="field">
          <label for="account-locale">${msg('Language of the portal and its e-mails')}</label>
          <select
            id="account-locale"
            class="input"
            @change=${(e: Event) => this.#edit(() => (this.language = (e.target as HTMLSelectElement).value as Locale))}
          >
            <option value="de" lang="de" ?selected=${language === 'de'}>Deutsch</option>
            <option value="en" lang="en" ?selected=${language === 'en'}>English</option>
          </select>
        </div>
        <div class="actions">
          <button class="button primary" type="submit" aria-disabled=${this.saving ? 'true' : 'false'} aria-busy=${this.saving ? 'true' : 'false'}>
            ${this.saving ? msg('Saving…') : msg('Save')}
          </button>
        </div>
        <div class="status" role="status">
          ${this.saved ? html`<div class="alert success">${icons.check()}<p>${msg('Your settings are saved.')}</p></div>` : nothing}
        </div>
        ${this.error
          ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${errorMessage(this.error)}</p></div>`
          : nothing}
      </form>
      ${this.#renderPassword(me)}
    </section>`;
  }

  #renderPassword(me: Me): TemplateResult {
    return html`<form part="password" novalidate aria-labelledby="password-title" @submit=${this.#changePassword}>
      <h2 id="password-title">${msg('Change password')}</h2>
      <p class="lead">${msg('After the change you stay signed in here; on all other devices and browsers you will be signed out.')}</p>
      ${this.policyFailed
        ? html`<div class="alert warning" role="status">
            ${icons.info()}<p>${msg('The password rules could not be loaded. The usual rules are shown; the server checks the password again.')}</p>
          </div>`
        : nothing}
      <input type="email" name="username" autocomplete="username" .value=${me.account.email} hidden readonly />
      ${passwordFields({
        values: this.#passwordValues(),
        errors: this.passwordErrors,
        policy: this.policy,
        email: me.account.email,
        confirmTouched: this.confirmTouched,
        onEdit: (field, value) => this.#editPassword(field, value),
        onConfirmBlur: () => (this.confirmTouched = !this.passwordBusy),
      })}
      <div class="actions">
        <button
          class="button primary"
          type="submit"
          aria-disabled=${this.passwordBusy ? 'true' : 'false'}
          aria-busy=${this.passwordBusy ? 'true' : 'false'}
        >
          ${this.passwordBusy ? msg('Saving…') : msg('Change password')}
        </button>
      </div>
      <div class="status" role="status" id="password-status">
        ${this.passwordChanged
          ? html`<div class="alert success">
              ${icons.check()}<p>${msg('Your password has been changed. You stay signed in here; on your other devices and browsers you were signed out and sign in again with the new password.')}</p>
            </div>`
          : nothing}
      </div>
      ${this.passwordError
        ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${this.passwordError}</p></div>`
        : nothing}
    </form>`;
  }

  #editPassword(field: PasswordField, value: string) {
    this[field] = value;
    this.passwordChanged = false;
    if (this.passwordErrors[field]) {
      const { [field]: _gone, ...rest } = this.passwordErrors;
      this.passwordErrors = rest;
    }
  }

  #passwordValues() {
    return { oldPassword: this.oldPassword, newPassword: this.newPassword, confirmPassword: this.confirmPassword };
  }

  #resetPassword() {
    this.oldPassword = this.newPassword = this.confirmPassword = '';
    this.confirmTouched = false;
    this.passwordErrors = {};
    this.passwordError = null;
  }

  async #loadPolicy() {
    this.#policyAbort?.abort();
    const abort = (this.#policyAbort = new AbortController());
    try {
      const { passwordPolicy } = await this.api.auth.policy({ signal: abort.signal });
      this.policy = passwordPolicy;
      this.policyFailed = false;
    } catch (e) {
      if (isAbort(e)) return;
      this.policy = defaultPasswordPolicy;
      this.policyFailed = true;
    }
  }

  readonly #changePassword = async (e: Event) => {
    e.preventDefault();
    const me = this.me;
    if (!me || this.passwordBusy) return;
    const errors = checkPasswordChange(this.#passwordValues(), this.policy, me.account.email);
    this.passwordErrors = errors;
    this.passwordError = null;
    this.passwordChanged = false;
    if (Object.keys(errors).length > 0) return this.#focusFirstInvalid();

    this.passwordBusy = true;
    try {
      await this.api.auth.changePassword({ oldPassword: this.oldPassword, newPassword: this.newPassword });
      // The server keeps this session (cookie or token unchanged) and ends all others.
      this.#resetPassword();
      this.passwordChanged = true;
    } catch (error) {
      const refusal = passwordChangeRefusal(error, this.policy);
      // a wrong current password is typed again; the new one stays
      if (refusal.fields.oldPassword) this.oldPassword = '';
      this.passwordErrors = refusal.fields;
      this.passwordError = refusal.text;
      if (Object.keys(refusal.fields).length > 0) await this.#focusFirstInvalid();
    } finally {
      this.passwordBusy = false;
    }
  };

  async #focusFirstInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form[part="password"] [aria-invalid="true"]')?.focus();
  }

  #edit(apply: () => void) {
    apply();
    this.saved = false;
  }

  readonly #save = async (e: Event) => {
    e.preventDefault();
    const me = this.me;
    if (!me || this.saving) return;
    const notifyEmail = this.notify ?? me.account.notifyEmail;
    const locale = this.language ?? me.account.locale;
    this.saving = true;
    this.saved = false;
    this.error = null;
    try {
      const fresh = await this.api.me.update({ notifyEmail, locale });
      this.me = fresh;
      this.notify = null;
      this.language = null;
      this.saved = true;
      if (locale !== this.locale) this.emit(new LocaleRequestEvent(locale, 'user'));
      this.emit(new RefreshRequestEvent());
    } catch (error) {
      // the choices stay on the form; the user may try again
      this.error = error;
    } finally {
      this.saving = false;
    }
  };
}

