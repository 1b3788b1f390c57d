import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type Api, type PlanBoard as PlanBoardDto, type PlanBoardSummary } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { PortalErrorEvent } from '../core/events.js';
import { icons } from '../core/icons.js';
import { formatDate, formatNumber } from '../core/localization.js';
import { errorMessage, errorReference } from '../core/messages.js';
import { alertStyles, buttonStyles, dialogStyles, fieldStyles, hostStyles, stateStyles } from '../core/styles.js';
import { formatRelative } from './relative-time.js';
import { PlanBoardChangedEvent } from './plan-board.events.js';
import { planIcons } from './plan-board.icons.js';
import type { Draft, FieldErrors } from './plan-board.draft.js';
import type { Conflict } from './plan-board.model.js';

import { planBoardStyles } from './plan-board.styles.js';

type Dialogs = typeof import('./plan-board.dialogs.js');
type BoardView = typeof import('./plan-board.board.js');
import type { TimelineScale } from './plan-board-timeline.element.js';

export type PlanBoardView = 'board' | 'timeline';

const states = ['loading', 'empty', 'error', 'ready'] as const;

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
  static override styles = [hostStyles, buttonStyles, fieldStyles, alertStyles, dialogStyles, stateStyles, planBoardStyles];

  /** The board to show; empty: the overview of the user's boards. Set by the element when the user opens or leaves one. */
  @property({ attribute: 'board-id' }) boardId: string | null = null;

  /** How a board shows its activities: `board` (columns) or `timeline`. */
  @property({ attribute: 'view' }) view: PlanBoardView = 'board';

  /** Scale of the timeline: `day`, `week` or `month`. */
  @property({ attribute: 'timeline-scale' }) timelineScale: TimelineScale = 'week';

  // What the board view and the dialogs (modules of their own) read and change: @internal.
  /** @internal The open board as loaded and changed since (replaced on every change, never mutated). */
  @state() board: PlanBoardDto | null = null;
  /** @internal */ @state() activeId: string | null = null;
  /** @internal */ @state() detailId: string | null = null;
  /** @internal */ @state() draft: Draft | null = null;
  /** @internal */ @state() fieldErrors: FieldErrors = {};
  /** @internal */ @state() formError: string | null = null;
  /** @internal */ @state() formStatus = '';
  /** @internal */ @state() saving = false;
  /** @internal */ @state() conflict: Conflict | null = null;
  /** @internal */ @state() moveId: string | null = null;
  /** @internal */ @state() moveColumn = '';
  /** @internal */ @state() movePosition = 0;
  /** @internal */ @state() drag: { id: string; columnId: string | null; index: number } | null = null;
  /** @internal */ @state() notice: string | null = null;
  /** @internal */ @state() timelineLoaded = false;
  /** @internal The change on its way to the server. */
  mutation: AbortController | null = null;
  @state() private announcement = '';
  /** @internal The ticket shown in place (from an activity's details). */
  @state() ticketId: string | null = null;
  /** @internal */ @state() ticketUnavailable = false;
  /** @internal The activity whose details open again when the ticket closes. */
  returnToDetail: string | null = null;
  /** @internal The card that gets the focus when the details close. */
  focusAfterDetail: string | null = null;
  @state() private dialogsLoaded = false;
  @state() private viewLoaded = false;
  @state() private viewError: unknown = null;

  #dialogs: Dialogs | null = null;
  #dialogsLoading: Promise<void> | null = null;
  #view: BoardView | null = null;
  #viewLoading: Promise<void> | null = null;

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
    await this.#loadView();
    this.#view?.openDetail(this, a);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.mutation?.abort();
    this.mutation = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('boardId') && changed.get('boardId') !== undefined) this.#resetBoard();
    if (this.boardId && !this.viewError) void this.#loadView();
    if (this.view === 'timeline' && this.boardId && !this.timelineLoaded) this.#view?.loadTimeline(this);
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // a board is one click away: have its view ready before that click
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => void this.#loadView());
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.board && this.#view) this.#loadDialogs();
    this.setExclusiveState(this.#state(), states);
    this.setCustomState('observer', !!this.boardId && this.board?.role === 'observer');
    this.setCustomState('timeline', !!this.boardId && this.view === 'timeline');
    this.setCustomState('busy', this.saving);
    this.setCustomState('dragging', !!this.drag);
    // the dialogs open once their module is there (it loads as soon as a board shows)
    this.#dialogs?.syncDialogs(this);
  }

  #state(): (typeof states)[number] {
    const task = this.boardId ? this.#board : this.#boards;
    if (task.status === TaskStatus.ERROR || (this.boardId && this.viewError)) return 'error';
    if (task.status !== TaskStatus.COMPLETE || (this.boardId && !this.#view)) return 'loading';
    if (this.boardId) return this.board && this.board.activities.length > 0 ? 'ready' : 'empty';
    return (this.#boards.value as PlanBoardSummary[] | undefined)?.length ? 'ready' : 'empty';
  }

  /** @internal The user may change this board's activities. */
  get editor(): boolean {
    return this.board?.role === 'editor';
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="base" lang=${this.locale}>
      ${this.ticketId && this.#dialogs ? this.#dialogs.renderTicket(this, this.ticketId) : this.boardId ? this.#renderBoard() : this.#renderOverview()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.#dialogs?.renderDialogs(this)}
    </div>`;
  }

  // --- overview (R-PLAN-2) --------------------------------------------------------------------

  #renderOverview(): TemplateResult {
    return html`<section class="overview" part="overview" aria-labelledby="overview-title">
      <h2 id="overview-title" class="title">${msg('Plan boards')}</h2>
      ${this.#boards.render({
        initial: () => this.renderLoading(msg('Loading plan boards…')),
        pending: () => this.renderLoading(msg('Loading plan boards…')),
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
    this.viewError = null;
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
    this.mutation?.abort();
    this.mutation = null;
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
    if (!b || this.#board.status !== TaskStatus.COMPLETE) return html`${back}${this.renderLoading(msg('Loading plan board…'))}`;
    if (this.viewError) {
      return html`${back}${this.#renderError(this.viewError, () => {
        this.viewError = null;
        void this.#loadView();
      })}`;
    }
    if (!this.#view) return html`${back}${this.renderLoading(msg('Loading plan board…'))}`;
    return html`${back}${this.#view.renderBoard(this, b)}`;
  }

  /** @internal Says `text` in the live region (again, when it is the same). */
  announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // --- shared pieces --------------------------------------------------------------------------

  /** @internal */
  renderLoading(label: string): TemplateResult {
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
        this.#adopt();
        this.dialogsLoaded = true; // renders them
      },
      (e: unknown) => {
        this.#dialogsLoading = null;
        this.notice = errorMessage(e);
      },
    );
  }

  /** The board view's module: loads when a board opens (or while idle after the overview shows). */
  #loadView(): Promise<void> {
    return (this.#viewLoading ??= import('./plan-board.board.js').then(
      (m) => {
        this.#view = m;
        this.#adopt();
        this.viewLoaded = true;
      },
      (e: unknown) => {
        // e.g. offline after a deploy: the board says so and offers to try again
        this.#viewLoading = null;
        this.viewError = e;
      },
    ));
  }

  /** The element's styles and those of the modules that have arrived. */
  #adopt() {
    if (!this.shadowRoot) return;
    const extra = [...(this.#view?.boardStyles ?? []), ...(this.#dialogs ? [this.#dialogs.dialogsStyles] : [])];
    adoptStyles(this.shadowRoot, [...(this.constructor as typeof PlanBoard).elementStyles, ...extra]);
  }
}
