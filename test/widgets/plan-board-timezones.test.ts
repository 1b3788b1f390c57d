/**
 * R-PLAN-4, R-X-1: an activity's start and end are calendar days. Whatever the viewer's time zone
 * (here the two farthest apart: UTC+14 and UTC-10/-9), 2026-03-05 shows as Thursday the 5th, and a
 * day picked in the form is sent as exactly that day.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PlanBoard } from '../../widgets/plan-board/plan-board.element.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import '../../widgets/plan-board/define.js';
import { $, $maybe, waitForStatus } from './helpers.js';

/** waitUntil with room for lazily loaded modules (dialogs, timeline) on a busy machine. */
function until(predicate: () => unknown, message?: string) {
  return waitUntil(predicate, message, { timeout: 5000 });
}


const DORA = 'dora.dispatcher@nordwind.example';

async function emulate(timezoneId: string | null) {
  await executeServerCommand('emulate-timezone', { timezoneId });
}

async function mount(lang: 'de' | 'en') {
  const api = new FakeApi({ signedInAs: DORA });
  const a = api.world.activities.find((x) => x.id === 'pa-4')!;
  Object.assign(a, { startDate: '2026-03-05', endDate: '2026-03-06' });
  const session = await fixture<PortalSession>(
    html`<portal-session .api=${api} lang=${lang}><plan-board board-id="pb-rollout"></plan-board></portal-session>`,
  );
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<PlanBoard>('plan-board')!;
  await localeReady();
  await until(() => el.shadowRoot!.querySelector('li[data-card="pa-4"]'), 'the board did not load');
  await el.updateComplete;
  return { api, el };
}

for (const zone of ['Pacific/Kiritimati', 'America/Adak']) {
  describe(`plan-board in ${zone}`, () => {
    before(() => emulate(zone));
    after(() => emulate(null));

    it('the page really runs in that zone (else this test proves nothing)', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(zone);
      // the naive ways are a day off here
      const naive = zone === 'America/Adak' ? new Date('2026-03-05').getDate() : Number(new Date(2026, 2, 5).toISOString().slice(8, 10));
      expect(naive).to.equal(4);
    });

    it('cards and details show the same calendar day and weekday (English)', async () => {
      const { el } = await mount('en');
      expect($(el, 'li[data-card="pa-4"] .dates').textContent).to.match(/Thu, Mar 5 – Fri, Mar 6/);
      $<HTMLButtonElement>(el, 'li[data-card="pa-4"] .card-open').click();
      await until(() => $maybe<HTMLDialogElement>(el, 'dialog#detail')?.open);
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#startDate').value).to.equal('2026-03-05');
      expect($(el, '#startDate-day').textContent).to.equal('Thu, March 5, 2026');
      expect($(el, '#endDate-day').textContent).to.equal('Fri, March 6, 2026');
    });

    it('German: Do., 5. März 2026', async () => {
      const { el } = await mount('de');
      expect($(el, 'li[data-card="pa-4"] .dates').textContent).to.match(/Do\., 5\. – Fr\., 6\. März/);
      $<HTMLButtonElement>(el, 'li[data-card="pa-4"] .card-open').click();
      await until(() => $maybe<HTMLDialogElement>(el, 'dialog#detail')?.open);
      await el.updateComplete;
      expect($(el, '#startDate-day').textContent).to.equal('Do., 5. März 2026');
    });

    it('a day picked in the form is sent as that day; the timeline places it on that day', async () => {
      const { api, el } = await mount('en');
      $<HTMLButtonElement>(el, 'li[data-card="pa-4"] .card-open').click();
      await until(() => $maybe<HTMLDialogElement>(el, 'dialog#detail')?.open);
      const end = $<HTMLInputElement>(el, '#endDate');
      end.value = '2026-03-09';
      end.dispatchEvent(new Event('input', { bubbles: true }));
      await el.updateComplete;
      expect($(el, '#endDate-day').textContent).to.equal('Mon, March 9, 2026');
      $<HTMLButtonElement>(el, 'dialog#detail button[type=submit]').click();
      await until(() => api.world.activities.find((a) => a.id === 'pa-4')!.version === 2, 'not saved');
      const sent = api.calls.filter((c) => c.method === 'plan.patchActivity').map((c) => c.input);
      expect(sent).to.deep.equal([{ id: 'pa-4', version: 1, endDate: '2026-03-09' }]);
      await until(() => /Thu, Mar 5 – Mon, Mar 9/.test($(el, 'li[data-card="pa-4"] .dates').textContent!));

      // the timeline: the bar starts on the 5th's column and is 5 days long
      $<HTMLButtonElement>(el, 'dialog#detail .close').click();
      el.view = 'timeline';
      await until(() => el.shadowRoot!.querySelector('plan-board-timeline')?.shadowRoot?.querySelector('tbody'), 'no timeline');
      const timeline = el.shadowRoot!.querySelector('plan-board-timeline')!;
      timeline.scale = 'day';
      await timeline.updateComplete;
      const row = timeline.shadowRoot!.querySelector('button[data-activity="pa-4"]')!.closest('tr')!;
      expect(row.querySelector('.period')!.textContent).to.match(/^Thu, Mar 5 – Mon, Mar 9(, 2026)?$/);
      const bar = row.querySelector<HTMLElement>('.bar')!.getBoundingClientRect();
      expect(bar.width).to.be.closeTo(5 * 36, 0.5);
      const tick = timeline.shadowRoot!.querySelector<HTMLElement>('.tick[data-day="2026-03-05"]');
      expect(tick, 'a tick for Thursday the 5th').to.exist;
      expect(tick!.getBoundingClientRect().left).to.be.closeTo(bar.left, 1);
    });
  });
}
