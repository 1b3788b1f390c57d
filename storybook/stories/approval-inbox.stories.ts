/**
 * <approval-inbox> in each of its states against the in-memory fake API (R-APPROVE-1/2). The args
 * drive the fake (who is signed in, latency, failures, how many tickets await release) and the
 * element (a ticket to open, the width of its column); play functions open the reason dialog.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { waitFor } from 'storybook/test';
import { ApiError } from '../../widgets/core/api.js';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import { createWorld, type FakeWorld } from '../../widgets/core/fake/world.js';
import type { ApprovalInbox } from '../../widgets/approval-inbox/approval-inbox.element.js';
import '../../widgets/approval-inbox/define.js';

interface Args {
  signedInAs: string;
  latencyMs: number;
  /** `decision-conflict`: someone else decided every ticket first (409 on release and reject) */
  failing: 'nothing' | 'list' | 'decision-conflict' | 'decision-network';
  /** how many tickets await release: `none`, the demo's, or 40 more */
  queue: 'none' | 'demo' | 'many';
  /** open the newest ticket at once (the ticket-id attribute) */
  open: boolean;
  /** width of the column the element sits in (CSS length; empty: full width) */
  width: string;
}

const DAY = 86_400_000;

const subjects = [
  'Neuer Arbeitsplatz für die Auszubildende im Lager',
  'Zugriff auf das Laufwerk Q: für das Controlling',
  'Bestellung: 3 Dockingstationen für die Buchhaltung',
  'VPN-Zugang für den externen Dienstleister freischalten',
  'Softwareinstallation: Visio für die Arbeitsvorbereitung',
  'Freigabe des Postfachs „Bewerbungen“ für das Personalbüro',
];

function world(queue: Args['queue']): FakeWorld {
  const w = createWorld();
  if (queue === 'none') {
    for (const t of w.tickets) if (t.status === 'awaiting_release') t.status = 'new';
    return w;
  }
  if (queue === 'many') {
    const template = w.tickets.find((t) => t.status === 'awaiting_release' && t.businessPartnerId === 'bp-nordwind')!;
    for (let i = 0; i < 40; i++) {
      const created = new Date(Date.now() - (i + 4) * DAY / 3).toISOString();
      w.tickets.push({
        ...template,
        id: `t-many-${i}`,
        number: w.nextNumber++,
        subject: `${subjects[i % subjects.length]} (${i + 1})`,
        authorId: ['acc-erik', 'acc-jana', 'acc-uwe'][i % 3]!,
        priority: (['low', 'medium', 'high', 'critical'] as const)[i % 4]!,
        private: i % 7 === 3,
        typeId: ['type-request', 'type-order', 'type-incident'][i % 3]!,
        createdAt: created,
        updatedAt: created,
        tags: [],
      });
    }
  }
  return w;
}

function inbox(args: Args) {
  const failures: FakeApi['failures'] = {};
  if (args.failing === 'list') failures['tickets.list'] = 'internal';
  if (args.failing === 'decision-network') failures['tickets.release'] = failures['tickets.reject'] = 'network';
  if (args.failing === 'decision-conflict') {
    const conflict = new ApiError({ status: 409, code: 'conflict', message: 'The ticket no longer awaits release' });
    failures['tickets.release'] = failures['tickets.reject'] = conflict;
  }
  const w = world(args.queue);
  const api = new FakeApi({ signedInAs: args.signedInAs || null, latencyMs: args.latencyMs, world: w, failures });
  const newest = w.tickets
    .filter((t) => t.status === 'awaiting_release' && t.businessPartnerId === 'bp-nordwind')
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  return html`<div style="max-width: ${args.width || 'none'}; padding: 1rem">
    <approval-inbox .api=${api} ticket-id=${args.open && newest ? newest.id : nothing}></approval-inbox>
  </div>`;
}

/** Opens the newest ticket and its "Release ticket" dialog, like a dispatcher would. */
async function openDialog(canvasElement: HTMLElement, type?: string) {
  const el = canvasElement.querySelector<ApprovalInbox>('approval-inbox')!;
  const open = await waitFor(() => {
    const b = el.shadowRoot?.querySelector<HTMLButtonElement>('.list .open');
    if (!b) throw new Error('no list yet');
    return b;
  });
  open.click();
  const release = await waitFor(
    () => {
      const b = el.shadowRoot?.querySelector<HTMLButtonElement>('button[data-action=release]');
      if (!b) throw new Error('the ticket is not open yet');
      return b;
    },
    { timeout: 5000 },
  );
  release.click();
  const reason = await waitFor(() => {
    const t = el.shadowRoot?.querySelector<HTMLTextAreaElement>('#reason');
    if (!t || !el.shadowRoot!.querySelector<HTMLDialogElement>('#decision-dialog')!.open) throw new Error('no dialog yet');
    return t;
  });
  if (type !== undefined) {
    reason.value = type;
    reason.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/approval-inbox',
  component: 'approval-inbox',
  render: inbox,
  args: {
    signedInAs: 'dora.dispatcher@nordwind.example',
    latencyMs: 150,
    failing: 'nothing',
    queue: 'demo',
    open: false,
    width: '',
  },
  argTypes: {
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    failing: { control: 'inline-radio', options: ['nothing', 'list', 'decision-conflict', 'decision-network'] },
    queue: { control: 'inline-radio', options: ['none', 'demo', 'many'] },
    width: { control: 'text' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

/** Dora, dispatcher of Nordwind: three tickets await her release. */
export const Default: Story = {};
export const Empty: Story = { args: { queue: 'none' } };
export const Loading: Story = { args: { latencyMs: 3_600_000 } };
export const ErrorState: Story = { name: 'Error', args: { failing: 'list' } };
export const Many: Story = { args: { queue: 'many' } };
export const Narrow: Story = { args: { width: '390px' } };
export const NarrowOpen: Story = { args: { width: '390px', open: true } };
/** The newest ticket in full, with "Release ticket" and "Reject". */
export const TicketOpen: Story = { args: { open: true } };
/** The reason dialog, empty reason sent: told at the field. */
export const ReasonRequired: Story = {
  play: async ({ canvasElement }) => {
    const el = await openDialog(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#decision-dialog button[type=submit]')!.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('#reason-issue')) throw new Error('no issue shown');
    });
  },
};
export const ReleaseDialog: Story = {
  play: async ({ canvasElement }) => {
    await openDialog(canvasElement, 'Kostenstelle passt, bitte bearbeiten.');
  },
};
/** Someone else decided first: the 409 is explained and the list reloaded. */
export const DecidedMeanwhile: Story = {
  args: { failing: 'decision-conflict' },
  play: async ({ canvasElement }) => {
    const el = await openDialog(canvasElement, 'Passt so.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#decision-dialog button[type=submit]')!.click();
    await waitFor(
      () => {
        if (!el.shadowRoot!.querySelector('[part=notice]')) throw new Error('no notice yet');
      },
      { timeout: 5000 },
    );
  },
};
/** The network fails while deciding: the dialog keeps the reason and says why. */
export const DecisionFails: Story = {
  args: { failing: 'decision-network' },
  play: async ({ canvasElement }) => {
    const el = await openDialog(canvasElement, 'Passt so.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#decision-dialog button[type=submit]')!.click();
    await waitFor(
      () => {
        if (!el.shadowRoot!.querySelector('#decision-dialog .alert')) throw new Error('no error yet');
      },
      { timeout: 5000 },
    );
  },
};
export const Dispatcher: Story = {};
/** Max: editor of Müller & Söhne, dispatcher of Blue Harbor — only Blue Harbor's queue. */
export const TwoPartners: Story = { args: { signedInAs: 'max.multi@mueller-soehne.example' } };
/** Editors and viewers release nothing: a short explanation. */
export const Editor: Story = { args: { signedInAs: 'erik.editor@nordwind.example' } };
export const Viewer: Story = { args: { signedInAs: 'anna.viewer@nordwind.example' } };
