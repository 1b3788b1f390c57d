/**
 * The ticket wizard past its first step (R-WIZ-3..10): attachments, description, classification,
 * release and privacy, the review, sending, and the view after the ticket was created. Loaded on
 * its own (`import()`) when the browser is idle after the first step showed, or at once when the
 * user (or a restored draft) needs it first, so the first step loads less. The wizard keeps the
 * state; this module renders it and does what Next, Create and the success view's buttons do.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { derivePriority, type Level, type Priority } from '../../server/schemas/priority.js';
import { isApiError, type CreateTicketInput, type TicketDetail } from '../core/api.js';
import { RefreshRequestEvent, TicketOpenEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { richText } from '../core/sanitize.js';
import { formatFileSize } from '../core/file-drop/file-size.js';
import type { PortalFileDrop } from '../core/file-drop/file-drop.element.js';
import type { FilesChangedEvent } from '../core/file-drop/file-drop.events.js';
import type { PortalRichTextEditor } from '../core/rich-text-editor/rich-text-editor.element.js';
import '../core/http/attachments.js';
import '../core/http/tickets.js';
import '../core/http/uploads.js';
import '../core/file-drop/define.js';
import '../core/rich-text-editor/define.js';
import { clearDraft, controlChars, steps, stepOfField, subjectError, validateFirst, type Draft, type Field, type FieldErrors } from './ticket-wizard.draft.js';
import type { Lookups, TicketWizard } from './ticket-wizard.element.js';
import { TicketCreatedEvent } from './ticket-wizard.events.js';

const last = steps.length - 1;
const levels: readonly Level[] = ['low', 'medium', 'high'];

/** The control that gets the focus when its field has an error (the first step's: the wizard's). */
export const focusOf: Partial<Record<Field, string>> = {
  attachments: '#attachments-error',
  description: 'portal-rich-text-editor',
  businessPartnerId: '#partner',
  referenceNo: '#reference',
  typeId: '#type',
  areaId: '#area',
  urgency: 'input[name=urgency]:checked',
  impact: 'input[name=impact]:checked',
};

const writable = (data: Lookups) => data.partners.filter((p) => p.canWrite);

/** The errors of one step's fields (only the first and the classification step have checks). */
export function validate(step: number, d: Draft, data: Lookups): FieldErrors {
  if (step === 0) return validateFirst(d);
  const errors: FieldErrors = {};
  if (step === 3) {
    if (writable(data).length > 1 && !d.businessPartnerId) errors.businessPartnerId = msg('Please choose the business partner this ticket is for.');
    if (d.referenceNo.trim().length > 64) errors.referenceNo = msg('The reference number may have at most 64 characters.');
    else if (controlChars.test(d.referenceNo)) errors.referenceNo = msg('The reference number must not contain control characters.');
    if (!d.typeId) errors.typeId = msg('Please choose a ticket type.');
    if (!d.areaId) errors.areaId = msg('Please choose an area.');
  }
  return errors;
}

/** A server issue (`path`: `tags.3` → tags, `attachmentIds` → attachments) as a sentence at its field. */
function issueText(field: Field, d: Draft): string {
  switch (field) {
    case 'subject':
      return subjectError(d.subject) ?? msg('Please check the subject.');
    case 'tags':
      return msg('Please check the tags: at most 20, each at most 40 characters.');
    case 'attachments':
      return msg('An attachment could not be used. Please remove it and add it again.');
    case 'description':
      return msg('The description could not be accepted. Please check the text and its pictures.');
    case 'businessPartnerId':
      return msg('Please choose a business partner you belong to.');
    case 'referenceNo':
      return msg('Please check the reference number (at most 64 characters, no control characters).');
    case 'typeId':
      return msg('This ticket type is not available. Please choose another one.');
    case 'areaId':
      return msg('This area is not available. Please choose another one.');
    default:
      return msg('Please check this value.');
  }
}

function fieldOfPath(path: string): Field | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'attachmentIds') return 'attachments';
  return head in stepOfField ? (head as Field) : null;
}

/**
 * The description's own headings, one level below the review's section heading (h4): h1/h2 →
 * h5, h3–h6 → h6, so the page's outline stays in order.
 */
function nestHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])\b/gi, (_m, close: string, level: string) => `<${close}h${Number(level) <= 2 ? 5 : 6}`);
}

const levelLabel = (level: Level) => (level === 'low' ? msg('Low') : level === 'medium' ? msg('Medium') : msg('High'));
const priorityLabel = (p: Priority) => (p === 'critical' ? msg('Critical') : levelLabel(p));
const priorityBadge = (d: Draft, data: Lookups) => {
  const p = derivePriority(d.urgency, d.impact, data.matrix);
  return html`<span class="badge priority-${p}">${priorityLabel(p)}</span>`;
};

const fieldError = (w: TicketWizard, field: Field) => {
  const e = w.errors[field];
  return e ? html`<p class="error" id="${field}-error">${e}</p>` : nothing;
};

const described = (w: TicketWizard, field: Field, hint: string) => (w.errors[field] ? `${hint} ${field}-error` : hint);

/** A required `<select>` with its label, hint and error. */
function select(
  w: TicketWizard,
  field: Field,
  id: string,
  label: string,
  hint: string,
  options: unknown,
): TemplateResult {
  const value = w.draft[field] as string;
  return html`<div class="field">
    <label for=${id}>${label}<span class="required" aria-hidden="true"> *</span></label>
    <span class="hint" id="${id}-hint">${hint}</span>
    <select
      id=${id}
      class="input"
      required
      aria-invalid=${w.errors[field] ? 'true' : 'false'}
      aria-describedby=${described(w, field, `${id}-hint`)}
      @change=${(e: Event) => w.upd({ [field]: (e.target as HTMLSelectElement).value }, field)}
    >
      <option value="" ?selected=${!value}>${msg('Choose…')}</option>
      ${options}
    </select>
    ${fieldError(w, field)}
  </div>`;
}

const options = (w: TicketWizard, items: { id: string; name: string }[], field: Field) =>
  items.map((i) => html`<option value=${i.id} ?selected=${i.id === w.draft[field]}>${i.name}</option>`);

function renderLevels(w: TicketWizard, name: 'urgency' | 'impact', legend: string, hint: string): TemplateResult {
  return html`<fieldset class="levels" aria-describedby="${name}-hint">
    <legend>${legend}</legend>
    <span class="hint" id="${name}-hint">${hint}</span>
    <div class="segmented">
      ${levels.map(
        (l) => html`<label class="segment">
          <input type="radio" name=${name} value=${l} .checked=${w.draft[name] === l} @change=${() => w.upd({ [name]: l }, name)} />
          <span>${levelLabel(l)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function attachmentsStep(w: TicketWizard): TemplateResult {
  // the running server's limits (GET /api/me); the file drop's defaults are the same constants
  const limits = w.session?.status === 'signed-in' ? w.session.me.limits : undefined;
  return html`<p class="hint">${msg('Add files such as screenshots, logs or documents. You can remove them again before sending. This step is optional.')}</p>
    ${w.errors.attachments
      ? html`<div class="alert danger" id="attachments-error" tabindex="-1">${icons.alert()}<p>${w.errors.attachments}</p></div>`
      : nothing}
    <portal-file-drop
      .api=${w.api}
      max-files=${limits?.attachmentsPerSubmission ?? nothing}
      max-file-size=${limits?.uploadMaxFileBytes ?? nothing}
      @files-changed=${(e: FilesChangedEvent) => {
        w.uploading = e.detail.uploading;
        w.failedUploads = e.detail.failed;
        w.upd({ attachments: e.detail.files }, 'attachments');
      }}
    ></portal-file-drop>`;
}

function descriptionStep(w: TicketWizard): TemplateResult {
  return html`<portal-rich-text-editor
    .api=${w.api}
    name="description"
    label=${msg('Description')}
    hint=${msg('What happened, since when, and what have you tried? You can add pictures, lists and tables.')}
    .value=${w.draft.description}
    error=${w.errors.description ?? ''}
    @input=${(e: Event) => w.upd({ description: (e.target as PortalRichTextEditor).value }, 'description')}
  ></portal-rich-text-editor>`;
}

function classificationStep(w: TicketWizard, data: Lookups): TemplateResult {
  const d = w.draft;
  const partners = writable(data);
  const used = data.types.filter((t) => t.usage > 0);
  const others = data.types.filter((t) => t.usage === 0);
  return html`<div class="columns">
    <div class="column">
      ${partners.length > 1
        ? select(
            w,
            'businessPartnerId',
            'partner',
            msg('Business partner'),
            msg('Your account belongs to several business partners. Whom is this ticket for?'),
            options(w, partners, 'businessPartnerId'),
          )
        : html`<div class="field">
            <span class="label">${msg('Business partner')}</span>
            <p class="static">${partners[0]?.name}</p>
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
          aria-invalid=${w.errors.referenceNo ? 'true' : 'false'}
          aria-describedby=${described(w, 'referenceNo', 'reference-hint')}
          @input=${(e: Event) => w.upd({ referenceNo: (e.target as HTMLInputElement).value }, 'referenceNo')}
        />
        ${fieldError(w, 'referenceNo')}
      </div>
      ${select(
        w,
        'typeId',
        'type',
        msg('Ticket type'),
        msg('The types your company uses most are listed first. Type the first letters to jump.'),
        html`${used.length ? html`<optgroup label=${msg('Most used')}>${options(w, used, 'typeId')}</optgroup>` : nothing}
        ${others.length
          ? html`<optgroup label=${used.length ? msg('Other ticket types') : msg('Ticket types')}>${options(w, others, 'typeId')}</optgroup>`
          : nothing}`,
      )}
      ${select(w, 'areaId', 'area', msg('Area'), msg('Where the ticket belongs, e.g. network or printing.'), options(w, data.areas, 'areaId'))}
    </div>
    <div class="column">
      ${renderLevels(w, 'urgency', msg('Urgency'), msg('How soon does it have to be solved?'))}
      ${renderLevels(w, 'impact', msg('Impact'), msg('How many people or how much work does it affect?'))}
      <div part="priority" class="priority" role="status">
        <span>${msg('Resulting priority:')}</span>
        ${priorityBadge(d, data)}
      </div>
    </div>
  </div>`;
}

const check = (w: TicketWizard, name: 'release' | 'private', label: string) =>
  html`<label class="check">
    <input
      id=${name}
      type="checkbox"
      .checked=${w.draft[name]}
      aria-describedby="${name}-hint"
      @change=${(e: Event) => w.upd({ [name]: (e.target as HTMLInputElement).checked }, name)}
    />
    <span>${label}</span>
  </label>`;

function releaseStep(w: TicketWizard, data: Lookups): TemplateResult {
  const partner = w.partnerFor(data);
  const name = partner?.name ?? msg('your company');
  return html`${partner?.canRelease
      ? html`<div class="choice">
          ${check(w, 'release', msg('Release on creation'))}
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
      ${check(w, 'private', msg('Private'))}
      <p class="hint" id="private-hint">
        ${msg('Other accounts of your company do not see a private ticket. Exception: while it awaits release, your company’s dispatchers see it so they can release it. The service desk sees it once it is released.')}
      </p>
    </div>`;
}

function review(w: TicketWizard, data: Lookups): TemplateResult {
  const d = w.draft;
  const partner = w.partnerFor(data);
  const type = data.types.find((t) => t.id === d.typeId)?.name ?? '—';
  const area = data.areas.find((a) => a.id === d.areaId)?.name ?? '—';
  const release = !!partner?.canRelease && d.release;
  const row = (label: string, value: unknown) => html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
  const section = (step: number, body: TemplateResult) => {
    const title = w.stepTitle(step);
    return html`<section class="review-section" aria-labelledby="review-${steps[step]}">
      <div class="review-head">
        <h4 id="review-${steps[step]}">${title}</h4>
        <button class="link-button" type="button" @click=${() => w.goTo(step)}>${msg('Edit')}<span class="visually-hidden"> ${title}</span></button>
      </div>
      ${body}
    </section>`;
  };
  const note = (icon: TemplateResult, text: string, status: boolean) =>
    html`<div class="alert warning" role=${status ? 'status' : nothing}>${icon}<p>${text}</p></div>`;
  return html`<div part="review" class="review">
    ${w.uploading > 0 ? note(icons.clock(), msg('Files are still uploading. The ticket can be sent when they are done.'), true) : nothing}
    ${w.failedUploads > 0
      ? note(icons.alert(), msg('Some files could not be uploaded and will not be sent. You can try them again in the attachments step.'), false)
      : nothing}
    ${section(
      0,
      html`<dl>
        ${row(msg('Subject'), d.subject.trim())}
        ${row(msg('Tags'), d.tags.length ? html`<ul class="tag-list">${d.tags.map((t) => html`<li>${t}</li>`)}</ul>` : msg('None'))}
      </dl>`,
    )}
    ${section(
      1,
      d.attachments.length
        ? html`<ul class="files">
            ${d.attachments.map((f) => html`<li>${f.fileName} <span class="muted">(${formatFileSize(f.size, w.locale)})</span></li>`)}
          </ul>`
        : html`<p class="muted">${msg('No attachments')}</p>`,
    )}
    ${section(
      2,
      d.description
        ? html`<div class="description">${richText(nestHeadings(d.description))}</div>`
        : html`<p class="muted">${msg('No description')}</p>`,
    )}
    ${section(
      3,
      html`<dl>
        ${row(msg('Business partner'), partner?.name ?? '—')}
        ${row(msg('Reference number'), d.referenceNo.trim() || msg('None'))}
        ${row(msg('Ticket type'), type)}
        ${row(msg('Area'), area)}
        ${row(msg('Urgency'), levelLabel(d.urgency))}
        ${row(msg('Impact'), levelLabel(d.impact))}
        ${row(msg('Priority'), priorityBadge(d, data))}
      </dl>`,
    )}
    ${section(
      4,
      html`<dl>
        ${row(msg('Release'), release ? msg('Released on creation') : msg('Submitted for release'))}
        ${row(msg('Private'), d.private ? msg('Yes') : msg('No'))}
      </dl>`,
    )}
  </div>`;
}

function sendError(w: TicketWizard, data: Lookups): TemplateResult | typeof nothing {
  const e = w.sendError;
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
        ? html`<button class="button small retry" type="button" ?disabled=${w.sending} @click=${() => void send(w, data)}>${msg('Try again')}</button>`
        : nothing}
    </div>
  </div>`;
}

/** Steps 2–5 (kept rendered while hidden: uploads and the editor keep their state), the review, the send error. */
export function panels(w: TicketWizard, data: Lookups): TemplateResult {
  const bodies = [attachmentsStep(w), descriptionStep(w), classificationStep(w, data), releaseStep(w, data)];
  return html`${bodies.map((b, i) => html`<div class="panel" ?hidden=${w.step !== i + 1}>${b}</div>`)}
  ${w.step === last ? html`<div class="panel">${review(w, data)}</div>` : nothing} ${sendError(w, data)}`;
}

/** The submit button of the last step. */
export function createButton(w: TicketWizard): TemplateResult {
  return html`<button class="button primary" type="submit" ?disabled=${w.sending} aria-busy=${w.sending ? 'true' : 'false'}>
    ${w.sending ? html`<span class="spinner small" aria-hidden="true"></span>${msg('Creating ticket…')}` : msg('Create ticket')}
  </button>`;
}

/** After a render: files of a restored draft into the file drop; the editor loads when its step shows. */
export function afterRender(w: TicketWizard, stepChanged: boolean): void {
  const root = w.renderRoot;
  const fileDrop = root.querySelector<PortalFileDrop>('portal-file-drop');
  if (w.pushFiles && fileDrop) {
    w.pushFiles = false;
    fileDrop.value = w.draft.attachments;
  }
  const editor = root.querySelector<PortalRichTextEditor>('portal-rich-text-editor');
  if (editor && steps[w.step] === 'description' && (stepChanged || !w.editorAsked)) {
    w.editorAsked = true;
    void editor.load();
  }
}

/** "Discard and start over" of a restored draft: its uploads go on the server too. */
export function discard(w: TicketWizard): void {
  const d = w.draft;
  // The discarded uploads are drafts of this account: remove them on the server too.
  const images = [...d.description.matchAll(/\/api\/attachments\/([a-z0-9]{8,40})/g)].map((m) => m[1]!);
  for (const id of [...d.attachments.map((a) => a.id), ...images]) w.api.uploads.remove(id).catch(() => undefined);
  w.reset();
  w.announce(msg('The draft was discarded.'));
  w.focusNext = '#subject';
}

/** Empties the file drop and the editor (a new ticket). */
export function clear(w: TicketWizard): void {
  w.renderRoot.querySelector<PortalFileDrop>('portal-file-drop')?.reset();
  const editor = w.renderRoot.querySelector<PortalRichTextEditor>('portal-rich-text-editor');
  if (editor) editor.value = '';
}

/** Create on the review: every step checked again, then sent; the server's issues go to their fields. */
export async function send(w: TicketWizard, data: Lookups): Promise<void> {
  if (w.sending) return;
  const d = w.draft;
  // every step again (a restored draft may be older than a rule)
  const all: FieldErrors = Object.assign({}, ...steps.map((_, i) => validate(i, d, data)));
  if (Object.keys(all).length) {
    w.showErrors(all);
    return;
  }
  if (w.uploading > 0) {
    w.announce(msg('Files are still uploading. The ticket can be sent when they are done.'));
    return;
  }
  const partner = w.partnerFor(data);
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
  w.sending = true;
  w.sendError = null;
  w.announce(msg('Creating ticket…'));
  try {
    const ticket = await w.api.tickets.create(input);
    if (w.owner) clearDraft(w.owner);
    w.created = ticket;
    w.restored = false;
    w.dispatchEvent(new TicketCreatedEvent(ticket));
    w.dispatchEvent(new RefreshRequestEvent());
    w.announce(msg(str`Ticket #${ticket.number} was created.`));
    w.focusNext = '#success-title';
  } catch (e) {
    if (isApiError(e) && e.code === 'validation_failed') {
      const errors: FieldErrors = {};
      for (const issue of e.issues) {
        const field = fieldOfPath(issue.path);
        if (field) errors[field] ??= issueText(field, d);
      }
      if (Object.keys(errors).length) {
        w.showErrors(errors);
        return;
      }
    }
    w.sendError = e;
    w.focusNext = '.send-error';
  } finally {
    w.sending = false;
  }
}

/** The view after the ticket was created. */
export function success(w: TicketWizard, t: TicketDetail): TemplateResult {
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
      <button
        class="button primary"
        type="button"
        @click=${() => {
          const event = new TicketOpenEvent({ id: t.id });
          w.dispatchEvent(event);
          if (!event.defaultPrevented) location.hash = `#/tickets/${encodeURIComponent(t.id)}`;
        }}
      >
        ${msg('Open ticket')}
      </button>
      <button
        class="button"
        type="button"
        @click=${() => {
          w.reset();
          w.focusNext = '#subject';
        }}
      >
        ${msg('Create another ticket')}
      </button>
    </div>
  </section>`;
}

export const laterStyles = css`
  .optional,
  .muted {
    color: var(--_color-text-muted);
    font-weight: 400;
  }
  .static {
    margin: 0;
    padding: var(--_space-2) 0;
  }
  .spinner.small {
    width: 1rem;
    height: 1rem;
    border-width: 2px;
    border-top-color: currentColor;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--_space-5);
  }
  .levels {
    margin: 0 0 var(--_space-4);
    padding: 0;
    border: none;
    display: grid;
    gap: var(--_space-1);
  }
  .levels legend {
    padding: 0;
    font-weight: 500;
  }
  .levels .hint {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    margin-bottom: var(--_space-1);
  }
  .segmented {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .segment {
    position: relative;
    display: block;
  }
  .segment + .segment {
    border-left: 1px solid var(--_color-border-strong);
  }
  .segment input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment span {
    display: block;
    padding: var(--_space-2) var(--_space-2);
    text-align: center;
    background: var(--_color-surface);
  }
  .segment input:hover + span {
    background: var(--_color-surface-sunken);
  }
  .segment input:checked + span {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 600;
  }
  .segment input:focus-visible + span {
    outline: 2px solid var(--_color-focus);
    outline-offset: -4px;
  }
  .priority {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    font-weight: 500;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_font-size-small);
    font-weight: 600;
    line-height: 1.6;
  }
  .priority-low {
    color: var(--_color-text-muted);
  }
  .priority-medium {
    color: var(--_color-primary);
  }
  .priority-high {
    color: var(--_color-warning);
    background: var(--_color-warning-subtle);
  }
  .priority-critical {
    color: var(--_color-danger);
    background: var(--_color-danger-subtle);
  }
  .badge.released {
    color: var(--_color-success);
    background: var(--_color-success-subtle);
  }
  .badge.awaiting {
    color: var(--_color-warning);
    background: var(--_color-warning-subtle);
  }
  .choice {
    margin-bottom: var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .choice .hint {
    margin: var(--_space-1) 0 0 1.875rem;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
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
  .submit-note {
    background: var(--_color-warning-subtle);
    border-color: var(--_color-warning);
  }
  .choice-title {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    margin: 0;
    font-weight: 600;
  }
  .choice-title .icon {
    width: 1.125rem;
    height: 1.125rem;
    color: var(--_color-warning);
  }
  .submit-note .hint {
    color: var(--_color-text);
  }

  /* review */
  .review-section {
    padding: var(--_space-3) 0;
    border-bottom: 1px solid var(--_color-border);
  }
  .review-section:last-child {
    border-bottom: none;
  }
  .review-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-3);
  }
  .review-head h4 {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size);
    font-weight: 600;
  }
  .link-button {
    padding: 0;
    border: none;
    background: none;
    color: var(--_color-primary);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  dl {
    margin: 0;
    display: grid;
    gap: var(--_space-1);
  }
  .row {
    display: grid;
    grid-template-columns: 12rem minmax(0, 1fr);
    gap: var(--_space-3);
  }
  dt {
    color: var(--_color-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tag-list,
  .files {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
  }
  .tag-list li {
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-primary-subtle);
    font-size: var(--_font-size-small);
  }
  .files {
    display: grid;
  }
  .description {
    max-height: 20rem;
    overflow: auto;
    overflow-wrap: anywhere;
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
  }
  .description h5,
  .description h6 {
    margin: var(--_space-3) 0 var(--_space-2);
    font-size: 1rem;
    font-weight: 600;
  }
  .description h6 {
    font-size: var(--_font-size);
  }
  .description img {
    max-width: 100%;
    height: auto;
  }
  .description table {
    border-collapse: collapse;
  }
  .description th,
  .description td {
    min-width: 4rem;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_color-border-strong);
    vertical-align: top;
    text-align: left;
    overflow-wrap: normal;
  }
  .description :is(th, td) > p,
  .description li > p {
    margin: 0;
  }
  .send-error .button {
    margin-top: var(--_space-2);
  }

  /* after sending */
  .success {
    max-width: 40rem;
    padding: var(--_space-6) var(--_space-5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
    text-align: center;
  }
  .success-icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 3rem;
    height: 3rem;
    margin-bottom: var(--_space-3);
    border-radius: 50%;
    background: var(--_color-success-subtle);
    color: var(--_color-success);
  }
  .success-icon .icon {
    width: 1.75rem;
    height: 1.75rem;
  }
  .success h2 {
    outline: none;
  }
  .success-subject {
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .success .actions {
    justify-content: center;
    flex-wrap: wrap;
    border-top: none;
    padding-top: 0;
  }

  @container (max-width: 52rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    .row {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
  }
`;
