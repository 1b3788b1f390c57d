/**
 * <ticket-wizard> in each of its states against the in-memory fake API (R-WIZ-1..11). The args
 * drive the fake (who is signed in, latency, failures, a larger world) and what the tab kept (a
 * draft restored from sessionStorage, on a given step).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import { waitFor } from 'storybook/test';
import { ApiError } from '../../widgets/core/api.js';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import { createWorld } from '../../widgets/core/fake/world.js';
import type { TicketWizard } from '../../widgets/ticket-wizard/ticket-wizard.element.js';
import '../../widgets/portal-session/define.js';
import '../../widgets/ticket-wizard/define.js';

interface Args {
  signedInAs: string;
  /** UI language; empty: the toolbar's */
  lang: '' | 'de' | 'en';
  latencyMs: number;
  failing: 'nothing' | 'lookups' | 'send-network' | 'send-invalid';
  /** a half-written ticket kept in this tab, shown on this step (0: none) */
  restoredStep: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** many ticket types and areas; a restored draft with many tags and files */
  many: boolean;
  /** no ticket types configured */
  noTypes: boolean;
  /** width of the column the element sits in (CSS length; empty: full width) */
  width: string;
}

const accountIds = Object.fromEntries(demoAccounts.map((a) => [a.email, a.id]));
const storageKey = (accountId: string) => `helpdesk-portal.ticket-wizard.v1:${accountId}`;

function world(args: Args) {
  const w = createWorld();
  if (args.noTypes) w.types.length = 0;
  if (args.many) {
    for (let i = 1; i <= 24; i++) w.types.push({ id: `type-extra-${i}`, de: `Ticketart ${i}`, en: `Ticket type ${i}` });
    for (let i = 1; i <= 16; i++) w.areas.push({ id: `area-extra-${i}`, de: `Bereich ${i}`, en: `Area ${i}` });
  }
  return w;
}

/** Seeds (or clears) the draft this tab keeps for the account, as a reload would find it. */
async function seedDraft(api: FakeApi, args: Args) {
  for (const id of Object.values(accountIds)) sessionStorage.removeItem(storageKey(id));
  const accountId = accountIds[args.signedInAs];
  if (!accountId || args.restoredStep === 0) return;
  const files = args.many
    ? Array.from({ length: 7 }, (_, i) => new File([new Uint8Array(2000 + i * 150_000)], `Protokoll-${i + 1}.log`, { type: 'text/plain' }))
    : [new File([new Uint8Array(48_000)], 'Fehlermeldung.pdf', { type: 'application/pdf' })];
  const uploaded = (await api.uploads.upload(files)).flatMap((i) => (i.attachment ? [{ ...i.attachment }] : []));
  api.calls.length = 0;
  sessionStorage.setItem(
    storageKey(accountId),
    JSON.stringify({
      v: 1,
      step: args.restoredStep - 1,
      reached: args.restoredStep - 1,
      draft: {
        subject: 'VPN-Verbindung bricht im Homeoffice alle 10 Minuten ab',
        tags: args.many ? ['VPN', 'Homeoffice', 'Laptop', 'WLAN', 'Dringend', 'Vertrieb', 'Außendienst', 'Windows 11'] : ['VPN', 'Homeoffice'],
        attachments: uploaded,
        description:
          '<h2>Was passiert</h2><p>Seit Montag bricht die <strong>VPN-Verbindung</strong> alle 10 Minuten ab.</p>' +
          '<ul><li><p>Laptop: ThinkPad T14</p></li><li><p>Netz: WLAN zu Hause</p></li></ul>' +
          '<table><tbody><tr><th><p>Uhrzeit</p></th><th><p>Meldung</p></th></tr><tr><td><p>09:10</p></td><td><p>Tunnel getrennt</p></td></tr></tbody></table>',
        businessPartnerId: '',
        referenceNo: 'PO-2026-0815',
        typeId: 'type-incident',
        areaId: 'area-network',
        urgency: 'high',
        impact: 'medium',
        release: true,
        private: false,
      },
    }),
  );
}

function wizard(args: Args) {
  const api = new FakeApi({
    signedInAs: args.signedInAs || null,
    latencyMs: args.latencyMs,
    world: world(args),
    failures: {
      ...(args.failing === 'lookups' ? { 'lookups.types': 'internal' as const } : {}),
      ...(args.failing === 'send-network' ? { 'tickets.create': 'network' as const } : {}),
      ...(args.failing === 'send-invalid'
        ? {
            'tickets.create': new ApiError({
              status: 422,
              code: 'validation_failed',
              message: 'The request has invalid fields',
              details: { issues: [{ path: 'typeId', message: 'Unknown ticket type' }] },
            }),
          }
        : {}),
    },
  });
  // the session and the wizard start once the kept draft is in place
  const ready = seedDraft(api, args);
  const body = html`<portal-session .api=${api} lang=${args.lang || nothing}><ticket-wizard></ticket-wizard></portal-session>`;
  const page = html`${until(ready.then(() => body), nothing)}`;
  return args.width ? html`<div style="max-width: ${args.width}; border-right: 1px dashed #8a94a3">${page}</div>` : page;
}

/** The wizard once its form shows, and its submit button (Next, or Create on the review). */
async function wizardIn(canvasElement: HTMLElement): Promise<{ el: TicketWizard; submit: HTMLButtonElement }> {
  return waitFor(
    () => {
      const el = canvasElement.querySelector<TicketWizard>('ticket-wizard');
      const submit = el?.hasCustomState('ready') ? el.shadowRoot?.querySelector<HTMLButtonElement>('.actions button[type=submit]') : null;
      if (!el || !submit) throw new Error('not ready yet');
      return { el, submit };
    },
    { timeout: 5000 },
  );
}

const meta: Meta<Args> = {
  title: 'Widgets/ticket-wizard',
  component: 'ticket-wizard',
  render: wizard,
  args: {
    signedInAs: 'erik.editor@nordwind.example',
    lang: '',
    latencyMs: 150,
    failing: 'nothing',
    restoredStep: 0,
    many: false,
    noTypes: false,
    width: '',
  },
  argTypes: {
    signedInAs: { control: 'select', options: demoAccounts.filter((a) => !a.mustChangePassword && a.kind !== 'agent').map((a) => a.email) },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    failing: { control: 'inline-radio', options: ['nothing', 'lookups', 'send-network', 'send-invalid'] },
    restoredStep: { control: { type: 'range', min: 0, max: 6, step: 1 } },
    width: { control: 'text' },
  },
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj<Args>;

/** An editor: tickets go to the partner's dispatchers for release. */
export const Default: Story = {};

export const Dispatcher: Story = { args: { signedInAs: 'dora.dispatcher@nordwind.example', restoredStep: 5 } };

/** An account of two partners: the partner is chosen in step 4; the release option follows it. */
export const TwoPartners: Story = { args: { signedInAs: 'max.multi@mueller-soehne.example', restoredStep: 4 } };

export const Viewer: Story = { args: { signedInAs: 'anna.viewer@nordwind.example' } };

export const EnglishAccount: Story = { args: { signedInAs: 'bob.editor@blueharbor.example', lang: 'en' } };

export const Loading: Story = { args: { latencyMs: 3_600_000 } };

export const LoadError: Story = { name: 'Error', args: { failing: 'lookups' } };

export const Empty: Story = { args: { noTypes: true } };

export const Restored: Story = { args: { restoredStep: 3 } };

export const Review: Story = { args: { restoredStep: 6 } };

export const Many: Story = { args: { many: true, restoredStep: 6 } };

/** Sending fails with a network error: everything stays, with a retry. */
export const SendFails: Story = {
  args: { restoredStep: 6, failing: 'send-network' },
  play: async ({ canvasElement }) => {
    const { el, submit } = await wizardIn(canvasElement);
    submit.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('.send-error')) throw new Error('no error yet');
    });
  },
};

/** The server refuses the ticket type: the wizard returns to step 4 with the message at the field. */
export const ServerRefuses: Story = {
  args: { restoredStep: 6, failing: 'send-invalid' },
  play: async ({ canvasElement }) => {
    const { el, submit } = await wizardIn(canvasElement);
    submit.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('#typeId-error')) throw new Error('no field error yet');
    });
  },
};

/** After sending: the ticket number, its status and where to go next. */
export const Created: Story = {
  args: { restoredStep: 6 },
  play: async ({ canvasElement }) => {
    const { el, submit } = await wizardIn(canvasElement);
    submit.click();
    await waitFor(() => {
      if (!el.hasCustomState('sent')) throw new Error('not sent yet');
    });
  },
};

export const German: Story = { args: { lang: 'de', restoredStep: 4 } };

export const English: Story = { args: { lang: 'en', restoredStep: 4 } };

export const Narrow: Story = { args: { width: '380px', restoredStep: 4 } };
