import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FakeApi, demoPassword } from '../../widgets/core/api-fake.js';
import type { TicketListQuery } from '../../widgets/core/api.js';
import { createEmptyWorld } from '../../widgets/core/fake/world.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import type { TicketBoard } from '../../widgets/ticket-board/ticket-board.element.js';
import { tooltipDelayMs } from '../../widgets/ticket-board/ticket-board.element.js';
import type { PortalApp } from '../../widgets/portal-app/portal-app.element.js';
import { TicketOpenEvent } from '../../widgets/core/events.js';
import '../../widgets/ticket-board/define.js';
import '../../widgets/ticket-detail/define.js';
import '../../widgets/portal-app/define.js';
import { $, $maybe, signInThroughForm, text, waitForStatus } from './helpers.js';
import { SignOutRequestEvent } from '../../widgets/core/events.js';

const dora = 'dora.dispatcher@nordwind.example';
const max = 'max.multi@mueller-soehne.example';

interface Mount {
  query?: string;
  pageSize?: number;
  lang?: 'de' | 'en';
}

async function mount(api: FakeApi, o: Mount = {}) {
  const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang=${o.lang ?? 'en'}>
    <ticket-board query=${o.query ?? ''} page-size=${o.pageSize ?? 25}></ticket-board>
  </portal-session>`);
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<TicketBoard>('ticket-board')!;
  await localeReady();
  await settle(el);
  return { session, el };
}

/** Waits until the list has loaded after whatever was just done. */
async function settle(el: TicketBoard) {
  for (let i = 0; i < 3; i++) await el.updateComplete;
  await waitUntil(() => !el.hasCustomState('loading'), 'the list kept loading', { timeout: 4000 });
  await el.updateComplete;
}

const listCalls = (api: FakeApi) => api.calls.filter((c) => c.method === 'tickets.list').map((c) => c.input as TicketListQuery);
const lastList = (api: FakeApi) => listCalls(api).at(-1)!;
const th = (el: TicketBoard, key: string) => $<HTMLTableCellElement>(el, `th:has(button[data-sort=${key}])`);
const sortButton = (el: TicketBoard, key: string) => $<HTMLButtonElement>(el, `button[data-sort=${key}]`);
const rows = (el: TicketBoard) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr.row')];
const queryButton = (el: TicketBoard, ref: string) => $<HTMLButtonElement>(el, `button.query[data-query="${ref}"]`);

function choose(el: TicketBoard, selector: string, value: string) {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('ticket-board', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
  });

  it('loading shows skeleton rows, then all visible tickets, newest update first (R-BOARD-1)', async () => {
    const api = new FakeApi({ signedInAs: dora, latencyMs: 400 });
    const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><ticket-board></ticket-board></portal-session>`);
    const el = session.querySelector<TicketBoard>('ticket-board')!;
    await waitUntil(() => $maybe(el, 'tr.skeleton-row'), 'no skeleton rows');
    expect(el.hasCustomState('loading')).to.equal(true);
    expect(text(el)).to.contain('Loading tickets…');
    await expect(el).to.be.accessible();
    await settle(el);
    expect(el.hasCustomState('ready')).to.equal(true);
    const visible = (await new FakeApi({ signedInAs: dora }).tickets.list({ pageSize: 100 })).total;
    expect(rows(el).length).to.equal(Math.min(25, visible));
    expect($(el, '.summary').textContent).to.equal(`${visible} tickets`);
    expect(th(el, 'updatedAt').getAttribute('aria-sort')).to.equal('descending');
    const times = rows(el).map((r) => r.querySelector('time')!.getAttribute('datetime')!);
    expect([...times].sort().reverse()).to.deep.equal(times);
    expect(rows(el)[0]!.querySelector('time')!.title).to.match(/\d{4}/);
    // the queries: system ones, the selected one ("All tickets") highlighted
    expect(queryButton(el, 'all').getAttribute('aria-current')).to.equal('true');
    expect($maybe(el, 'th.partner')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('private tickets carry a lock; several partners add a partner column', async () => {
    const api = new FakeApi({ signedInAs: max });
    const { el } = await mount(api);
    expect(th(el, 'partner').textContent).to.contain('Business partner');
    const partners = new Set(rows(el).map((r) => r.querySelector('td.partner')!.textContent));
    expect(partners.size).to.equal(2);
    const eApi = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' });
    const { el: board } = await mount(eApi);
    const privateRow = rows(board).find((r) => r.querySelector('.lock'));
    expect(privateRow, 'Erik sees his own private ticket').to.exist;
    expect(eApi.world.tickets.find((t) => t.id === privateRow!.dataset.id)!.private).to.equal(true);
    expect(privateRow!.querySelector('button.open')!.textContent).to.contain('Private:');
  });

  it('sorts by a column, reverses on a second click, and remembers it per query (R-BOARD-3)', async () => {
    const api = new FakeApi({ signedInAs: dora });
    const { el } = await mount(api);
    sortButton(el, 'subject').click();
    await settle(el);
    expect(th(el, 'subject').getAttribute('aria-sort')).to.equal('ascending');
    expect(th(el, 'updatedAt').hasAttribute('aria-sort')).to.equal(false);
    expect(lastList(api)).to.include({ sort: 'subject', dir: 'asc', page: 1 });
    const subjects = rows(el).map((r) => r.querySelector('.subject-text')!.textContent!.toLowerCase());
    expect([...subjects].sort()).to.deep.equal(subjects);
    sortButton(el, 'subject').click();
    await settle(el);
    expect(th(el, 'subject').getAttribute('aria-sort')).to.equal('descending');
    expect(lastList(api)).to.include({ sort: 'subject', dir: 'desc' });
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.contain('sorted by Subject, descending');
    await waitUntil(() => api.world.prefs.get('acc-dora:board.sort.all'), 'sort not remembered');
    expect(api.world.prefs.get('acc-dora:board.sort.all')).to.deep.equal({ sort: 'subject', dir: 'desc' });

    // another query has its own sort: the default
    queryButton(el, 'open').click();
    await settle(el);
    expect(lastList(api).query).to.equal('open');
    expect(lastList(api).sort).to.equal(undefined);
    expect(th(el, 'updatedAt').getAttribute('aria-sort')).to.equal('descending');
    sortButton(el, 'priority').click();
    await settle(el);
    expect(lastList(api)).to.include({ query: 'open', sort: 'priority', dir: 'desc' });
    await waitUntil(() => api.world.prefs.get('acc-dora:board.sort.open'), 'sort of "open" not remembered');

    // a new board (next visit) starts with the remembered sort
    const { el: again } = await mount(api);
    expect(th(again, 'subject').getAttribute('aria-sort')).to.equal('descending');
    expect(lastList(api)).to.include({ sort: 'subject', dir: 'desc' });
  });

  it('hovering a query shows its description after a moment; keyboard focus at once (R-BOARD-2)', async () => {
    const api = new FakeApi({ signedInAs: dora });
    const { el } = await mount(api);
    const button = queryButton(el, 'waiting_for_us');
    const tip = el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).to.equal('tooltip');
    expect(tip.textContent!.trim()).to.equal('The service desk is waiting for your answer.');
    expect(tip.hidden).to.equal(true);
    const item = button.closest('li')!;
    const start = performance.now();
    item.dispatchEvent(new MouseEvent('mouseenter'));
    await aTimeout(tooltipDelayMs / 2);
    await el.updateComplete;
    // (a loaded machine may wake us late: judge only what we saw before the delay was over)
    const hiddenEarly = tip.hidden;
    if (performance.now() - start < tooltipDelayMs - 50) expect(hiddenEarly, 'shown too early').to.equal(true);
    await waitUntil(() => !tip.hidden, 'description never showed', { timeout: 2000 });
    expect(performance.now() - start).to.be.at.least(tooltipDelayMs - 20);
    await expect(el).to.be.accessible();
    item.dispatchEvent(new MouseEvent('mouseleave'));
    await el.updateComplete;
    expect(tip.hidden).to.equal(true);

    // keyboard: Shift+Tab from the search box reaches the queries; focus shows the description
    $<HTMLInputElement>(el, '#search').focus();
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    const focused = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(focused.dataset.query).to.equal('all');
    await el.updateComplete;
    const allTip = el.shadowRoot!.getElementById(focused.getAttribute('aria-describedby')!)!;
    expect(allTip.hidden).to.equal(false);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(allTip.hidden).to.equal(true);
    await sendKeys({ press: 'Shift+Tab' });
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.query).to.equal('closed_30d');
    expect(allTip.hidden).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLElement>('#tip-q-closed')!.hidden).to.equal(false);
  });

  it('searches within the selected query after a pause in typing; filters by status and type (R-BOARD-4)', async () => {
    const api = new FakeApi({ signedInAs: dora });
    const { el } = await mount(api, { query: 'open' });
    expect(queryButton(el, 'open').getAttribute('aria-current')).to.equal('true');
    expect($(el, 'label[for=search]').textContent).to.equal('Search in “Open tickets”');
    const before = listCalls(api).length;
    // three quick key strokes: one search after the pause, none for "v" or "vp"
    const search = $<HTMLInputElement>(el, '#search');
    for (const ch of 'vpn') {
      search.value += ch;
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: ch }));
    }
    await el.updateComplete;
    expect(listCalls(api).length, 'searched while typing').to.equal(before);
    await waitUntil(() => lastList(api).q === 'vpn', 'no search');
    await settle(el);
    expect(listCalls(api).length).to.equal(before + 1);
    expect(lastList(api)).to.include({ query: 'open', q: 'vpn', page: 1 });
    expect(rows(el).length).to.be.greaterThan(0);
    for (const r of rows(el)) expect(r.textContent!.toLowerCase()).to.contain('vpn');

    choose(el, '#status-filter', 'in_progress');
    await settle(el);
    expect(lastList(api)).to.deep.include({ query: 'open', q: 'vpn', status: ['in_progress'] });
    choose(el, '#type-filter', 'type-incident');
    await settle(el);
    expect(lastList(api)).to.deep.include({ status: ['in_progress'], type: ['type-incident'] });
    // every type of the system partner is offered
    const types = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#type-filter option')].map((o) => o.value).filter(Boolean);
    expect(types).to.have.members(api.world.types.map((t) => t.id));
  });

  it('pages on the server: page size, page x of y, previous and next (R-BOARD-5)', async () => {
    const api = new FakeApi({ signedInAs: dora });
    const { el } = await mount(api, { pageSize: 10 });
    const total = (await api.tickets.list({ pageSize: 100 })).total;
    const pages = Math.ceil(total / 10);
    expect(pages).to.be.greaterThan(1);
    expect(rows(el).length).to.equal(10);
    expect($(el, '.page-of').textContent).to.equal(`Page 1 of ${pages}`);
    expect($<HTMLButtonElement>(el, '.pager .prev').disabled).to.equal(true);
    const firstPage = rows(el).map((r) => r.dataset.id);
    $<HTMLButtonElement>(el, '.pager .next').focus();
    $<HTMLButtonElement>(el, '.pager .next').click();
    await settle(el);
    expect(lastList(api)).to.include({ page: 2, pageSize: 10 });
    expect($(el, '.page-of').textContent).to.equal(`Page 2 of ${pages}`);
    expect(rows(el).map((r) => r.dataset.id)).to.not.include.members(firstPage);
    choose(el, '#page-size', '50');
    await settle(el);
    expect(lastList(api)).to.include({ page: 1, pageSize: 50 });
    expect(rows(el).length).to.equal(total);
    expect($(el, '.page-of').textContent).to.equal('Page 1 of 1');
    await expect(el).to.be.accessible();
  });

  it('opening a ticket: a cancelable ticket-open; in place with a way back that restores the list', async () => {
    await setViewport({ width: 1200, height: 320 });
    try {
      const api = new FakeApi({ signedInAs: dora });
      const { el } = await mount(api, { pageSize: 10 });
      // the host takes over: nothing happens here
      const take = (e: Event) => e.preventDefault();
      el.addEventListener('ticket-open', take);
      const first = rows(el)[0]!;
      const opened = oneEvent(el, 'ticket-open');
      first.querySelector<HTMLButtonElement>('button.open')!.click();
      expect((await opened).detail).to.deep.equal({ id: first.dataset.id });
      await el.updateComplete;
      expect($maybe(el, 'ticket-detail')).to.equal(null);
      el.removeEventListener('ticket-open', take);

      // page 2, filtered by status, scrolled down; a click on the row's type cell opens it
      choose(el, '#status-filter', 'closed');
      await settle(el);
      const row = rows(el).at(-1)!;
      const id = row.dataset.id!;
      row.scrollIntoView();
      const scrolled = window.scrollY;
      expect(scrolled).to.be.greaterThan(0);
      row.querySelector<HTMLElement>('td.type')!.click();
      await waitUntil(() => $maybe(el, 'ticket-detail'), 'no detail in place');
      await el.updateComplete;
      expect(el.hasCustomState('detail')).to.equal(true);
      expect($(el, '.board').hidden).to.equal(true);
      const detail = $(el, 'ticket-detail') as HTMLElement & { ticketId: string; hasCustomState(s: string): boolean };
      expect(detail.ticketId).to.equal(id);
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'button.back'));
      await waitUntil(() => detail.hasCustomState('ready'), 'the ticket did not load');
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, 'button.back').click();
      await el.updateComplete;
      expect($maybe(el, 'ticket-detail')).to.equal(null);
      expect($(el, '.board').hidden).to.equal(false);
      expect($<HTMLSelectElement>(el, '#status-filter').value).to.equal('closed');
      expect(window.scrollY).to.equal(scrolled);
      await waitUntil(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === id, 'focus not on the row');

      // keyboard: Enter on the focused row opens it again
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $maybe(el, 'ticket-detail'), 'Enter did not open the ticket');
    } finally {
      await setViewport({ width: 1280, height: 800 });
      window.scrollTo(0, 0);
    }
  });

  it('after a change in the ticket, back reloads the list', async () => {
    const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example' });
    const { el } = await mount(api, { query: 'mine' });
    const t = api.world.tickets.find((x) => x.authorId === 'acc-erik' && x.status === 'in_progress')!;
    choose(el, '#status-filter', 'in_progress');
    await settle(el);
    rows(el).find((r) => r.dataset.id === t.id)!.querySelector<HTMLButtonElement>('button.open')!.click();
    await waitUntil(() => $maybe(el, 'ticket-detail'));
    const detail = $(el, 'ticket-detail');
    detail.dispatchEvent(new CustomEvent('ticket-updated', { bubbles: true, composed: true, detail: { ticket: {} } }));
    const n = listCalls(api).length;
    $<HTMLButtonElement>(el, 'button.back').click();
    await settle(el);
    expect(listCalls(api).length).to.equal(n + 1);
    expect(lastList(api)).to.deep.include({ query: 'mine', status: ['in_progress'] });
  });

  it('another widget of the page creates or changes a ticket: the list loads again, after the ticket shown in place (found by a fresh-eyes test)', async () => {
    const api = new FakeApi({ signedInAs: dora });
    const { session, el } = await mount(api);
    const neighbour = document.createElement('div');
    session.append(neighbour);
    const changed = [...api.world.tickets].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0]!;
    expect(rows(el)[0]!.dataset.id).not.to.equal(changed.id);
    changed.updatedAt = new Date(Date.now() + 60_000).toISOString();
    let n = listCalls(api).length;
    neighbour.dispatchEvent(new CustomEvent('ticket-created', { bubbles: true, composed: true, detail: {} }));
    await settle(el);
    expect(listCalls(api).length).to.equal(n + 1);
    expect(rows(el)[0]!.dataset.id).to.equal(changed.id);
    for (const name of ['ticket-updated', 'ticket-released', 'ticket-rejected']) {
      neighbour.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: {} }));
      await settle(el);
      expect(listCalls(api).length, name).to.equal(++n + 1);
    }
    // a ticket shown in place: the list loads when the user goes back to it
    rows(el)[1]!.querySelector<HTMLButtonElement>('button.open')!.click();
    await waitUntil(() => $maybe(el, 'ticket-detail'));
    n = listCalls(api).length;
    neighbour.dispatchEvent(new CustomEvent('ticket-created', { bubbles: true, composed: true, detail: {} }));
    await aTimeout(50);
    expect(listCalls(api).length).to.equal(n);
    $<HTMLButtonElement>(el, 'button.back').click();
    await settle(el);
    expect(listCalls(api).length).to.equal(n + 1);
    // gone from the page: it no longer listens
    el.remove();
    neighbour.dispatchEvent(new CustomEvent('ticket-created', { bubbles: true, composed: true, detail: {} }));
    await aTimeout(50);
    expect(listCalls(api).length).to.equal(n + 1);
  });

  it('empty: says what to do — clear filters, show all, or create the first ticket', async () => {
    const empty = new FakeApi({ signedInAs: dora, world: createEmptyWorld() });
    const { el } = await mount(empty);
    expect(el.hasCustomState('empty')).to.equal(true);
    expect(text(el)).to.contain('There are no tickets yet.');
    await expect(el).to.be.accessible();
    const nav = oneEvent(el, 'navigate');
    $<HTMLButtonElement>(el, '.empty button').click();
    const e = await nav;
    expect(e.detail).to.deep.equal({ target: 'create' });
    expect(e.cancelable).to.equal(true);

    const api = new FakeApi({ signedInAs: dora });
    const { el: board } = await mount(api);
    $<HTMLInputElement>(board, '#search').focus();
    await sendKeys({ type: 'zzqqxx' });
    await sendKeys({ press: 'Enter' });
    await settle(board);
    expect(text(board)).to.contain('No tickets match your search and filters.');
    $<HTMLButtonElement>(board, '.empty button').click();
    await settle(board);
    expect($<HTMLInputElement>(board, '#search').value).to.equal('');
    expect(lastList(api).q).to.equal(undefined);
    expect(board.hasCustomState('ready')).to.equal(true);

    api.world.tickets = api.world.tickets.filter((t) => t.status !== 'waiting_for_customer');
    queryButton(board, 'waiting_for_us').click();
    await settle(board);
    expect(text(board)).to.contain('There are no tickets in “Waiting for us” right now.');
    $<HTMLButtonElement>(board, '.empty button').click();
    await settle(board);
    expect(queryButton(board, 'all').getAttribute('aria-current')).to.equal('true');
  });

  it('error: a message and a retry; a query that does not exist offers all tickets', async () => {
    const api = new FakeApi({ signedInAs: dora, failures: { 'tickets.list': 'internal' } });
    const { el } = await mount(api);
    expect(el.hasCustomState('error')).to.equal(true);
    expect($(el, '.list-error').textContent).to.contain('The tickets could not be loaded.');
    await expect(el).to.be.accessible();
    delete api.failures['tickets.list'];
    $<HTMLButtonElement>(el, '.list-error button.retry').click();
    await settle(el);
    expect(el.hasCustomState('ready')).to.equal(true);

    const { el: gone } = await mount(new FakeApi({ signedInAs: dora }), { query: 'no-such-query' });
    expect($(gone, '.list-error').textContent).to.contain('This query does not exist (any more).');
    $<HTMLButtonElement>(gone, '.list-error button').click();
    await settle(gone);
    expect(gone.hasCustomState('ready')).to.equal(true);
  });

  it('"Save as query…" while the dialogs load: busy; a failed load says so next to it and the next click tries again (found by a fresh-eyes test)', async () => {
    const Board = customElements.get('ticket-board') as typeof TicketBoard;
    const real = Board.loadDialogs;
    let mode: 'fail' | 'slow' = 'fail';
    let release = () => {};
    Board.loadDialogs = () =>
      mode === 'fail'
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : new Promise<void>((resolve) => (release = resolve)).then(real);
    try {
      const { el } = await mount(new FakeApi({ signedInAs: dora }));
      const save = $<HTMLButtonElement>(el, 'button.save-query');
      save.click();
      await waitUntil(() => $maybe(el, '.query-tools [role=alert]'), 'no message after a failed load');
      expect($(el, '.query-tools [role=alert]').textContent).to.contain('Please check your connection and try again.');
      expect(save.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();

      mode = 'slow';
      save.click();
      await el.updateComplete;
      expect(save.getAttribute('aria-busy')).to.equal('true');
      expect(save.querySelector('.spinner')).to.exist;
      expect($maybe(el, '.query-tools [role=alert]')).to.equal(null);
      save.click(); // a second click while it loads does nothing more
      release();
      await waitUntil(() => $maybe<HTMLDialogElement>(el, '#save-dialog')?.open, 'no save dialog after trying again');
      expect(save.getAttribute('aria-busy')).to.equal('false');
      $<HTMLDialogElement>(el, '#save-dialog').close();
    } finally {
      Board.loadDialogs = real;
    }
  });

  it('saves the current filters as a personal query and deletes it again (R-BOARD-2)', async () => {
    const api = new FakeApi({ signedInAs: dora });
    const { el } = await mount(api, { query: 'open' });
    choose(el, '#status-filter', 'in_progress');
    $<HTMLInputElement>(el, '#search').focus();
    await sendKeys({ type: 'Drucker' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const expected = rows(el).map((r) => r.dataset.id);

    const save = $<HTMLButtonElement>(el, 'button.save-query');
    save.click();
    // the dialogs' module loads on first use: wait for the dialog as a user would
    await waitUntil(() => $maybe<HTMLDialogElement>(el, '#save-dialog')?.open, 'no save dialog');
    const dialog = $<HTMLDialogElement>(el, '#save-dialog');
    expect(getComputedStyle(dialog).width, 'the dialog\'s styles came with it').to.equal('480px');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'query-name', 'focus not in the name');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#query-name-issue').textContent).to.equal('Please give the query a name.');
    await expect(el).to.be.accessible();
    // the room for the name shows, and that it is full (found by a fresh-eyes test: a longer name was cut off unseen)
    expect($(el, '#query-name-count').textContent!.trim()).to.equal('0 of 80 characters');
    expect($(el, '#query-name').getAttribute('aria-describedby')).to.contain('query-name-count');
    await sendKeys({ type: 'x'.repeat(85) });
    expect($<HTMLInputElement>(el, '#query-name').value).to.have.length(80);
    await el.updateComplete;
    expect($(el, '#query-name-count').textContent!.trim()).to.equal('80 of 80 characters');
    expect(getComputedStyle($(el, '#query-name-count')).color).not.to.equal(getComputedStyle($(el, '#save-dialog .hint')).color);
    $<HTMLInputElement>(el, '#query-name').value = '';
    $<HTMLInputElement>(el, '#query-name').dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#query-description-count').textContent!.trim()).to.equal('0 of 300 characters');
    await sendKeys({ type: 'Drucker in Arbeit' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open, 'dialog stayed open');
    const created = api.calls.find((c) => c.method === 'queries.create')!.input as { name: string; filter: unknown };
    expect(created).to.deep.equal({ name: 'Drucker in Arbeit', description: '', filter: { statuses: ['in_progress'], q: 'Drucker' } });
    await settle(el);
    await waitUntil(() => $maybe(el, 'ul[aria-labelledby=personal-title] button.query[aria-current=true]'), 'the new query is not selected');
    const mine = $(el, 'ul[aria-labelledby=personal-title] button.query');
    expect(mine.textContent!.trim()).to.equal('Drucker in Arbeit');
    expect(mine.getAttribute('aria-current')).to.equal('true');
    expect($<HTMLInputElement>(el, '#search').value).to.equal('');
    expect($<HTMLSelectElement>(el, '#status-filter').value).to.equal('');
    expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(expected);

    $<HTMLButtonElement>(el, 'button.delete-selected').click();
    await waitUntil(() => $maybe<HTMLDialogElement>(el, '#delete-dialog')?.open, 'no delete dialog');
    expect($(el, '#delete-dialog p').textContent).to.contain('Drucker in Arbeit');
    $<HTMLButtonElement>(el, '#delete-dialog button.danger').click();
    await waitUntil(() => !$maybe(el, 'ul[aria-labelledby=personal-title]'), 'query still listed');
    await settle(el);
    expect(api.calls.some((c) => c.method === 'queries.remove')).to.equal(true);
    expect(queryButton(el, 'open').getAttribute('aria-current')).to.equal('true');
  });

  it('narrow: the queries become a select, the rows cards, sorting a select', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const api = new FakeApi({ signedInAs: dora });
      const { el } = await mount(api);
      expect(getComputedStyle($(el, '.query-list')).display).to.equal('none');
      expect(getComputedStyle($(el, '.query-select')).display).to.not.equal('none');
      expect(getComputedStyle($(el, 'thead')).display).to.equal('none');
      expect(getComputedStyle(rows(el)[0]!).display).to.equal('flex');
      expect(getComputedStyle($(el, '.sort-select')).display).to.not.equal('none');
      await expect(el).to.be.accessible();
      choose(el, '#query-select', 'waiting_for_us');
      await settle(el);
      expect(lastList(api).query).to.equal('waiting_for_us');
      expect($(el, '#query-select-hint').textContent).to.equal('The service desk is waiting for your answer.');
      choose(el, '#sort-select', 'number:asc');
      await settle(el);
      expect(lastList(api)).to.include({ sort: 'number', dir: 'asc' });
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('inside portal-session: waits for the sign-in; another account starts with its own queries and sorts', async () => {
    const api = new FakeApi();
    const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><ticket-board></ticket-board></portal-session>`);
    await waitForStatus(session, 'signed-out');
    const el = session.querySelector<TicketBoard>('ticket-board')!;
    await el.updateComplete;
    expect(api.calls.some((c) => c.method === 'tickets.list' || c.method === 'queries.list')).to.equal(false);
    expect(el.hasCustomState('error')).to.equal(false);
    await signInThroughForm(session, dora, demoPassword);
    await waitForStatus(session, 'signed-in');
    await settle(el);
    expect(el.hasCustomState('ready')).to.equal(true);
    sortButton(el, 'subject').click();
    await settle(el);
    choose(el, '#status-filter', 'closed');
    await settle(el);

    session.dispatchEvent(new SignOutRequestEvent());
    await waitForStatus(session, 'signed-out');
    await signInThroughForm(session, 'erik.editor@nordwind.example', demoPassword);
    await waitForStatus(session, 'signed-in');
    await settle(el);
    await waitUntil(() => !lastList(api).status, 'the filters of the previous account stayed');
    await settle(el);
    expect(lastList(api).sort).to.equal(undefined);
    expect(th(el, 'updatedAt').getAttribute('aria-sort')).to.equal('descending');
    expect($<HTMLSelectElement>(el, '#status-filter').value).to.equal('');
  });

  it('speaks German', async () => {
    const api = new FakeApi({ signedInAs: dora });
    const { el } = await mount(api, { lang: 'de' });
    expect($(el, 'h1').textContent).to.equal('Ticket Board');
    expect(th(el, 'updatedAt').textContent).to.contain('Aktualisiert');
    expect($(el, 'label[for=status-filter]').textContent).to.equal('Status');
    expect($(el, 'label[for=type-filter]').textContent).to.equal('Ticketart');
    expect(queryButton(el, 'open').textContent!.trim()).to.equal('Offene Tickets');
    expect(rows(el)[0]!.querySelector('time')!.textContent).to.match(/^vor |gestern|letzten/);
    expect($(el, '.page-of').textContent).to.match(/^Seite 1 von 1$/);
    await expect(el).to.be.accessible();
  });
});

describe('ticket-board in the portal', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  async function portal(hash: string) {
    history.replaceState(null, '', hash);
    const api = new FakeApi({ signedInAs: dora });
    const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><portal-app></portal-app></portal-session>`);
    await waitForStatus(session, 'signed-in');
    const app = session.querySelector<PortalApp>('portal-app')!;
    await localeReady();
    await app.updateComplete;
    return { api, app };
  }

  it('the board opens tickets in place under an address of their own; Back (browser or button) returns to the list as it was', async () => {
    const { app } = await portal('#/board?query=open');
    const board = await waitUntil(() => $maybe<TicketBoard>(app, 'main ticket-board'), 'no board in the portal').then(() => $<TicketBoard>(app, 'main ticket-board'));
    expect(board.getAttribute('query')).to.equal('open');
    await settle(board);
    // a later page of the list: Back must return to it
    const next = $maybe<HTMLButtonElement>(board, '.pager .next');
    const paged = !!next && !next.disabled;
    if (paged) {
      next!.click();
      await settle(board);
    }
    const pageText = () => $(board, '.pager').textContent!.replace(/\s+/g, ' ');
    const before = pageText();
    const first = rows(board)[0]!;
    const id = first.dataset.id!;
    first.querySelector<HTMLButtonElement>('button.open')!.click();
    await waitUntil(() => $maybe(board, 'ticket-detail'), 'not shown in place');
    await waitUntil(() => location.hash.startsWith('#/board/'), `no address of its own (${location.hash})`);
    expect(location.hash).to.match(/^#\/board\/[^?]+\?query=open$/);
    const opened = decodeURIComponent(location.hash.slice('#/board/'.length).split('?')[0]!);
    expect($(board, 'ticket-detail').getAttribute('ticket-id')).to.equal(opened);
    expect(opened).to.equal(id);
    // the browser's Back: the list again, same page, same element
    history.back();
    await waitUntil(() => !$maybe(board, 'ticket-detail'), 'Back did not close the ticket');
    expect(location.hash).to.equal('#/board?query=open');
    expect($(app, 'main ticket-board')).to.equal(board);
    await settle(board);
    expect(pageText()).to.equal(before);
    // the board's own button: the address goes back too
    rows(board)[0]!.querySelector<HTMLButtonElement>('button.open')!.click();
    await waitUntil(() => location.hash.startsWith('#/board/'), 'not opened again');
    await waitUntil(() => $maybe(board, 'button.back'), 'no back button');
    $<HTMLButtonElement>(board, 'button.back').click();
    await waitUntil(() => location.hash === '#/board?query=open', `the address kept the ticket (${location.hash})`);
    expect($maybe(board, 'ticket-detail')).to.equal(null);
  });

  it('an address #/board/<id> opens that ticket in place (reload); its Back button shows the list', async () => {
    const probe = new FakeApi({ signedInAs: dora });
    const t = probe.world.tickets.find((x) => x.businessPartnerId === 'bp-nordwind' && !x.private && x.releasedAt)!;
    const { app } = await portal(`#/board/${t.id}`);
    const board = await waitUntil(() => $maybe<TicketBoard>(app, 'main ticket-board'), 'no board in the portal').then(() => $<TicketBoard>(app, 'main ticket-board'));
    const detail = await waitUntil(() => $maybe(board, 'ticket-detail'), 'the ticket of the address did not open').then(() => $(board, 'ticket-detail'));
    expect(detail.getAttribute('ticket-id')).to.equal(t.id);
    expect($(app, 'nav a[aria-current=page]').dataset.view).to.equal('board');
    $<HTMLButtonElement>(board, 'button.back').click();
    await waitUntil(() => location.hash === '#/board', `the address kept the ticket (${location.hash})`);
    await waitUntil(() => !$maybe(board, 'ticket-detail') && rows(board).length > 0, 'no list');
  });

  it('ticket-open from another view routes to #/tickets/<id>: the ticket with a way back to the board', async () => {
    const { api, app } = await portal('#/dashboard');
    const t = api.world.tickets.find((x) => x.businessPartnerId === 'bp-nordwind' && !x.private && x.releasedAt)!;
    const view = $(app, 'main > *');
    const open = new TicketOpenEvent({ id: t.id });
    view.dispatchEvent(open);
    expect(open.defaultPrevented).to.equal(true);
    await waitUntil(() => location.hash === `#/tickets/${t.id}`, 'not routed');
    const detail = await waitUntil(() => $maybe(app, 'main ticket-detail'), 'no ticket view').then(() => $(app, 'main ticket-detail'));
    expect(detail.getAttribute('ticket-id')).to.equal(t.id);
    expect($(app, 'nav a[aria-current=page]').dataset.view).to.equal('board');
    expect($<HTMLAnchorElement>(app, 'main a.back').getAttribute('href')).to.equal('#/board');
    await waitUntil(() => (detail as HTMLElement & { hasCustomState(s: string): boolean }).hasCustomState('ready'), 'ticket did not load');
    await expect(app).to.be.accessible();
    $<HTMLAnchorElement>(app, 'main a.back').click();
    await waitUntil(() => $maybe(app, 'main ticket-board'), 'back did not lead to the board');
  });
});

