import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { ApiError } from '../../widgets/core/api.js';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { TicketOpenEvent } from '../../widgets/core/events.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PlanBoard } from '../../widgets/plan-board/plan-board.element.js';
import type { PlanBoardTimeline } from '../../widgets/plan-board/plan-board-timeline.element.js';
import { addDays } from '../../widgets/plan-board/plan-dates.js';
import type { ActivityChangedEvent } from '../../widgets/plan-board/plan-board.events.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import '../../widgets/plan-board/define.js';
import { $, $maybe, collect, text, waitForStatus } from './helpers.js';

/** waitUntil with room for lazily loaded modules (dialogs, timeline) on a busy machine. */
function until(predicate: () => unknown, message?: string) {
  return waitUntil(predicate, message, { timeout: 5000 });
}


const DORA = 'dora.dispatcher@nordwind.example';
const ANNA = 'anna.viewer@nordwind.example';
const BOB = 'bob.editor@blueharbor.example';
const ROLLOUT = 'pb-rollout';

interface MountOptions {
  boardId?: string;
  lang?: 'de' | 'en';
  api?: FakeApi;
  view?: 'board' | 'timeline';
}

async function mount(email: string, options: MountOptions = {}) {
  const api = options.api ?? new FakeApi({ signedInAs: email });
  const session = await fixture<PortalSession>(
    html`<portal-session .api=${api} lang=${options.lang ?? 'en'}>
      <plan-board board-id=${options.boardId ?? nothing} view=${options.view ?? nothing}></plan-board>
    </portal-session>`,
  );
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<PlanBoard>('plan-board')!;
  await localeReady();
  await settle(el);
  return { api, session, el };
}

/** Waits until nothing loads or saves and the element has rendered. */
async function settle(el: PlanBoard) {
  await el.updateComplete;
  await until(() => !el.hasCustomState('loading') && !el.hasCustomState('busy'), 'still loading or saving');
  await el.updateComplete;
}

const cards = (el: PlanBoard, column?: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>(`${column ? `[data-column="${column}"] ` : ''}li.card`)].map((li) => li.dataset.card);
const card = (el: PlanBoard, id: string) => $(el, `li[data-card="${id}"]`);
const openButton = (el: PlanBoard, id: string) => $<HTMLButtonElement>(el, `li[data-card="${id}"] .card-open`);
const focused = (el: PlanBoard) => el.shadowRoot!.activeElement?.closest<HTMLElement>('[data-card]')?.dataset.card;
const patches = (api: FakeApi) => api.calls.filter((c) => c.method === 'plan.patchActivity').map((c) => c.input as Record<string, unknown>);
const world = (api: FakeApi, id: string) => api.world.activities.find((a) => a.id === id)!;
const liveRegion = (el: PlanBoard) => $(el, '[role=status][aria-live=polite]').textContent!.trim();
const dialog = (el: PlanBoard, id: string) => $<HTMLDialogElement>(el, `dialog#${id}`);
/** Whether dialog #id shows (the dialogs come with their lazily loaded module: none yet is none open). */
const isOpen = (el: PlanBoard, id: string) => $maybe<HTMLDialogElement>(el, `dialog#${id}`)?.open ?? false;

async function openDetail(el: PlanBoard, id: string) {
  openButton(el, id).click();
  await until(() => isOpen(el, 'detail'), 'details did not open');
  await el.updateComplete;
}

async function setInput(el: PlanBoard, selector: string, value: string) {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  await el.updateComplete;
}

async function save(el: PlanBoard) {
  $<HTMLButtonElement>(el, 'dialog#detail button[type=submit]').click();
  await settle(el);
}

describe('plan-board', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
  });

  describe('overview (R-PLAN-2)', () => {
    it('lists my boards with my role, activities and last update; opens one by its name', async () => {
      const { el } = await mount(DORA);
      expect(el.hasCustomState('ready')).to.equal(true);
      const boards = [...el.shadowRoot!.querySelectorAll('.board-card')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
      expect(boards).to.have.length(2);
      expect(boards[0]).to.contain('Rollout Windows 11 – Standort Hamburg').and.contain('Editor').and.contain('4 activities');
      expect(boards[1]).to.contain('Umzug Rechenzentrum 2027').and.contain('Observer').and.contain('2 activities');
      expect($(el, '.board-card time').getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '.board-name button').click();
      await settle(el);
      expect(el.boardId).to.equal(ROLLOUT);
      expect($(el, '#board-title').textContent).to.equal('Rollout Windows 11 – Standort Hamburg');
      expect(text(el)).to.contain('Umstellung aller 120 Arbeitsplätze');
      expect([...el.shadowRoot!.querySelectorAll('.column-title > span:first-child')].map((h) => h.textContent)).to.deep.equal(['Geplant', 'In Arbeit', 'Erledigt']);

      // back to the overview, focus on the board the user came from
      $<HTMLButtonElement>(el, '.back').click();
      await settle(el);
      await until(() => el.shadowRoot!.activeElement?.textContent === 'Rollout Windows 11 – Standort Hamburg', 'focus did not return to the board name');
      expect(el.boardId).to.equal(null);
    });

    it('opens a board with its "Open" button, and directly with board-id', async () => {
      const { el } = await mount(DORA);
      const open = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.board-card .open')[1]!;
      expect(open.getAttribute('aria-label')).to.equal('Open Umzug Rechenzentrum 2027');
      open.click();
      await settle(el);
      expect($(el, '#board-title').textContent).to.equal('Umzug Rechenzentrum 2027');

      const direct = await mount(DORA, { boardId: 'pb-dc' });
      expect($(direct.el, '#board-title').textContent).to.equal('Umzug Rechenzentrum 2027');
      expect(direct.api.calls.some((c) => c.method === 'plan.boards')).to.equal(false);
    });

    it('empty: a user on no board', async () => {
      const { el } = await mount(BOB);
      expect(el.hasCustomState('empty')).to.equal(true);
      expect(text(el)).to.contain('You are not a member of any plan board yet.');
      await expect(el).to.be.accessible();
    });

    it('loading: a spinner with a status text', async () => {
      const api = new FakeApi({ signedInAs: DORA });
      const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><plan-board></plan-board></portal-session>`);
      await waitForStatus(session, 'signed-in');
      api.latencyMs = 60_000;
      const el = session.querySelector<PlanBoard>('plan-board')!;
      el.reload();
      await until(() => el.hasCustomState('loading'));
      expect($(el, '[role=status] .spinner')).to.exist;
      expect(text(el)).to.contain('Loading plan boards…');
      await expect(el).to.be.accessible();
    });

    it('error: a localized message, portal-error and a retry that works', async () => {
      const api = new FakeApi({ signedInAs: DORA, failures: { 'plan.boards': 'internal' } });
      const errors = collect('portal-error');
      try {
        const { el } = await mount(DORA, { api });
        expect(el.hasCustomState('error')).to.equal(true);
        expect($(el, '[role=alert]').textContent).to.contain('Something went wrong on our side');
        expect(errors.events).to.have.length(1);
        await expect(el).to.be.accessible();
        delete api.failures['plan.boards'];
        $<HTMLButtonElement>(el, '.retry').click();
        await settle(el);
        expect(el.hasCustomState('ready')).to.equal(true);
        expect(el.shadowRoot!.querySelectorAll('.board-card')).to.have.length(2);
      } finally {
        errors.stop();
      }
    });

    it('a board the user may not see answers "not found" with a way back', async () => {
      const { el } = await mount(BOB, { boardId: ROLLOUT });
      expect(el.hasCustomState('error')).to.equal(true);
      expect(text(el)).to.contain('This item does not exist or you cannot see it.');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.back').click();
      await settle(el);
      expect(el.hasCustomState('empty')).to.equal(true);
    });
  });

  describe('a board (R-PLAN-3)', () => {
    it('shows columns with cards in their order: title, dates with weekday, priority, ticket marker', async () => {
      const api = new FakeApi({ signedInAs: DORA });
      Object.assign(world(api, 'pa-4'), { startDate: '2026-03-05', endDate: '2026-03-06' });
      const { el } = await mount(DORA, { api, boardId: ROLLOUT });
      expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-3', 'pa-4']);
      expect(cards(el, 'pb-rollout-c1')).to.deep.equal(['pa-2']);
      expect(cards(el, 'pb-rollout-c2')).to.deep.equal(['pa-1']);
      const c = card(el, 'pa-4');
      expect(c.querySelector('.card-open')!.textContent!.trim()).to.equal('Umstellung 3. OG');
      expect(c.querySelector('.dates')!.textContent).to.match(/Thu, Mar 5 – Fri, Mar 6/);
      expect(c.querySelector('.prio')!.textContent).to.contain('Critical');
      expect(card(el, 'pa-1').querySelector('.ticket-marker')!.textContent).to.match(/Ticket\s*#\d+/);
      expect(c.querySelector('.ticket-marker')).to.equal(null);
      expect(el.hasCustomState('ready')).to.equal(true);
      expect(el.hasCustomState('observer')).to.equal(false);
      // the board view's styles came with its module: columns side by side, a priority stripe on each card
      expect(getComputedStyle($(el, '.columns')).display).to.equal('grid');
      expect(getComputedStyle(c, '::before').width).to.equal('4px');
      await expect(el).to.be.accessible();
    });

    it('empty: a board without activities', async () => {
      const api = new FakeApi({ signedInAs: DORA });
      api.world.activities = api.world.activities.filter((a) => a.boardId !== 'pb-dc');
      const { el } = await mount(DORA, { api, boardId: 'pb-dc' });
      expect(el.hasCustomState('empty')).to.equal(true);
      expect(text(el)).to.contain('This board has no activities yet.');
      await expect(el).to.be.accessible();
    });

    it('error while loading a board: retry', async () => {
      const api = new FakeApi({ signedInAs: DORA, failures: { 'plan.board': 'network' } });
      const { el } = await mount(DORA, { api, boardId: ROLLOUT });
      expect(el.hasCustomState('error')).to.equal(true);
      expect(text(el)).to.contain('The portal cannot be reached');
      await expect(el).to.be.accessible();
      delete api.failures['plan.board'];
      $<HTMLButtonElement>(el, '.retry').click();
      await settle(el);
      expect(el.hasCustomState('ready')).to.equal(true);
    });
  });

  describe('details (R-PLAN-4)', () => {
    it('openActivity(id) opens the details of an activity of the open board (deep link)', async () => {
      const { el } = await mount(DORA, { boardId: ROLLOUT });
      await el.openActivity('pa-2');
      await until(() => isOpen(el, 'detail'), 'details did not open');
      expect(dialog(el, 'detail').querySelector('#detail-title')!.textContent).to.equal(world(el.api as FakeApi, 'pa-2').title);
    });

    it('shows dates, duration, priority, column, created, updated and the ticket link (bold, blue)', async () => {
      const api = new FakeApi({ signedInAs: DORA });
      Object.assign(world(api, 'pa-1'), { startDate: '2026-03-05', endDate: '2026-03-09', durationHours: 30 });
      const { el } = await mount(DORA, { api, boardId: ROLLOUT });
      await openDetail(el, 'pa-1');
      const d = dialog(el, 'detail');
      expect(d.querySelector('#detail-title')!.textContent).to.equal('Pilotgruppe Buchhaltung umstellen');
      expect(d.querySelector<HTMLInputElement>('#startDate')!.value).to.equal('2026-03-05');
      expect(d.querySelector('#startDate-day')!.textContent).to.equal('Thu, March 5, 2026');
      expect(d.querySelector('#endDate-day')!.textContent).to.equal('Mon, March 9, 2026');
      expect(d.querySelector<HTMLInputElement>('#durationHours')!.value).to.equal('30');
      expect(d.querySelector<HTMLSelectElement>('#priority')!.value).to.equal('high');
      expect(d.querySelector<HTMLSelectElement>('#columnId')!.value).to.equal('pb-rollout-c2');
      const facts = [...d.querySelectorAll('.fact')].map((f) => f.textContent!.replace(/\s+/g, ' ').trim());
      expect(facts.some((f) => f.startsWith('Created'))).to.equal(true);
      expect(facts.some((f) => f.startsWith('Updated'))).to.equal(true);
      const link = d.querySelector<HTMLAnchorElement>('a.ticket-link')!;
      const ticket = api.world.tickets.find((t) => t.id === world(api, 'pa-1').ticketId)!;
      expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`#${ticket.number} ${ticket.subject}`);
      expect(getComputedStyle(link).fontWeight).to.equal('700');
      const blue = getComputedStyle(link).color;
      const [r, g, b] = blue.match(/\d+/g)!.map(Number);
      expect(b, `ticket link colour ${blue}`).to.be.greaterThan(r! + 60).and.greaterThan(g! + 40);
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement!.id).to.equal('startDate');
      await expect(el).to.be.accessible();

      // Escape closes; the focus goes back to the card
      await sendKeys({ press: 'Escape' });
      await until(() => !isOpen(el, 'detail'));
      await until(() => focused(el) === 'pa-1', 'focus did not return to the card');
    });

    it('a ticket the user may not see: only "#number", no link, no subject', async () => {
      const api = new FakeApi({ signedInAs: ANNA });
      const { el } = await mount(ANNA, { api, boardId: ROLLOUT });
      const hidden = api.world.tickets.find((t) => t.id === world(api, 'pa-3').ticketId)!;
      await openDetail(el, 'pa-3');
      const d = dialog(el, 'detail');
      expect(d.querySelector('a')).to.equal(null);
      expect(d.querySelector('.ticket-number')!.textContent).to.equal(`#${hidden.number}`);
      expect(d.textContent).not.to.contain(hidden.subject);
      await expect(el).to.be.accessible();
    });

    it('the ticket link fires a cancelable ticket-open; a host that prevents it routes itself', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      const ticketId = world(api, 'pa-1').ticketId!;
      await openDetail(el, 'pa-1');
      const handler = (e: TicketOpenEvent) => e.preventDefault();
      document.addEventListener('ticket-open', handler, { once: true });
      setTimeout(() => $<HTMLAnchorElement>(el, 'a.ticket-link').click());
      const event = await oneEvent(document, 'ticket-open');
      expect(event).to.be.instanceOf(TicketOpenEvent);
      expect(event.detail).to.deep.equal({ id: ticketId });
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect($maybe(el, '.ticket-view')).to.equal(null);
      expect(location.hash).not.to.contain(ticketId);
    });

    it('not prevented: the ticket shows in place; back returns to the activity', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      await openDetail(el, 'pa-1');
      $<HTMLAnchorElement>(el, 'a.ticket-link').click();
      await el.updateComplete;
      expect($(el, '.ticket-view')).to.exist;
      expect(isOpen(el, 'detail')).to.equal(false);
      // no loader on this page: the board says so instead of waiting forever
      await until(() => text(el).includes('The ticket cannot be shown on this page.'));
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.ticket-view .back').click();
      await until(() => isOpen(el, 'detail'), 'the activity did not open again');
      expect($(el, '#detail-title').textContent).to.equal(world(api, 'pa-1').title);
    });
  });

  describe('editing (R-PLAN-5)', () => {
    it('an editor changes the end date, duration and priority: one PATCH with the version, activity-changed', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      const before = world(api, 'pa-2');
      const version = before.version;
      const events = collect<ActivityChangedEvent>('activity-changed');
      try {
        await openDetail(el, 'pa-2');
        const end = new Date(Date.parse(`${before.endDate}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
        await setInput(el, '#endDate', end);
        await setInput(el, '#durationHours', '12.5');
        await setInput(el, '#priority', 'critical');
        await save(el);
        expect(patches(api)).to.deep.equal([{ id: 'pa-2', version, endDate: end, durationHours: 12.5, priority: 'critical' }]);
        expect(world(api, 'pa-2')).to.include({ endDate: end, durationHours: 12.5, priority: 'critical', version: version + 1 });
        expect(events.events).to.have.length(1);
        expect(events.events[0]!.detail.activity).to.include({ id: 'pa-2', endDate: end, version: version + 1 });
        expect($(el, 'dialog#detail .form-status').textContent).to.equal('Changes saved.');
        expect(card(el, 'pa-2').querySelector('.prio')!.textContent).to.contain('Critical');
        // saving again without a change sends nothing
        await save(el);
        expect(patches(api)).to.have.length(1);
        expect($(el, 'dialog#detail .form-status').textContent).to.equal('Nothing to save: no value was changed.');
        await expect(el).to.be.accessible();
      } finally {
        events.stop();
      }
    });

    it('moving to another column in the form puts the activity at the end of it', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      await openDetail(el, 'pa-2');
      await setInput(el, '#columnId', 'pb-rollout-c0');
      await save(el);
      expect(patches(api)[0]).to.deep.equal({ id: 'pa-2', version: 1, columnId: 'pb-rollout-c0' });
      expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-3', 'pa-4', 'pa-2']);
      expect(cards(el, 'pb-rollout-c1')).to.deep.equal([]);
      expect(text(el)).to.contain('No activities');
    });

    it('end before start is refused in the form: the error at the field, nothing sent', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      await openDetail(el, 'pa-2');
      const start = world(api, 'pa-2').startDate;
      const earlier = new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      await setInput(el, '#endDate', earlier);
      await save(el);
      expect(patches(api)).to.deep.equal([]);
      const end = $(el, '#endDate');
      expect(end.getAttribute('aria-invalid')).to.equal('true');
      expect(end.getAttribute('aria-describedby')).to.contain('endDate-error');
      expect($(el, '#endDate-error').textContent).to.equal('The end date must not be before the start date.');
      expect(el.shadowRoot!.activeElement).to.equal(end);
      await expect(el).to.be.accessible();

      // a duration that is no number
      await setInput(el, '#endDate', start);
      await setInput(el, '#durationHours', '');
      await save(el);
      expect(patches(api)).to.deep.equal([]);
      expect($(el, '#durationHours-error').textContent).to.contain('Please enter the duration in hours');
    });

    it('end before start is refused by the server too: the 422 shows at the field', async () => {
      const api = new FakeApi({ signedInAs: DORA });
      const { el } = await mount(DORA, { api, boardId: ROLLOUT });
      await openDetail(el, 'pa-2');
      // the server knows better than the form (e.g. the start changed meanwhile): its 422 is shown
      api.failures['plan.patchActivity'] = new ApiError({
        status: 422,
        code: 'validation_failed',
        message: 'The request has invalid fields',
        details: { issues: [{ path: 'endDate', message: 'The end date must not be before the start date' }] },
      });
      await setInput(el, '#priority', 'low');
      await save(el);
      expect($(el, '#endDate').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#endDate-error').textContent).to.equal('The end date must not be before the start date.');
      expect($(el, 'dialog#detail [role=alert]').textContent).to.contain('Please check the marked fields.');
      expect(world(api, 'pa-2').priority).to.equal('medium');
      await expect(el).to.be.accessible();
    });

    it('end before start through the real fake rules: the server path is endDate', async () => {
      const api = new FakeApi({ signedInAs: DORA });
      const a = world(api, 'pa-2');
      await expectRejected(api.plan.patchActivity('pa-2', { version: a.version, endDate: '2000-01-01' }), 'validation_failed', 'endDate');
      await expectRejected(api.plan.patchActivity('pa-2', { version: a.version, startDate: '2999-01-01' }), 'validation_failed', 'startDate');
      await expectRejected(api.plan.patchActivity('pa-2', { version: a.version, endDate: '2026-02-30' }), 'validation_failed', 'endDate');
      expect(world(api, 'pa-2').version).to.equal(a.version);
    });
  });

  describe('observers (R-PLAN-5, R-X-4)', () => {
    it('see everything read only: no edit controls, a note, no PATCH by keyboard or drag', async () => {
      const { api, el } = await mount(ANNA, { boardId: ROLLOUT });
      expect(el.hasCustomState('observer')).to.equal(true);
      expect(text(el)).to.contain('Read only — you are an observer of this board.');
      expect(el.shadowRoot!.querySelectorAll('.move')).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('li.card[draggable=true]')).to.have.length(0);
      await expect(el).to.be.accessible();

      openButton(el, 'pa-3').focus();
      for (const key of ['Alt+ArrowRight', 'Control+ArrowRight', 'Alt+ArrowDown']) await sendKeys({ press: key });
      await dragCard(el, 'pa-3', 'pb-rollout-c1');
      await el.updateComplete;
      expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-3', 'pa-4']);

      await openDetail(el, 'pa-2');
      const d = dialog(el, 'detail');
      expect(d.querySelectorAll('input, select, button[type=submit]')).to.have.length(0);
      expect(d.textContent).to.contain('Read only — you are an observer of this board.');
      const facts = [...d.querySelectorAll('dt')].map((t) => t.textContent);
      expect(facts).to.include.members(['Start date', 'End date', 'Duration', 'Priority', 'Column', 'Created', 'Updated', 'Ticket']);
      await expect(el).to.be.accessible();
      expect(patches(api)).to.deep.equal([]);
    });
  });

  describe('moving by keyboard (R-X-2)', () => {
    it('roving focus: one tab stop; arrows within and between columns, Home and End', async () => {
      const { el } = await mount(DORA, { boardId: ROLLOUT });
      expect(el.shadowRoot!.querySelectorAll('.card-open[tabindex="0"]')).to.have.length(1);
      openButton(el, 'pa-3').focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => focused(el) === 'pa-4');
      await sendKeys({ press: 'ArrowRight' });
      await until(() => focused(el) === 'pa-2');
      await sendKeys({ press: 'ArrowRight' });
      await until(() => focused(el) === 'pa-1');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => focused(el) === 'pa-3');
      await sendKeys({ press: 'End' });
      await until(() => focused(el) === 'pa-4');
      await sendKeys({ press: 'Home' });
      await until(() => focused(el) === 'pa-3');
      expect(el.shadowRoot!.querySelectorAll('.card-open[tabindex="0"]')).to.have.length(1);
      expect(openButton(el, 'pa-3').tabIndex).to.equal(0);
      // Enter opens the details
      await sendKeys({ press: 'Enter' });
      await until(() => isOpen(el, 'detail'));
    });

    it('Alt + arrows move the activity: PATCH with column and position, focus stays, the move is announced', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      openButton(el, 'pa-3').focus();
      await sendKeys({ press: 'Alt+ArrowRight' });
      await settle(el);
      expect(patches(api)).to.deep.equal([{ id: 'pa-3', version: 1, columnId: 'pb-rollout-c1', position: 0 }]);
      expect(cards(el, 'pb-rollout-c1')).to.deep.equal(['pa-3', 'pa-2']);
      expect(world(api, 'pa-3')).to.include({ columnId: 'pb-rollout-c1', sort: 0, version: 2 });
      await until(() => liveRegion(el) === '“Schulung Key-User” moved to In Arbeit, position 1 of 2.');
      expect(focused(el)).to.equal('pa-3');

      await sendKeys({ press: 'Alt+ArrowDown' });
      await settle(el);
      expect(patches(api)[1]).to.deep.equal({ id: 'pa-3', version: 2, columnId: 'pb-rollout-c1', position: 1 });
      expect(cards(el, 'pb-rollout-c1')).to.deep.equal(['pa-2', 'pa-3']);
      await until(() => liveRegion(el) === '“Schulung Key-User” moved to In Arbeit, position 2 of 2.');
      expect(focused(el)).to.equal('pa-3');

      // Ctrl works as well; at the edge nothing happens
      await sendKeys({ press: 'Control+ArrowRight' });
      await settle(el);
      expect(cards(el, 'pb-rollout-c2')).to.deep.equal(['pa-1', 'pa-3']);
      await sendKeys({ press: 'Control+ArrowRight' });
      await settle(el);
      expect(patches(api)).to.have.length(3);
    });

    it('"Move to…": choose the column and the position; Escape cancels', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      const move = $<HTMLButtonElement>(el, 'li[data-card="pa-1"] .move');
      expect(move.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Move to… (Pilotgruppe Buchhaltung umstellen)');
      move.click();
      await until(() => isOpen(el, 'move'));
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement!.id).to.equal('move-column');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(() => !isOpen(el, 'move'));
      await until(() => focused(el) === 'pa-1');
      expect(patches(api)).to.deep.equal([]);

      move.click();
      await until(() => isOpen(el, 'move'));
      await setInput(el, '#move-column', 'pb-rollout-c0');
      const options = [...$<HTMLSelectElement>(el, '#move-position').options].map((o) => o.textContent!.trim());
      expect(options).to.deep.equal(['1 (top)', '2', '3 (bottom)']);
      expect($<HTMLSelectElement>(el, '#move-position').value).to.equal('2');
      await setInput(el, '#move-position', '1');
      $<HTMLButtonElement>(el, 'dialog#move button[type=submit]').click();
      await settle(el);
      expect(patches(api)).to.deep.equal([{ id: 'pa-1', version: 1, columnId: 'pb-rollout-c0', position: 1 }]);
      expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-3', 'pa-1', 'pa-4']);
      expect(cards(el, 'pb-rollout-c2')).to.deep.equal([]);
      await until(() => focused(el) === 'pa-1', 'focus did not return to the moved card');
      await until(() => liveRegion(el) === '“Pilotgruppe Buchhaltung umstellen” moved to Geplant, position 2 of 3.');
    });

    it('a refused move goes back and says why', async () => {
      const api = new FakeApi({ signedInAs: DORA, failures: { 'plan.patchActivity': 'forbidden' } });
      const { el } = await mount(DORA, { api, boardId: ROLLOUT });
      openButton(el, 'pa-3').focus();
      await sendKeys({ press: 'Alt+ArrowRight' });
      await settle(el);
      expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-3', 'pa-4']);
      expect($(el, '.board [role=alert]').textContent).to.contain('“Schulung Key-User” was not moved: You are not allowed to do this.');
      await expect(el).to.be.accessible();
    });
  });

  describe('drag and drop', () => {
    it('drags a card into another column at the pointer; drop targets show while dragging', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      let sawTarget = false;
      const watch = new MutationObserver(() => {
        if (el.shadowRoot!.querySelector('[data-column="pb-rollout-c1"].drop-target .drop-placeholder')) sawTarget = true;
      });
      watch.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true });
      await dragCard(el, 'pa-4', 'pb-rollout-c1', 'top');
      watch.disconnect();
      await settle(el);
      expect(sawTarget, 'a visible drop target while dragging').to.equal(true);
      expect(patches(api)).to.deep.equal([{ id: 'pa-4', version: 1, columnId: 'pb-rollout-c1', position: 0 }]);
      expect(cards(el, 'pb-rollout-c1')).to.deep.equal(['pa-4', 'pa-2']);
      expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-3']);
      expect(el.shadowRoot!.querySelector('.drop-zone, .drop-placeholder')).to.equal(null);
      await until(() => liveRegion(el) === '“Umstellung 3. OG” moved to In Arbeit, position 1 of 2.');
    });

    it('within a column: below the next card', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      await dragCard(el, 'pa-3', 'pb-rollout-c0', 'bottom');
      await settle(el);
      expect(patches(api)).to.deep.equal([{ id: 'pa-3', version: 1, columnId: 'pb-rollout-c0', position: 1 }]);
      expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-4', 'pa-3']);
    });
  });

  describe('conflicts (409)', () => {
    it('shows their change next to mine; "Apply my change again" sends mine on the current version', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      await openDetail(el, 'pa-2');
      await setInput(el, '#priority', 'critical');
      // someone else moves the end date meanwhile
      const theirs = world(api, 'pa-2');
      const theirEnd = new Date(Date.parse(`${theirs.endDate}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      Object.assign(theirs, { endDate: theirEnd, version: theirs.version + 1 });
      await save(el);
      await until(() => isOpen(el, 'conflict'), 'no conflict dialog');
      await el.updateComplete;
      const rows = [...el.shadowRoot!.querySelectorAll('dialog#conflict tbody tr')].map((r) =>
        [...r.children].map((c) => c.textContent!.trim()),
      );
      const theirEndText = $(el, 'dialog#conflict tbody tr:first-child td').textContent!.trim();
      expect(rows).to.deep.equal([
        ['End date', theirEndText, 'unchanged'],
        ['Priority', 'Medium', 'Critical'],
      ]);
      expect(theirEndText).to.match(new RegExp(`${Number(theirEnd.slice(8))}, ${theirEnd.slice(0, 4)}$`));
      // the board shows their version already
      expect(card(el, 'pa-2').querySelector('.prio')!.textContent).to.contain('Medium');
      expect(el.shadowRoot!.activeElement!.classList.contains('reapply')).to.equal(true);
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, 'dialog#conflict .reapply').click();
      await settle(el);
      expect(isOpen(el, 'conflict')).to.equal(false);
      expect(patches(api).at(-1)).to.deep.equal({ id: 'pa-2', version: 2, priority: 'critical' });
      expect(world(api, 'pa-2')).to.include({ endDate: theirEnd, priority: 'critical', version: 3 });
      expect($<HTMLSelectElement>(el, '#priority').value).to.equal('critical');
      expect($<HTMLInputElement>(el, '#endDate').value).to.equal(theirEnd);
    });

    it('"Keep their version" drops mine and shows theirs in the form', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      await openDetail(el, 'pa-2');
      await setInput(el, '#durationHours', '99');
      Object.assign(world(api, 'pa-2'), { durationHours: 10, version: 5 });
      await save(el);
      await until(() => isOpen(el, 'conflict'));
      $<HTMLButtonElement>(el, 'dialog#conflict .keep').click();
      await until(() => !isOpen(el, 'conflict'));
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#durationHours').value).to.equal('10');
      expect(patches(api)).to.have.length(1);
      expect(world(api, 'pa-2')).to.include({ durationHours: 10, version: 5 });
      await until(() => liveRegion(el) === 'Their version is kept.');
    });

    it('a move on an old version: the conflict dialog, then the move again', async () => {
      const { api, el } = await mount(DORA, { boardId: ROLLOUT });
      Object.assign(world(api, 'pa-3'), { priority: 'high', version: 4 });
      openButton(el, 'pa-3').focus();
      await sendKeys({ press: 'Alt+ArrowRight' });
      await until(() => isOpen(el, 'conflict'));
      await el.updateComplete;
      // back where it is on the server, with their priority
      expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-3', 'pa-4']);
      expect(card(el, 'pa-3').querySelector('.prio')!.textContent).to.contain('High');
      const rows = [...el.shadowRoot!.querySelectorAll('dialog#conflict tbody tr th')].map((c) => c.textContent!.trim());
      expect(rows).to.deep.equal(['Priority', 'Column', 'Position']);
      $<HTMLButtonElement>(el, 'dialog#conflict .reapply').click();
      await settle(el);
      expect(patches(api).at(-1)).to.deep.equal({ id: 'pa-3', version: 4, columnId: 'pb-rollout-c1', position: 0 });
      expect(cards(el, 'pb-rollout-c1')).to.deep.equal(['pa-3', 'pa-2']);
      expect(world(api, 'pa-3')).to.include({ priority: 'high', columnId: 'pb-rollout-c1', version: 5 });
    });
  });

  it('a 409 without the current activity (a lost race on the server): the error, and the board loads again', async () => {
    const { api, el } = await mount(DORA, { boardId: ROLLOUT });
    api.failures['plan.patchActivity'] = new ApiError({ status: 409, code: 'conflict', message: 'Someone else changed this activity meanwhile' });
    Object.assign(world(api, 'pa-3'), { priority: 'high', version: 2 });
    openButton(el, 'pa-3').focus();
    await sendKeys({ press: 'Alt+ArrowRight' });
    await settle(el);
    expect(isOpen(el, 'conflict')).to.equal(false);
    expect($(el, '.board [role=alert]').textContent).to.contain('Someone else changed this in the meantime.');
    await until(() => card(el, 'pa-3').querySelector('.prio')!.textContent!.includes('High'), 'the board was not loaded again');
    expect(cards(el, 'pb-rollout-c0')).to.deep.equal(['pa-3', 'pa-4']);
    // the next try starts from the saved version
    delete api.failures['plan.patchActivity'];
    openButton(el, 'pa-3').focus();
    await sendKeys({ press: 'Alt+ArrowRight' });
    await settle(el);
    expect(patches(api).at(-1)).to.deep.equal({ id: 'pa-3', version: 2, columnId: 'pb-rollout-c1', position: 0 });
    expect(world(api, 'pa-3').version).to.equal(3);
  });

  describe('timeline', () => {
    it('lays activities out from start to end with a today marker; a table for screen readers', async () => {
      const api = new FakeApi({ signedInAs: DORA });
      const { el } = await mount(DORA, { api, boardId: ROLLOUT });
      $<HTMLButtonElement>(el, '.segmented button:nth-child(2)').click();
      await until(() => el.shadowRoot!.querySelector('plan-board-timeline')?.shadowRoot?.querySelector('table'), `no timeline: ${text(el).slice(0, 300)}`);
      const timeline = el.shadowRoot!.querySelector('plan-board-timeline')!;
      await timeline.updateComplete;
      expect(el.hasCustomState('timeline')).to.equal(true);
      expect($(el, '.segmented button[aria-pressed=true]').textContent).to.contain('Timeline');
      const t = timeline.shadowRoot!;
      const rows = [...t.querySelectorAll('tbody tr')];
      expect(rows).to.have.length(4);
      // by start date
      expect(rows.map((r) => r.querySelector('th button')!.textContent)).to.deep.equal([
        'Pilotgruppe Buchhaltung umstellen',
        'Images für Lager-PCs testen',
        'Schulung Key-User',
        'Umstellung 3. OG',
      ]);
      const bar = (i: number) => rows[i]!.querySelector<HTMLElement>('.bar')!;
      // pa-1: 5 days after its start, 6 days long (inclusive) on the week scale (12 px a day)
      expect(bar(0).getBoundingClientRect().width).to.be.closeTo(6 * 12, 0.5);
      expect(bar(1).classList.contains('prio-medium')).to.equal(true);
      expect(bar(3).classList.contains('prio-critical')).to.equal(true);
      const todayX = t.querySelector<HTMLElement>('tbody .today')!.getBoundingClientRect().left;
      const pa2 = bar(1).getBoundingClientRect();
      // pa-2 runs from 3 days ago to 4 days ahead: today is inside its bar
      expect(todayX).to.be.greaterThan(pa2.left).and.lessThan(pa2.right);
      expect(t.querySelector('thead th.name')!.getAttribute('scope')).to.equal('col');
      expect(rows[0]!.querySelector('th')!.getAttribute('scope')).to.equal('row');
      await expect(el).to.be.accessible();

      // scale: days are wider
      $<HTMLButtonElement>(el, '.tools .segmented:nth-child(2) button:first-child').click();
      await el.updateComplete;
      await timeline.updateComplete;
      expect(bar(0).getBoundingClientRect().width).to.be.closeTo(6 * 36, 0.5);

      // a row opens the details
      t.querySelector<HTMLButtonElement>('button[data-activity="pa-4"]')!.click();
      await until(() => isOpen(el, 'detail'));
      expect($(el, '#detail-title').textContent).to.equal('Umstellung 3. OG');
    });

    it('keeps each period label fully visible: beside the sticky name column and inside the right edge (found by a fresh-eyes test)', async () => {
      await import('../../widgets/plan-board/plan-board-timeline.define.js');
      const today = '2026-12-04';
      // the demo's Windows 11 rollout: start offset and length in days
      const plan: [number, number][] = [[-60, 10], [-48, 12], [-35, 8], [-24, 3], [-10, 4], [-2, 5], [3, 1], [9, 6], [20, 4], [32, 2], [40, 1]];
      const activities = plan.map(([start, days], i) => ({
        ...world(new FakeApi(), 'pa-1'),
        id: `a-${i}`,
        title: `Activity ${i}`,
        startDate: addDays(today, start),
        endDate: addDays(today, start + days - 1),
      }));
      const wrap = await fixture<HTMLElement>(html`<div style="width: 980px"><plan-board-timeline .activities=${activities} .today=${today}></plan-board-timeline></div>`);
      const timeline = wrap.querySelector<PlanBoardTimeline>('plan-board-timeline')!;
      await timeline.updateComplete;
      const scroller = timeline.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      const check = (when: string) => {
        const box = scroller.getBoundingClientRect();
        const nameRight = timeline.shadowRoot!.querySelector('thead .name')!.getBoundingClientRect().right;
        for (const label of timeline.shadowRoot!.querySelectorAll<HTMLElement>('.period')) {
          const r = label.getBoundingClientRect();
          expect(r.left, `${when}: "${label.textContent}" left`).to.be.at.least(nameRight);
          expect(r.right, `${when}: "${label.textContent}" right`).to.be.at.most(box.right);
        }
      };
      // scrolled so that today shows: the earlier activities' labels start under the name column
      expect(scroller.scrollLeft).to.be.greaterThan(0);
      check('today in view');
      // scrolled to the start: the later ones reach past the right edge
      scroller.scrollLeft = 0;
      await new Promise((r) => requestAnimationFrame(r));
      check('at the start');
    });
  });

  describe('German', () => {
    it('speaks German and formats days with weekday in German', async () => {
      const api = new FakeApi({ signedInAs: ANNA });
      Object.assign(world(api, 'pa-4'), { startDate: '2026-03-05', endDate: '2026-03-06', durationHours: 2.5 });
      const { el } = await mount(ANNA, { api, boardId: ROLLOUT, lang: 'de' });
      expect(text(el)).to.contain('Nur lesen – Sie sind Beobachter dieses Plan Boards.');
      expect(card(el, 'pa-4').querySelector('.dates')!.textContent).to.match(/Do\., 5\. – Fr\., 6\. März/);
      expect(card(el, 'pa-4').querySelector('.prio')!.textContent).to.contain('Kritisch');
      await openDetail(el, 'pa-4');
      const facts = [...el.shadowRoot!.querySelectorAll('dialog#detail .fact')].map((f) =>
        `${f.querySelector('dt')!.textContent} ${f.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()}`,
      );
      expect(facts).to.include.members(['Anfangsdatum Do., 5. März 2026', 'Abschlussdatum Fr., 6. März 2026', 'Tätigkeitsdauer 2,5 Stunden', 'Priorität Kritisch', 'Spalte Geplant']);
      await expect(el).to.be.accessible();
    });
  });
});

async function expectRejected(p: Promise<unknown>, code: string, path: string) {
  try {
    await p;
  } catch (e) {
    expect((e as ApiError).code).to.equal(code);
    expect((e as ApiError).issues.map((i) => i.path)).to.deep.equal([path]);
    return;
  }
  throw new Error('expected a rejection');
}

/** A real mouse drag (HTML5 drag and drop in Chromium) from a card to the top or bottom of a column. */
async function dragCard(el: PlanBoard, id: string, column: string, where: 'top' | 'bottom' = 'top') {
  const from = card(el, id).querySelector('.dates')!.getBoundingClientRect();
  const col = $(el, `[data-column="${column}"]`);
  const list = col.querySelector('ol')!.getBoundingClientRect();
  const head = col.querySelector('.column-title')!.getBoundingClientRect();
  const to = where === 'top' ? { x: head.left + 20, y: head.bottom + 4 } : { x: list.left + 20, y: list.bottom - 4 };
  const at = (x: number, y: number) => [Math.round(x), Math.round(y)] as [number, number];
  await sendMouse({ type: 'move', position: at(from.left + 10, from.top + from.height / 2) });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: at(from.left + 20, from.top + 12) });
  await sendMouse({ type: 'move', position: at((from.left + to.x) / 2, (from.top + to.y) / 2) });
  await sendMouse({ type: 'move', position: at(to.x, to.y) });
  await sendMouse({ type: 'move', position: at(to.x + 2, to.y) });
  await sendMouse({ type: 'up' });
  await resetMouse();
}
