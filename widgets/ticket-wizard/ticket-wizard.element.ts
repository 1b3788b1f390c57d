import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { msg, str } from '@lit/localize';
import { derivePriority, type Level, type Priority } from '../../server/schemas/priority.js';
import {
  isApiError,
  type CreateTicketInput,
  type NamedItem,
  type PartnerItem,
  type PriorityMatrix,
  type TicketDetail,
} from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { sessionContext, type SessionState } from '../core/contexts.js';
import { RefreshRequestEvent, TicketOpenEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { formatNumber } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { richText } from '../core/sanitize.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import type { PortalFileDrop } from '../core/file-drop/file-drop.element.js';
import { formatFileSize } from '../core/file-drop/file-size.js';
import type { FilesChangedEvent } from '../core/file-drop/file-drop.events.js';
import type { PortalRichTextEditor } from '../core/rich-text-editor/rich-text-editor.element.js';
import { TicketWizardTags } from './ticket-wizard-tags.element.js';
import { defineOnce } from '../core/define-once.js';
import {
  clearDraft,
  emptyDraft,
  fieldOfPath,
  hasContent,
  issueText,
  loadDraft,
  saveDraft,
  stepOfField,
  steps,
  validateStep,
  type Draft,
  type Field,
  type FieldErrors,
} from './ticket-wizard.draft.js';
import { TicketCreatedEvent } from './ticket-wizard.events.js';
import { ticketWizardStyles } from './ticket-wizard.styles.js';

interface Lookups {
  accountId: string;
  partners: PartnerItem[];
  types: (NamedItem & { usage: number })[];
  areas: NamedItem[];
  matrix: PriorityMatrix;
}

const wizardStates = ['loading', 'error', 'denied', 'empty', 'ready', 'sent'] as const;
const levels: readonly Level[] = ['low', 'medium', 'high'];

/**
 * The description's own headings, one level below the review's section heading (h4): h1/h2 →
 * h5, h3–h6 → h6, so the page's outline stays in order.
 */
function nestHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])\b/gi, (_m, close: string, level: string) => `<${close}h${Number(level) <= 2 ? 5 : 6}`);
}

/** The field whose control gets the focus when it has an error. */
const focusSelector: Partial<Record<Field, string>> = {
  subject: '#subject',
  tags: 'ticket-wizard-tags',
  attachments: '#attachments-error',
  description: 'portal-rich-text-editor',
  businessPartnerId: '#partner',
  referenceNo: '#reference',
  typeId: '#type',
  areaId: '#area',
  urgency: 'input[name=urgency]:checked',
  impact: 'input[name=impact]:checked',
};

/**
 * Creates a ticket in six steps, as the manual's Ticket-Wizard (R-WIZ-1..11): subject and tags,
 * attachments, description, classification (business partner when the account writes for
 * several, reference number, ticket type, area, urgency and impact with the resulting
 * priority), release and privacy, then a review to send from. Each step checks its fields
 * before going on; a failed step or a failed send keeps everything, server issues appear at
 * their fields (the wizard goes to that step), and the half-written ticket is kept in
 * sessionStorage per account until it was sent, so a reload or a network error loses nothing.
 * Accounts without the right to create tickets (viewers) get a message instead of the form.
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
 * @cssstate error - The lookups could not be loaded.
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

  /** @internal */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionState;

  @state() private draft: Draft = emptyDraft();
  @state() private step = 0;
  @state() private reached = 0;
  @state() private errors: FieldErrors = {};
  @state() private uploading = 0;
  @state() private failedUploads = 0;
  @state() private sending = false;
  @state() private sendError: unknown = null;
  @state() private restored = false;
  @state() private created: TicketDetail | null = null;
  @state() private announcement = '';

  @query('portal-file-drop') private fileDrop?: PortalFileDrop;
  @query('portal-rich-text-editor') private editor?: PortalRichTextEditor;

  /** the account whose draft is in memory */
  #draftOwner: string | null = null;
  /** after a restore: push attachments into the file drop once it is rendered */
  #pushFiles = false;
  #focusAfterRender: string | null = null;
  #editorLoadAsked = false;

  readonly #lookups = new Task(this, {
    args: () => [this.api, this.#sessionAccountId(), this.locale, this.#waitingForSession()] as const,
    task: async ([api, sessionAccount, , waiting], { signal }): Promise<Lookups | typeof initialState> => {
      // inside <portal-session>, nothing loads until someone is signed in (a host sign-in may run)
      if (waiting) return initialState;
      const accountId = sessionAccount ?? (await api.me.get({ signal })).account.id;
      const [partners, types, areas, matrix] = await Promise.all([
        api.lookups.partners({ signal }),
        api.lookups.types({ signal }),
        api.lookups.areas({ signal }),
        api.lookups.priorityMatrix({ signal }),
      ]);
      return { accountId, partners, types, areas, matrix };
    },
  });

  override connectedCallback(): void {
    // its sub-element is registered on first use, so importing the class has no side effects
    if (!customElements.get('ticket-wizard-tags')) defineOnce('ticket-wizard-tags', TicketWizardTags);
    super.connectedCallback();
    // The attachments and description steps use shared elements in their own chunks: they load
    // while the first step is filled in, so the wizard's first chunk stays small.
    for (const load of [() => import('../core/file-drop/define.js'), () => import('../core/rich-text-editor/define.js')]) {
      load().then(
        () => this.requestUpdate(),
        (e: unknown) => console.error('helpdesk-portal: could not load a part of the ticket wizard', e),
      );
    }
  }

  /** Starts a new, empty ticket (the draft kept for this account is dropped). */
  reset(): void {
    if (this.#draftOwner) clearDraft(this.#draftOwner);
    this.draft = this.#withDefaults(emptyDraft(), this.#lookups.value);
    this.step = this.reached = 0;
    this.errors = {};
    this.sendError = null;
    this.created = null;
    this.restored = false;
    this.#upgraded(this.fileDrop)?.reset();
    const editor = this.#upgraded(this.editor);
    if (editor) editor.value = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const data = this.#lookups.value;
    if (data && this.#draftOwner !== data.accountId) this.#adoptDraft(data);
    this.setExclusiveState(this.#view(), wizardStates);
    this.setCustomState('busy', this.sending);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const fileDrop = this.#upgraded(this.fileDrop);
    if (this.#pushFiles && fileDrop) {
      this.#pushFiles = false;
      fileDrop.value = this.draft.attachments;
    }
    if (steps[this.step] === 'description' && (changed.has('step') || !this.#editorLoadAsked)) {
      const editor = this.#upgraded(this.editor);
      if (editor) {
        this.#editorLoadAsked = true;
        void editor.load();
      }
    }
    if (this.#focusAfterRender) {
      const selector = this.#focusAfterRender;
      this.#focusAfterRender = null;
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      target?.focus();
    }
  }

  protected override render(): TemplateResult {
    const view = this.#view();
    let body: TemplateResult;
    switch (view) {
      case 'loading':
        body = html`<div class="state" role="status"><span class="spinner" aria-hidden="true"></span><span>${msg('Loading…')}</span></div>`;
        break;
      case 'error':
        body = this.#renderLoadError();
        break;
      case 'denied':
        body = this.#renderDenied();
        break;
      case 'empty':
        body = this.#renderEmpty();
        break;
      case 'sent':
        body = this.#renderSuccess(this.created!);
        break;
      default:
        body = this.#renderWizard(this.#lookups.value!);
    }
    return html`<div part="base" class="base" lang=${this.locale}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  // --- states -------------------------------------------------------------------------------

  #view(): (typeof wizardStates)[number] {
    if (this.created) return 'sent';
    const data = this.#lookups.value;
    if (!data) return this.#lookups.status === TaskStatus.ERROR ? 'error' : 'loading';
    if (!data.partners.some((p) => p.canWrite)) return 'denied';
    if (data.types.length === 0 || data.areas.length === 0) return 'empty';
    return 'ready';
  }

  #waitingForSession(): boolean {
    return this.session !== undefined && this.session.status !== 'signed-in';
  }

  #sessionAccountId(): string | null {
    const s = this.session;
    return s?.status === 'signed-in' ? s.me.account.id : null;
  }

  #renderLoadError(): TemplateResult {
    const ref = errorReference(this.#lookups.error);
    return html`<section class="panel-state" aria-labelledby="title">
      <h2 id="title">${msg('Create ticket')}</h2>
      <div class="alert danger" role="alert">
        ${icons.alert()}
        <div>
          <p>${errorMessage(this.#lookups.error)}</p>
          ${ref ? html`<p class="reference">${msg(str`Reference: ${ref}`)}</p>` : nothing}
        </div>
      </div>
      <button class="button primary" type="button" @click=${() => void this.#lookups.run()}>${msg('Try again')}</button>
    </section>`;
  }

  #renderDenied(): TemplateResult {
    return html`<section class="panel-state" aria-labelledby="title">
      <h2 id="title">${msg('Create ticket')}</h2>
      <div class="alert info">
        ${icons.lock()}
        <div>
          <p>${msg('Your permission group may read tickets but not create them.')}</p>
          <p>${msg('To create tickets you need the permission group editor or dispatcher. Please ask the person who manages the portal accounts at your company.')}</p>
        </div>
      </div>
    </section>`;
  }

  #renderEmpty(): TemplateResult {
    return html`<section class="panel-state" aria-labelledby="title">
      <h2 id="title">${msg('Create ticket')}</h2>
      <div class="alert warning">
        ${icons.info()}
        <p>${msg('Tickets cannot be created yet: the service desk has not set up any ticket types or areas. Please contact the service desk.')}</p>
      </div>
      <button class="button" type="button" @click=${() => void this.#lookups.run()}>${msg('Check again')}</button>
    </section>`;
  }

  #renderSuccess(t: TicketDetail): TemplateResult {
    const released = t.status !== 'awaiting_release';
    const number = `#${t.number}`;
    return html`<section part="success" class="success" aria-labelledby="success-title">
      <span class="success-icon">${icons.check()}</span>
      <h2 id="success-title" tabindex="-1">${msg(str`Ticket ${number} was created`)}</h2>
      <p class="success-subject">${t.subject}</p>
      <p>
        <span class="badge ${released ? 'released' : 'awaiting'}">${released ? msg('Released') : msg('Awaiting release')}</span>
      </p>
      <p>
        ${released
          ? msg('The ticket is released: the service desk can see it and will start working on it.')
          : msg(str`The ticket now awaits release by a dispatcher of ${t.businessPartner.name}. The service desk sees it once it is released.`)}
      </p>
      <div class="actions">
        <button class="button primary" type="button" @click=${this.#openCreated}>${msg('Open ticket')}</button>
        <button class="button" type="button" @click=${this.#createAnother}>${msg('Create another ticket')}</button>
      </div>
    </section>`;
  }

  // --- the wizard ---------------------------------------------------------------------------

  #stepTitle(i: number): string {
    switch (steps[i]) {
      case 'subject':
        return msg('Subject and tags');
      case 'attachments':
        return msg('Attachments');
      case 'description':
        return msg('Description');
      case 'classification':
        return msg('Classification');
      case 'release':
        return msg('Release and privacy');
      default:
        return msg('Review and send');
    }
  }

  #renderWizard(data: Lookups): TemplateResult {
    const last = steps.length - 1;
    const total = formatNumber(steps.length, {}, this.locale);
    const current = formatNumber(this.step + 1, {}, this.locale);
    return html`<div class="head">
        <h2 id="title">${msg('Create ticket')}</h2>
        <p class="lead">${msg('Describe your request in a few steps. Nothing is sent before the last step.')}</p>
      </div>
      ${this.restored
        ? html`<div class="alert info restored" role="status">
            ${icons.info()}
            <p>${msg('Your unsent ticket was restored.')}</p>
            <button class="button small" type="button" @click=${this.#discard}>${msg('Discard and start over')}</button>
          </div>`
        : nothing}
      <div class="layout">
        <nav part="steps" class="steps" aria-label=${msg('Steps')}>
          <p class="step-count" aria-hidden="true">${msg(str`Step ${current} of ${total}`)}</p>
          <progress class="progress" aria-hidden="true" max=${steps.length} .value=${this.step + 1}></progress>
          <ol>
            ${steps.map((_, i) => {
              const state = i === this.step ? 'current' : i <= this.reached ? 'done' : 'todo';
              const hasError = Object.keys(this.errors).some((f) => stepOfField[f as Field] === i);
              return html`<li class=${state}>
                <button
                  type="button"
                  class="step ${hasError ? 'has-error' : ''}"
                  ?disabled=${i > this.reached || this.sending}
                  aria-current=${i === this.step ? 'step' : nothing}
                  @click=${() => this.#goTo(i)}
                >
                  <span class="num" aria-hidden="true">${hasError ? '!' : i < this.reached && i !== this.step ? icons.check() : formatNumber(i + 1, {}, this.locale)}</span>
                  <span class="step-label">${this.#stepTitle(i)}</span>
                  ${hasError ? html`<span class="visually-hidden">${msg('(needs attention)')}</span>` : nothing}
                </button>
              </li>`;
            })}
          </ol>
        </nav>
        <form part="form" class="form" novalidate @submit=${this.#onSubmit}>
          <h3 id="step-title" class="step-title" tabindex="-1">
            <span class="visually-hidden">${msg(str`Step ${current} of ${total}:`)} </span>${this.#stepTitle(this.step)}
          </h3>
          <div class="panel" ?hidden=${this.step !== 0}>${this.#renderSubjectStep(data)}</div>
          <div class="panel" ?hidden=${this.step !== 1}>${this.#renderAttachmentsStep()}</div>
          <div class="panel" ?hidden=${this.step !== 2}>${this.#renderDescriptionStep()}</div>
          <div class="panel" ?hidden=${this.step !== 3}>${this.#renderClassificationStep(data)}</div>
          <div class="panel" ?hidden=${this.step !== 4}>${this.#renderReleaseStep(data)}</div>
          ${this.step === last ? html`<div class="panel">${this.#renderReview(data)}</div>` : nothing}
          ${this.#renderSendError()}
          <div part="actions" class="actions">
            ${this.step > 0
              ? html`<button class="button" type="button" ?disabled=${this.sending} @click=${() => this.#goTo(this.step - 1)}>
                  ${msg('Back')}
                </button>`
              : html`<span></span>`}
            ${this.step < last
              ? html`<button class="button primary" type="submit">${msg('Next')}</button>`
              : html`<button class="button primary" type="submit" ?disabled=${this.sending} aria-busy=${this.sending ? 'true' : 'false'}>
                  ${this.sending ? html`<span class="spinner small" aria-hidden="true"></span>${msg('Creating ticket…')}` : msg('Create ticket')}
                </button>`}
          </div>
        </form>
      </div>`;
  }

  #fieldError(field: Field): TemplateResult | typeof nothing {
    const e = this.errors[field];
    return e ? html`<p class="error" id="${field}-error">${e}</p>` : nothing;
  }

  #described(field: Field, hint?: string): string | typeof nothing {
    const ids = [hint, this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  #renderSubjectStep(data: Lookups): TemplateResult {
    const d = this.draft;
    const length = formatNumber(d.subject.trim().length, {}, this.locale);
    return html`<div class="field">
        <label for="subject">${msg('Subject')}<span class="required" aria-hidden="true"> *</span></label>
        <span class="hint" id="subject-hint">${msg('A short, meaningful summary, e.g. “Printer on the 3rd floor prints blank pages”.')}</span>
        <input
          id="subject"
          class="input"
          type="text"
          autocomplete="off"
          maxlength="200"
          required
          .value=${d.subject}
          aria-invalid=${this.errors.subject ? 'true' : 'false'}
          aria-describedby=${this.#described('subject', 'subject-hint subject-count')}
          @input=${(e: Event) => this.#update({ subject: (e.target as HTMLInputElement).value }, 'subject')}
        />
        <span class="hint counter" id="subject-count">${msg(str`${length} of 200 characters`)}</span>
        ${this.#fieldError('subject')}
      </div>
      <ticket-wizard-tags
        .api=${this.api}
        .value=${d.tags}
        partner=${this.#partnerFor(data)?.id ?? ''}
        error=${this.errors.tags ?? ''}
        @change=${(e: Event) => this.#update({ tags: [...(e.target as TicketWizardTags).value] }, 'tags')}
      ></ticket-wizard-tags>`;
  }

  #renderAttachmentsStep(): TemplateResult {
    // the running server's limits (GET /api/me); the file drop's defaults are the same constants
    const limits = this.session?.status === 'signed-in' ? this.session.me.limits : undefined;
    return html`<p class="hint">${msg('Add files such as screenshots, logs or documents. You can remove them again before sending. This step is optional.')}</p>
      ${this.errors.attachments
        ? html`<div class="alert danger" id="attachments-error" tabindex="-1">${icons.alert()}<p>${this.errors.attachments}</p></div>`
        : nothing}
      <portal-file-drop
        .api=${this.api}
        max-files=${limits?.attachmentsPerSubmission ?? nothing}
        max-file-size=${limits?.uploadMaxFileBytes ?? nothing}
        @files-changed=${this.#onFilesChanged}
      ></portal-file-drop>`;
  }

  #renderDescriptionStep(): TemplateResult {
    return html`<portal-rich-text-editor
      .api=${this.api}
      name="description"
      label=${msg('Description')}
      hint=${msg('What happened, since when, and what have you tried? You can add pictures, lists and tables.')}
      .value=${this.draft.description}
      error=${this.errors.description ?? ''}
      @input=${(e: Event) => this.#update({ description: (e.target as PortalRichTextEditor).value }, 'description')}
    ></portal-rich-text-editor>`;
  }

  #levelLabel(level: Level): string {
    return level === 'low' ? msg('Low') : level === 'medium' ? msg('Medium') : msg('High');
  }

  #priorityLabel(p: Priority): string {
    return p === 'critical' ? msg('Critical') : this.#levelLabel(p);
  }

  #renderLevels(name: 'urgency' | 'impact', legend: string, hint: string): TemplateResult {
    const value = this.draft[name];
    return html`<fieldset class="levels" aria-describedby="${name}-hint">
      <legend>${legend}</legend>
      <span class="hint" id="${name}-hint">${hint}</span>
      <div class="segmented">
        ${levels.map(
          (l) => html`<label class="segment">
            <input
              type="radio"
              name=${name}
              value=${l}
              .checked=${value === l}
              @change=${() => this.#update({ [name]: l } as Partial<Draft>, name)}
            />
            <span>${this.#levelLabel(l)}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderClassificationStep(data: Lookups): TemplateResult {
    const d = this.draft;
    const writable = data.partners.filter((p) => p.canWrite);
    const used = data.types.filter((t) => t.usage > 0);
    const others = data.types.filter((t) => t.usage === 0);
    const priority = derivePriority(d.urgency, d.impact, data.matrix);
    return html`<div class="columns">
      <div class="column">
        ${writable.length > 1
          ? html`<div class="field">
              <label for="partner">${msg('Business partner')}<span class="required" aria-hidden="true"> *</span></label>
              <span class="hint" id="partner-hint">${msg('Your account belongs to several business partners. Whom is this ticket for?')}</span>
              <select
                id="partner"
                class="input"
                required
                aria-invalid=${this.errors.businessPartnerId ? 'true' : 'false'}
                aria-describedby=${this.#described('businessPartnerId', 'partner-hint')}
                @change=${(e: Event) => this.#update({ businessPartnerId: (e.target as HTMLSelectElement).value }, 'businessPartnerId')}
              >
                <option value="" ?selected=${!d.businessPartnerId}>${msg('Choose…')}</option>
                ${writable.map((p) => html`<option value=${p.id} ?selected=${p.id === d.businessPartnerId}>${p.name}</option>`)}
              </select>
              ${this.#fieldError('businessPartnerId')}
            </div>`
          : html`<div class="field">
              <span class="label">${msg('Business partner')}</span>
              <p class="static">${writable[0]?.name}</p>
            </div>`}
        <div class="field">
          <label for="reference">${msg('Reference number')} <span class="optional">${msg('(optional)')}</span></label>
          <span class="hint" id="reference-hint">${msg('Your own reference, e.g. an order number.')}</span>
          <input
            id="reference"
            class="input"
            type="text"
            autocomplete="off"
            maxlength="64"
            .value=${d.referenceNo}
            aria-invalid=${this.errors.referenceNo ? 'true' : 'false'}
            aria-describedby=${this.#described('referenceNo', 'reference-hint')}
            @input=${(e: Event) => this.#update({ referenceNo: (e.target as HTMLInputElement).value }, 'referenceNo')}
          />
          ${this.#fieldError('referenceNo')}
        </div>
        <div class="field">
          <label for="type">${msg('Ticket type')}<span class="required" aria-hidden="true"> *</span></label>
          <span class="hint" id="type-hint">${msg('The types your company uses most are listed first. Type the first letters to jump.')}</span>
          <select
            id="type"
            class="input"
            required
            aria-invalid=${this.errors.typeId ? 'true' : 'false'}
            aria-describedby=${this.#described('typeId', 'type-hint')}
            @change=${(e: Event) => this.#update({ typeId: (e.target as HTMLSelectElement).value }, 'typeId')}
          >
            <option value="" ?selected=${!d.typeId}>${msg('Choose…')}</option>
            ${used.length
              ? html`<optgroup label=${msg('Most used')}>
                  ${used.map((t) => html`<option value=${t.id} ?selected=${t.id === d.typeId}>${t.name}</option>`)}
                </optgroup>`
              : nothing}
            ${others.length
              ? html`<optgroup label=${used.length ? msg('Other ticket types') : msg('Ticket types')}>
                  ${others.map((t) => html`<option value=${t.id} ?selected=${t.id === d.typeId}>${t.name}</option>`)}
                </optgroup>`
              : nothing}
          </select>
          ${this.#fieldError('typeId')}
        </div>
        <div class="field">
          <label for="area">${msg('Area')}<span class="required" aria-hidden="true"> *</span></label>
          <span class="hint" id="area-hint">${msg('Where the ticket belongs, e.g. network or printing.')}</span>
          <select
            id="area"
            class="input"
            required
            aria-invalid=${this.errors.areaId ? 'true' : 'false'}
            aria-describedby=${this.#described('areaId', 'area-hint')}
            @change=${(e: Event) => this.#update({ areaId: (e.target as HTMLSelectElement).value }, 'areaId')}
          >
            <option value="" ?selected=${!d.areaId}>${msg('Choose…')}</option>
            ${data.areas.map((a) => html`<option value=${a.id} ?selected=${a.id === d.areaId}>${a.name}</option>`)}
          </select>
          ${this.#fieldError('areaId')}
        </div>
      </div>
      <div class="column">
        ${this.#renderLevels('urgency', msg('Urgency'), msg('How soon does it have to be solved?'))}
        ${this.#renderLevels('impact', msg('Impact'), msg('How many people or how much work does it affect?'))}
        <div part="priority" class="priority" role="status">
          <span>${msg('Resulting priority:')}</span>
          <span class="badge priority-${priority}">${this.#priorityLabel(priority)}</span>
        </div>
      </div>
    </div>`;
  }

  #renderReleaseStep(data: Lookups): TemplateResult {
    const partner = this.#partnerFor(data);
    const canRelease = !!partner?.canRelease;
    const name = partner?.name ?? msg('your company');
    return html`${canRelease
        ? html`<div class="choice">
            <label class="check">
              <input
                id="release"
                type="checkbox"
                .checked=${this.draft.release}
                aria-describedby="release-hint"
                @change=${(e: Event) => this.#update({ release: (e.target as HTMLInputElement).checked }, 'release')}
              />
              <span>${msg('Release on creation')}</span>
            </label>
            <p class="hint" id="release-hint">
              ${msg(str`As a dispatcher of ${name} you can release the ticket at once: the service desk sees it and starts working. Without it, the ticket waits for a release by a dispatcher.`)}
            </p>
          </div>`
        : html`<div class="choice submit-note">
            <p class="choice-title">${icons.clock()}<span>${msg('Submit for release')}</span></p>
            <p class="hint">
              ${msg(str`A dispatcher of ${name} must release this ticket before the service desk can see it. Until then it is visible to you and to the dispatchers of ${name}.`)}
            </p>
          </div>`}
      <div class="choice">
        <label class="check">
          <input
            id="private"
            type="checkbox"
            .checked=${this.draft.private}
            aria-describedby="private-hint"
            @change=${(e: Event) => this.#update({ private: (e.target as HTMLInputElement).checked }, 'private')}
          />
          <span>${msg('Private')}</span>
        </label>
        <p class="hint" id="private-hint">
          ${msg('Other accounts of your company do not see a private ticket. Exception: while it awaits release, your company’s dispatchers see it so they can release it. The service desk sees it once it is released.')}
        </p>
      </div>`;
  }

  #renderReview(data: Lookups): TemplateResult {
    const d = this.draft;
    const partner = this.#partnerFor(data);
    const type = data.types.find((t) => t.id === d.typeId)?.name ?? '—';
    const area = data.areas.find((a) => a.id === d.areaId)?.name ?? '—';
    const priority = derivePriority(d.urgency, d.impact, data.matrix);
    const release = !!partner?.canRelease && d.release;
    const edit = (step: number, what: string) =>
      html`<button class="link-button" type="button" @click=${() => this.#goTo(step)}>
        ${msg('Edit')}<span class="visually-hidden"> ${what}</span>
      </button>`;
    const row = (label: string, value: unknown) => html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<div part="review" class="review">
      ${this.uploading > 0
        ? html`<div class="alert warning" role="status">${icons.clock()}<p>${msg('Files are still uploading. The ticket can be sent when they are done.')}</p></div>`
        : nothing}
      ${this.failedUploads > 0
        ? html`<div class="alert warning">${icons.alert()}<p>${msg('Some files could not be uploaded and will not be sent. You can try them again in the attachments step.')}</p></div>`
        : nothing}
      <section class="review-section" aria-labelledby="review-subject">
        <div class="review-head"><h4 id="review-subject">${this.#stepTitle(0)}</h4>${edit(0, this.#stepTitle(0))}</div>
        <dl>
          ${row(msg('Subject'), d.subject.trim())}
          ${row(msg('Tags'), d.tags.length ? html`<ul class="tag-list">${d.tags.map((t) => html`<li>${t}</li>`)}</ul>` : msg('None'))}
        </dl>
      </section>
      <section class="review-section" aria-labelledby="review-attachments">
        <div class="review-head"><h4 id="review-attachments">${this.#stepTitle(1)}</h4>${edit(1, this.#stepTitle(1))}</div>
        ${d.attachments.length
          ? html`<ul class="files">
              ${d.attachments.map((f) => html`<li>${f.fileName} <span class="muted">(${formatFileSize(f.size, this.locale)})</span></li>`)}
            </ul>`
          : html`<p class="muted">${msg('No attachments')}</p>`}
      </section>
      <section class="review-section" aria-labelledby="review-description">
        <div class="review-head"><h4 id="review-description">${this.#stepTitle(2)}</h4>${edit(2, this.#stepTitle(2))}</div>
        ${d.description
          ? html`<div class="description">${richText(nestHeadings(d.description))}</div>`
          : html`<p class="muted">${msg('No description')}</p>`}
      </section>
      <section class="review-section" aria-labelledby="review-classification">
        <div class="review-head"><h4 id="review-classification">${this.#stepTitle(3)}</h4>${edit(3, this.#stepTitle(3))}</div>
        <dl>
          ${row(msg('Business partner'), partner?.name ?? '—')}
          ${row(msg('Reference number'), d.referenceNo.trim() || msg('None'))}
          ${row(msg('Ticket type'), type)}
          ${row(msg('Area'), area)}
          ${row(msg('Urgency'), this.#levelLabel(d.urgency))}
          ${row(msg('Impact'), this.#levelLabel(d.impact))}
          ${row(msg('Priority'), html`<span class="badge priority-${priority}">${this.#priorityLabel(priority)}</span>`)}
        </dl>
      </section>
      <section class="review-section" aria-labelledby="review-release">
        <div class="review-head"><h4 id="review-release">${this.#stepTitle(4)}</h4>${edit(4, this.#stepTitle(4))}</div>
        <dl>
          ${row(msg('Release'), release ? msg('Released on creation') : msg('Submitted for release'))}
          ${row(msg('Private'), d.private ? msg('Yes') : msg('No'))}
        </dl>
      </section>
    </div>`;
  }

  #renderSendError(): TemplateResult | typeof nothing {
    const e = this.sendError;
    if (!e) return nothing;
    const ref = errorReference(e);
    const retry = !isApiError(e) || e.code === 'network' || e.status >= 500 || e.code === 'rate_limited';
    return html`<div class="alert danger send-error" role="alert">
      ${icons.alert()}
      <div>
        <p>${errorMessage(e)}</p>
        ${retry ? html`<p>${msg('Nothing you entered is lost.')}</p>` : nothing}
        ${ref ? html`<p class="reference">${msg(str`Reference: ${ref}`)}</p>` : nothing}
        ${retry
          ? html`<button class="button small retry" type="button" ?disabled=${this.sending} @click=${() => void this.#send()}>${msg('Try again')}</button>`
          : nothing}
      </div>
    </div>`;
  }

  // --- state changes ------------------------------------------------------------------------

  /** The partner the ticket is for: the chosen one, or the only one the account writes for. */
  #partnerFor(data: Lookups): PartnerItem | undefined {
    const writable = data.partners.filter((p) => p.canWrite);
    if (writable.length === 1) return writable[0];
    return writable.find((p) => p.id === this.draft.businessPartnerId);
  }

  #withDefaults(d: Draft, data: Lookups | undefined): Draft {
    if (!data) return d;
    const writable = data.partners.filter((p) => p.canWrite);
    const next = { ...d };
    if (writable.length === 1) next.businessPartnerId = writable[0]!.id;
    else if (next.businessPartnerId && !writable.some((p) => p.id === next.businessPartnerId)) next.businessPartnerId = '';
    if (next.typeId && !data.types.some((t) => t.id === next.typeId)) next.typeId = '';
    if (next.areaId && !data.areas.some((a) => a.id === next.areaId)) next.areaId = '';
    return next;
  }

  /** First lookups for an account: its kept draft comes back, or a fresh one starts. */
  #adoptDraft(data: Lookups) {
    this.#draftOwner = data.accountId;
    const stored = loadDraft(data.accountId);
    if (stored && hasContent(stored.draft)) {
      this.draft = this.#withDefaults(stored.draft, data);
      this.step = stored.step;
      this.reached = stored.reached;
      this.restored = true;
    } else {
      this.draft = this.#withDefaults(emptyDraft(), data);
      this.step = 0;
      this.reached = 0;
      this.restored = false;
    }
    // the file drop shows this account's files (none for a fresh draft)
    this.#pushFiles = true;
    this.errors = {};
  }

  #update(patch: Partial<Draft>, field: Field) {
    this.draft = { ...this.draft, ...patch };
    if (this.errors[field]) {
      const { [field]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
    this.#persist();
  }

  #persist() {
    if (!this.#draftOwner) return;
    if (hasContent(this.draft)) saveDraft(this.#draftOwner, { draft: this.draft, step: this.step, reached: this.reached });
    else clearDraft(this.#draftOwner);
  }

  #goTo(step: number) {
    if (step < 0 || step >= steps.length || step === this.step) return;
    this.step = step;
    this.reached = Math.max(this.reached, step);
    this.sendError = step === steps.length - 1 ? this.sendError : null;
    this.#persist();
    this.#focusAfterRender = '#step-title';
  }

  #choosePartner(): boolean {
    return (this.#lookups.value?.partners.filter((p) => p.canWrite).length ?? 0) > 1;
  }

  /** Shows `errors` and moves to (and focuses) the first field that has one. */
  #showErrors(errors: FieldErrors) {
    this.errors = { ...this.errors, ...errors };
    const fields = (Object.keys(errors) as Field[]).sort((a, b) => stepOfField[a] - stepOfField[b]);
    const first = fields[0];
    if (!first) return;
    this.step = stepOfField[first];
    this.reached = Math.max(this.reached, this.step);
    this.#focusAfterRender = focusSelector[first] ?? '#step-title';
    const n = fields.length;
    this.#announce(n === 1 ? msg('Please check the marked field.') : msg(str`Please check the ${n} marked fields.`));
  }

  readonly #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    if (this.sending) return;
    if (this.step < steps.length - 1) {
      const errors = validateStep(this.step, this.draft, { choosePartner: this.#choosePartner() });
      // clear the errors this step had; keep the others
      const kept = Object.fromEntries(Object.entries(this.errors).filter(([f]) => stepOfField[f as Field] !== this.step)) as FieldErrors;
      this.errors = kept;
      if (Object.keys(errors).length) {
        this.#showErrors(errors);
        return;
      }
      this.#goTo(this.step + 1);
      return;
    }
    void this.#send();
  };

  async #send(): Promise<void> {
    const data = this.#lookups.value;
    if (!data || this.sending) return;
    // every step again (a restored draft may be older than a rule)
    const all: FieldErrors = {};
    for (let i = 0; i < steps.length; i++) Object.assign(all, validateStep(i, this.draft, { choosePartner: this.#choosePartner() }));
    if (Object.keys(all).length) {
      this.#showErrors(all);
      return;
    }
    if (this.uploading > 0) {
      this.#announce(msg('Files are still uploading. The ticket can be sent when they are done.'));
      return;
    }
    const d = this.draft;
    const partner = this.#partnerFor(data);
    const input: CreateTicketInput = {
      subject: d.subject.trim(),
      description: d.description,
      tags: d.tags,
      ...(partner ? { businessPartnerId: partner.id } : {}),
      referenceNo: d.referenceNo.trim() || null,
      typeId: d.typeId,
      areaId: d.areaId,
      urgency: d.urgency,
      impact: d.impact,
      release: !!partner?.canRelease && d.release,
      private: d.private,
      attachmentIds: d.attachments.map((a) => a.id),
    };
    this.sending = true;
    this.sendError = null;
    this.#announce(msg('Creating ticket…'));
    try {
      const ticket = await this.api.tickets.create(input);
      if (this.#draftOwner) clearDraft(this.#draftOwner);
      this.created = ticket;
      this.restored = false;
      this.emit(new TicketCreatedEvent(ticket));
      this.emit(new RefreshRequestEvent());
      this.#announce(msg(str`Ticket #${ticket.number} was created.`));
      this.#focusAfterRender = '#success-title';
    } catch (e) {
      if (isApiError(e) && e.code === 'validation_failed' && e.issues.length) {
        const errors: FieldErrors = {};
        for (const issue of e.issues) {
          const field = fieldOfPath(issue.path);
          if (field && !errors[field]) errors[field] = issueText(field, d);
        }
        if (Object.keys(errors).length) {
          this.#showErrors(errors);
          return;
        }
      }
      this.sendError = e;
      this.#focusAfterRender = '.send-error';
    } finally {
      this.sending = false;
    }
  }

  readonly #onFilesChanged = (e: FilesChangedEvent) => {
    this.uploading = e.detail.uploading;
    this.failedUploads = e.detail.failed;
    this.#update({ attachments: e.detail.files }, 'attachments');
  };

  readonly #discard = () => {
    const d = this.draft;
    // The discarded uploads are drafts of this account: remove them on the server too.
    const images = [...d.description.matchAll(/\/api\/attachments\/([a-z0-9]{8,40})/g)].map((m) => m[1]!);
    for (const id of [...d.attachments.map((a) => a.id), ...images]) this.api.uploads.remove(id).catch(() => undefined);
    this.reset();
    this.#announce(msg('The draft was discarded.'));
    this.#focusAfterRender = '#subject';
  };

  readonly #openCreated = () => {
    const t = this.created;
    if (!t) return;
    const event = this.emit(new TicketOpenEvent({ id: t.id }));
    if (!event.defaultPrevented) location.hash = `#/tickets/${encodeURIComponent(t.id)}`;
  };

  readonly #createAnother = () => {
    this.reset();
    this.#focusAfterRender = '#subject';
  };

  #announce(text: string) {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** The element once its class is defined (the shared elements load in their own chunks). */
  #upgraded<E extends HTMLElement>(el: E | undefined | null): E | null {
    return el && customElements.get(el.localName) && el instanceof customElements.get(el.localName)! ? el : null;
  }
}
