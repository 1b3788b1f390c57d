import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  isAbort,
  isApiError,
  type ActivityDto,
  type ActivityPatch,
  type Api,
  type PlanBoard as PlanBoardDto,
  type PlanBoardSummary,
} from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { DefineRequestEvent, PortalErrorEvent, TicketOpenEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { formatDate, formatNumber } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { alertStyles, buttonStyles, dialogStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import { formatDayRange, formatRelative, isDay } from './plan-dates.js';
import { ActivityChangedEvent, PlanBoardChangedEvent } from './plan-board.events.js';
import { planIcons } from './plan-board.icons.js';
import { priorityLabel } from './plan-board.labels.js';
import { MAX_HOURS, draftOf, indexInColumn, ordered, place, withActivity, type Change, type Conflict, type Draft, type Field, type FieldErrors } from './plan-board.model.js';
import type { DialogsUi } from './plan-board.dialogs.js';

type Dialogs = typeof import('./plan-board.dialogs.js');
import { planBoardStyles, priorityStyles } from './plan-board.styles.js';
import type { TimelineScale } from './plan-board-timeline.element.js';

export type PlanBoardView = 'board' | 'timeline';

const states = ['loading', 'empty', 'error', 'ready'] as const;
const scales: readonly TimelineScale[] = ['day', 'week', 'month'];

/**
 * Plan boards (R-PLAN-1..5): the overview of the user's boards, one board with its columns of
 * activities or as a timeline, an activity's details, and — for board editors only — changes to
 * its dates, duration, priority and column, moves by drag and drop or keyboard ("Move to…", or
 * Alt/Ctrl + arrow keys). Every change sends the version it is based on; when someone else was
 * faster (409), both versions are shown side by side and the user keeps theirs or applies their
 * own again. Observers see everything and can change nothing. Calendar days are shown as the same
 * day in every time zone.
 *
 * @summary Plan boards: overview, columns of activities, details, timeline; editors move and edit.
 *
 * @attr lang - UI language when used without `<portal-session>`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart overview - The list of the user's boards.
 * @csspart board-card - One board in the overview.
 * @csspart header - A board's title, description and tools.
 * @csspart columns - The columns of a board.
 * @csspart column - One column.
 * @csspart card - One activity card.
 * @csspart priority - A priority badge.
 * @csspart ticket-link - The link to an activity's ticket (bold and blue).
 * @csspart dialog - The activity details, the move dialog and the conflict dialog.
 * @csspart timeline - The timeline view.
 *
 * @cssprop --plan-board-column-width - Width of a column on wide screens (default 17rem).
 * @cssprop --plan-board-priority-low - Colour of low priority (badge text, timeline bar).
 * @cssprop --plan-board-priority-medium - Colour of medium priority.
 * @cssprop --plan-board-priority-high - Colour of high priority.
 * @cssprop --plan-board-priority-critical - Colour of critical priority.
 * @cssprop --plan-board-ticket-link-color - Colour of the ticket link (default the primary blue).
 *
 * @cssstate loading - Boards or a board are being loaded.
 * @cssstate empty - No boards, or a board without activities.
 * @cssstate error - Loading failed (a retry button shows).
 * @cssstate ready - The overview or a board shows.
 * @cssstate observer - The open board is read only for this user.
 * @cssstate timeline - The timeline view shows.
 * @cssstate busy - A change is being saved.
 * @cssstate dragging - An activity is being dragged.
 *
 * @event plan-board-changed - The user opened a board or went back to the overview (`detail: { boardId }`, null: the overview).
 * @event activity-changed - The server saved a change to an activity (`detail: { activity }`).
 * @event ticket-open - The user opens an activity's ticket (`detail: { id }`, cancelable: by default the board shows `<ticket-detail>` in place).
 * @event portal-error - Boards could not be loaded (`detail: { code, message, requestId }`).
 * @event portal-define-request - `<ticket-detail>` is needed but not defined yet (`tag`).
 */
export class PlanBoard extends PortalElement {
  static override styles = [hostStyles, buttonStyles, fieldStyles, alertStyles, dialogStyles, stateStyles, priorityStyles, planBoardStyles];

  /** The board to show; empty: the overview of the user's boards. Set by the element when the user opens or leaves one. */
  @property({ attribute: 'board-id' }) boardId: string | null = null;

  /** How a board shows its activities: `board` (columns) or `timeline`. */
  @property({ attribute: 'view' }) view: PlanBoardView = 'board';

  /** Scale of the timeline: `day`, `week` or `month`. */
  @property({ attribute: 'timeline-scale' }) timelineScale: TimelineScale = 'week';

  /** The open board as loaded and changed since (replaced on every change, never mutated). */
  @state() protected board: PlanBoardDto | null = null;
  @state() private activeId: string | null = null;
  @state() private detailId: string | null = null;
  @state() private draft: Draft | null = null;
  @state() private fieldErrors: FieldErrors = {};
  @state() private formError: string | null = null;
  @state() private formStatus = '';
  @state() private saving = false;
  @state() private conflict: Conflict | null = null;
  @state() private moveId: string | null = null;
  @state() private moveColumn = '';
  @state() private movePosition = 0;
  @state() private drag: { id: string; columnId: string | null; index: number } | null = null;
  @state() private notice: string | null = null;
  @state() private announcement = '';
  @state() private ticketId: string | null = null;
  @state() private ticketUnavailable = false;
  @state() private timelineLoaded = false;
  @state() private dialogsLoaded = false;

  #returnToDetail: string | null = null;
  #dialogs: Dialogs | null = null;
  #dialogsLoading: Promise<void> | null = null;
  #focusAfterDetail: string | null = null;
  #mutation: AbortController | null = null;

  readonly #boards = new Task(this, {
    args: () => [this.api, this.boardId] as const,
    task: async ([api, boardId]: readonly [Api, string | null], { signal }) => {
      if (boardId) return initialState;
      try {
        return await api.plan.boards({ signal });
      } catch (e) {
        this.#reportLoadError(e);
        throw e;
      }
    },
  });

  readonly #board = new Task(this, {
    args: () => [this.api, this.boardId] as const,
    task: async ([api, boardId]: readonly [Api, string | null], { signal }) => {
      if (!boardId) return initialState;
      try {
        const board = await api.plan.board(boardId, { signal });
        this.board = board;
        return board;
      } catch (e) {
        this.#reportLoadError(e);
        throw e;
      }
    },
  });

  /** Loads the overview or the open board again. */
  reload(): void {
    void (this.boardId ? this.#board.run() : this.#boards.run());
  }

  /** Opens the details of an activity of the open board (e.g. for a deep link). */
  async openActivity(id: string): Promise<void> {
    await this.#board.taskComplete.catch(() => undefined);
    const a = this.board?.activities.find((x) => x.id === id);
    if (!a) return;
    this.activeId = id;
    this.#openDetail(a);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#mutation?.abort();
    this.#mutation = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('boardId') && changed.get('boardId') !== undefined) this.#resetBoard();
    if (this.view === 'timeline' && this.boardId && !this.timelineLoaded) this.#loadTimeline();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.board) this.#loadDialogs();
    this.setExclusiveState(this.#state(), states);
    this.setCustomState('observer', !!this.boardId && this.board?.role === 'observer');
    this.setCustomState('timeline', !!this.boardId && this.view === 'timeline');
    this.setCustomState('busy', this.saving);
    this.setCustomState('dragging', !!this.drag);
    // the dialogs open once their module is there (it loads as soon as a board shows)
    this.#syncDialog('detail', this.dialogsLoaded && !!this.detailId && !!this.#detailActivity());
    this.#syncDialog('move', this.dialogsLoaded && !!this.moveId);
    this.#syncDialog('conflict', this.dialogsLoaded && !!this.conflict);
  }

  #state(): (typeof states)[number] {
    const task = this.boardId ? this.#board : this.#boards;
    if (task.status === TaskStatus.ERROR) return 'error';
    if (task.status !== TaskStatus.COMPLETE) return 'loading';
    if (this.boardId) return this.board && this.board.activities.length > 0 ? 'ready' : 'empty';
    return (this.#boards.value as PlanBoardSummary[] | undefined)?.length ? 'ready' : 'empty';
  }

  get #editor(): boolean {
    return this.board?.role === 'editor';
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="base" lang=${this.locale}>
      ${this.ticketId ? this.#renderTicket(this.ticketId) : this.boardId ? this.#renderBoard() : this.#renderOverview()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.#renderDetailDialog()} ${this.#renderMoveDialog()} ${this.#renderConflictDialog()}
    </div>`;
  }

  // --- overview (R-PLAN-2) --------------------------------------------------------------------

  #renderOverview(): TemplateResult {
    return html`<section class="overview" part="overview" aria-labelledby="overview-title">
      <h2 id="overview-title" class="title">${msg('Plan boards')}</h2>
      ${this.#boards.render({
        initial: () => this.#renderLoading(msg('Loading plan boards…')),
        pending: () => this.#renderLoading(msg('Loading plan boards…')),
        error: (e) => this.#renderError(e, () => void this.#boards.run()),
        complete: (boards) => {
          const list = boards as PlanBoardSummary[];
          return list.length === 0
            ? html`<div class="state empty">${planIcons.columns()}<p>${msg('You are not a member of any plan board yet.')}</p></div>`
            : html`<ul class="board-list" role="list">${list.map((b) => this.#renderBoardCard(b))}</ul>`;
        },
      })}
    </section>`;
  }

  #renderBoardCard(b: PlanBoardSummary): TemplateResult {
    const count = formatNumber(b.activityCount, {}, this.locale);
    return html`<li class="board-card" part="board-card">
      <h3 class="board-name">
        <button type="button" class="link" @click=${() => this.#open(b.id)}>${b.title}</button>
      </h3>
      ${b.description ? html`<p class="description">${b.description}</p>` : nothing}
      <p class="facts">
        <span class="badge role">${b.role === 'editor' ? msg('Editor') : msg('Observer')}</span>
        <span>${b.activityCount === 1 ? msg('1 activity') : msg(str`${count} activities`)}</span>
        <span
          >${msg('Updated')}
          <time datetime=${b.updatedAt} title=${formatDate(b.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }, this.locale)}
            >${formatRelative(b.updatedAt, this.locale)}</time
          ></span
        >
      </p>
      <button type="button" class="button open" aria-label=${msg(str`Open ${b.title}`)} @click=${() => this.#open(b.id)}>
        ${msg('Open')}
      </button>
    </li>`;
  }

  #open(id: string) {
    this.boardId = id;
    this.emit(new PlanBoardChangedEvent({ boardId: id }));
  }

  #backToOverview = () => {
    const from = this.boardId;
    this.boardId = null;
    this.emit(new PlanBoardChangedEvent({ boardId: null }));
    void this.updateComplete.then(async () => {
      await this.#boards.taskComplete.catch(() => undefined);
      await this.updateComplete;
      const cards = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.board-name button')];
      const list = (this.#boards.value as PlanBoardSummary[] | undefined) ?? [];
      const i = list.findIndex((b) => b.id === from);
      (cards[i] ?? cards[0])?.focus();
    });
  };

  #resetBoard() {
    this.#mutation?.abort();
    this.#mutation = null;
    this.board = null;
    this.activeId = null;
    this.detailId = null;
    this.draft = null;
    this.moveId = null;
    this.conflict = null;
    this.drag = null;
    this.notice = null;
    this.saving = false;
    this.ticketId = null;
  }

  // --- a board (R-PLAN-3) ---------------------------------------------------------------------

  #renderBoard(): TemplateResult {
    const back = html`<button type="button" class="button quiet small back" @click=${this.#backToOverview}>
      ${planIcons.back()}<span>${msg('All plan boards')}</span>
    </button>`;
    const b = this.board;
    if (this.#board.status === TaskStatus.ERROR) {
      return html`${back}${this.#renderError(this.#board.error, () => void this.#board.run())}`;
    }
    if (!b || this.#board.status !== TaskStatus.COMPLETE) return html`${back}${this.#renderLoading(msg('Loading plan board…'))}`;
    const observer = b.role === 'observer';
    return html`${back}
      <section class="board" aria-labelledby="board-title">
        <header class="board-header" part="header">
          <div class="heading">
            <h2 id="board-title" class="title">${b.title}</h2>
            <span class="badge role">${observer ? msg('Observer') : msg('Editor')}</span>
          </div>
          ${b.description ? html`<p class="description">${b.description}</p>` : nothing}
          <div class="tools">
            <div class="segmented" role="group" aria-label=${msg('View')}>
              ${this.#toggle(this.view === 'board', () => this.#setView('board'), html`${planIcons.columns()}<span>${msg('Board')}</span>`)}
              ${this.#toggle(this.view === 'timeline', () => this.#setView('timeline'), html`${planIcons.timeline()}<span>${msg('Timeline')}</span>`)}
            </div>
            ${this.view === 'timeline'
              ? html`<div class="segmented" role="group" aria-label=${msg('Scale')}>
                  ${scales.map((s) => this.#toggle(this.timelineScale === s, () => (this.timelineScale = s), scaleLabel(s)))}
                </div>`
              : nothing}
          </div>
        </header>
        ${observer
          ? html`<div class="alert info read-only">${icons.info()}<p>${msg('Read only — you are an observer of this board.')}</p></div>`
          : nothing}
        ${this.notice ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${this.notice}</p></div>` : nothing}
        ${b.activities.length === 0 ? html`<p class="state empty">${msg('This board has no activities yet.')}</p>` : nothing}
        ${this.view === 'timeline' ? this.#renderTimeline(b) : this.#renderColumns(b)}
      </section>`;
  }

  #toggle(pressed: boolean, onClick: () => void, label: TemplateResult | string): TemplateResult {
    return html`<button type="button" class="button small" aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>${label}</button>`;
  }

  #setView(view: PlanBoardView) {
    this.view = view;
  }

  #loadTimeline() {
    if (customElements.get('plan-board-timeline')) {
      this.timelineLoaded = true;
      return;
    }
    void import('./plan-board-timeline.define.js').then(
      () => (this.timelineLoaded = true),
      (e: unknown) => {
        // e.g. offline after a deploy: say so and offer the board view
        this.view = 'board';
        this.notice = errorMessage(e);
      },
    );
  }

  #renderTimeline(b: PlanBoardDto): TemplateResult {
    if (!this.timelineLoaded) return this.#renderLoading(msg('Loading…'));
    return html`<plan-board-timeline
      part="timeline"
      lang=${this.locale}
      .activities=${b.activities}
      .columns=${b.columns}
      .scale=${this.timelineScale}
      @timeline-open=${(e: CustomEvent<{ id: string }>) => {
        const a = b.activities.find((x) => x.id === e.detail.id);
        if (a) {
          this.activeId = a.id;
          this.#openDetail(a);
        }
      }}
    ></plan-board-timeline>`;
  }

  #renderColumns(b: PlanBoardDto): TemplateResult {
    const editor = this.#editor;
    const first = b.columns.map((c) => ordered(b.activities, c.id)[0]).find((a) => a);
    const active = b.activities.some((a) => a.id === this.activeId) ? this.activeId : first?.id ?? null;
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
        @keydown=${this.#onKeydown}
      >
        ${b.columns.map((c) => {
          const cards = ordered(b.activities, c.id);
          const target = this.drag && this.drag.columnId === c.id ? this.drag.index : -1;
          let k = 0;
          const items: { key: string; tpl: TemplateResult }[] = [];
          for (const a of cards) {
            if (a.id !== this.drag?.id) {
              if (k === target) items.push({ key: '', tpl: placeholder });
              k++;
            }
            items.push({ key: a.id, tpl: this.#renderCard(a, a.id === active, editor) });
          }
          if (target >= k) items.push({ key: '', tpl: placeholder });
          return html`<section
            class="column ${this.drag ? 'drop-zone' : ''} ${target >= 0 ? 'drop-target' : ''}"
            part="column"
            aria-labelledby="col-${c.id}"
            data-column=${c.id}
            @dragover=${(e: DragEvent) => this.#onDragOver(e, c.id)}
            @dragleave=${(e: DragEvent) => this.#onDragLeave(e, c.id)}
            @drop=${(e: DragEvent) => this.#onDrop(e, c.id)}
          >
            <h3 class="column-title" id="col-${c.id}">
              <span>${c.title}</span>
              <span class="count"
                ><span aria-hidden="true">${formatNumber(cards.length, {}, this.locale)}</span
                ><span class="visually-hidden"
                  >, ${cards.length === 1 ? msg('1 activity') : msg(str`${formatNumber(cards.length, {}, this.locale)} activities`)}</span
                ></span
              >
            </h3>
            <ol class="cards" role="list">${repeat(items, (i) => i.key, (i) => i.tpl)}</ol>
            ${cards.length ? nothing : html`<p class="column-empty">${msg('No activities')}</p>`}
          </section>`;
        })}
      </div>`;
  }

  #renderCard(a: ActivityDto, active: boolean, editor: boolean): TemplateResult {
    const dragging = this.drag?.id === a.id;
    const tab = active ? 0 : -1;
    return html`<li
      class="card prio-${a.priority} ${dragging ? 'dragging' : ''} ${editor ? 'draggable' : ''}"
      part="card"
      data-card=${a.id}
      draggable=${editor ? 'true' : 'false'}
      @dragstart=${(e: DragEvent) => this.#onDragStart(e, a)}
      @dragend=${this.#onDragEnd}
    >
      <button
        type="button"
        class="card-open"
        tabindex=${tab}
        aria-describedby="meta-${a.id} keys"
        @click=${() => this.#openDetail(a)}
        @focus=${() => (this.activeId = a.id)}
      >
        ${a.title}
      </button>
      <div class="card-meta" id="meta-${a.id}">
        <span class="dates">${planIcons.calendar()}${formatDayRange(a.startDate, a.endDate, this.locale)}</span>
        <span class="badge prio prio-${a.priority}" part="priority"
          ><span class="visually-hidden">${msg('Priority')}: </span>${priorityLabel(a.priority)}</span
        >
        ${a.ticket
          ? html`<span class="ticket-marker">${planIcons.ticket()}<span class="visually-hidden">${msg('Ticket')} </span>#${a.ticket.number}</span>`
          : nothing}
      </div>
      ${editor
        ? html`<button
            type="button"
            class="button quiet small move"
            tabindex=${tab}
            aria-haspopup="dialog"
            @click=${() => this.#openMove(a)}
          >
            ${planIcons.move()}<span>${msg('Move to…')}</span><span class="visually-hidden"> (${a.title})</span>
          </button>`
        : nothing}
    </li>`;
  }

  // --- keyboard: roving focus and moves -------------------------------------------------------

  #onKeydown = (e: KeyboardEvent) => {
    const button = e.target as HTMLElement;
    if (!button.classList?.contains('card-open') || !this.board) return;
    const id = button.closest<HTMLElement>('[data-card]')?.dataset.card;
    const b = this.board;
    const grid = b.columns.map((c) => ordered(b.activities, c.id));
    const col = grid.findIndex((list) => list.some((a) => a.id === id));
    if (!id || col < 0) return;
    const list = grid[col]!;
    const row = list.findIndex((a) => a.id === id);
    const arrow = e.key.startsWith('Arrow');
    if (arrow && (e.altKey || e.ctrlKey) && !e.metaKey && !e.shiftKey) {
      if (!this.#editor) return;
      e.preventDefault();
      const a = list[row]!;
      if (e.key === 'ArrowUp' && row > 0) void this.#move(a, b.columns[col]!.id, row - 1);
      else if (e.key === 'ArrowDown' && row < list.length - 1) void this.#move(a, b.columns[col]!.id, row + 1);
      else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && grid[col + (e.key === 'ArrowLeft' ? -1 : 1)]) {
        const to = col + (e.key === 'ArrowLeft' ? -1 : 1);
        void this.#move(a, b.columns[to]!.id, Math.min(row, grid[to]!.length));
      }
      return;
    }
    if (e.altKey || e.metaKey || e.shiftKey) return;
    let next: ActivityDto | undefined;
    if (e.key === 'ArrowDown') next = list[row + 1];
    else if (e.key === 'ArrowUp') next = list[row - 1];
    else if (e.key === 'Home') next = e.ctrlKey ? grid.find((l) => l.length)?.[0] : list[0];
    else if (e.key === 'End') next = e.ctrlKey ? [...grid].reverse().find((l) => l.length)?.at(-1) : list.at(-1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = e.key === 'ArrowLeft' ? -1 : 1;
      for (let c = col + step; c >= 0 && c < grid.length; c += step) {
        const l = grid[c]!;
        if (l.length) {
          next = l[Math.min(row, l.length - 1)];
          break;
        }
      }
    } else return;
    e.preventDefault();
    if (next) void this.#focusCard(next.id);
  };

  async #focusCard(id: string) {
    this.activeId = id;
    await this.updateComplete;
    if (this.view === 'timeline') {
      const timeline = this.renderRoot.querySelector('plan-board-timeline') as (HTMLElement & { focusActivity?(id: string): void }) | null;
      timeline?.focusActivity?.(id);
      return;
    }
    this.renderRoot.querySelector<HTMLElement>(`[data-card="${id}"] .card-open`)?.focus();
  }

  /**
   * Moves an activity (R-PLAN-5) at once on screen, then asks the server; on a refusal the board
   * goes back to what it was (a 409 also shows the other person's change).
   */
  async #move(a: ActivityDto, columnId: string, position: number) {
    const b = this.board;
    if (!b || !this.#editor || this.saving) return;
    const from = { columnId: a.columnId, position: indexInColumn(b.activities, a.id) };
    const others = ordered(b.activities, columnId).filter((x) => x.id !== a.id).length;
    const at = Math.min(position, others);
    if (from.columnId === columnId && from.position === at) return;
    const before = b;
    this.board = { ...b, activities: place(b.activities, a.id, columnId, at) };
    this.notice = null;
    this.activeId = a.id;
    void this.#focusCard(a.id);
    const result = await this.#send(a, { columnId, position: at });
    if ('activity' in result) this.#announce(this.#movedText(result.activity));
    else if ('error' in result) {
      if (isAbort(result.error)) return;
      this.board = before;
      this.notice = msg(str`“${a.title}” was not moved: ${errorMessage(result.error)}`);
      this.#announce(this.notice);
      this.#refreshIfStale(result.error);
    }
    void this.#focusCard(a.id);
  }

  #movedText(a: ActivityDto): string {
    const column = this.#columnTitle(a.columnId);
    const n = formatNumber(ordered(this.board?.activities ?? [], a.columnId).length, {}, this.locale);
    const pos = formatNumber(a.position + 1, {}, this.locale);
    return msg(str`“${a.title}” moved to ${column}, position ${pos} of ${n}.`);
  }

  /**
   * Sends a change based on `version` (default: the activity's). Success: the server's activity
   * replaces ours and `activity-changed` fires. 409: the board shows the current activity and the
   * conflict dialog opens. Anything else is returned for the caller to show where it belongs.
   */
  async #send(a: ActivityDto, change: Change, version = a.version): Promise<{ activity: ActivityDto } | { conflict: true } | { error: unknown }> {
    this.#mutation?.abort();
    const abort = (this.#mutation = new AbortController());
    this.saving = true;
    try {
      const activity = await this.api.plan.patchActivity(a.id, { ...change, version } satisfies ActivityPatch, { signal: abort.signal });
      this.#apply(activity);
      this.emit(new ActivityChangedEvent({ activity }));
      return { activity };
    } catch (e) {
      const current = isApiError(e) && e.code === 'conflict' ? (e.details?.current as ActivityDto | undefined) : undefined;
      if (current && current.id === a.id) {
        this.#apply(current);
        this.conflict = { id: a.id, base: a, current, mine: change, busy: false, error: null };
        this.#announce(msg('Someone else changed this activity in the meantime.'));
        return { conflict: true };
      }
      return { error: e };
    } finally {
      if (this.#mutation === abort) {
        this.#mutation = null;
        this.saving = false;
      }
    }
  }

  /** Puts the server's copy of an activity into the board. */
  #apply(activity: ActivityDto) {
    const b = this.board;
    if (!b) return;
    this.board = { ...b, activities: withActivity(b.activities, activity) };
  }

  /**
   * A 409 without the current activity (the server lost a race inside its transaction) or a 404
   * (the activity is gone): load the board again quietly, so the next try starts from what is saved.
   */
  #refreshIfStale(e: unknown) {
    if (!isApiError(e) || (e.code !== 'conflict' && e.code !== 'not_found')) return;
    const id = this.boardId;
    if (!id) return;
    this.api.plan.board(id).then(
      (board) => {
        if (this.boardId === id && this.board) this.board = board;
      },
      () => undefined, // the board stays as it is; the next change will tell
    );
  }

  #issueErrors(issues: { path: string; message: string }[]): FieldErrors {
    const errors: FieldErrors = {};
    for (const issue of issues) {
      const path = issue.path.split('.')[0] as Field;
      if (path === 'startDate' || path === 'endDate') {
        errors[path] = /before/i.test(issue.message) ? msg('The end date must not be before the start date.') : msg('Please enter a valid date.');
      } else if (path === 'durationHours') {
        errors[path] = this.#hoursError();
      } else if (path === 'priority' || path === 'columnId') {
        errors[path] = msg('Please choose one of the options.');
      }
    }
    return errors;
  }

  #hoursError(): string {
    return msg(str`Please enter the duration in hours, from 0 to ${formatNumber(MAX_HOURS, {}, this.locale)}.`);
  }

  #announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  #columnTitle(id: string): string {
    return this.board?.columns.find((c) => c.id === id)?.title ?? '';
  }

  // --- drag and drop --------------------------------------------------------------------------

  #onDragStart(e: DragEvent, a: ActivityDto) {
    if (!this.#editor || this.saving || !e.dataTransfer) {
      e.preventDefault();
      return;
    }
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', a.title);
    this.drag = { id: a.id, columnId: null, index: -1 };
  }

  #onDragOver(e: DragEvent, columnId: string) {
    if (!this.drag) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    const column = e.currentTarget as HTMLElement;
    let index = 0;
    for (const li of column.querySelectorAll<HTMLElement>('li.card')) {
      if (li.dataset.card === this.drag.id) continue;
      const r = li.getBoundingClientRect();
      if (e.clientY > r.top + r.height / 2) index++;
      else break;
    }
    if (this.drag.columnId !== columnId || this.drag.index !== index) this.drag = { ...this.drag, columnId, index };
  }

  #onDragLeave(e: DragEvent, columnId: string) {
    const column = e.currentTarget as HTMLElement;
    if (this.drag?.columnId === columnId && !(e.relatedTarget instanceof Node && column.contains(e.relatedTarget))) {
      this.drag = { ...this.drag, columnId: null, index: -1 };
    }
  }

  #onDrop(e: DragEvent, columnId: string) {
    const d = this.drag;
    if (!d) return;
    e.preventDefault();
    this.drag = null;
    const a = this.board?.activities.find((x) => x.id === d.id);
    if (a && d.columnId === columnId && d.index >= 0) void this.#move(a, columnId, d.index);
  }

  #onDragEnd = () => {
    this.drag = null;
  };

  // --- "Move to…" -----------------------------------------------------------------------------

  #openMove(a: ActivityDto) {
    if (!this.#editor) return;
    this.activeId = a.id;
    this.moveId = a.id;
    this.moveColumn = a.columnId;
    this.movePosition = indexInColumn(this.board!.activities, a.id);
  }

  #renderMoveDialog(): TemplateResult {
    const a = this.moveId ? this.board?.activities.find((x) => x.id === this.moveId) : undefined;
    return html`<dialog id="move" part="dialog" aria-labelledby=${a ? 'move-title' : nothing} @close=${this.#onMoveClose}>
      ${a && this.#dialogs ? this.#dialogs.renderMoveForm(this.#ui(), a) : nothing}
    </dialog>`;
  }

  #onMoveSubmit = (e: Event) => {
    e.preventDefault();
    const a = this.board?.activities.find((x) => x.id === this.moveId);
    this.moveId = null;
    if (a) void this.#move(a, this.moveColumn, this.movePosition);
  };

  #onMoveClose = () => {
    this.moveId = null;
    if (this.activeId) void this.#focusCard(this.activeId);
  };

  // --- details (R-PLAN-4) and editing (R-PLAN-5) ----------------------------------------------

  #detailActivity(): ActivityDto | undefined {
    return this.detailId ? this.board?.activities.find((a) => a.id === this.detailId) : undefined;
  }

  #openDetail(a: ActivityDto) {
    this.#focusAfterDetail = a.id;
    this.detailId = a.id;
    this.draft = draftOf(a);
    this.fieldErrors = {};
    this.formError = null;
    this.formStatus = '';
  }

  #closeDetail = () => {
    this.detailId = null;
  };

  #onDetailClose = () => {
    const id = this.#focusAfterDetail;
    this.#focusAfterDetail = null;
    this.detailId = null;
    this.draft = null;
    if (id && !this.ticketId) void this.#focusCard(id);
  };

  #renderDetailDialog(): TemplateResult {
    const a = this.#detailActivity();
    return html`<dialog id="detail" part="dialog" class="detail" aria-labelledby=${a ? 'detail-title' : nothing} @close=${this.#onDetailClose}>
      ${a && this.#dialogs ? this.#dialogs.renderDetail(this.#ui(), a) : nothing}
    </dialog>`;
  }

  #validate(d: Draft, a: ActivityDto): FieldErrors {
    const errors: FieldErrors = {};
    if (!isDay(d.startDate)) errors.startDate = msg('Please enter a valid date.');
    if (!isDay(d.endDate)) errors.endDate = msg('Please enter a valid date.');
    if (!errors.startDate && !errors.endDate && d.endDate < d.startDate) {
      // at the field the user changed (the end, unless only the start moved)
      const at: Field = d.endDate === a.endDate && d.startDate !== a.startDate ? 'startDate' : 'endDate';
      errors[at] = msg('The end date must not be before the start date.');
    }
    const hours = Number(d.durationHours);
    if (d.durationHours.trim() === '' || !Number.isFinite(hours) || hours < 0 || hours > MAX_HOURS) errors.durationHours = this.#hoursError();
    return errors;
  }

  #onSave = async (e: Event) => {
    e.preventDefault();
    const a = this.#detailActivity();
    const d = this.draft;
    if (!a || !d || !this.#editor || this.saving) return;
    this.formError = null;
    this.formStatus = '';
    this.fieldErrors = this.#validate(d, a);
    const invalid = (Object.keys(this.fieldErrors) as Field[])[0];
    if (invalid) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${invalid}`)?.focus();
      return;
    }
    const change: Change = {};
    if (d.startDate !== a.startDate) change.startDate = d.startDate;
    if (d.endDate !== a.endDate) change.endDate = d.endDate;
    if (Number(d.durationHours) !== a.durationHours) change.durationHours = Number(d.durationHours);
    if (d.priority !== a.priority) change.priority = d.priority;
    if (d.columnId !== a.columnId) change.columnId = d.columnId;
    if (Object.keys(change).length === 0) {
      this.formStatus = msg('Nothing to save: no value was changed.');
      return;
    }
    const result = await this.#send(a, change);
    if ('activity' in result) {
      if (this.detailId === a.id) {
        this.draft = draftOf(result.activity);
        this.formStatus = msg('Changes saved.');
      }
      this.#announce(msg('Changes saved.'));
    } else if ('error' in result && !isAbort(result.error)) {
      const e = result.error;
      if (isApiError(e) && e.code === 'validation_failed' && e.issues.length) this.fieldErrors = this.#issueErrors(e.issues);
      this.formError = errorMessage(e);
      this.#refreshIfStale(e);
    }
  };

  // --- conflicts (409) ------------------------------------------------------------------------

  #renderConflictDialog(): TemplateResult {
    const c = this.conflict;
    return html`<dialog
      id="conflict"
      part="dialog"
      class="conflict"
      aria-labelledby=${c ? 'conflict-title' : nothing}
      aria-describedby=${c ? 'conflict-text' : nothing}
      @close=${this.#onConflictClose}
    >
      ${c && this.#dialogs ? this.#dialogs.renderConflict(this.#ui(), c) : nothing}
    </dialog>`;
  }

  #keepTheirs = () => {
    const c = this.conflict;
    this.conflict = null;
    if (!c) return;
    if (this.detailId === c.id) {
      this.draft = draftOf(c.current);
      this.fieldErrors = {};
      this.formError = null;
    }
    this.#announce(msg('Their version is kept.'));
  };

  #reapply = async () => {
    const c = this.conflict;
    if (!c || c.busy) return;
    const a = this.board?.activities.find((x) => x.id === c.id) ?? c.current;
    const before = this.board!;
    this.conflict = { ...c, busy: true, error: null };
    const move = c.mine.position !== undefined;
    // a move shows at once again, as the first try did
    if (move) this.board = { ...before, activities: place(before.activities, a.id, c.mine.columnId ?? a.columnId, c.mine.position!) };
    const result = await this.#send(a, c.mine, c.current.version);
    if ('activity' in result) {
      this.conflict = null;
      if (this.detailId === c.id) {
        this.draft = draftOf(result.activity);
        this.formStatus = msg('Changes saved.');
      }
      this.#announce(move ? this.#movedText(result.activity) : msg('Changes saved.'));
    } else if ('error' in result) {
      if (isAbort(result.error)) return;
      this.board = before;
      const e = result.error;
      const issues = isApiError(e) && e.code === 'validation_failed' ? Object.values(this.#issueErrors(e.issues)) : [];
      this.conflict = { ...c, busy: false, error: [errorMessage(e), ...issues].join(' ') };
      this.#refreshIfStale(e);
    }
    // a new conflict: #send has put the newer version into the dialog
  };

  #onConflictClose = () => {
    if (this.conflict) this.#keepTheirs();
  };

  // --- the linked ticket ----------------------------------------------------------------------

  #onTicketClick(e: MouseEvent, id: string) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const open = this.emit(new TicketOpenEvent({ id }));
    const from = this.detailId;
    this.detailId = null;
    if (open.defaultPrevented) return;
    this.#returnToDetail = from;
    this.ticketId = id;
    this.ticketUnavailable = false;
    if (!customElements.get('ticket-detail')) {
      const request = this.emit(new DefineRequestEvent('ticket-detail'));
      this.ticketUnavailable = !request.defaultPrevented;
      void customElements.whenDefined('ticket-detail').then(() => {
        this.ticketUnavailable = false;
        this.requestUpdate();
      });
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.ticket-view .back')?.focus());
  }

  #renderTicket(id: string): TemplateResult {
    const defined = !!customElements.get('ticket-detail');
    return html`<section class="ticket-view" aria-label=${msg('Ticket')}>
      <button type="button" class="button quiet small back" @click=${this.#closeTicket}>${planIcons.back()}<span>${msg('Back to the plan board')}</span></button>
      ${defined
        ? html`<ticket-detail ticket-id=${id} lang=${this.locale} .api=${this.api}></ticket-detail>`
        : this.ticketUnavailable
          ? html`<p class="state">${msg('The ticket cannot be shown on this page.')}</p>`
          : this.#renderLoading(msg('Loading…'))}
    </section>`;
  }

  #closeTicket = () => {
    this.ticketId = null;
    const back = this.#returnToDetail;
    this.#returnToDetail = null;
    const a = back ? this.board?.activities.find((x) => x.id === back) : undefined;
    if (a) this.#openDetail(a);
  };

  // --- shared pieces --------------------------------------------------------------------------

  #renderLoading(label: string): TemplateResult {
    return html`<div class="state" role="status"><span class="spinner" aria-hidden="true"></span><span>${label}</span></div>`;
  }

  #renderError(error: unknown, retry: () => void): TemplateResult {
    const ref = errorReference(error);
    return html`<div class="alert danger load-error" role="alert">
      ${icons.alert()}
      <div>
        <p>${errorMessage(error)}</p>
        ${ref ? html`<p class="muted">${msg(str`Reference: ${ref}`)}</p>` : nothing}
        <button type="button" class="button small retry" @click=${retry}>${msg('Try again')}</button>
      </div>
    </div>`;
  }

  #reportLoadError(e: unknown) {
    if (isAbort(e) || (isApiError(e) && e.status === 401)) return;
    this.emit(
      new PortalErrorEvent({
        code: isApiError(e) ? e.code : 'internal',
        message: e instanceof Error ? e.message : String(e),
        requestId: isApiError(e) ? e.requestId ?? null : null,
      }),
    );
  }

  #loadDialogs() {
    this.#dialogsLoading ??= import('./plan-board.dialogs.js').then(
      (m) => {
        this.#dialogs = m;
        if (this.shadowRoot) adoptStyles(this.shadowRoot, [...(this.constructor as typeof PlanBoard).elementStyles, m.dialogsStyles]);
        this.dialogsLoaded = true;
      },
      (e: unknown) => {
        this.#dialogsLoading = null;
        this.notice = errorMessage(e);
      },
    );
  }

  /** What the dialogs module reads and calls (it renders; the board keeps state and logic). */
  #ui(): DialogsUi {
    return {
      locale: this.locale,
      board: this.board!,
      editor: this.#editor,
      saving: this.saving,
      draft: this.draft,
      fieldErrors: this.fieldErrors,
      formError: this.formError,
      formStatus: this.formStatus,
      moveColumn: this.moveColumn,
      movePosition: this.movePosition,
      columnTitle: (id) => this.#columnTitle(id),
      setDraft: (draft) => {
        this.draft = draft;
        this.formStatus = '';
      },
      onSave: this.#onSave,
      closeDetail: this.#closeDetail,
      onTicketClick: (e, id) => this.#onTicketClick(e, id),
      setMove: (columnId, position) => {
        this.moveColumn = columnId;
        this.movePosition = position;
      },
      onMoveSubmit: this.#onMoveSubmit,
      cancelMove: () => (this.moveId = null),
      keepTheirs: this.#keepTheirs,
      reapply: this.#reapply,
    };
  }

  #syncDialog(id: string, open: boolean) {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>(`dialog#${id}`);
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const focus = dialog.querySelector<HTMLElement>(id === 'conflict' ? '.reapply' : id === 'move' ? '#move-column' : this.#editor ? '#startDate' : '.close');
      focus?.focus();
    } else if (!open && dialog.open) dialog.close();
  }
}

const placeholder = html`<li class="drop-placeholder" aria-hidden="true"></li>`;

function scaleLabel(s: TimelineScale): string {
  return s === 'day' ? msg('Days') : s === 'week' ? msg('Weeks') : msg('Months');
}

