import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { FakeApi } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import type { PlanBoard } from '../../widgets/plan-board/plan-board.element.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import '../../widgets/plan-board/define.js';
import { $, $maybe, waitForStatus } from './helpers.js';

/**
 * The activity form keeps its fields' heights when a message shows under one of them (fresh-eyes
 * finding 11: the neighbour in the same row, "Priorität" or "Anfangsdatum", grew taller).
 */
const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 5000 });

async function openForm(lang: 'de' | 'en') {
  const api = new FakeApi({ signedInAs: 'dora.dispatcher@nordwind.example' });
  const session = await fixture<PortalSession>(
    html`<portal-session .api=${api} lang=${lang}><plan-board board-id="pb-rollout"></plan-board></portal-session>`,
  );
  await waitForStatus(session, 'signed-in');
  const el = session.querySelector<PlanBoard>('plan-board')!;
  await localeReady();
  await until(() => !el.hasCustomState('loading'), 'still loading');
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'li[data-card="pa-2"] .card-open').click();
  await until(() => $maybe<HTMLDialogElement>(el, 'dialog#detail')?.open && el.shadowRoot!.querySelector('#priority'), 'no form');
  await el.updateComplete;
  return { api, el };
}

async function setInput(el: PlanBoard, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

const height = (el: PlanBoard, selector: string) => $(el, selector).getBoundingClientRect().height;

describe('plan-board activity form layout', () => {
  before(async () => {
    await setViewport({ width: 1280, height: 900 });
  });

  for (const lang of ['de', 'en'] as const) {
    it(`a field error leaves the neighbour in its row as tall as before; the message sits below its field (${lang})`, async () => {
      document.documentElement.lang = lang;
      const { el } = await openForm(lang);
      const ids = ['#startDate', '#endDate', '#durationHours', '#priority', '#columnId'];
      const before = Object.fromEntries(ids.map((id) => [id, height(el, id)]));
      // two columns: duration and priority share a row, and so do start and end
      expect($(el, '#durationHours').getBoundingClientRect().top).to.be.closeTo($(el, '#priority').getBoundingClientRect().top, 1);

      await setInput(el, '#durationHours', '');
      const start = $<HTMLInputElement>(el, '#startDate').value;
      await setInput(el, '#endDate', new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
      $<HTMLButtonElement>(el, 'dialog#detail button[type=submit]').click();
      await until(() => el.shadowRoot!.querySelector('#durationHours-error') && el.shadowRoot!.querySelector('#endDate-error'), 'no field errors');
      await el.updateComplete;

      for (const id of ids) expect(height(el, id), `${id} height`).to.be.closeTo(before[id]!, 0.5);
      for (const id of ['durationHours', 'endDate']) {
        const field = $(el, `#${id}`).getBoundingClientRect();
        const message = $(el, `#${id}-error`).getBoundingClientRect();
        expect(message.top, `${id}: message below the field`).to.be.at.least(field.bottom);
        expect(message.left, `${id}: message aligned with the field`).to.be.closeTo(field.left, 0.5);
      }
    });
  }
});
