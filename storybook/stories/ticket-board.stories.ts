/**
 * <ticket-board> in each of its states against the in-memory fake API (R-BOARD-1..5). The args
 * drive the fake (who is signed in, latency, failures, how many tickets) and the element (query,
 * page size, the width of its column); play functions page through, sort, and open a ticket.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { waitFor } from 'storybook/test';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import { createEmptyWorld, createWorld, type FakeWorld } from '../../widgets/core/fake/world.js';
import type { TicketBoard } from '../../widgets/ticket-board/ticket-board.element.js';
import '../../widgets/portal-session/define.js';
import '../../widgets/ticket-board/define.js';

interface Args {
  signedInAs: string;
  /** empty: the page's language (toolbar) */
  lang: '' | 'de' | 'en';
  latencyMs: number;
  failing: 'nothing' | 'list' | 'queries';
  /** the tickets behind the board: none, the demo's, or 300 more */
  tickets: 'none' | 'demo' | 'many';
  /** the query selected first (`query` attribute) */
  query: '' | 'open' | 'mine' | 'waiting_for_us' | 'awaiting_release' | 'high_priority' | 'closed_30d' | 'all';
  pageSize: 10 | 25 | 50 | 100;
  /** width of the column the element sits in (CSS length; empty: full width) */
  width: string;
}

const HOUR = 3_600_000;

function world(tickets: Args['tickets']): FakeWorld {
  if (tickets === 'none') return createEmptyWorld();
  const w = createWorld();
  if (tickets === 'many') {
    const templates = w.tickets.filter((t) => t.businessPartnerId === 'bp-nordwind' && t.releasedAt && !t.private);
    const statuses = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'] as const;
    for (let i = 0; i < 300; i++) {
      const t = templates[i % templates.length]!;
      const at = new Date(Date.now() - (i + 2) * 7 * HOUR).toISOString();
      w.tickets.push({
        ...t,
        id: `t-many-${i}`,
        number: w.nextNumber++,
        subject: `${t.subject} (${i + 1})`,
        status: statuses[i % statuses.length]!,
        priority: (['low', 'medium', 'high', 'critical'] as const)[i % 4]!,
        authorId: ['acc-erik', 'acc-jana', 'acc-uwe', 'acc-dora'][i % 4]!,
        createdAt: at,
        updatedAt: at,
        tags: [...t.tags],
      });
    }
  }
  return w;
}

function board(args: Args) {
  const failures: FakeApi['failures'] = {};
  if (args.failing === 'list') failures['tickets.list'] = 'internal';
  if (args.failing === 'queries') failures['queries.list'] = 'network';
  const api = new FakeApi({ signedInAs: args.signedInAs || null, latencyMs: args.latencyMs, world: world(args.tickets), failures });
  return html`<div style="max-width: ${args.width || 'none'}; padding: 1rem">
    <portal-session .api=${api} lang=${args.lang || nothing}>
      <ticket-board query=${args.query || nothing} page-size=${args.pageSize}></ticket-board>
    </portal-session>
  </div>`;
}

async function boardOf(canvasElement: HTMLElement): Promise<TicketBoard> {
  const el = canvasElement.querySelector<TicketBoard>('ticket-board')!;
  await waitFor(
    () => {
      if (!el.shadowRoot?.querySelector('tbody tr.row')) throw new Error('no rows yet');
    },
    { timeout: 5000 },
  );
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/ticket-board',
  component: 'ticket-board',
  render: board,
  args: {
    signedInAs: 'dora.dispatcher@nordwind.example',
    lang: '',
    latencyMs: 150,
    failing: 'nothing',
    tickets: 'demo',
    query: '',
    pageSize: 25,
    width: '',
  },
  argTypes: {
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    failing: { control: 'inline-radio', options: ['nothing', 'list', 'queries'] },
    tickets: { control: 'inline-radio', options: ['none', 'demo', 'many'] },
    query: { control: 'select', options: ['', 'open', 'mine', 'waiting_for_us', 'awaiting_release', 'high_priority', 'closed_30d', 'all'] },
    pageSize: { control: 'inline-radio', options: [10, 25, 50, 100] },
    width: { control: 'text' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

/** Dora, dispatcher of Nordwind: every ticket she may see, newest update first. */
export const Default: Story = {};
/** No tickets yet: the board offers to create the first one. */
export const Empty: Story = { args: { tickets: 'none' } };
export const Loading: Story = { args: { latencyMs: 3_600_000 } };
export const ErrorState: Story = { name: 'Error', args: { failing: 'list' } };
/** The queries fail; the list still works. */
export const QueriesFail: Story = { args: { failing: 'queries' } };
/** 300 more tickets, ten per page; the play function goes to page 2. */
export const Many: Story = {
  args: { tickets: 'many', pageSize: 10 },
  play: async ({ canvasElement }) => {
    const el = await boardOf(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.pager .next')!.click();
    await waitFor(() => {
      if (!/ 2 /.test(el.shadowRoot!.querySelector('.page-of')?.textContent ?? '')) throw new Error('still on page 1');
    });
  },
};
/** Sorted by subject (a click on the column header), remembered for this query. */
export const SortedBySubject: Story = {
  play: async ({ canvasElement }) => {
    const el = await boardOf(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-sort=subject]')!.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('th[aria-sort=ascending] button[data-sort=subject]')) throw new Error('not sorted yet');
    });
  },
};
/** Searching "drucker" within "Open tickets". */
export const Search: Story = {
  args: { query: 'open' },
  play: async ({ canvasElement }) => {
    const el = await boardOf(canvasElement);
    const before = el.shadowRoot!.querySelector('.summary')?.textContent;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    input.value = 'drucker';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(() => {
      if (el.shadowRoot!.querySelector('.summary')?.textContent === before) throw new Error('not searched yet');
    });
  },
};
/** A ticket opened in place, with the way back to the list. */
export const TicketInPlace: Story = {
  play: async ({ canvasElement }) => {
    const el = await boardOf(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('tbody tr.row button.open')!.click();
    await waitFor(
      () => {
        const detail = el.shadowRoot!.querySelector('ticket-detail');
        if (!detail?.shadowRoot?.querySelector('#title')) throw new Error('the ticket is not open yet');
      },
      { timeout: 5000 },
    );
  },
};
export const Narrow: Story = { args: { width: '390px' } };
export const Medium: Story = { args: { width: '900px' } };
export const Dispatcher: Story = {};
/** Erik, editor: his own private ticket carries a lock. */
export const Editor: Story = { args: { signedInAs: 'erik.editor@nordwind.example' } };
/** Anna, viewer: the same board, read only in the ticket. */
export const Viewer: Story = { args: { signedInAs: 'anna.viewer@nordwind.example' } };
/** Max belongs to two business partners: a partner column. */
export const TwoPartners: Story = { args: { signedInAs: 'max.multi@mueller-soehne.example' } };
export const EnglishAccount: Story = { args: { signedInAs: 'bob.editor@blueharbor.example', lang: 'en' } };
