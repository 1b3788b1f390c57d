import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import type { TicketBoard } from '../../widgets/ticket-board/ticket-board.element.js';
import '../../widgets/ticket-board/define.js';
import { waitForStatus } from './helpers.js';

/**
 * The filter and sort selects above the board show every option in full (fresh-eyes finding 9:
 * German at 1440 px cut "Alle Ticketarten", "Aktualisiert (absteigend)", "Priorität (absteigend)").
 */
async function mount(lang: 'de' | 'en') {
  const api = new FakeApi({ signedInAs: 'dora.dispatcher@nordwind.example' });
  const session = await fixture<PortalSession>(html`<portal-session .api=${api} lang=${lang}><ticket-board></ticket-board></portal-session>`);
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<TicketBoard>('ticket-board')!;
  await localeReady();
  for (let i = 0; i < 3; i++) await el.updateComplete;
  await waitUntil(() => !el.hasCustomState('loading'), 'the list kept loading', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** The width the select would take on its own: its longest option, the arrow and the padding. */
function naturalWidth(select: HTMLSelectElement): number {
  const copy = select.cloneNode(true) as HTMLSelectElement;
  copy.removeAttribute('id');
  copy.style.cssText = 'width: auto; min-width: 0; max-width: none; position: absolute; visibility: hidden;';
  select.parentElement!.append(copy);
  const w = copy.getBoundingClientRect().width;
  copy.remove();
  return w;
}

describe('ticket-board filter layout', () => {
  afterEach(async () => {
    await setViewport({ width: 1280, height: 800 });
  });

  for (const lang of ['de', 'en'] as const) {
    for (const width of [1440, 1024, 390]) {
      it(`every filter and sort select shows its longest option in full (${lang}, ${width} px)`, async () => {
        document.documentElement.lang = lang;
        await setViewport({ width, height: 900 });
        const el = await mount(lang);
        const filters = el.shadowRoot!.querySelector<HTMLElement>('.filters')!;
        const selects = [...filters.querySelectorAll<HTMLSelectElement>('select')].filter((s) => s.getClientRects().length > 0);
        expect(selects.length, 'visible selects').to.be.greaterThan(1);
        for (const s of selects) {
          const shown = s.getBoundingClientRect().width;
          expect(shown, `#${s.id} (${[...s.options].map((o) => o.text.trim()).join(' | ')})`).to.be.at.least(naturalWidth(s) - 0.5);
        }
        expect(filters.scrollWidth, 'the filters overflow').to.be.at.most(filters.clientWidth + 1);
      });
    }
  }

  it('narrow: a row is a card — number and status first, then the subject, then the rest in the columns\' order', async () => {
    document.documentElement.lang = 'en';
    await setViewport({ width: 390, height: 900 });
    const el = await mount('en');
    const row = el.shadowRoot!.querySelector<HTMLTableRowElement>('tr.row')!;
    const cells = [...row.cells].filter((c) => c.getClientRects().length > 0);
    const box = (c: Element) => c.getBoundingClientRect();
    // reading order: line by line (tops within a few pixels are one line), left to right
    const seen = [...cells]
      .sort((a, b) => (Math.abs(box(a).top - box(b).top) > 4 ? box(a).top - box(b).top : box(a).left - box(b).left))
      .map((c) => c.className);
    expect(seen.slice(0, 3)).to.deep.equal(['num', 'status', 'subject']);
    expect(seen.slice(3)).to.deep.equal(cells.map((c) => c.className).filter((c) => !['num', 'status', 'subject'].includes(c)));
    // the status on the right of the number's line
    expect(box(cells.find((c) => c.className === 'status')!).left).to.be.greaterThan(box(row).left + box(row).width / 2);
  });
});
