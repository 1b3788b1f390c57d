/**
 * Revising a rejected ticket in `<ticket-detail>` (R-APPROVE-2): the release was rejected, and
 * the author changes what the dispatcher asked for (subject, tags, reference number, type, area,
 * urgency and impact, privacy, description) before resubmitting it. The server allows it only to
 * the author while the release is rejected (`abilities.resubmit`), and only for the version the
 * form started from (409 otherwise). Loaded when the author chooses "Edit ticket"; renders in
 * place of the header and the description, inside the detail's shadow root. Only changed fields
 * are sent; the history names them.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type Level, type TicketDetail as TicketDetailDto } from '../core/api.js';
import type { NamedItem, UpdateTicketInput } from '../core/api-resources.js';
import type { PortalRichTextEditor } from '../core/rich-text-editor/rich-text-editor.element.js';
import { icons } from '../core/icons.js';
import { errorMessage } from '../core/messages.js';
import { derivePriority, levels, type PriorityMatrix } from '../../server/schemas/priority.js';
import type { TicketWizardTags } from '../ticket-wizard/ticket-wizard-tags.element.js';
import type { TicketDetail } from './ticket-detail.element.js';
import { priorityLabel } from './ticket-labels.js';

/** What the form needs of the detail besides its public side. */
export interface EditHost {
  /** Reloads the ticket after the server agreed, and tells the host page (`ticket-updated`). */
  afterChange(ticket: TicketDetailDto): Promise<void>;
  announce(text: string): void;
  /** The form is done (saved or cancelled): the ticket shows again. */
  close(saved: boolean): void;
  /** The wizard's subject rule (R-WIZ-1) and longest subject, from its module (loaded with this one). */
  subjectError(subject: string): string | null;
  subjectMax: number;
}

type Field = 'subject' | 'tags' | 'referenceNo' | 'typeId' | 'areaId' | 'urgency' | 'impact' | 'private' | 'description';
type Draft = Required<Omit<UpdateTicketInput, 'version' | 'referenceNo'>> & { referenceNo: string };

export const editStyles = css`
  .edit {
    display: grid;
    gap: var(--_space-4);
  }
  .edit h2 {
    font-size: var(--_font-size-large);
  }
  .edit-columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space-4);
  }
  .edit .check {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
  }
  .edit-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
  }
  .edit .counter {
    justify-self: end;
  }
`;

/** The form's values as the ticket has them. */
function draftOf(t: TicketDetailDto): Draft {
  return {
    subject: t.subject,
    tags: [...t.tags],
    referenceNo: t.referenceNo ?? '',
    typeId: t.type.id,
    areaId: t.area.id,
    urgency: t.urgency,
    impact: t.impact,
    private: t.private,
    description: t.descriptionHtml,
  };
}

export class TicketDetailEdit {
  draft: Draft;
  errors: Partial<Record<Field, string>> = {};
  error: unknown = null;
  saving = false;
  /** the last Save met a newer version of the ticket */
  conflict = false;
  lookups: { types: NamedItem[]; areas: NamedItem[]; matrix: PriorityMatrix } | null = null;
  lookupError: unknown = null;
  readonly #abort = new AbortController();

  constructor(
    readonly el: TicketDetail,
    readonly host: EditHost,
    /** the ticket as the form started from it (its `version` is sent; renewed after a conflict) */
    public ticket: TicketDetailDto,
  ) {
    this.draft = draftOf(ticket);
    void this.#loadLookups();
  }

  async #loadLookups() {
    const { lookups } = this.el.api;
    const signal = this.#abort.signal;
    this.lookupError = null;
    try {
      const [types, areas, matrix] = await Promise.all([lookups.types({ signal }), lookups.areas({ signal }), lookups.priorityMatrix({ signal })]);
      this.lookups = { types, areas, matrix };
    } catch (error) {
      if (isAbort(error)) return;
      this.lookupError = error;
    }
    this.el.requestUpdate();
  }

  /** After a conflict: the ticket as it is now (the detail loads it again), the user's entries kept. */
  async #renew() {
    await this.el.reload();
    const fresh = this.el.ticket;
    // not loaded (the detail shows why)
    if (!fresh || fresh.id !== this.ticket.id) return;
    // what the user changed stays; what they left alone takes the current value (no undoing the other change)
    const mine = Object.keys(this.#changes()) as Field[];
    const draft: Record<string, unknown> = draftOf(fresh);
    for (const f of mine) draft[f] = this.draft[f];
    this.draft = draft as Draft;
    this.ticket = fresh;
    this.error = null;
    this.conflict = true;
  }

  /** The form goes away (another ticket, the element leaves the page). */
  dispose() {
    this.#abort.abort();
  }

  #set<K extends Field>(field: K, value: Draft[K]) {
    this.draft = { ...this.draft, [field]: value };
    delete this.errors[field];
    this.el.requestUpdate();
  }

  /** The fields that differ from the ticket as loaded. */
  #changes(): Omit<UpdateTicketInput, 'version'> {
    const t = this.ticket;
    const d = this.draft;
    const out: Omit<UpdateTicketInput, 'version'> = {};
    if (d.subject.trim() !== t.subject) out.subject = d.subject.trim();
    if (d.tags.join('\n') !== t.tags.join('\n')) out.tags = d.tags;
    if (d.referenceNo.trim() !== (t.referenceNo ?? '')) out.referenceNo = d.referenceNo.trim() || null;
    if (d.typeId !== t.type.id) out.typeId = d.typeId;
    if (d.areaId !== t.area.id) out.areaId = d.areaId;
    if (d.urgency !== t.urgency) out.urgency = d.urgency;
    if (d.impact !== t.impact) out.impact = d.impact;
    if (d.private !== t.private) out.private = d.private;
    if (d.description !== t.descriptionHtml) out.description = d.description;
    return out;
  }

  render(): TemplateResult {
    const d = this.draft;
    const e = this.errors;
    const data = this.lookups;
    const described = (field: Field, hint = '') => `${hint} ${e[field] ? `edit-${field}-error` : ''}`.trim() || nothing;
    const error = (field: Field) => (e[field] ? html`<p class="error" id="edit-${field}-error">${e[field]}</p>` : nothing);
    const select = (field: 'typeId' | 'areaId', label: string, items: NamedItem[]) => html`<div class="field">
      <label for="edit-${field}">${label}</label>
      <select id="edit-${field}" class="input" aria-describedby=${described(field)} aria-invalid=${!!e[field]}
        @change=${(ev: Event) => this.#set(field, (ev.target as HTMLSelectElement).value)}>
        ${items.map((i) => html`<option value=${i.id} ?selected=${i.id === d[field]}>${i.name}</option>`)}
      </select>
      ${error(field)}
    </div>`;
    const level = (field: 'urgency' | 'impact', label: string) => html`<div class="field">
      <label for="edit-${field}">${label}</label>
      <select id="edit-${field}" class="input" @change=${(ev: Event) => this.#set(field, (ev.target as HTMLSelectElement).value as Level)}>
        ${levels.map((l) => html`<option value=${l} ?selected=${l === d[field]}>${priorityLabel(l)}</option>`)}
      </select>
    </div>`;
    return html`<form part="edit" class="edit" novalidate aria-labelledby="edit-title" @submit=${this.#save}
      @keydown=${(ev: KeyboardEvent) => {
        // Escape leaves the form only when nothing would be lost: nothing changed, and not from a
        // field where Escape means something else (clearing a tag being typed, closing suggestions)
        const typing = (ev.composedPath()[0] as HTMLElement).matches?.('input, textarea, select, [contenteditable]');
        if (ev.key === 'Escape' && !ev.defaultPrevented && !this.saving && !typing && !Object.keys(this.#changes()).length) {
          ev.preventDefault();
          this.host.close(false);
        }
      }}>
      <h2 id="edit-title" tabindex="-1">${msg('Edit ticket')}</h2>
      <p class="hint">${msg('Change what the dispatcher asked for, save, then resubmit the ticket for release.')}</p>
      <div class="field">
        <label for="edit-subject">${msg('Subject')}</label>
        <input id="edit-subject" class="input" required aria-required="true" maxlength=${this.host.subjectMax} autocomplete="off"
          aria-invalid=${!!e.subject} aria-describedby=${described('subject', 'edit-subject-count')} .value=${d.subject}
          @input=${(ev: Event) => this.#set('subject', (ev.target as HTMLInputElement).value)} />
        <span class="hint counter" id="edit-subject-count">${msg(str`${d.subject.length} of ${this.host.subjectMax} characters`)}</span>
        ${error('subject')}
      </div>
      <ticket-wizard-tags .api=${this.el.api} partner=${this.ticket.businessPartner.id} .value=${d.tags} error=${e.tags ?? ''}
        @change=${(ev: Event) => this.#set('tags', [...(ev.target as TicketWizardTags).value])}></ticket-wizard-tags>
      ${data
        ? html`<div class="edit-columns">
            ${select('typeId', msg('Ticket type'), data.types)} ${select('areaId', msg('Area'), data.areas)}
            ${level('urgency', msg('Urgency'))} ${level('impact', msg('Impact'))}
            <p class="field">
              <span>${msg('Priority')}</span>
              <span class="priority" data-priority=${derivePriority(d.urgency, d.impact, data.matrix)}>${priorityLabel(derivePriority(d.urgency, d.impact, data.matrix))}</span>
            </p>
          </div>`
        : this.lookupError
          ? html`<div class="alert danger" role="alert">${icons.alert()}<div><p>${errorMessage(this.lookupError)}</p>
              <button class="button small retry" type="button" @click=${() => void this.#loadLookups()}>${msg('Try again')}</button></div></div>`
          : html`<p class="hint" role="status">${msg('Loading…')}</p>`}
      <div class="field">
        <label for="edit-referenceNo">${msg('Reference number')} <span class="optional">${msg('(optional)')}</span></label>
        <input id="edit-referenceNo" class="input" maxlength="64" autocomplete="off" aria-invalid=${!!e.referenceNo}
          aria-describedby=${described('referenceNo')} .value=${d.referenceNo}
          @input=${(ev: Event) => this.#set('referenceNo', (ev.target as HTMLInputElement).value)} />
        ${error('referenceNo')}
      </div>
      <label class="check">
        <input type="checkbox" .checked=${d.private} @change=${(ev: Event) => this.#set('private', (ev.target as HTMLInputElement).checked)} />
        <span>${msg('Private')}</span>
      </label>
      <portal-rich-text-editor .api=${this.el.api} name="description" label=${msg('Description')} .value=${d.description}
        error=${e.description ?? ''}
        @input=${(ev: Event) => this.#set('description', (ev.target as PortalRichTextEditor).value)}></portal-rich-text-editor>
      ${this.conflict
        ? html`<div class="alert warning" role="alert">${icons.alert()}<p>${msg('The ticket was changed meanwhile, perhaps in another window. Your entries are kept: check them against the ticket as it is now and save again.')}</p></div>`
        : nothing}
      ${this.error ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${errorMessage(this.error)}</p></div>` : nothing}
      <div class="edit-actions">
        <button class="button" type="button" ?disabled=${this.saving} @click=${() => this.host.close(false)}>${msg('Cancel')}</button>
        <button class="button primary" type="submit" data-action="save" aria-busy=${this.saving} ?disabled=${this.saving || !data}>${msg('Save changes')}</button>
      </div>
    </form>`;
  }

  readonly #save = async (ev: Event) => {
    ev.preventDefault();
    if (this.saving || !this.lookups) return;
    const subject = this.host.subjectError(this.draft.subject);
    if (subject) {
      this.errors = { ...this.errors, subject };
      this.el.requestUpdate();
      await this.el.updateComplete;
      this.el.renderRoot.querySelector<HTMLElement>('#edit-subject')?.focus();
      return;
    }
    const changes = this.#changes();
    if (!Object.keys(changes).length) {
      this.host.close(false);
      return;
    }
    this.saving = true;
    this.error = null;
    this.conflict = false;
    this.el.requestUpdate();
    try {
      const ticket = await this.el.api.tickets.update(this.ticket.id, { version: this.ticket.version, ...changes }, { signal: this.#abort.signal });
      this.saving = false;
      this.host.close(true);
      this.host.announce(msg('Your changes are saved. Resubmit the ticket when it is ready.'));
      await this.host.afterChange(ticket);
    } catch (error) {
      if (isAbort(error)) return;
      if (isApiError(error) && error.code === 'conflict') {
        // changed meanwhile (another tab, another device): the form goes on from the current
        // ticket with everything typed kept, and the next Save applies it to that version
        await this.#renew();
        return;
      }
      // the fields the server refused are marked (its texts are for developers); the alert says why
      for (const i of isApiError(error) ? error.issues : []) {
        if (i.path in this.draft) this.errors[i.path as Field] = msg('Please check this entry.');
      }
      this.error = error;
    } finally {
      this.saving = false;
      this.el.requestUpdate();
    }
  };
}
