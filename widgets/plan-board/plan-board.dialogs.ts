/**
 * The plan board's dialogs — an activity's details and form, "Move to…", and the conflict view —
 * loaded on their own (`import()`) once a board shows, so the board itself loads less. The board
 * keeps the state and the logic (what to send, what a 409 means); these only render it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { ActivityDto, Locale, PlanBoard, Priority } from '../core/api.js';
import { icons } from '../core/icons.js';
import { formatDate, formatNumber } from '../core/localization.js';
import { formatDay, isDay } from './plan-dates.js';
import { priorityLabel } from './plan-board.labels.js';
import { MAX_HOURS, draftOf, indexInColumn, ordered, priorities, type Conflict, type Draft, type Field, type FieldErrors } from './plan-board.model.js';

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

/** The dialogs' own styles (adopted by the board when this module arrives). */
export const dialogsStyles = css`
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
