import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Locale, Me } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { LocaleRequestEvent, RefreshRequestEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { errorMessage } from '../core/messages.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles } from '../core/styles.js';

/**
 * The signed-in user's own settings (`#/settings` in `<portal-app>`): e-mail notifications on or
 * off and the language of the portal and of its e-mails (`PATCH /api/me`). Saved with a button;
 * on an error the choices stay as the user left them.
 *
 * @summary The user's account settings: e-mail notifications and language.
 *
 * @csspart base - The settings section.
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
      .alert {
        margin: 0;
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // another account: its own settings
    if (changed.has('me') && changed.get('me')?.account.id !== this.me?.account.id) {
      this.notify = null;
      this.language = null;
      this.error = null;
      this.saved = false;
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
      <form @submit=${this.#save} novalidate>
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
          <button class="button primary" type="submit" ?disabled=${this.saving} aria-busy=${this.saving ? 'true' : 'false'}>
            ${this.saving ? msg('Saving…') : msg('Save')}
          </button>
        </div>
        <div role="status">
          ${this.saved ? html`<div class="alert success">${icons.check()}<p>${msg('Your settings are saved.')}</p></div>` : nothing}
        </div>
        ${this.error
          ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${errorMessage(this.error)}</p></div>`
          : nothing}
      </form>
    </section>`;
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
