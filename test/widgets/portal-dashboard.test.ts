import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeApi, type FakeApiOptions } from '../../widgets/core/api-fake.js';
import type { NavigateEvent, TicketOpenEvent } from '../../widgets/core/events.js';
import { createEmptyWorld, createWorld } from '../../widgets/core/fake/world.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import { dayPart, type PortalDashboard } from '../../widgets/portal-dashboard/portal-dashboard.element.js';
import { countAxis } from '../../widgets/portal-dashboard/portal-dashboard.charts.js';
import '../../widgets/portal-dashboard/define.js';
import '../../widgets/portal-app/define.js';
import type { PortalApp } from '../../widgets/portal-app/portal-app.element.js';
import { $, $maybe, collect, text, waitForStatus } from './helpers.js';

const DORA = 'dora.dispatcher@nordwind.example';
const ERIK = 'erik.editor@nordwind.example';
const ANNA = 'anna.viewer@nordwind.example';

interface MountOptions extends FakeApiOptions {
  api?: FakeApi;
  lang?: 'de' | 'en';
  /** the moment the greeting is for */
  greetAt?: Date;
  width?: string;
}

async function mount(options: MountOptions = {}) {
  const { lang = 'en', api: given, greetAt, width = '1100px', ...apiOptions } = options;
  const api = given ?? new FakeApi({ signedInAs: DORA, ...apiOptions });
  const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang=${lang}>
    <div style="width: ${width}"><portal-dashboard .now=${greetAt ?? null}></portal-dashboard></div>
  </portal-session>`);
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<PortalDashboard>('portal-dashboard')!;
  await localeReady();
  await el.updateComplete;
  return { api, session, el };
}

async function settled(el: PortalDashboard) {
  await el.updateComplete;
  await waitUntil(() => !el.hasCustomState('loading') && !el.hasCustomState('busy'), 'dashboard did not settle', { timeout: 4000 });
  await el.updateComplete;
}

const calls = (api: FakeApi, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.input);
const at = (hour: number, minute = 0) => new Date(2026, 2, 3, hour, minute);
const tableRows = (table: HTMLTableElement) =>
  [...table.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()));

describe('portal-dashboard', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
  });

  it('parts of the day', () => {
    expect([4, 5, 11, 12, 17, 18, 23].map((h) => dayPart(at(h)))).to.deep.equal([
      'evening', 'morning', 'morning', 'afternoon', 'afternoon', 'evening', 'evening',
    ]);
  });

  it('a readable count axis', () => {
    expect(countAxis(0)).to.deep.equal({ top: 1, step: 1 });
    expect(countAxis(3)).to.deep.equal({ top: 3, step: 1 });
    expect(countAxis(7)).to.deep.equal({ top: 8, step: 2 });
    expect(countAxis(25)).to.deep.equal({ top: 30, step: 10 });
  });

  it('loading: the greeting at once (from the session), a spinner for the rest, accessible', async () => {
    const api = new FakeApi({ signedInAs: DORA });
    api.dashboard.get = (_input, o) =>
      new Promise((_resolve, reject) => o?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
    const { el } = await mount({ api, greetAt: at(9) });
    expect(el.hasCustomState('loading')).to.equal(true);
    expect($(el, '[part=greeting]').textContent).to.equal('Good morning, Dora');
    expect($(el, '.state[role=status]').textContent).to.contain('Loading your dashboard');
    await expect(el).to.be.accessible();
  });

  it('greets by the time of day with the first name, English and German (R-DASH-1)', async () => {
    for (const [hour, en, de] of [
      [8, 'Good morning, Dora', 'Guten Morgen, Dora'],
      [14, 'Good afternoon, Dora', 'Guten Tag, Dora'],
      [20, 'Good evening, Dora', 'Guten Abend, Dora'],
      [2, 'Good evening, Dora', 'Guten Abend, Dora'],
    ] as const) {
      const { el } = await mount({ greetAt: at(hour) });
      expect($(el, '[part=greeting]').textContent, `${hour}:00 en`).to.equal(en);
      const german = await mount({ greetAt: at(hour), lang: 'de' });
      expect($(german.el, '[part=greeting]').textContent, `${hour}:00 de`).to.equal(de);
    }
  });

  it('the time comes from the now attribute too (stories)', async () => {
    const api = new FakeApi({ signedInAs: ERIK });
    const el = await fixture<PortalDashboard>(html`<portal-dashboard .api=${api} lang="en" now="2026-03-03T13:30:00"></portal-dashboard>`);
    await settled(el);
    expect($(el, '[part=greeting]').textContent).to.equal('Good afternoon, Erik');
    expect($(el, '.today').textContent).to.equal('Tuesday, March 3, 2026');
  });

  it('dispatcher: her queue, one click to the approvals (navigate, cancelable) (R-DASH-2)', async () => {
    const { el } = await mount();
    await settled(el);
    const count = $<HTMLButtonElement>(el, 'button[part=release-count]');
    expect(count.dataset.role).to.equal('dispatcher');
    expect(count.textContent!.replace(/\s+/g, ' ')).to.contain('3 tickets await your release');
    const navigate = oneEvent(el, 'navigate') as Promise<NavigateEvent>;
    count.click();
    const e = await navigate;
    expect(e.detail).to.deep.equal({ target: 'approvals' });
    expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("editor: the own tickets awaiting release, one click to the board's query", async () => {
    const { el } = await mount({ signedInAs: ERIK });
    await settled(el);
    const count = $<HTMLButtonElement>(el, 'button[part=release-count]');
    expect(count.dataset.role).to.equal('editor');
    expect(count.textContent!.replace(/\s+/g, ' ')).to.contain('2 of your tickets await release');
    const navigate = oneEvent(el, 'navigate') as Promise<NavigateEvent>;
    count.click();
    expect((await navigate).detail).to.deep.equal({ target: 'board', query: 'awaiting_release' });
  });

  it('editor with nothing awaiting: said so, not a button', async () => {
    const world = createWorld();
    for (const t of world.tickets) if (t.authorId === 'acc-erik' && t.status === 'awaiting_release') t.status = 'new';
    const { el } = await mount({ signedInAs: ERIK, world });
    await settled(el);
    const count = $(el, '[part=release-count]');
    expect(count.localName).to.equal('p');
    expect(count.textContent).to.contain('None of your tickets awaits release');
  });

  it('viewer: no release count at all', async () => {
    const { el } = await mount({ signedInAs: ANNA });
    await settled(el);
    expect($maybe(el, '[part=release-count]')).to.equal(null);
    expect(el.hasCustomState('ready') || el.hasCustomState('empty')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('history: recent activity on my tickets with links (ticket-open); no internal notes (R-DASH-3)', async () => {
    const { el, api } = await mount({ signedInAs: ERIK });
    await settled(el);
    const data = await api.dashboard.get({ scope: 'mine' });
    // eight at first, the rest on "Show more" (the focus goes to the first one that appears)
    expect(data.history.length).to.be.greaterThan(8);
    expect(el.shadowRoot!.querySelectorAll('.events .entry').length).to.equal(8);
    $<HTMLButtonElement>(el, '.history .more').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.events .entry').length === data.history.length, 'not all shown');
    await waitUntil(() => el.shadowRoot!.activeElement === el.shadowRoot!.querySelectorAll('.events .entry .link')[8], 'focus not on the first new entry');
    expect($maybe(el, '.history .more')).to.equal(null);
    const entries = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.events .entry')];
    const all = text(el);
    expect(all).not.to.contain('Intern:');
    expect(all).to.match(/(Alex Hoffmann \(service desk\) replied|released the ticket|changed the status: )/);
    const first = data.history[0]!;
    expect(entries[0]!.textContent).to.contain(`#${first.ticket.number}`);
    expect(entries[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(first.at);
    const open = oneEvent(el, 'ticket-open') as Promise<TicketOpenEvent>;
    entries[0]!.querySelector<HTMLButtonElement>('.which .link')!.click();
    const e = await open;
    expect(e.detail).to.deep.equal({ id: first.ticket.id });
    expect(e.cancelable).to.equal(true);
  });

  it('history texts for decisions: released and rejected with their reasons', async () => {
    const api = new FakeApi({ signedInAs: DORA });
    const awaiting = api.world.tickets.filter((t) => t.status === 'awaiting_release' && t.authorId === 'acc-erik');
    await api.tickets.release(awaiting[0]!.id, { reason: 'Budget approved' });
    await api.tickets.reject(awaiting[1]!.id, { reason: 'Please ask the team lead first' });
    // Erik wrote both: his history shows Dora's decisions
    const erik = new FakeApi({ signedInAs: ERIK, world: api.world });
    const { el } = await mount({ api: erik });
    await settled(el);
    const entries = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.events .entry')].map((e) => e.textContent!.replace(/\s+/g, ' '));
    // newest first: the two decisions lead the list
    expect(entries[0]).to.contain('Dora Wagner rejected the release');
    expect(entries[0]).to.contain('Please ask the team lead first');
    expect(entries[0]).to.contain(`#${awaiting[1]!.number}`);
    expect(entries[1]).to.contain('Dora Wagner released the ticket');
    expect(entries[1]).to.contain('Budget approved');
    expect(entries[1]).to.contain(`#${awaiting[0]!.number}`);
  });

  it('statistics: three charts as SVG, each with a table of the same numbers (R-DASH-3)', async () => {
    const { el, api } = await mount({ signedInAs: ERIK });
    await settled(el);
    const data = await api.dashboard.get({ scope: 'mine' });
    const figures = [...el.shadowRoot!.querySelectorAll<HTMLElement>('figure[part=chart]')];
    expect(figures.map((f) => f.querySelector('figcaption')!.textContent!.trim())).to.deep.equal([
      'By status',
      'By type',
      'Opened and closed per week last 12 weeks',
    ]);
    for (const f of figures) {
      expect(f.querySelector('svg.chart-svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(f.querySelector('.table-box')!.classList.contains('visually-hidden')).to.equal(true);
    }
    // by status: one row per status, bars only for counts above zero
    const [status, type, weekly] = figures as [HTMLElement, HTMLElement, HTMLElement];
    expect(status.querySelectorAll('g.row').length).to.equal(7);
    expect(status.querySelectorAll('rect.bar').length).to.equal(data.stats.byStatus.filter((s) => s.count > 0).length);
    expect(tableRows(status.querySelector('table')!).map((r) => r[1])).to.deep.equal(data.stats.byStatus.map((s) => String(s.count)));
    // by type: a segment per type, legend and table
    expect(type.querySelectorAll('circle.segment').length).to.equal(data.stats.byType.length);
    // each segment in its palette colour, the legend's swatch in the same one
    const segments = [...type.querySelectorAll('circle.segment')];
    const strokes = segments.map((c) => getComputedStyle(c).stroke);
    expect(new Set(strokes).size).to.equal(segments.length);
    expect([...type.querySelectorAll('.swatch')].map((w) => getComputedStyle(w).backgroundColor)).to.deep.equal(strokes);
    expect(tableRows(type.querySelector('table')!).map((r) => r.slice(0, 2))).to.deep.equal(data.stats.byType.map((t) => [t.name, String(t.count)]));
    expect(type.querySelector('.donut .total')!.textContent).to.equal(String(data.stats.byStatus.reduce((n, s) => n + s.count, 0)));
    // weekly: two series over 12 weeks
    expect(weekly.querySelectorAll('polyline.series').length).to.equal(2);
    expect(weekly.querySelectorAll('.chart-box circle.marker.opened').length).to.equal(12);
    expect(weekly.querySelectorAll('.chart-box rect.marker.closed').length).to.equal(12);
    expect(tableRows(weekly.querySelector('table')!).map((r) => [r[1], r[2]])).to.deep.equal(
      data.stats.weekly.map((w) => [String(w.opened), String(w.closed)]),
    );
    expect(weekly.querySelector('polyline.opened')!.getAttribute('points')!.split(' ').length).to.equal(12);
    await expect(el).to.be.accessible();
  });

  it('"Show as tables" swaps the charts for visible tables and back', async () => {
    const { el } = await mount({ signedInAs: ERIK });
    await settled(el);
    const toggle = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[aria-pressed]')].find((b) => b.textContent!.includes('Show as tables'))!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('svg.chart-svg').length).to.equal(0);
    const tables = [...el.shadowRoot!.querySelectorAll<HTMLTableElement>('table.data')];
    expect(tables.length).to.equal(3);
    expect(tables.every((t) => !t.parentElement!.classList.contains('visually-hidden') && t.offsetHeight > 0 && t.offsetWidth > 200)).to.equal(true);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('svg.chart-svg').length).to.equal(3);
  });

  it('scope: "All tickets I can see" asks the server again and counts more', async () => {
    const { el, api } = await mount({ signedInAs: ERIK });
    await settled(el);
    const mine = $(el, '.stats-tools .total').textContent!;
    expect(mine).to.match(/^\d+ tickets written by you$/);
    const all = $<HTMLInputElement>(el, 'input[name=scope][value=all]');
    all.focus();
    all.click();
    await waitUntil(() => el.scope === 'all');
    await settled(el);
    expect(calls(api, 'dashboard.get')).to.deep.equal([{ scope: 'mine' }, { scope: 'all' }]);
    expect(el.getAttribute('scope')).to.equal('all');
    const seen = $(el, '.stats-tools .total').textContent!;
    expect(seen).to.match(/^\d+ tickets you can see$/);
    expect(Number(seen.split(' ')[0])).to.be.greaterThan(Number(mine.split(' ')[0]));
    // arrow keys move between the options (radio group)
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => el.scope === 'mine', 'arrow key did not switch back');
  });

  it('quick links at the bottom: web links in a new tab, tel: links as they are, unsafe ones as text (R-DASH-4)', async () => {
    const world = createWorld();
    world.quickLinks.push({ id: 'ql-bad', de: 'Böse', en: 'Bad', url: 'javascript:alert(1)' });
    const { el } = await mount({ world });
    await settled(el);
    const section = $(el, '[part=quick-links]');
    expect(section.previousElementSibling?.classList.contains('main')).to.equal(true);
    const links = [...section.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((a) => a.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Service catalogue (opens in a new tab)',
      'Status page (opens in a new tab)',
      'Download remote support (opens in a new tab)',
      'Hotline +49 40 123456-0',
    ]);
    expect(links[0]!.target).to.equal('_blank');
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    expect(links[3]!.getAttribute('href')).to.equal('tel:+49401234560');
    expect(links[3]!.hasAttribute('target')).to.equal(false);
    expect(section.textContent).to.contain('Bad');
    expect(section.querySelector('a[href^=javascript]')).to.equal(null);
  });

  it('empty: no tickets and no activity yet, with a way to create one; accessible', async () => {
    const { el } = await mount({ signedInAs: ERIK, world: createEmptyWorld() });
    await settled(el);
    expect(el.hasCustomState('empty')).to.equal(true);
    expect(text(el)).to.contain('Nothing has happened on your tickets yet');
    expect(el.shadowRoot!.querySelectorAll('figure').length).to.equal(0);
    expect($maybe(el, '.stats-tools button'), 'no table toggle without numbers').to.equal(null);
    const navigate = oneEvent(el, 'navigate') as Promise<NavigateEvent>;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.history button')].find((b) => b.textContent!.includes('Create ticket'))!.click();
    expect((await navigate).detail).to.deep.equal({ target: 'create' });
    await expect(el).to.be.accessible();
  });

  it('signing out drops the numbers at once', async () => {
    const { el, session } = await mount();
    await settled(el);
    await session.signOut();
    await waitUntil(() => el.hasCustomState('loading'), 'the dashboard kept its state');
    expect($maybe(el, '[part=history]')).to.equal(null);
    expect($maybe(el, '[part=greeting]')).to.equal(null);
  });

  it('error: a message by code and a retry; accessible', async () => {
    const errors = collect('portal-error');
    const { el, api } = await mount({ failures: { 'dashboard.get': 'internal' } });
    await waitUntil(() => el.hasCustomState('error'));
    errors.stop();
    expect(errors.events.length).to.equal(1);
    expect($(el, '.alert.danger[role=alert]').textContent).to.contain('The dashboard could not be loaded.');
    expect($(el, '[part=greeting]')).to.exist;
    await expect(el).to.be.accessible();
    api.failures = {};
    $<HTMLButtonElement>(el, '.retry').click();
    await waitUntil(() => el.hasCustomState('ready'), 'retry did not load');
  });

  it('German: words, numbers and dates in German', async () => {
    const { el } = await mount({ lang: 'de', greetAt: at(10) });
    await settled(el);
    expect($(el, '[part=greeting]').textContent).to.equal('Guten Morgen, Dora');
    expect($(el, '.today').textContent).to.equal('Dienstag, 3. März 2026');
    expect($(el, 'button[part=release-count]').textContent!.replace(/\s+/g, ' ')).to.contain('3 Tickets warten auf Ihre Freigabe');
    expect($(el, '#history-title').textContent).to.equal('Letzte Aktivitäten');
    expect($(el, '#stats-title').textContent).to.equal('Statistiken');
    expect(text(el)).to.contain('Meine Tickets');
    expect($(el, '#links-title').textContent).to.equal('Quick-Links');
    expect(text(el)).to.contain('Servicekatalog');
    expect($(el, '.type-chart table').textContent).to.match(/\d+\u00a0%/); // German: a protected space before %
    await expect(el).to.be.accessible();
  });

  it('nothing sticks out sideways (the hidden tables included)', async () => {
    const { el } = await mount({ signedInAs: ERIK, width: '700px' });
    await settled(el);
    expect(el.getBoundingClientRect().right).to.be.below(window.innerWidth);
    expect(document.scrollingElement!.scrollWidth, 'the page scrolls sideways').to.equal(window.innerWidth);
  });

  it('inside portal-app: the release count routes (approvals for a dispatcher, the board\'s query for an editor)', async () => {
    for (const [email, hash] of [
      [DORA, '#/approvals'],
      [ERIK, '#/board?query=awaiting_release'],
    ] as const) {
      history.replaceState(null, '', location.pathname + location.search);
      const api = new FakeApi({ signedInAs: email });
      const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang="en"><portal-app></portal-app></portal-session>`);
      try {
        await waitForStatus(session, 'signed-in');
        const app = session.querySelector<PortalApp>('portal-app')!;
        await waitUntil(() => $maybe(app, 'portal-dashboard'), 'no dashboard in the app');
        const el = $<PortalDashboard>(app, 'portal-dashboard');
        await settled(el);
        $<HTMLButtonElement>(el, 'button[part=release-count]').click();
        await waitUntil(() => location.hash === hash, `did not route to ${hash} (is ${location.hash})`);
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
    }
  });

  it('narrow (390 px): one column, charts fit', async () => {
    const { el } = await mount({ signedInAs: ERIK, width: '390px' });
    await settled(el);
    const main = $(el, '.main');
    expect(getComputedStyle(main).gridTemplateColumns.split(' ').length).to.equal(1);
    await waitUntil(() => {
      const svg = el.shadowRoot!.querySelector<SVGSVGElement>('.weekly-chart svg')!;
      return svg.getBoundingClientRect().width <= main.getBoundingClientRect().width;
    }, 'the weekly chart is wider than the dashboard');
    await expect(el).to.be.accessible();
  });
});
