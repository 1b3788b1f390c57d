/**
 * The plan board's dialogs — an activity's details and form, "Move to…", and the conflict view —
 * loaded on their own (`import()`) once a board shows, so the board itself loads less — and what
 * they do: check and save the details form, keep their version or apply mine again after a 409.
 * The board keeps the state; the board view's module sends the changes.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type ActivityDto, type Locale, type PlanBoard, type Priority } from '../core/api.js';
import { DefineRequestEvent, TicketOpenEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { formatDate, formatNumber } from '../core/localization.js';
import { errorMessage } from '../core/messages.js';
import { formatDay, isDay } from './plan-dates.js';
import { priorityLabel } from './plan-board.labels.js';
import {
  MAX_HOURS,
  draftOf,
  indexInColumn,
  ordered,
  place,
  priorities,
  type Change,
  type Conflict,
  type Draft,
  type Field,
  type FieldErrors,
} from './plan-board.model.js';
import { columnTitle, detailActivity, focusCard, movedText, openDetail, refreshIfStale, send, submitMove } from './plan-board.board.js';
import { planIcons } from './plan-board.icons.js';
import type { PlanBoard as PlanBoardElement } from './plan-board.element.js';

/** What the dialogs read from the board and call back into it. */
export interface DialogsUi {
  locale: Locale;
  board: PlanBoard;
  /** the user may change activities of this board */
  editor: boolean;
  saving: boolean;
  draft: Draft | null;
  fieldErrors: FieldErrors;
  formError: string | null;
  formStatus: string;
  moveColumn: string;
  movePosition: number;
  columnTitle(id: string): string;
  setDraft(draft: Draft): void;
  onSave(e: Event): void;
  closeDetail(): void;
  onTicketClick(e: MouseEvent, ticketId: string): void;
  setMove(columnId: string, position: number): void;
  onMoveSubmit(e: Event): void;
  cancelMove(): void;
  keepTheirs(): void;
  reapply(): void;
}

// --- the dialogs in the board (shown with showModal() once their state asks) -----------------

/** What the dialogs read from the board and call back into it. */
function uiOf(h: PlanBoardElement): DialogsUi {
  return {
    locale: h.locale,
    board: h.board!,
    editor: h.editor,
    saving: h.saving,
    draft: h.draft,
    fieldErrors: h.fieldErrors,
    formError: h.formError,
    formStatus: h.formStatus,
    moveColumn: h.moveColumn,
    movePosition: h.movePosition,
    columnTitle: (id) => columnTitle(h, id),
    setDraft: (draft) => {
      h.draft = draft;
      h.formStatus = '';
    },
    onSave: (e) => void save(h, e),
    closeDetail: () => (h.detailId = null),
    onTicketClick: (e, id) => onTicketClick(h, e, id),
    setMove: (columnId, position) => {
      h.moveColumn = columnId;
      h.movePosition = position;
    },
    onMoveSubmit: (e) => submitMove(h, e),
    cancelMove: () => (h.moveId = null),
    keepTheirs: () => keepTheirs(h),
    reapply: () => void reapply(h),
  };
}

/** The details, "Move to…" and conflict dialogs (empty while closed). */
export function renderDialogs(h: PlanBoardElement): TemplateResult {
  const ui = uiOf(h);
  const a = detailActivity(h);
  const m = h.moveId ? h.board?.activities.find((x) => x.id === h.moveId) : undefined;
  const c = h.conflict;
  return html`<dialog id="detail" part="dialog" class="detail" aria-labelledby=${a ? 'detail-title' : nothing} @close=${() => onDetailClose(h)}>
      ${a ? renderDetail(ui, a) : nothing}
    </dialog>
    <dialog
      id="move"
      part="dialog"
      aria-labelledby=${m ? 'move-title' : nothing}
      @close=${() => {
        h.moveId = null;
        if (h.activeId) void focusCard(h, h.activeId);
      }}
    >
      ${m ? renderMoveForm(ui, m) : nothing}
    </dialog>
    <dialog
      id="conflict"
      part="dialog"
      class="conflict"
      aria-labelledby=${c ? 'conflict-title' : nothing}
      aria-describedby=${c ? 'conflict-text' : nothing}
      @close=${() => {
        if (h.conflict) keepTheirs(h);
      }}
    >
      ${c ? renderConflict(ui, c) : nothing}
    </dialog>`;
}

function onDetailClose(h: PlanBoardElement) {
  const id = h.focusAfterDetail;
  h.focusAfterDetail = null;
  h.detailId = null;
  h.draft = null;
  if (id && !h.ticketId) void focusCard(h, id);
}

/** Opens or closes each dialog as the board's state says (after every render), focusing its first control. */
export function syncDialogs(h: PlanBoardElement): void {
  const sync = (id: string, open: boolean, first: string) => {
    const dialog = h.renderRoot.querySelector<HTMLDialogElement>(`dialog#${id}`);
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>(first)?.focus();
    } else if (!open && dialog.open) dialog.close();
  };
  sync('detail', !!h.detailId && !!detailActivity(h), h.editor ? '#startDate' : '.close');
  sync('move', !!h.moveId, '#move-column');
  sync('conflict', !!h.conflict, '.reapply');
}

// --- the linked ticket, in place of the board ---------------------------------------------

function onTicketClick(h: PlanBoardElement, e: MouseEvent, id: string) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const open = new TicketOpenEvent({ id });
  h.dispatchEvent(open);
  const from = h.detailId;
  h.detailId = null;
  if (open.defaultPrevented) return;
  h.returnToDetail = from;
  h.ticketId = id;
  h.ticketUnavailable = false;
  if (!customElements.get('ticket-detail')) {
    const request = new DefineRequestEvent('ticket-detail');
    h.dispatchEvent(request);
    h.ticketUnavailable = !request.defaultPrevented;
    void customElements.whenDefined('ticket-detail').then(() => {
      h.ticketUnavailable = false;
      h.requestUpdate();
    });
  }
  void h.updateComplete.then(() => h.renderRoot.querySelector<HTMLElement>('.ticket-view .back')?.focus());
}

/** The ticket an activity links to, in place, with the way back to the activity. */
export function renderTicket(h: PlanBoardElement, id: string): TemplateResult {
  const defined = !!customElements.get('ticket-detail');
  return html`<section class="ticket-view" aria-label=${msg('Ticket')}>
    <button type="button" class="button quiet small back" @click=${() => closeTicket(h)}>${planIcons.back()}<span>${msg('Back to the plan board')}</span></button>
    ${defined
      ? html`<ticket-detail ticket-id=${id} lang=${h.locale} .api=${h.api}></ticket-detail>`
      : h.ticketUnavailable
        ? html`<p class="state">${msg('The ticket cannot be shown on this page.')}</p>`
        : h.renderLoading(msg('Loading…'))}
  </section>`;
}

function closeTicket(h: PlanBoardElement) {
  h.ticketId = null;
  const back = h.returnToDetail;
  h.returnToDetail = null;
  const a = back ? h.board?.activities.find((x) => x.id === back) : undefined;
  if (a) openDetail(h, a);
}

/** The "Move to…" form: column and position (R-PLAN-5, the keyboard path of drag and drop). */
export function renderMoveForm(ui: DialogsUi, a: ActivityDto): TemplateResult {
  const others = ordered(ui.board.activities, ui.moveColumn).filter((x) => x.id !== a.id).length;
  const positions = Array.from({ length: others + 1 }, (_, i) => i);
  return html`<form @submit=${ui.onMoveSubmit}>
      <h2 id="move-title" class="dialog-title">${msg(str`Move “${a.title}”`)}</h2>
      <div class="field">
        <label for="move-column">${msg('Column')}</label>
        <select
          id="move-column"
          class="input"
          @change=${(e: Event) => {
            const column = (e.target as HTMLSelectElement).value;
            const n = ordered(ui.board.activities, column).filter((x) => x.id !== a.id).length;
            ui.setMove(column, column === a.columnId ? indexInColumn(ui.board.activities, a.id) : n);
          }}
        >
          ${ui.board.columns.map(
            (c) => html`<option value=${c.id} ?selected=${c.id === ui.moveColumn}>
              ${c.id === a.columnId ? msg(str`${c.title} (current)`) : c.title}
            </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="move-position">${msg('Position')}</label>
        <select id="move-position" class="input" @change=${(e: Event) => ui.setMove(ui.moveColumn, Number((e.target as HTMLSelectElement).value))}>
          ${positions.map((p) => {
            const n = formatNumber(p + 1, {}, ui.locale);
            const label = p === 0 ? msg(str`${n} (top)`) : p === others && p > 0 ? msg(str`${n} (bottom)`) : n;
            return html`<option value=${p} ?selected=${p === ui.movePosition}>${label}</option>`;
          })}
        </select>
      </div>
      <div class="actions">
        <button type="button" class="button" @click=${ui.cancelMove}>${msg('Cancel')}</button>
        <button type="submit" class="button primary">${msg('Move')}</button>
      </div>
    </form>`;
}

/** An activity's details (R-PLAN-4); for editors with the form (R-PLAN-5). */
export function renderDetail(ui: DialogsUi, a: ActivityDto): TemplateResult {
  const none = html`<span class="muted">—</span>`;
  const t = a.ticket;
  // R-PLAN-4: created, updated and the ticket (a link, bold and blue, only when the user may see it)
  const facts = html`<dl class="facts-list">
    ${fact(msg('Created'), instant(ui.locale, a.createdAt))} ${fact(msg('Updated'), instant(ui.locale, a.updatedAt))}
    ${fact(
      msg('Ticket'),
      !t
        ? none
        : t.accessible && t.id
          ? html`<a class="ticket-link" part="ticket-link" href="#/tickets/${t.id}" @click=${(e: MouseEvent) => ui.onTicketClick(e, t.id!)}
              >#${t.number}${t.subject ? html` ${t.subject}` : nothing}</a
            >`
          : html`<span class="ticket-number">#${t.number}</span>`,
    )}
  </dl>`;
  return html`<header class="dialog-header">
      <h2 id="detail-title" class="dialog-title">${a.title}</h2>
      <button type="button" class="button quiet small close" aria-label=${msg('Close')} @click=${ui.closeDetail}>${icons.cross()}</button>
    </header>
    ${a.description ? html`<p class="description">${a.description}</p>` : nothing}
    ${ui.editor
      ? renderForm(ui, a, facts)
      : html`<div class="alert info read-only">${icons.info()}<p>${msg('Read only — you are an observer of this board.')}</p></div>
          <dl class="facts-list">
            ${fact(msg('Start date'), formatDay(a.startDate, ui.locale))} ${fact(msg('End date'), formatDay(a.endDate, ui.locale))}
            ${fact(msg('Duration'), hours(ui.locale, a.durationHours))}
            ${fact(msg('Priority'), html`<span class="badge prio prio-${a.priority}" part="priority">${priorityLabel(a.priority)}</span>`)}
            ${fact(msg('Column'), ui.columnTitle(a.columnId))}
          </dl>
          ${facts}
          <div class="actions"><button type="button" class="button" @click=${ui.closeDetail}>${msg('Close')}</button></div>`}`;
}

function renderForm(ui: DialogsUi, a: ActivityDto, facts: TemplateResult): TemplateResult {
  const d = ui.draft ?? draftOf(a);
  const err = ui.fieldErrors;
  const described = (id: string, hint?: string) => [err[id as Field] ? `${id}-error` : '', hint ?? ''].filter(Boolean).join(' ') || nothing;
  const error = (id: Field) => (err[id] ? html`<p class="error" id="${id}-error">${err[id]}</p>` : nothing);
  const set = (patch: Partial<Draft>) => ui.setDraft({ ...d, ...patch });
  return html`<form class="edit" novalidate @submit=${ui.onSave}>
    <div class="form-grid">
      <div class="field">
        <label for="startDate">${msg('Start date')}</label>
        <input
          id="startDate"
          class="input"
          type="date"
          required
          .value=${live(d.startDate)}
          aria-invalid=${err.startDate ? 'true' : 'false'}
          aria-describedby=${described('startDate', 'startDate-day')}
          @input=${(e: Event) => set({ startDate: (e.target as HTMLInputElement).value })}
        />
        <span class="hint" id="startDate-day">${isDay(d.startDate) ? formatDay(d.startDate, ui.locale) : ''}</span>
        ${error('startDate')}
      </div>
      <div class="field">
        <label for="endDate">${msg('End date')}</label>
        <input
          id="endDate"
          class="input"
          type="date"
          required
          min=${isDay(d.startDate) ? d.startDate : nothing}
          .value=${live(d.endDate)}
          aria-invalid=${err.endDate ? 'true' : 'false'}
          aria-describedby=${described('endDate', 'endDate-day')}
          @input=${(e: Event) => set({ endDate: (e.target as HTMLInputElement).value })}
        />
        <span class="hint" id="endDate-day">${isDay(d.endDate) ? formatDay(d.endDate, ui.locale) : ''}</span>
        ${error('endDate')}
      </div>
      <div class="field">
        <label for="durationHours">${msg('Duration (hours)')}</label>
        <input
          id="durationHours"
          class="input"
          type="number"
          inputmode="decimal"
          min="0"
          max=${MAX_HOURS}
          step="any"
          required
          .value=${live(d.durationHours)}
          aria-invalid=${err.durationHours ? 'true' : 'false'}
          aria-describedby=${described('durationHours')}
          @input=${(e: Event) => set({ durationHours: (e.target as HTMLInputElement).value })}
        />
        ${error('durationHours')}
      </div>
      <div class="field">
        <label for="priority">${msg('Priority')}</label>
        <select
          id="priority"
          class="input"
          aria-invalid=${err.priority ? 'true' : 'false'}
          aria-describedby=${described('priority')}
          @change=${(e: Event) => set({ priority: (e.target as HTMLSelectElement).value as Priority })}
        >
          ${priorities.map((p) => html`<option value=${p} ?selected=${p === d.priority}>${priorityLabel(p)}</option>`)}
        </select>
        ${error('priority')}
      </div>
      <div class="field">
        <label for="columnId">${msg('Column')}</label>
        <select
          id="columnId"
          class="input"
          aria-invalid=${err.columnId ? 'true' : 'false'}
          aria-describedby=${described('columnId')}
          @change=${(e: Event) => set({ columnId: (e.target as HTMLSelectElement).value })}
        >
          ${ui.board.columns.map((c) => html`<option value=${c.id} ?selected=${c.id === d.columnId}>${c.title}</option>`)}
        </select>
        ${error('columnId')}
      </div>
    </div>
    ${facts}
    ${ui.formError ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${ui.formError}</p></div>` : nothing}
    <p class="form-status" role="status">${ui.formStatus}</p>
    <div class="actions">
      <button type="button" class="button" @click=${ui.closeDetail}>${msg('Close')}</button>
      <button type="submit" class="button primary" aria-busy=${ui.saving ? 'true' : 'false'}>${msg('Save changes')}</button>
    </div>
  </form>`;
}

/** Their change next to mine, field by field (409). */
export function renderConflict(ui: DialogsUi, c: Conflict): TemplateResult {
  const fields = (['startDate', 'endDate', 'durationHours', 'priority', 'columnId', 'position'] as const).filter(
    (f) => f in c.mine || (f !== 'position' && c.base[f] !== c.current[f]),
  );
  const show = (f: (typeof fields)[number], value: unknown): string => {
    if (value === undefined) return msg('unchanged');
    switch (f) {
      case 'startDate':
      case 'endDate':
        return formatDay(String(value), ui.locale);
      case 'durationHours':
        return hours(ui.locale, Number(value));
      case 'priority':
        return priorityLabel(value as Priority);
      case 'columnId':
        return ui.columnTitle(String(value));
      default:
        return formatNumber(Number(value) + 1, {}, ui.locale);
    }
  };
  return html`<h2 id="conflict-title" class="dialog-title">${msg('Someone else changed this activity')}</h2>
    <p id="conflict-text">
      ${msg(str`While you were working on “${c.current.title}”, someone else saved a change. The board shows their version now.`)}
    </p>
    <table class="diff">
      <thead>
        <tr>
          <th scope="col">${msg('Field')}</th>
          <th scope="col">${msg('Their version (saved)')}</th>
          <th scope="col">${msg('Your change')}</th>
        </tr>
      </thead>
      <tbody>
        ${fields.map(
          (f) => html`<tr>
            <th scope="row">${fieldLabel(f)}</th>
            <td>${show(f, c.current[f])}</td>
            <td class=${f in c.mine ? 'mine' : 'muted'}>${show(f, c.mine[f])}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${c.error ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${c.error}</p></div>` : nothing}
    <div class="actions">
      <button type="button" class="button keep" @click=${ui.keepTheirs}>${msg('Keep their version')}</button>
      <button type="button" class="button primary reapply" aria-busy=${c.busy ? 'true' : 'false'} @click=${ui.reapply}>
        ${msg('Apply my change again')}
      </button>
    </div>`;
}

function hours(locale: Locale, h: number): string {
  return formatNumber(h, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 2 }, locale);
}

function instant(locale: Locale, iso: string): TemplateResult {
  return html`<time datetime=${iso}>${formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }, locale)}</time>`;
}

function fact(label: string, value: unknown): TemplateResult {
  return html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function fieldLabel(f: 'startDate' | 'endDate' | 'durationHours' | 'priority' | 'columnId' | 'position'): string {
  switch (f) {
    case 'startDate':
      return msg('Start date');
    case 'endDate':
      return msg('End date');
    case 'durationHours':
      return msg('Duration');
    case 'priority':
      return msg('Priority');
    case 'columnId':
      return msg('Column');
    default:
      return msg('Position');
  }
}

// --- what the dialogs do (R-PLAN-5, 409) -----------------------------------------------------

function issueErrors(h: PlanBoardElement, issues: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.split('.')[0] as Field;
    if (path === 'startDate' || path === 'endDate') {
      errors[path] = /before/i.test(issue.message) ? msg('The end date must not be before the start date.') : msg('Please enter a valid date.');
    } else if (path === 'durationHours') {
      errors[path] = hoursError(h);
    } else if (path === 'priority' || path === 'columnId') {
      errors[path] = msg('Please choose one of the options.');
    }
  }
  return errors;
}

function hoursError(h: PlanBoardElement): string {
  return msg(str`Please enter the duration in hours, from 0 to ${formatNumber(MAX_HOURS, {}, h.locale)}.`);
}

function validate(h: PlanBoardElement, d: Draft, a: ActivityDto): FieldErrors {
  const errors: FieldErrors = {};
  if (!isDay(d.startDate)) errors.startDate = msg('Please enter a valid date.');
  if (!isDay(d.endDate)) errors.endDate = msg('Please enter a valid date.');
  if (!errors.startDate && !errors.endDate && d.endDate < d.startDate) {
    // at the field the user changed (the end, unless only the start moved)
    const at: Field = d.endDate === a.endDate && d.startDate !== a.startDate ? 'startDate' : 'endDate';
    errors[at] = msg('The end date must not be before the start date.');
  }
  const n = Number(d.durationHours);
  if (d.durationHours.trim() === '' || !Number.isFinite(n) || n < 0 || n > MAX_HOURS) errors.durationHours = hoursError(h);
  return errors;
}

/** The details form was sent: check it, send what changed, show the outcome at the form. */
export async function save(h: PlanBoardElement, e: Event): Promise<void> {
  e.preventDefault();
  const a = detailActivity(h);
  const d = h.draft;
  if (!a || !d || !h.editor || h.saving) return;
  h.formError = null;
  h.formStatus = '';
  h.fieldErrors = validate(h, d, a);
  const invalid = (Object.keys(h.fieldErrors) as Field[])[0];
  if (invalid) {
    await h.updateComplete;
    h.renderRoot.querySelector<HTMLElement>(`#${invalid}`)?.focus();
    return;
  }
  const change: Change = {};
  if (d.startDate !== a.startDate) change.startDate = d.startDate;
  if (d.endDate !== a.endDate) change.endDate = d.endDate;
  if (Number(d.durationHours) !== a.durationHours) change.durationHours = Number(d.durationHours);
  if (d.priority !== a.priority) change.priority = d.priority;
  if (d.columnId !== a.columnId) change.columnId = d.columnId;
  if (Object.keys(change).length === 0) {
    h.formStatus = msg('Nothing to save: no value was changed.');
    return;
  }
  const result = await send(h, a, change);
  if ('activity' in result) {
    if (h.detailId === a.id) {
      h.draft = draftOf(result.activity);
      h.formStatus = msg('Changes saved.');
    }
    h.announce(msg('Changes saved.'));
  } else if ('error' in result && !isAbort(result.error)) {
    const e = result.error;
    if (isApiError(e) && e.code === 'validation_failed' && e.issues.length) h.fieldErrors = issueErrors(h, e.issues);
    h.formError = errorMessage(e);
    refreshIfStale(h, e);
  }
}

/** After a 409: the other person's version stays (the form shows it). */
export function keepTheirs(h: PlanBoardElement): void {
  const c = h.conflict;
  h.conflict = null;
  if (!c) return;
  if (h.detailId === c.id) {
    h.draft = draftOf(c.current);
    h.fieldErrors = {};
    h.formError = null;
  }
  h.announce(msg('Their version is kept.'));
}

/** After a 409: my change again, based on their version. */
export async function reapply(h: PlanBoardElement): Promise<void> {
  const c = h.conflict;
  if (!c || c.busy) return;
  const a = h.board?.activities.find((x) => x.id === c.id) ?? c.current;
  const before = h.board!;
  h.conflict = { ...c, busy: true, error: null };
  const move = c.mine.position !== undefined;
  // a move shows at once again, as the first try did
  if (move) h.board = { ...before, activities: place(before.activities, a.id, c.mine.columnId ?? a.columnId, c.mine.position!) };
  const result = await send(h, a, c.mine, c.current.version);
  if ('activity' in result) {
    h.conflict = null;
    if (h.detailId === c.id) {
      h.draft = draftOf(result.activity);
      h.formStatus = msg('Changes saved.');
    }
    h.announce(move ? movedText(h, result.activity) : msg('Changes saved.'));
  } else if ('error' in result) {
    if (isAbort(result.error)) return;
    h.board = before;
    const e = result.error;
    const issues = isApiError(e) && e.code === 'validation_failed' ? Object.values(issueErrors(h, e.issues)) : [];
    h.conflict = { ...c, busy: false, error: [errorMessage(e), ...issues].join(' ') };
    refreshIfStale(h, e);
  }
  // a new conflict: send() has put the newer version into the dialog
}

/** The dialogs' own styles (adopted by the board when this module arrives). */
export const dialogsStyles = css`
  /* the ticket in place */
  .ticket-view {
    display: grid;
    gap: var(--_space-3);
  }
  dialog {
    width: min(40rem, calc(100vw - 2rem));
  }
  .dialog-header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space-3);
  }
  .dialog-title {
    font-size: 1.125rem;
    margin: 0 0 var(--_space-3);
  }
  .dialog-header .close {
    flex: none;
    margin: calc(-1 * var(--_space-2)) calc(-1 * var(--_space-2)) 0 0;
    padding: 0 var(--_space-2);
  }
  dialog .description {
    margin-bottom: var(--_space-4);
  }
  dialog .alert {
    margin-bottom: var(--_space-4);
  }
  .form-grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0 var(--_space-4);
    /* a message under one field must not stretch its neighbour in the same row */
    align-items: start;
  }
  .form-grid .field {
    align-content: start;
  }
  .form-status:empty {
    display: none;
  }
  .form-status {
    margin: 0 0 var(--_space-2);
    color: var(--_color-success);
  }
  .facts-list {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_space-3) var(--_space-4);
    margin: 0 0 var(--_space-4);
  }
  .fact dt {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .fact dd {
    margin: 0;
  }
  .ticket-link {
    color: var(--plan-board-ticket-link-color, var(--_color-primary));
    font-weight: 700;
  }
  .ticket-number {
    font-weight: 600;
  }
  .diff {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: var(--_space-4);
  }
  .diff th,
  .diff td {
    padding: var(--_space-2);
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }
  .diff thead th {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .diff td.mine {
    font-weight: 600;
  }
  .diff td.muted {
    font-style: italic;
  }
  @container (max-width: 40rem) {
    .form-grid,
    .facts-list {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (max-width: 30rem) {
    dialog {
      width: 100vw;
      max-width: 100vw;
      max-height: 100dvh;
      margin: auto 0 0;
      border-radius: var(--_radius-large) var(--_radius-large) 0 0;
    }
    .form-grid,
    .facts-list {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
