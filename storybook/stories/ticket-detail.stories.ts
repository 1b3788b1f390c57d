/**
 * <ticket-detail> for the tickets the manual describes (R-TICKET-1..5), against the in-memory
 * fake API: written by the customer, answered by the service desk, closed, rejected, private,
 * and as a viewer sees it; plus loading, error, not found and narrow. Play functions open the
 * close dialog and a preview.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { waitFor } from 'storybook/test';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import { createWorld, samplePngDataUrl, type FakeTicket, type FakeWorld } from '../../widgets/core/fake/world.js';
import type { TicketDetail } from '../../widgets/ticket-detail/ticket-detail.element.js';
import type { PortalRichTextEditor } from '../../widgets/core/rich-text-editor/rich-text-editor.element.js';
import '../../widgets/portal-session/define.js';
import '../../widgets/ticket-detail/define.js';

type Kind = 'customer-authored' | 'agent-replies' | 'closed' | 'rejected' | 'private' | 'missing';

interface Args {
  signedInAs: string;
  /** empty: the page's language (toolbar) */
  lang: '' | 'de' | 'en';
  latencyMs: number;
  failing: 'nothing' | 'load' | 'send';
  /** which ticket of the fake world */
  ticket: Kind;
  /** width of the column the element sits in (CSS length; empty: full width) */
  width: string;
}

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The demo world plus a conversation on Erik's VPN ticket (replies, a screenshot, a log). */
function world(): FakeWorld {
  const w = createWorld();
  const t = w.tickets.find((x) => x.authorId === 'acc-erik' && x.status === 'in_progress')!;
  let at = new Date(t.updatedAt).getTime();
  const next = () => (at += 3 * HOUR);
  const say = (authorId: string, kind: 'customer' | 'agent', body: string) =>
    w.positions.push({ id: `pos-story-${w.positions.length}`, ticketId: t.id, authorId, kind, event: null, data: null, bodyHtml: body, internal: false, createdAt: iso(next()) });
  say('acc-erik', 'customer', '<p>Es passiert vor allem nach der Mittagspause. Anbei ein Screenshot der Meldung.</p>');
  w.attachments.push({
    id: 'attstory0001', ticketId: t.id, positionId: w.positions.at(-1)!.id, uploadedBy: 'acc-erik', fileName: 'VPN-Fehler.png',
    contentType: 'image/png', size: 81, createdAt: iso(at), internal: false, dataUrl: samplePngDataUrl,
  });
  say('acc-alex', 'agent', '<p>Danke! Bitte installieren Sie den neuen Client:</p><ol><li>Programm schließen</li><li>Update starten</li><li>Neu anmelden</li></ol>');
  w.positions.push({ id: 'pos-story-status', ticketId: t.id, authorId: 'acc-alex', kind: 'system', event: 'status_changed', data: { from: 'in_progress', to: 'waiting_for_customer' }, bodyHtml: '', internal: false, createdAt: iso(at) });
  t.status = 'waiting_for_customer';
  w.attachments.push({
    id: 'attstory0002', ticketId: t.id, positionId: null, uploadedBy: 'acc-erik', fileName: 'vpn-client.log',
    contentType: 'text/plain', size: 18_432, createdAt: iso(next()), internal: false, dataUrl: 'data:text/plain;charset=utf-8,VPN-Protokoll',
  });
  w.positions.push({ id: 'pos-story-files', ticketId: t.id, authorId: 'acc-erik', kind: 'system', event: 'attachments_added', data: { files: ['vpn-client.log'] }, bodyHtml: '', internal: false, createdAt: iso(at) });
  t.updatedAt = iso(at);
  return w;
}

function pick(w: FakeWorld, kind: Kind): FakeTicket | undefined {
  const nordwind = w.tickets.filter((t) => t.businessPartnerId === 'bp-nordwind');
  switch (kind) {
    case 'customer-authored':
      return nordwind.find((t) => t.authorId === 'acc-erik' && t.status === 'new') ?? nordwind.find((t) => t.status === 'new');
    case 'agent-replies':
      return nordwind.find((t) => t.authorId === 'acc-erik' && t.status === 'waiting_for_customer');
    case 'closed':
      return nordwind.find((t) => t.status === 'closed' && !t.private);
    case 'rejected':
      return nordwind.find((t) => t.status === 'release_rejected' && t.authorId === 'acc-erik');
    case 'private':
      return nordwind.find((t) => t.private && t.authorId === 'acc-erik');
    default:
      return undefined;
  }
}

function detail(args: Args) {
  const failures: FakeApi['failures'] = {};
  if (args.failing === 'load') failures['tickets.get'] = 'internal';
  if (args.failing === 'send') failures['tickets.addPosition'] = failures['tickets.close'] = 'network';
  const w = world();
  const api = new FakeApi({ signedInAs: args.signedInAs || null, latencyMs: args.latencyMs, world: w, failures });
  const t = pick(w, args.ticket);
  return html`<div style="max-width: ${args.width || 'none'}; padding: 1rem">
    <portal-session .api=${api} lang=${args.lang || nothing}>
      <ticket-detail ticket-id=${t?.id ?? 'no-such-ticket'}></ticket-detail>
    </portal-session>
  </div>`;
}

async function detailOf(canvasElement: HTMLElement): Promise<TicketDetail> {
  const el = canvasElement.querySelector<TicketDetail>('ticket-detail')!;
  await waitFor(
    () => {
      if (!el.shadowRoot?.querySelector('#title')) throw new Error('the ticket is not shown yet');
    },
    { timeout: 5000 },
  );
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/ticket-detail',
  component: 'ticket-detail',
  render: detail,
  args: {
    signedInAs: 'erik.editor@nordwind.example',
    lang: '',
    latencyMs: 150,
    failing: 'nothing',
    ticket: 'agent-replies',
    width: '',
  },
  argTypes: {
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    failing: { control: 'inline-radio', options: ['nothing', 'load', 'send'] },
    ticket: { control: 'select', options: ['customer-authored', 'agent-replies', 'closed', 'rejected', 'private', 'missing'] },
    width: { control: 'text' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

/** Erik's ticket with the service desk's answers, a screenshot and a log file. */
export const Default: Story = {};
export const AgentReplies: Story = {};
/** A new ticket only its author has written to so far. */
export const CustomerAuthored: Story = { args: { ticket: 'customer-authored' } };
/** Closed with a reason: "Reopen" instead of the composer. */
export const Closed: Story = { args: { ticket: 'closed' } };
/** The dispatcher rejected the release: the reason and "Resubmit". */
export const Rejected: Story = { args: { ticket: 'rejected' } };
export const Private: Story = { args: { ticket: 'private' } };
/** Anna, viewer: read only, with a note why. */
export const Viewer: Story = { args: { signedInAs: 'anna.viewer@nordwind.example', ticket: 'closed' } };
export const Loading: Story = { args: { latencyMs: 3_600_000 } };
export const ErrorState: Story = { name: 'Error', args: { failing: 'load' } };
/** A ticket that does not exist or may not be seen. */
export const NotFound: Story = { args: { ticket: 'missing' } };
export const Narrow: Story = { args: { width: '390px' } };
/** "Close ticket" with too short a reason: the counter and the message at the field. */
export const CloseDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = await detailOf(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=close]')!.click();
    const reason = await waitFor(() => {
      const t = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reason');
      if (!t || !el.shadowRoot!.querySelector<HTMLDialogElement>('#reason-dialog')!.open) throw new Error('no dialog yet');
      return t;
    });
    reason.value = 'erledigt';
    reason.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('#reason-dialog button[type=submit]')!.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('#reason-issue')) throw new Error('no issue shown');
    });
  },
};
/** The network fails while sending: the draft stays, with the reason. */
export const SendFails: Story = {
  args: { failing: 'send' },
  play: async ({ canvasElement }) => {
    const el = await detailOf(canvasElement);
    await customElements.whenDefined('portal-rich-text-editor');
    // the composer comes with its own module, after the history
    const editor = await waitFor(() => {
      const e = el.shadowRoot!.querySelector<PortalRichTextEditor>('portal-rich-text-editor');
      if (!e) throw new Error('no composer yet');
      return e;
    });
    editor.value = '<p>Der Client ist installiert, der Fehler bleibt.</p>';
    editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.composer button[type=submit]')!.click();
    await waitFor(
      () => {
        if (!el.shadowRoot!.querySelector('.composer .alert')) throw new Error('no error yet');
      },
      { timeout: 5000 },
    );
  },
};
/** The screenshot in the larger view. */
export const Preview: Story = {
  play: async ({ canvasElement }) => {
    const el = await detailOf(canvasElement);
    const thumb = await waitFor(() => {
      const b = el.shadowRoot!.querySelector<HTMLButtonElement>('.thumb');
      if (!b) throw new Error('no thumbnail yet');
      return b;
    });
    thumb.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('#preview-dialog img')) throw new Error('no preview yet');
    });
  },
};
