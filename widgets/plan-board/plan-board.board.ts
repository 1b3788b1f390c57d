/**
 * A plan board's view (R-PLAN-3, R-PLAN-5): its header with the view and scale choice, the columns
 * of activity cards, the keyboard (roving focus, Alt/Ctrl + arrows move), drag and drop, and the
 * moves themselves (shown at once, sent with the version they are based on, undone on a refusal;
 * a 409 opens the conflict view). Loaded on its own (`import()`) when a board opens, and warmed
 * while the browser is idle after the overview shows. The element keeps the state; these functions
 * render and change it.
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type ActivityDto, type ActivityPatch, type PlanBoard as PlanBoardDto } from '../core/api.js';
import { icons } from '../core/icons.js';
import { formatNumber } from '../core/localization.js';
import { errorMessage } from '../core/messages.js';
import { formatDayRange } from './plan-dates.js';
import { ActivityChangedEvent } from './plan-board.events.js';
import { icon, planIcons } from './plan-board.icons.js';
import { priorityLabel } from './plan-board.labels.js';
import { indexInColumn, ordered, place, withActivity, type Change } from './plan-board.model.js';
import { priorityStyles } from './plan-board.priority-styles.js';
import { draftOf } from './plan-board.draft.js';
import type { PlanBoard } from './plan-board.element.js';
import type { TimelineScale } from './plan-board-timeline.element.js';

const scales: readonly TimelineScale[] = ['day', 'week', 'month'];

function scaleLabel(s: TimelineScale): string {
  return s === 'day' ? msg('Days') : s === 'week' ? msg('Weeks') : msg('Months');
}

const placeholder = html`<li class="drop-placeholder" aria-hidden="true"></li>`;

function toggle(pressed: boolean, onClick: () => void, label: TemplateResult | string): TemplateResult {
  return html`<button type="button" class="button small" aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>${label}</button>`;
}

/** Focuses an activity's card (or its bar in the timeline). */
export async function focusCard(h: PlanBoard, id: string): Promise<void> {
  h.activeId = id;
  await h.updateComplete;
  if (h.view === 'timeline') {
    const timeline = h.renderRoot.querySelector('plan-board-timeline') as (HTMLElement & { focusActivity?(id: string): void }) | null;
    timeline?.focusActivity?.(id);
    return;
  }
  h.renderRoot.querySelector<HTMLElement>(`[data-card="${id}"] .card-open`)?.focus();
}

export const columnTitle = (h: PlanBoard, id: string): string => h.board?.columns.find((c) => c.id === id)?.title ?? '';

/** The activity whose details are open. */
export const detailActivity = (h: PlanBoard): ActivityDto | undefined =>
  h.detailId ? h.board?.activities.find((a) => a.id === h.detailId) : undefined;

/** Opens an activity's details (R-PLAN-4). */
export function openDetail(h: PlanBoard, a: ActivityDto): void {
  h.focusAfterDetail = a.id;
  h.detailId = a.id;
  h.draft = draftOf(a);
  h.fieldErrors = {};
  h.formError = null;
  h.formStatus = '';
}

/** The timeline's element, defined on first use (then `timelineLoaded`). */
export function loadTimeline(h: PlanBoard): void {
  if (customElements.get('plan-board-timeline')) {
    h.timelineLoaded = true;
    return;
  }
  void import('./plan-board-timeline.define.js').then(
    () => (h.timelineLoaded = true),
    (e: unknown) => {
      // e.g. offline after a deploy: say so and offer the board view
      h.view = 'board';
      h.notice = errorMessage(e);
    },
  );
}

/** The open board (below its Back button): header, notices, then the columns or the timeline. */
export function renderBoard(h: PlanBoard, b: PlanBoardDto): TemplateResult {
  const observer = b.role === 'observer';
  return html`<section class="board" aria-labelledby="board-title">
    <header class="board-header" part="header">
      <div class="heading">
        <h2 id="board-title" class="title">${b.title}</h2>
        <span class="badge role">${observer ? msg('Observer') : msg('Editor')}</span>
      </div>
      ${b.description ? html`<p class="description">${b.description}</p>` : nothing}
      <div class="tools">
        <div class="segmented" role="group" aria-label=${msg('View')}>
          ${toggle(h.view === 'board', () => (h.view = 'board'), html`${planIcons.columns()}<span>${msg('Board')}</span>`)}
          ${toggle(h.view === 'timeline', () => (h.view = 'timeline'), html`${icon(svg`<path d="M3 6h10M7 12h12M5 18h8"/>`)}<span>${msg('Timeline')}</span>`)}
        </div>
        ${h.view === 'timeline'
          ? html`<div class="segmented" role="group" aria-label=${msg('Scale')}>
              ${scales.map((s) => toggle(h.timelineScale === s, () => (h.timelineScale = s), scaleLabel(s)))}
            </div>`
          : nothing}
      </div>
    </header>
    ${observer
      ? html`<div class="alert info read-only">${icons.info()}<p>${msg('Read only — you are an observer of this board.')}</p></div>`
      : nothing}
    ${h.notice ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${h.notice}</p></div>` : nothing}
    ${b.activities.length === 0 ? html`<p class="state empty">${msg('This board has no activities yet.')}</p>` : nothing}
    ${h.view === 'timeline' ? renderTimeline(h, b) : renderColumns(h, b)}
  </section>`;
}

function renderTimeline(h: PlanBoard, b: PlanBoardDto): TemplateResult {
  if (!h.timelineLoaded) return h.renderLoading(msg('Loading…'));
  return html`<plan-board-timeline
    part="timeline"
    lang=${h.locale}
    .activities=${b.activities}
    .columns=${b.columns}
    .scale=${h.timelineScale}
    @timeline-open=${(e: CustomEvent<{ id: string }>) => {
      const a = b.activities.find((x) => x.id === e.detail.id);
      if (a) {
        h.activeId = a.id;
        openDetail(h, a);
      }
    }}
  ></plan-board-timeline>`;
}

function renderColumns(h: PlanBoard, b: PlanBoardDto): TemplateResult {
  const editor = h.editor;
  const drag = h.drag;
  const first = b.columns.map((c) => ordered(b.activities, c.id)[0]).find((a) => a);
  const active = b.activities.some((a) => a.id === h.activeId) ? h.activeId : first?.id ?? null;
  return html`<p id="keys" class="visually-hidden">
      ${editor
        ? msg('Arrow keys go from activity to activity. Alt or Ctrl with an arrow key moves the activity.')
        : msg('Arrow keys go from activity to activity.')}
    </p>
    <div
      class="columns"
      part="columns"
      tabindex=${b.activities.length ? nothing : '0'}
      role=${b.activities.length ? nothing : 'region'}
      aria-label=${b.activities.length ? nothing : msg('Columns')}
      @keydown=${(e: KeyboardEvent) => onKeydown(h, e)}
    >
      ${b.columns.map((c) => {
        const cards = ordered(b.activities, c.id);
        const target = drag && drag.columnId === c.id ? drag.index : -1;
        let k = 0;
        const items: { key: string; tpl: TemplateResult }[] = [];
        for (const a of cards) {
          if (a.id !== drag?.id) {
            if (k === target) items.push({ key: '', tpl: placeholder });
            k++;
          }
          items.push({ key: a.id, tpl: renderCard(h, a, a.id === active, editor) });
        }
        if (target >= k) items.push({ key: '', tpl: placeholder });
        const n = formatNumber(cards.length, {}, h.locale);
        return html`<section
          class="column ${drag ? 'drop-zone' : ''} ${target >= 0 ? 'drop-target' : ''}"
          part="column"
          aria-labelledby="col-${c.id}"
          data-column=${c.id}
          @dragover=${(e: DragEvent) => onDragOver(h, e, c.id)}
          @dragleave=${(e: DragEvent) => onDragLeave(h, e, c.id)}
          @drop=${(e: DragEvent) => onDrop(h, e, c.id)}
        >
          <h3 class="column-title" id="col-${c.id}">
            <span>${c.title}</span>
            <span class="count"
              ><span aria-hidden="true">${n}</span
              ><span class="visually-hidden">, ${cards.length === 1 ? msg('1 activity') : msg(str`${n} activities`)}</span></span
            >
          </h3>
          <ol class="cards" role="list">${repeat(items, (i) => i.key, (i) => i.tpl)}</ol>
          ${cards.length ? nothing : html`<p class="column-empty">${msg('No activities')}</p>`}
        </section>`;
      })}
    </div>`;
}

function renderCard(h: PlanBoard, a: ActivityDto, active: boolean, editor: boolean): TemplateResult {
  const tab = active ? 0 : -1;
  return html`<li
    class="card prio-${a.priority} ${h.drag?.id === a.id ? 'dragging' : ''} ${editor ? 'draggable' : ''}"
    part="card"
    data-card=${a.id}
    draggable=${editor ? 'true' : 'false'}
    @dragstart=${(e: DragEvent) => onDragStart(h, e, a)}
    @dragend=${() => (h.drag = null)}
  >
    <button
      type="button"
      class="card-open"
      tabindex=${tab}
      aria-describedby="meta-${a.id} keys"
      @click=${() => openDetail(h, a)}
      @focus=${() => (h.activeId = a.id)}
    >
      ${a.title}
    </button>
    <div class="card-meta" id="meta-${a.id}">
      <span class="dates"
        >${icon(svg`<rect x="3" y="4" width="18" height="17" rx="2"/><path d="M16 2v4M8 2v4M3 10h18"/>`)}${formatDayRange(a.startDate, a.endDate, h.locale)}</span
      >
      <span class="badge prio prio-${a.priority}" part="priority"
        ><span class="visually-hidden">${msg('Priority')}: </span>${priorityLabel(a.priority)}</span
      >
      ${a.ticket
        ? html`<span class="ticket-marker"
            >${icon(
              svg`<path d="M3 8a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-2a2 2 0 0 0 0-4z"/><path d="M13 6v12" stroke-dasharray="2 2"/>`,
            )}<span class="visually-hidden">${msg('Ticket')} </span>#${a.ticket.number}</span
          >`
        : nothing}
    </div>
    ${editor
      ? html`<button type="button" class="button quiet small move" tabindex=${tab} aria-haspopup="dialog" @click=${() => openMove(h, a)}>
          ${icon(svg`<path d="M5 9l-3 3 3 3M9 5l3-3 3 3M15 19l-3 3-3-3M19 9l3 3-3 3M2 12h20M12 2v20"/>`)}<span>${msg('Move to…')}</span
          ><span class="visually-hidden"> (${a.title})</span>
        </button>`
      : nothing}
  </li>`;
}

// --- keyboard: roving focus and moves -------------------------------------------------------

function onKeydown(h: PlanBoard, e: KeyboardEvent) {
  const button = e.target as HTMLElement;
  const b = h.board;
  if (!button.classList?.contains('card-open') || !b) return;
  const id = button.closest<HTMLElement>('[data-card]')?.dataset.card;
  const grid = b.columns.map((c) => ordered(b.activities, c.id));
  const col = grid.findIndex((list) => list.some((a) => a.id === id));
  if (!id || col < 0) return;
  const list = grid[col]!;
  const row = list.findIndex((a) => a.id === id);
  const k = e.key;
  const side = k === 'ArrowLeft' ? -1 : k === 'ArrowRight' ? 1 : 0;
  if (k.startsWith('Arrow') && (e.altKey || e.ctrlKey) && !e.metaKey && !e.shiftKey) {
    if (!h.editor) return;
    e.preventDefault();
    const a = list[row]!;
    if (k === 'ArrowUp' && row > 0) void move(h, a, b.columns[col]!.id, row - 1);
    else if (k === 'ArrowDown' && row < list.length - 1) void move(h, a, b.columns[col]!.id, row + 1);
    else if (side && grid[col + side]) void move(h, a, b.columns[col + side]!.id, Math.min(row, grid[col + side]!.length));
    return;
  }
  if (e.altKey || e.metaKey || e.shiftKey) return;
  let next: ActivityDto | undefined;
  if (k === 'ArrowDown') next = list[row + 1];
  else if (k === 'ArrowUp') next = list[row - 1];
  else if (k === 'Home') next = e.ctrlKey ? grid.find((l) => l.length)?.[0] : list[0];
  else if (k === 'End') next = e.ctrlKey ? [...grid].reverse().find((l) => l.length)?.at(-1) : list.at(-1);
  else if (side) {
    for (let c = col + side; c >= 0 && c < grid.length; c += side) {
      const l = grid[c]!;
      if (l.length) {
        next = l[Math.min(row, l.length - 1)];
        break;
      }
    }
  } else return;
  e.preventDefault();
  if (next) void focusCard(h, next.id);
}

// --- drag and drop --------------------------------------------------------------------------

function onDragStart(h: PlanBoard, e: DragEvent, a: ActivityDto) {
  if (!h.editor || h.saving || !e.dataTransfer) {
    e.preventDefault();
    return;
  }
  e.dataTransfer.effectAllowed = 'move';
  e.dataTransfer.setData('text/plain', a.title);
  h.drag = { id: a.id, columnId: null, index: -1 };
}

function onDragOver(h: PlanBoard, e: DragEvent, columnId: string) {
  const drag = h.drag;
  if (!drag) return;
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
  const column = e.currentTarget as HTMLElement;
  let index = 0;
  for (const li of column.querySelectorAll<HTMLElement>('li.card')) {
    if (li.dataset.card === drag.id) continue;
    const r = li.getBoundingClientRect();
    if (e.clientY > r.top + r.height / 2) index++;
    else break;
  }
  if (drag.columnId !== columnId || drag.index !== index) h.drag = { ...drag, columnId, index };
}

function onDragLeave(h: PlanBoard, e: DragEvent, columnId: string) {
  const column = e.currentTarget as HTMLElement;
  if (h.drag?.columnId === columnId && !(e.relatedTarget instanceof Node && column.contains(e.relatedTarget))) {
    h.drag = { ...h.drag, columnId: null, index: -1 };
  }
}

function onDrop(h: PlanBoard, e: DragEvent, columnId: string) {
  const d = h.drag;
  if (!d) return;
  e.preventDefault();
  h.drag = null;
  const a = h.board?.activities.find((x) => x.id === d.id);
  if (a && d.columnId === columnId && d.index >= 0) void move(h, a, columnId, d.index);
}

// --- "Move to…" and moves -------------------------------------------------------------------

function openMove(h: PlanBoard, a: ActivityDto) {
  if (!h.editor) return;
  h.activeId = a.id;
  h.moveId = a.id;
  h.moveColumn = a.columnId;
  h.movePosition = indexInColumn(h.board!.activities, a.id);
}

/** The "Move to…" form was sent: move the activity there. */
export function submitMove(h: PlanBoard, e: Event) {
  e.preventDefault();
  const a = h.board?.activities.find((x) => x.id === h.moveId);
  h.moveId = null;
  if (a) void move(h, a, h.moveColumn, h.movePosition);
}

/**
 * Moves an activity (R-PLAN-5) at once on screen, then asks the server; on a refusal the board
 * goes back to what it was (a 409 also shows the other person's change).
 */
async function move(h: PlanBoard, a: ActivityDto, columnId: string, position: number) {
  const b = h.board;
  if (!b || !h.editor || h.saving) return;
  const from = { columnId: a.columnId, position: indexInColumn(b.activities, a.id) };
  const others = ordered(b.activities, columnId).filter((x) => x.id !== a.id).length;
  const at = Math.min(position, others);
  if (from.columnId === columnId && from.position === at) return;
  h.board = { ...b, activities: place(b.activities, a.id, columnId, at) };
  h.notice = null;
  h.activeId = a.id;
  void focusCard(h, a.id);
  const result = await send(h, a, { columnId, position: at });
  if ('activity' in result) h.announce(movedText(h, result.activity));
  else if ('error' in result) {
    if (isAbort(result.error)) return;
    h.board = b;
    h.notice = msg(str`“${a.title}” was not moved: ${errorMessage(result.error)}`);
    h.announce(h.notice);
    refreshIfStale(h, result.error);
  }
  void focusCard(h, a.id);
}

export function movedText(h: PlanBoard, a: ActivityDto): string {
  const column = columnTitle(h, a.columnId);
  const n = formatNumber(ordered(h.board?.activities ?? [], a.columnId).length, {}, h.locale);
  const pos = formatNumber(a.position + 1, {}, h.locale);
  return msg(str`“${a.title}” moved to ${column}, position ${pos} of ${n}.`);
}

/**
 * Sends a change based on `version` (default: the activity's). Success: the server's activity
 * replaces ours and `activity-changed` fires. 409: the board shows the current activity and the
 * conflict dialog opens. Anything else is returned for the caller to show where it belongs.
 */
export async function send(
  h: PlanBoard,
  a: ActivityDto,
  change: Change,
  version = a.version,
): Promise<{ activity: ActivityDto } | { conflict: true } | { error: unknown }> {
  h.mutation?.abort();
  const abort = (h.mutation = new AbortController());
  h.saving = true;
  try {
    const activity = await h.api.plan.patchActivity(a.id, { ...change, version } satisfies ActivityPatch, { signal: abort.signal });
    apply(h, activity);
    h.dispatchEvent(new ActivityChangedEvent({ activity }));
    return { activity };
  } catch (e) {
    const current = isApiError(e) && e.code === 'conflict' ? (e.details?.current as ActivityDto | undefined) : undefined;
    if (current && current.id === a.id) {
      apply(h, current);
      h.conflict = { id: a.id, base: a, current, mine: change, busy: false, error: null };
      h.announce(msg('Someone else changed this activity in the meantime.'));
      return { conflict: true };
    }
    return { error: e };
  } finally {
    if (h.mutation === abort) {
      h.mutation = null;
      h.saving = false;
    }
  }
}

/** Puts the server's copy of an activity into the board. */
function apply(h: PlanBoard, activity: ActivityDto) {
  const b = h.board;
  if (b) h.board = { ...b, activities: withActivity(b.activities, activity) };
}

/**
 * A 409 without the current activity (the server lost a race inside its transaction) or a 404
 * (the activity is gone): load the board again quietly, so the next try starts from what is saved.
 */
export function refreshIfStale(h: PlanBoard, e: unknown) {
  if (!isApiError(e) || (e.code !== 'conflict' && e.code !== 'not_found')) return;
  const id = h.boardId;
  if (!id) return;
  h.api.plan.board(id).then(
    (board) => {
      if (h.boardId === id && h.board) h.board = board;
    },
    () => undefined, // the board stays as it is; the next change will tell
  );
}

export const boardStyles = [
  priorityStyles,
  css`
  /* a board */
  .board {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-4);
    min-width: 0;
  }
  .board-header {
    display: grid;
    gap: var(--_space-2);
  }
  .heading {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    margin-top: var(--_space-2);
  }
  .segmented {
    display: inline-flex;
  }
  .segmented .button {
    border-radius: 0;
    margin-inline-start: -1px;
  }
  .segmented .button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
    margin-inline-start: 0;
  }
  .segmented .button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .segmented .button[aria-pressed='true'] {
    position: relative;
    background: var(--_color-primary-subtle);
    border-color: var(--_color-primary);
    color: var(--_color-primary);
  }

  /* columns */
  .columns {
    /* the containing block of the visually hidden texts inside, so they scroll (and clip) with it */
    position: relative;
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(var(--plan-board-column-width, 17rem), 1fr);
    gap: var(--_space-3);
    overflow-x: auto;
    padding-bottom: var(--_space-2);
    align-items: start;
  }
  .column {
    display: grid;
    gap: var(--_space-2);
    min-height: 8rem;
    padding: var(--_space-3);
    border: 2px solid transparent;
    border-radius: var(--_radius-large);
    background: var(--_color-surface-sunken);
    transition: border-color var(--_transition), background-color var(--_transition);
  }
  .column.drop-zone {
    border-style: dashed;
    border-color: var(--_color-border-strong);
  }
  .column.drop-target {
    border-color: var(--_color-primary);
    background: var(--_color-primary-subtle);
  }
  .column-title {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    margin: 0;
    font-size: var(--_font-size);
  }
  .count {
    min-width: 1.5rem;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-surface);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    text-align: center;
  }
  .cards {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    align-content: start;
  }
  .column-empty {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    text-align: center;
  }
  .card {
    position: relative;
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    padding-inline-start: calc(var(--_space-3) + 4px);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
  }
  .card::before {
    content: '';
    position: absolute;
    inset: -1px auto -1px -1px;
    width: 4px;
    border-radius: var(--_radius) 0 0 var(--_radius);
    background: var(--_prio);
  }
  .card.draggable {
    cursor: grab;
  }
  .card.dragging {
    opacity: 0.45;
  }
  .card:hover {
    border-color: var(--_color-border-strong);
  }
  .card-open {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-text);
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  /* the whole card opens the details; the move button stays on top */
  .card-open::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  .card.draggable .card-open {
    cursor: inherit;
  }
  .card-open:focus-visible {
    outline: none;
  }
  .card-open:focus-visible::after {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .card-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .dates,
  .ticket-marker {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }
  .ticket-marker {
    color: var(--plan-board-ticket-link-color, var(--_color-primary));
    font-weight: 600;
  }
  .card .move {
    position: relative;
    z-index: 1;
    justify-self: start;
    min-height: 1.75rem;
    padding: 0 var(--_space-2);
    color: var(--_color-text-muted);
  }
  .drop-placeholder {
    height: 0.375rem;
    border-radius: 999px;
    background: var(--_color-primary);
  }

  @container (max-width: 40rem) {
    .columns {
      grid-auto-flow: row;
      grid-auto-columns: auto;
      overflow-x: visible;
    }
    .column {
      min-height: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .column {
      transition: none;
    }
  }
  `,
];
