import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeApi, type FakeApiOptions } from '../../widgets/core/api-fake.js';
import { createWorld } from '../../widgets/core/fake/world.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import type { ApprovalInbox } from '../../widgets/approval-inbox/approval-inbox.element.js';
import type { TicketRejectedEvent, TicketReleasedEvent } from '../../widgets/approval-inbox/approval-inbox.events.js';
import type { TicketDetail } from '../../widgets/ticket-detail/ticket-detail.element.js';
import type { PortalApp } from '../../widgets/portal-app/portal-app.element.js';
import type { PortalDashboard } from '../../widgets/portal-dashboard/portal-dashboard.element.js';
import '../../widgets/approval-inbox/define.js';
import '../../widgets/portal-dashboard/define.js';
import '../../widgets/portal-app/define.js';
import { $, $maybe, collect, text, waitForStatus } from './helpers.js';

const DORA = 'dora.dispatcher@nordwind.example';
const ERIK = 'erik.editor@nordwind.example';
const ANNA = 'anna.viewer@nordwind.example';
const MAX = 'max.multi@mueller-soehne.example';

interface MountOptions extends FakeApiOptions {
  api?: FakeApi;
  lang?: 'de' | 'en';
}

async function mount(options: MountOptions = {}) {
  const { lang = 'en', api: given, ...apiOptions } = options;
  const api = given ?? new FakeApi({ signedInAs: DORA, ...apiOptions });
  const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang=${lang}>
    <div style="width: 900px"><approval-inbox></approval-inbox></div>
  </portal-session>`);
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<ApprovalInbox>('approval-inbox')!;
  await localeReady();
  await el.updateComplete;
  return { api, session, el };
}

async function settled(el: ApprovalInbox) {
  await el.updateComplete;
  await waitUntil(() => !el.hasCustomState('loading') && !el.hasCustomState('busy'), 'approval-inbox did not settle', { timeout: 4000 });
  await el.updateComplete;
}

const subjects = (el: ApprovalInbox) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list .open')].map((b) => b.textContent!.trim());
const active = (el: ApprovalInbox) => el.shadowRoot!.activeElement as HTMLElement | null;
const calls = (api: FakeApi, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.input);

/** What the world says awaits Dora's release (Nordwind), newest first. */
function expectedQueue(api: FakeApi, partner = 'bp-nordwind') {
  return api.world.tickets
    .filter((t) => t.status === 'awaiting_release' && t.businessPartnerId === partner)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** Opens the ticket of the list at `index` and waits for its detail with the decision buttons. */
async function openTicket(el: ApprovalInbox, index = 0) {
  const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list .open')[index]!;
  const id = button.dataset.id!;
  button.click();
  await waitUntil(() => $maybe<TicketDetail>(el, 'ticket-detail')?.hasCustomState('ready'), 'the ticket did not open', { timeout: 4000 });
  await el.updateComplete;
  return { id, detail: $<TicketDetail>(el, 'ticket-detail') };
}

async function decide(el: ApprovalInbox, kind: 'release' | 'reject', reason: string) {
  $<HTMLButtonElement>(el, `button[data-action=${kind}]`).click();
  const dialog = $<HTMLDialogElement>(el, '#decision-dialog');
  await waitUntil(() => dialog.open && active(el)?.id === 'reason', 'the dialog did not open with the focus in the reason');
  await sendKeys({ type: reason });
  $<HTMLButtonElement>(el, '#decision-dialog button[type=submit]').click();
}

describe('approval-inbox', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
  });

  it('loading: a spinner with a status text, accessible', async () => {
    const api = new FakeApi({ signedInAs: DORA });
    api.tickets.list = (_query, o) =>
      new Promise((_resolve, reject) => o?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
    const { el } = await mount({ api });
    await waitUntil(() => el.hasCustomState('loading'));
    expect($(el, '.state[role=status]').textContent).to.contain('Loading the tickets awaiting release');
    await expect(el).to.be.accessible();
  });

  it("a dispatcher's queue: her partner's tickets awaiting release, newest first, with the facts (R-APPROVE-1)", async () => {
    const { el, api } = await mount();
    await settled(el);
    expect(el.hasCustomState('ready')).to.equal(true);
    const queue = expectedQueue(api);
    expect(queue.length).to.equal(3);
    expect(subjects(el)).to.deep.equal(queue.map((t) => t.subject));
    expect(calls(api, 'tickets.list')).to.deep.equal([
      { status: ['awaiting_release'], sort: 'createdAt', dir: 'desc', page: 1, pageSize: 100, partner: 'bp-nordwind' },
    ]);
    expect($(el, '[part=count]').textContent).to.equal('3 tickets await your release');
    const first = $(el, '.item');
    const t = queue[0]!;
    const items = text(el);
    expect(first.textContent).to.contain(`#${t.number}`);
    expect(first.textContent).to.contain('Nordwind Logistik GmbH');
    expect(first.textContent).to.contain(api.world.people.get(t.authorId)!.name);
    expect(first.querySelector('.priority')!.getAttribute('data-priority')).to.equal(t.priority);
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(t.createdAt);
    expect(first.querySelector('time')!.textContent).to.match(/^Created (last|\d+ \w+ ago)/);
    expect(first.textContent).to.contain(api.world.types.find((x) => x.id === t.typeId)!.en);
    expect(items).to.contain('3 tickets await your release');
    await expect(el).to.be.accessible();
  });

  it('marks private tickets and the user\'s own', async () => {
    const world = createWorld();
    const t = world.tickets.find((x) => x.status === 'awaiting_release' && x.businessPartnerId === 'bp-nordwind')!;
    t.private = true;
    t.authorId = 'acc-dora';
    const { el } = await mount({ world });
    await settled(el);
    const item = $(el, `.item[data-id="${t.id}"]`);
    expect(item.querySelector('.private')!.textContent!.trim()).to.equal('Private');
    expect(item.querySelector('.mine')!.textContent!.trim()).to.equal('Your ticket');
  });

  it('only partners the user releases for: an editor-and-dispatcher sees no own tickets of the other partner', async () => {
    const world = createWorld();
    // Max is editor of Müller & Söhne (no release there) and dispatcher of Blue Harbor
    const own = world.tickets.find((x) => x.businessPartnerId === 'bp-mueller' && x.authorId === 'acc-max')!;
    own.status = 'awaiting_release';
    own.releasedAt = null;
    const api = new FakeApi({ signedInAs: MAX, world });
    const { el } = await mount({ api });
    await settled(el);
    expect(subjects(el)).to.deep.equal(expectedQueue(api, 'bp-blueharbor').map((x) => x.subject));
    expect(subjects(el)).not.to.include(own.subject);
    expect(calls(api, 'tickets.list')[0]).to.include({ partner: 'bp-blueharbor' });
  });

  it('several release partners: asks without a partner and keeps only those partners', async () => {
    const world = createWorld();
    const own = world.tickets.find((x) => x.businessPartnerId === 'bp-mueller' && x.authorId === 'acc-max')!;
    own.status = 'awaiting_release';
    own.releasedAt = null;
    const api = new FakeApi({
      signedInAs: 'multi@example.test',
      world,
      accounts: [
        {
          id: 'acc-max',
          email: 'multi@example.test',
          name: 'Max Ostermann',
          password: 'x',
          partners: [
            { id: 'bp-nordwind', name: 'Nordwind Logistik GmbH', role: 'dispatcher' },
            { id: 'bp-blueharbor', name: 'Blue Harbor Ltd', role: 'dispatcher' },
            { id: 'bp-mueller', name: 'Müller & Söhne (Ost) GmbH', role: 'editor' },
          ],
        },
      ],
    });
    const { el } = await mount({ api });
    await settled(el);
    expect(calls(api, 'tickets.list')[0]).not.to.have.property('partner');
    const expected = api.world.tickets
      .filter((t) => t.status === 'awaiting_release' && t.businessPartnerId !== 'bp-mueller')
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    expect(subjects(el)).to.deep.equal(expected.map((t) => t.subject));
    expect(text(el)).to.contain('Blue Harbor Ltd');
  });

  for (const [who, email] of [
    ['viewer', ANNA],
    ['editor', ERIK],
  ] as const) {
    it(`${who}: a clear message instead of a list, no ticket query, accessible`, async () => {
      const { el, api } = await mount({ signedInAs: email });
      await settled(el);
      expect(el.hasCustomState('not-allowed')).to.equal(true);
      expect(text(el)).to.contain('Only ticket dispatchers release tickets');
      expect(calls(api, 'tickets.list')).to.deep.equal([]);
      expect($maybe(el, '.list')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('empty: nothing waits, said plainly, accessible', async () => {
    const world = createWorld();
    for (const t of world.tickets) if (t.status === 'awaiting_release') t.status = 'new';
    const { el } = await mount({ world });
    await settled(el);
    expect(el.hasCustomState('empty')).to.equal(true);
    expect(text(el)).to.contain('Nothing waits for your release');
    expect($maybe(el, '[part=count]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('error: a message by code with a retry that loads again, accessible', async () => {
    const errors = collect('portal-error');
    const { el, api } = await mount({ failures: { 'tickets.list': 'internal' } });
    await waitUntil(() => el.hasCustomState('error'), 'no error state');
    errors.stop();
    const alert = $(el, '.alert.danger[role=alert]');
    expect(alert.textContent).to.contain('The tickets awaiting release could not be loaded.');
    expect(alert.textContent).to.contain('Something went wrong on our side');
    expect(errors.events.length).to.equal(1);
    await expect(el).to.be.accessible();
    api.failures = {};
    $<HTMLButtonElement>(el, '.retry').click();
    await waitUntil(() => el.hasCustomState('ready'), 'retry did not load the list');
    expect(subjects(el).length).to.equal(3);
  });

  it("the open ticket's module fails to load: the error with Try again, which loads it (found by a fresh-eyes test)", async () => {
    const Inbox = customElements.get('approval-inbox') as typeof ApprovalInbox;
    const real = Inbox.loadDecide;
    let tries = 0;
    Inbox.loadDecide = () => (++tries === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real());
    try {
      const { el } = await mount();
      await settled(el);
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.list .open')!;
      button.click();
      await waitUntil(() => $maybe(el, '.detail-view .alert.danger'), 'no error shown');
      expect($(el, '.detail-view .alert.danger').textContent).to.contain('The ticket could not be loaded.');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.detail-view .retry').click();
      await waitUntil(() => $maybe<TicketDetail>(el, 'ticket-detail')?.hasCustomState('ready'), 'Try again did not load the ticket', { timeout: 4000 });
      expect(tries).to.equal(2);
      expect(el.ticketId).to.equal(button.dataset.id);
      expect($maybe(el, '.detail-view .alert.danger')).to.equal(null);
    } finally {
      Inbox.loadDecide = real;
    }
  });

  it('opens a ticket in full with Release and Reject; back returns to the list and the same item (R-TICKET, R-APPROVE-2)', async () => {
    const { el } = await mount();
    await settled(el);
    const { id, detail } = await openTicket(el, 1);
    expect(el.ticketId).to.equal(id);
    expect(el.hasCustomState('detail')).to.equal(true);
    expect(detail.ticketId).to.equal(id);
    expect($(el, '.list-view').hidden).to.equal(true);
    const slotted = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('ticket-detail > button[slot=actions]')];
    expect(slotted.map((b) => b.textContent!.trim())).to.deep.equal(['Release ticket', 'Reject']);
    expect(text(el)).to.contain('Ticket 2 of 3');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.back').click();
    await el.updateComplete;
    expect(el.ticketId).to.equal(null);
    await waitUntil(() => active(el)?.dataset.id === id, 'focus did not return to the item');
  });

  it('release: the reason is required; then the API, the event, the list and the counts (R-APPROVE-2)', async () => {
    const { el, api, session } = await mount();
    await settled(el);
    const refresh = collect('portal-refresh-request');
    const queue = expectedQueue(api);
    const { id } = await openTicket(el, 0);
    expect(id).to.equal(queue[0]!.id);

    // empty reason: told at the field, nothing sent
    $<HTMLButtonElement>(el, 'button[data-action=release]').click();
    const dialog = $<HTMLDialogElement>(el, '#decision-dialog');
    await waitUntil(() => dialog.open);
    expect($(el, '#decision-title').textContent).to.equal('Release ticket');
    expect($(el, '#decision-ticket').textContent).to.contain(`#${queue[0]!.number}`);
    $<HTMLButtonElement>(el, '#decision-dialog button[type=submit]').click();
    await el.updateComplete;
    const reason = $<HTMLTextAreaElement>(el, '#reason');
    // the dialog's styles came with its chunk
    expect(getComputedStyle(reason).resize).to.equal('vertical');
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#reason-issue').textContent).to.equal('Please give a reason.');
    expect(reason.getAttribute('aria-describedby')).to.contain('reason-issue');
    expect(calls(api, 'tickets.release')).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // too short
    reason.focus();
    await sendKeys({ type: 'ok' });
    $<HTMLButtonElement>(el, '#decision-dialog button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#reason-issue').textContent).to.contain('at least 3 characters');
    expect(calls(api, 'tickets.release')).to.deep.equal([]);

    // too long: named as such, not as too short; the text kept (found by a fresh-eyes test)
    reason.value = 'x'.repeat(5000);
    reason.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#decision-dialog button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#reason-issue').textContent).to.equal('Please keep the text to at most 4,000 characters (now 5,000).');
    expect(reason.value).to.have.length(5000);
    expect(calls(api, 'tickets.release')).to.deep.equal([]);
    reason.value = 'ok';
    reason.dispatchEvent(new Event('input'));

    // a real reason: released
    reason.focus();
    await sendKeys({ type: ', budget approved' });
    const released = oneEvent(el, 'ticket-released') as Promise<TicketReleasedEvent>;
    $<HTMLButtonElement>(el, '#decision-dialog button[type=submit]').click();
    const event = await released;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.ticket.id).to.equal(id);
    expect(event.detail.ticket.status).to.equal('new');
    expect(calls(api, 'tickets.release')).to.deep.equal([{ id, reason: 'ok, budget approved' }]);
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.ticketId).to.equal(null);
    expect(subjects(el)).to.deep.equal(queue.slice(1).map((t) => t.subject));
    expect($(el, '[part=count]').textContent).to.equal('2 tickets await your release');
    expect($(el, '[part=notice]').textContent).to.contain(`Ticket #${queue[0]!.number} is released.`);
    await waitUntil(() => active(el)?.dataset.id === queue[1]!.id, 'focus did not move to the next ticket');
    await waitUntil(() => $(el, '[role=status][aria-live]').textContent!.includes('is released'), 'not announced');
    // the session reloads the counts: every badge follows
    refresh.stop();
    expect(refresh.events.length).to.equal(1);
    await waitUntil(() => session.state.status === 'signed-in' && session.state.me.counts.pendingReleases === 2, 'counts not reloaded');
    expect(api.world.tickets.find((t) => t.id === id)!.status).to.equal('new');
    await expect(el).to.be.accessible();
  });

  it('reject: with a reason, the event, the ticket leaves the list', async () => {
    const { el, api } = await mount();
    await settled(el);
    const { id } = await openTicket(el, 2);
    const rejected = oneEvent(el, 'ticket-rejected') as Promise<TicketRejectedEvent>;
    await decide(el, 'reject', 'Bitte erst mit der Teamleitung abstimmen');
    const event = await rejected;
    expect(event.detail.ticket.status).to.equal('release_rejected');
    expect(calls(api, 'tickets.reject')).to.deep.equal([{ id, reason: 'Bitte erst mit der Teamleitung abstimmen' }]);
    await el.updateComplete;
    expect(subjects(el).length).to.equal(2);
    expect(text(el)).to.contain('is rejected. The author is told your reason.');
    // the last one went: focus on the one before it
    const queue = expectedQueue(api);
    await waitUntil(() => active(el)?.dataset.id === queue[1]!.id, 'focus not on the ticket before');
  });

  it('the dialog: Escape closes it and returns the focus; Ctrl+Enter sends; focus stays inside (modal)', async () => {
    const { el, api } = await mount();
    await settled(el);
    await openTicket(el, 0);
    const release = $<HTMLButtonElement>(el, 'button[data-action=release]');
    release.focus();
    release.click();
    const dialog = $<HTMLDialogElement>(el, '#decision-dialog');
    await waitUntil(() => dialog.open && active(el)?.id === 'reason');
    // modal: Tab cycles between the reason and the dialog's buttons only
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const a = active(el);
      expect(a && dialog.contains(a), `focus left the dialog (${a?.outerHTML.slice(0, 60)})`).to.equal(true);
      seen.add(a!.id || a!.textContent!.trim());
    }
    expect([...seen]).to.include.members(['Cancel', 'Release ticket']);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
    await waitUntil(() => active(el) === release, 'focus did not return to the button');
    expect(el.ticketId, 'Escape in the dialog must not leave the ticket').not.to.equal(null);
    // Ctrl+Enter in the reason sends
    release.click();
    await waitUntil(() => dialog.open && active(el)?.id === 'reason');
    await sendKeys({ type: 'Looks fine' });
    const released = oneEvent(el, 'ticket-released');
    await sendKeys({ press: 'Control+Enter' });
    await released;
    expect(calls(api, 'tickets.release').length).to.equal(1);
  });

  it('409: someone else decided first — explained, the list reloaded, the counts refreshed', async () => {
    const { el, api } = await mount();
    await settled(el);
    const queue = expectedQueue(api);
    const { id } = await openTicket(el, 0);
    // another dispatcher (another session on the same data) releases it meanwhile
    const other = new FakeApi({ signedInAs: DORA, world: api.world });
    await other.tickets.release(id, { reason: 'Already checked by phone' });
    const refresh = collect('portal-refresh-request');
    const events = collect('ticket-released');
    await decide(el, 'reject', 'Not needed');
    await waitUntil(() => $maybe(el, '[part=notice]')?.textContent?.includes('already decided by someone else'), 'no 409 explanation');
    await settled(el);
    refresh.stop();
    events.stop();
    expect($(el, '[part=notice]').classList.contains('warning')).to.equal(true);
    expect($<HTMLDialogElement>(el, '#decision-dialog').open).to.equal(false);
    expect(el.ticketId).to.equal(null);
    expect(subjects(el)).to.deep.equal(queue.slice(1).map((t) => t.subject));
    expect(calls(api, 'tickets.list').length, 'the list was loaded again').to.equal(2);
    expect(refresh.events.length).to.equal(1);
    expect(events.events.length, 'no fact event for a decision that did not happen').to.equal(0);
    expect(api.world.tickets.find((t) => t.id === id)!.status).to.equal('new');
    await expect(el).to.be.accessible();
  });

  it('a private ticket rejected by someone else meanwhile: 409 as well, not "not found"', async () => {
    const world = createWorld();
    const t = world.tickets.find((x) => x.status === 'awaiting_release' && x.businessPartnerId === 'bp-nordwind' && x.authorId !== 'acc-dora')!;
    t.private = true;
    const { el, api } = await mount({ world });
    await settled(el);
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list .open')].findIndex((b) => b.dataset.id === t.id);
    await openTicket(el, button);
    await new FakeApi({ signedInAs: DORA, world }).tickets.reject(t.id, { reason: 'No budget' });
    await decide(el, 'release', 'Go ahead');
    await waitUntil(() => $maybe(el, '[part=notice]')?.textContent?.includes('already decided by someone else'), 'no 409 explanation');
    expect(calls(api, 'tickets.release').length).to.equal(1);
  });

  it('other failures stay in the dialog with the reason kept', async () => {
    const { el, api } = await mount();
    await settled(el);
    await openTicket(el, 0);
    api.failures = { 'tickets.release': 'network' };
    await decide(el, 'release', 'Approved');
    await waitUntil(() => $maybe(el, '#decision-dialog .alert.danger'), 'no error in the dialog');
    expect($(el, '#decision-dialog .alert').textContent).to.contain('cannot be reached');
    expect($<HTMLDialogElement>(el, '#decision-dialog').open).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('Approved');
    api.failures = {};
    const released = oneEvent(el, 'ticket-released');
    $<HTMLButtonElement>(el, '#decision-dialog button[type=submit]').click();
    await released;
  });

  it('keyboard: arrows, Home and End move through the list; Enter opens; Escape goes back', async () => {
    const { el, api } = await mount();
    await settled(el);
    const ids = expectedQueue(api).map((t) => t.id);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list .open')];
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([0, -1, -1]);
    buttons[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)?.dataset.id).to.equal(ids[1]);
    await sendKeys({ press: 'End' });
    expect(active(el)?.dataset.id).to.equal(ids[2]);
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)?.dataset.id).to.equal(ids[2]);
    await sendKeys({ press: 'Home' });
    expect(active(el)?.dataset.id).to.equal(ids[0]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.list .open')].map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.ticketId === ids[1], 'Enter did not open');
    await waitUntil(() => active(el)?.classList.contains('detail-view'), 'focus did not move to the ticket');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.ticketId === null, 'Escape did not go back');
    await waitUntil(() => active(el)?.dataset.id === ids[1], 'focus did not return');
  });

  it('German: the manual\'s words', async () => {
    const { el } = await mount({ lang: 'de' });
    await settled(el);
    expect($(el, '#title').textContent).to.equal('Freigaben');
    expect($(el, '[part=count]').textContent).to.equal('3 Tickets warten auf Ihre Freigabe');
    expect(text(el)).to.match(/Erstellt (vor \d+|letzte)/);
    await openTicket(el, 0);
    const slotted = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('ticket-detail > button[slot=actions]')];
    expect(slotted.map((b) => b.textContent!.trim())).to.deep.equal(['Ticket freigeben', 'Ablehnen']);
    slotted[0]!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, '#decision-dialog').open);
    expect($(el, '#decision-title').textContent).to.equal('Ticket freigeben');
    expect($(el, 'label[for=reason]').textContent).to.equal('Begründung');
    $<HTMLButtonElement>(el, '#decision-dialog button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#reason-issue').textContent).to.equal('Bitte geben Sie einen Grund an.');
    await expect(el).to.be.accessible();
  });

  it('signing out drops the list at once (nothing of the previous account stays)', async () => {
    const { el, session } = await mount();
    await settled(el);
    await openTicket(el, 0);
    await session.signOut();
    await waitUntil(() => el.hasCustomState('loading'), 'the inbox kept its state');
    expect($maybe(el, '.list')).to.equal(null);
    expect(el.ticketId).to.equal(null);
    expect($maybe(el, 'ticket-detail')).to.equal(null);
  });

  it('alone (no portal-session): its own API, the same rules', async () => {
    const api = new FakeApi({ signedInAs: DORA });
    const el = await fixture<ApprovalInbox>(html`<approval-inbox .api=${api} lang="en"></approval-inbox>`);
    await settled(el);
    expect(calls(api, 'me.get').length).to.equal(1);
    expect(subjects(el).length).to.equal(3);
    const { detail } = await openTicket(el, 0);
    expect(detail.hasCustomState('ready')).to.equal(true);
    const released = oneEvent(el, 'ticket-released');
    await decide(el, 'release', 'Fine by me');
    await released;
    expect(subjects(el).length).to.equal(2);
  });

  it('counts change at once after a decision: portal-app badge and dashboard, no reload (R-DASH-2)', async () => {
    const api = new FakeApi({ signedInAs: DORA });
    location.hash = '#/approvals';
    const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en">
      <portal-app></portal-app>
      <portal-dashboard></portal-dashboard>
    </portal-session>`);
    try {
      await waitForStatus(session, 'signed-in');
      const app = session.querySelector<PortalApp>('portal-app')!;
      const dashboard = session.querySelector<PortalDashboard>('portal-dashboard')!;
      await waitUntil(() => $maybe(app, 'approval-inbox'), 'the approvals view did not render the inbox');
      const el = $<ApprovalInbox>(app, 'approval-inbox');
      await settled(el);
      await waitUntil(() => dashboard.hasCustomState('ready'));
      const badge = () => $(app, 'nav .badge [aria-hidden=true]').textContent;
      const count = () => $(dashboard, '[part=release-count]').textContent!.replace(/\s+/g, ' ').trim();
      expect(badge()).to.equal('3');
      expect(count()).to.contain('3 tickets await your release');
      const dashboardCalls = calls(api, 'dashboard.get').length;
      await openTicket(el, 0);
      await decide(el, 'release', 'Approved');
      await waitUntil(() => badge() === '2', 'the badge did not follow');
      await waitUntil(() => count().includes('2 tickets await your release'), 'the dashboard count did not follow');
      expect(calls(api, 'dashboard.get').length, 'the dashboard did not load again').to.equal(dashboardCalls);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});
