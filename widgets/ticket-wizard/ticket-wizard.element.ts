import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, str } from '@lit/localize';
import type { Api, NamedItem, PartnerItem, PriorityMatrix, TicketDetail } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { sessionContext, sessionKey, waitingForSession, type SessionState } from '../core/contexts.js';
import { icons } from '../core/icons.js';
import { formatNumber } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import { TicketWizardTags } from './ticket-wizard-tags.element.js';
import { defineOnce } from '../core/define-once.js';
import {
  clearDraft,
  emptyDraft,
  hasContent,
  loadDraft,
  saveDraft,
  stepOfField,
  steps,
  SUBJECT_MAX,
  validateFirst,
  type Draft,
  type Field,
  type FieldErrors,
} from './ticket-wizard.draft.js';
import { ticketWizardStyles } from './ticket-wizard.styles.js';

/** What the wizard loads before it shows (per account and language). @internal */
export interface Lookups {
  accountId: string;
  partners: PartnerItem[];
  types: (NamedItem & { usage: number })[];
  areas: NamedItem[];
  matrix: PriorityMatrix;
}

/** The steps after the first, the review, sending and the success view (loaded on their own). */
type Later = typeof import('./ticket-wizard.steps.js');

const wizardStates = ['loading', 'error', 'denied', 'empty', 'ready', 'sent'] as const;
const last = steps.length - 1;

/** When the browser is idle, at the latest after 2 s (a page that is never idle gets them too). */
const whenIdle = (f: () => void) =>
  'requestIdleCallback' in globalThis ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 200);

const loading = () =>
  html`<div class="state" role="status"><span class="spinner" aria-hidden="true"></span><span>${msg('Loading…')}</span></div>`;

/**
 * Creates a ticket in six steps, as the manual's Ticket-Wizard (R-WIZ-1..11): subject and tags,
 * attachments, description, classification (business partner when the account writes for
 * several, reference number, ticket type, area, urgency and impact with the resulting
 * priority), release and privacy, then a review to send from. Each step checks its fields
 * before going on; a failed step or a failed send keeps everything, server issues appear at
 * their fields (the wizard goes to that step), and the half-written ticket is kept in
 * sessionStorage per account until it was sent, so a reload or a network error loses nothing.
 * Accounts without the right to create tickets (viewers) get a message instead of the form.
 * The steps after the first load on their own (ticket-wizard.steps.ts) once the first shows.
 *
 * @summary The ticket wizard: six steps from subject to review; keeps the draft until sent.
 *
 * @attr lang - UI language when used without `<portal-session>`.
 * @attr api-base - Server base URL when used without `<portal-session>`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart steps - The list of steps.
 * @csspart form - The current step's form.
 * @csspart actions - The Back / Next / Create buttons.
 * @csspart review - The summary on the last step.
 * @csspart success - The view after the ticket was created.
 * @csspart priority - The live priority preview.
 *
 * @cssprop --ticket-wizard-max-width - Largest width of the wizard (default 64rem).
 * @cssprop --ticket-wizard-steps-width - Width of the step list on wide layouts (default 15rem).
 *
 * @cssstate loading - Lookups (partners, types, areas) are loading.
 * @cssstate error - The lookups (or the steps after the first) could not be loaded.
 * @cssstate denied - The account may not create tickets (viewer).
 * @cssstate empty - There are no ticket types or areas to choose from.
 * @cssstate ready - The form shows.
 * @cssstate sent - The ticket was created; the success view shows.
 * @cssstate busy - The ticket is being sent.
 *
 * @event ticket-created - The server created the ticket (`detail`: the ticket).
 * @event ticket-open - "Open ticket" on the success view (`detail: { id }`); cancelable. Not prevented: `location.hash` becomes `#/tickets/<id>`.
 * @event portal-refresh-request - After creating: counts (tickets awaiting release) changed.
 */
export class TicketWizard extends PortalElement {
  static override styles = [hostStyles, buttonStyles, fieldStyles, alertStyles, stateStyles, ticketWizardStyles];

  // The members below without `#` are read and set by ticket-wizard.steps.ts too.

  /** @internal */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  session?: SessionState;

  /** @internal */
  @state() data?: Lookups;
  /** @internal */
  @state() draft: Draft = emptyDraft();
  /** @internal */
  @state() step = 0;
  /** @internal */
  @state() errors: FieldErrors = {};
  /** @internal */
  @state() uploading = 0;
  /** @internal */
  @state() failedUploads = 0;
  /** @internal */
  @state() sending = false;
  /** @internal */
  @state() sendError: unknown = null;
  /** @internal */
  @state() restored = false;
  /** @internal */
  @state() created: TicketDetail | null = null;
  @state() private reached = 0;
  @state() private announcement = '';
  @state() private loadError: unknown = null;

  /** the account whose draft is in memory @internal */
  owner: string | null = null;
  /** after a restore: push attachments into the file drop once it is rendered @internal */
  pushFiles = false;
  /** @internal */
  focusNext: string | null = null;
  /** @internal */
  editorAsked = false;

  #later?: Later;
  #loading?: Promise<Later>;
  #idle = false;
  #key: readonly unknown[] = [];
  #abort?: AbortController;

  override connectedCallback(): void {
    // its sub-element is registered on first use, so importing the class has no side effects
    if (!customElements.get('ticket-wizard-tags')) defineOnce('ticket-wizard-tags', TicketWizardTags);
    super.connectedCallback();
  }

  /** Starts a new, empty ticket (the draft kept for this account is dropped). */
  reset(): void {
    if (this.owner) clearDraft(this.owner);
    this.draft = this.#withDefaults(emptyDraft(), this.data);
    this.step = this.reached = 0;
    this.errors = {};
    this.sendError = this.created = null;
    this.restored = false;
    this.#later?.clear(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // the lookups, again for another account, API or language
    const key = [this.api, sessionKey(this.session), this.locale];
    if (key.some((v, i) => v !== this.#key[i])) {
      this.#key = key;
      void this.#fetch();
    }
    const data = this.data;
    if (data && this.owner !== data.accountId) this.#adoptDraft(data);
    this.setExclusiveState(this.#view(), wizardStates);
    this.setCustomState('busy', this.sending);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // the later steps: at once when the wizard is past its first step, else when the browser is idle
    if (this.#view() === 'ready') {
      if (this.step) this.#load();
      else if (!this.#idle) {
        this.#idle = true;
        whenIdle(() => this.#load());
      }
    }
    this.#later?.afterRender(this, changed.has('step'));
    const focus = this.focusNext;
    this.focusNext = null;
    if (focus) this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  protected override render(): TemplateResult {
    const view = this.#view();
    return html`<div part="base" class="base" lang=${this.locale}>
      ${view === 'loading'
        ? loading()
        : view === 'ready'
          ? this.#renderWizard(this.data!)
          : view === 'sent'
            ? this.#later!.success(this, this.created!)
            : this.#renderProblem(view)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  // --- states -------------------------------------------------------------------------------

  #view(): (typeof wizardStates)[number] {
    if (this.created) return 'sent';
    const data = this.data;
    if (!data) return this.loadError ? 'error' : 'loading';
    if (!data.partners.some((p) => p.canWrite)) return 'denied';
    if (data.types.length === 0 || data.areas.length === 0) return 'empty';
    return 'ready';
  }

  async #fetch(): Promise<void> {
    const [api, who] = this.#key as [Api, string | null];
    this.#abort?.abort();
    // inside <portal-session>, nothing loads until someone is signed in (a host sign-in may run)
    if (who === waitingForSession) return;
    const { signal } = (this.#abort = new AbortController());
    this.loadError = null;
    try {
      const accountId = who ?? (await api.me.get({ signal })).account.id;
      const [partners, types, areas, matrix] = await Promise.all([
        api.lookups.partners({ signal }),
        api.lookups.types({ signal }),
        api.lookups.areas({ signal }),
        api.lookups.priorityMatrix({ signal }),
      ]);
      if (!signal.aborted) this.data = { accountId, partners, types, areas, matrix };
    } catch (e) {
      if (!signal.aborted) {
        this.data = undefined;
        this.loadError = e;
      }
    }
  }

  /** Runs `then` with the later steps' module, loading it first if needed. */
  #load(then: (m: Later) => void = () => undefined): void {
    if (this.#later) return then(this.#later);
    (this.#loading ??= import('./ticket-wizard.steps.js')).then(
      (m) => {
        if (!this.#later) {
          this.#later = m;
          adoptStyles(this.shadowRoot!, [...(this.constructor as typeof TicketWizard).elementStyles, m.laterStyles]);
          this.requestUpdate();
        }
        then(m);
      },
      (e: unknown) => {
        // the next need tries again; needed now (past the first step): the error view and its
        // "Try again", which loads the lookups and then these steps (the draft stays as it is)
        this.#loading = undefined;
        if (this.step) {
          this.data = undefined;
          this.loadError = e;
        }
      },
    );
  }

  /** The lookups failed; the account may not create tickets; nothing to choose from. */
  #renderProblem(view: 'error' | 'denied' | 'empty'): TemplateResult {
    const error = this.loadError;
    const ref = errorReference(error);
    return html`<section class="panel-state" aria-labelledby="title">
      <h2 id="title">${msg('Create ticket')}</h2>
      ${view === 'error'
        ? html`<div class="alert danger" role="alert">
            ${icons.alert()}
            <div>
              <p>${errorMessage(error)}</p>
              ${ref ? html`<p class="reference">${msg(str`Reference: ${ref}`)}</p>` : nothing}
            </div>
          </div>`
        : view === 'denied'
          ? html`<div class="alert info">
              ${icons.lock()}
              <div>
                <p>${msg('Your permission group may read tickets but not create them.')}</p>
                <p>${msg('To create tickets you need the permission group editor or dispatcher. Please ask the person who manages the portal accounts at your company.')}</p>
              </div>
            </div>`
          : html`<div class="alert warning">
              ${icons.info()}
              <p>${msg('Tickets cannot be created yet: the service desk has not set up any ticket types or areas. Please contact the service desk.')}</p>
            </div>`}
      ${view === 'denied'
        ? nothing
        : html`<button class="button ${view === 'error' ? 'primary' : ''}" type="button" @click=${() => void this.#fetch()}>
            ${view === 'error' ? msg('Try again') : msg('Check again')}
          </button>`}
    </section>`;
  }

  // --- the wizard ---------------------------------------------------------------------------

  /** @internal */
  stepTitle(i: number): string {
    return [msg('Subject and tags'), msg('Attachments'), msg('Description'), msg('Classification'), msg('Release and privacy'), msg('Review and send')][i]!;
  }

  #renderWizard(data: Lookups): TemplateResult {
    const later = this.#later;
    const d = this.draft;
    const number = (n: number) => formatNumber(n, {}, this.locale);
    const total = number(steps.length);
    const current = number(this.step + 1);
    const length = number(d.subject.trim().length);
    return html`<div class="head">
        <h2 id="title">${msg('Create ticket')}</h2>
        <p class="lead">${msg('Describe your request in a few steps. Nothing is sent before the last step.')}</p>
      </div>
      ${this.restored
        ? html`<div class="alert info restored" role="status">
            ${icons.info()}
            <p>${msg('Your unsent ticket was restored.')}</p>
            <button class="button small" type="button" @click=${() => this.#load((m) => m.discard(this))}>${msg('Discard and start over')}</button>
          </div>`
        : nothing}
      <div class="layout">
        <nav part="steps" class="steps" aria-label=${msg('Steps')}>
          <p class="step-count" aria-hidden="true">${msg(str`Step ${current} of ${total}`)}</p>
          <progress class="progress" aria-hidden="true" max=${steps.length} .value=${this.step + 1}></progress>
          <ol>
            ${steps.map((_, i) => {
              const hasError = Object.keys(this.errors).some((f) => stepOfField[f as Field] === i);
              return html`<li class=${i === this.step ? 'current' : i <= this.reached ? 'done' : 'todo'}>
                <button
                  type="button"
                  class="step ${hasError ? 'has-error' : ''}"
                  ?disabled=${i > this.reached || this.sending}
                  aria-current=${i === this.step ? 'step' : nothing}
                  @click=${() => this.goTo(i)}
                >
                  <span class="num" aria-hidden="true">${hasError ? '!' : i < this.reached && i !== this.step ? icons.check() : number(i + 1)}</span>
                  <span class="step-label">${this.stepTitle(i)}</span>
                  ${hasError ? html`<span class="visually-hidden">${msg('(needs attention)')}</span>` : nothing}
                </button>
              </li>`;
            })}
          </ol>
        </nav>
        <form part="form" class="form" novalidate @submit=${this.#onSubmit}>
          <h3 id="step-title" class="step-title" tabindex="-1">
            <span class="visually-hidden">${msg(str`Step ${current} of ${total}:`)} </span>${this.stepTitle(this.step)}
          </h3>
          <div class="panel" ?hidden=${this.step !== 0}>
            <div class="field">
              <label for="subject">${msg('Subject')}<span class="required" aria-hidden="true"> *</span></label>
              <span class="hint" id="subject-hint">${msg('A short, meaningful summary, e.g. “Printer on the 3rd floor prints blank pages”.')}</span>
              <input
                id="subject"
                class="input"
                type="text"
                autocomplete="off"
                maxlength=${SUBJECT_MAX}
                required
                .value=${d.subject}
                aria-invalid=${this.errors.subject ? 'true' : 'false'}
                aria-describedby="subject-hint subject-count${this.errors.subject ? ' subject-error' : ''}"
                @input=${(e: Event) => this.upd({ subject: (e.target as HTMLInputElement).value }, 'subject')}
              />
              <span class="hint counter" id="subject-count">${msg(str`${length} of ${SUBJECT_MAX} characters`)}</span>
              ${this.errors.subject ? html`<p class="error" id="subject-error">${this.errors.subject}</p>` : nothing}
            </div>
            <ticket-wizard-tags
              .api=${this.api}
              .value=${d.tags}
              partner=${this.partnerFor(data)?.id ?? ''}
              error=${this.errors.tags ?? ''}
              @change=${(e: Event) => this.upd({ tags: [...(e.target as TicketWizardTags).value] }, 'tags')}
            ></ticket-wizard-tags>
          </div>
          ${later ? later.panels(this, data) : this.step ? loading() : nothing}
          <div part="actions" class="actions">
            ${this.step > 0
              ? html`<button class="button" type="button" ?disabled=${this.sending} @click=${() => this.goTo(this.step - 1)}>${msg('Back')}</button>`
              : html`<span></span>`}
            ${this.step < last ? html`<button class="button primary" type="submit">${msg('Next')}</button>` : later?.createButton(this)}
          </div>
        </form>
      </div>`;
  }

  // --- state changes ------------------------------------------------------------------------

  /** The partner the ticket is for: the chosen one, or the only one the account writes for. @internal */
  partnerFor(data: Lookups): PartnerItem | undefined {
    const writable = data.partners.filter((p) => p.canWrite);
    return writable.length === 1 ? writable[0] : writable.find((p) => p.id === this.draft.businessPartnerId);
  }

  #withDefaults(d: Draft, data: Lookups | undefined): Draft {
    if (!data) return d;
    const writable = data.partners.filter((p) => p.canWrite);
    const next = { ...d };
    if (writable.length === 1) next.businessPartnerId = writable[0]!.id;
    else if (!writable.some((p) => p.id === next.businessPartnerId)) next.businessPartnerId = '';
    if (!data.types.some((t) => t.id === next.typeId)) next.typeId = '';
    if (!data.areas.some((a) => a.id === next.areaId)) next.areaId = '';
    return next;
  }

  /** First lookups for an account: its kept draft comes back, or a fresh one starts. */
  #adoptDraft(data: Lookups) {
    this.owner = data.accountId;
    const stored = loadDraft(data.accountId);
    const keep = !!stored && hasContent(stored.draft);
    this.draft = this.#withDefaults(keep ? stored.draft : emptyDraft(), data);
    this.step = keep ? stored.step : 0;
    this.reached = keep ? stored.reached : 0;
    this.restored = keep;
    // the file drop shows this account's files (none for a fresh draft)
    this.pushFiles = true;
    this.errors = {};
  }

  /** @internal */
  upd(patch: Partial<Draft>, field: Field): void {
    this.draft = { ...this.draft, ...patch };
    if (this.errors[field]) {
      const { [field]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
    this.#persist();
  }

  #persist() {
    const owner = this.owner;
    if (!owner) return;
    if (hasContent(this.draft)) saveDraft(owner, { draft: this.draft, step: this.step, reached: this.reached });
    else clearDraft(owner);
  }

  /** @internal */
  goTo(step: number): void {
    if (step === this.step) return;
    this.step = step;
    this.reached = Math.max(this.reached, step);
    if (step < last) this.sendError = null;
    this.#persist();
    this.focusNext = '#step-title';
  }

  /** Shows `errors` and moves to (and focuses) the first field that has one. @internal */
  showErrors(errors: FieldErrors): void {
    this.errors = { ...this.errors, ...errors };
    const fields = (Object.keys(errors) as Field[]).sort((a, b) => stepOfField[a] - stepOfField[b]);
    const first = fields[0];
    if (!first) return;
    this.step = stepOfField[first];
    this.reached = Math.max(this.reached, this.step);
    this.focusNext = first === 'subject' ? '#subject' : first === 'tags' ? 'ticket-wizard-tags' : (this.#later?.focusOf[first] ?? '#step-title');
    const n = fields.length;
    this.announce(n === 1 ? msg('Please check the marked field.') : msg(str`Please check the ${n} marked fields.`));
  }

  readonly #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const data = this.data;
    if (this.sending || !data) return;
    if (this.step === last) return this.#load((m) => void m.send(this, data));
    const step = this.step;
    const check = (errors: FieldErrors) => {
      // clear the errors this step had; keep the others
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([f]) => stepOfField[f as Field] !== step));
      if (Object.keys(errors).length) this.showErrors(errors);
      else this.goTo(step + 1);
    };
    if (step) this.#load((m) => check(m.validate(step, this.draft, data)));
    else check(validateFirst(this.draft));
  };

  /** @internal */
  announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }
}
