/**
 * <portal-dashboard> in each of its states and for each role against the in-memory fake API
 * (R-DASH-1..4). The args drive the fake (who is signed in, latency, failures, an empty or a
 * busy world) and the element (the time of day of the greeting, the scope, the column width).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import { createEmptyWorld, createWorld, type FakeWorld } from '../../widgets/core/fake/world.js';
import type { PortalDashboard } from '../../widgets/portal-dashboard/portal-dashboard.element.js';
import '../../widgets/portal-dashboard/define.js';

interface Args {
  signedInAs: string;
  latencyMs: number;
  failing: boolean;
  /** `empty`: no tickets at all; `many`: 120 more tickets over the last twelve weeks */
  data: 'demo' | 'empty' | 'many';
  /** hour of the day of the greeting (local time) */
  hour: number;
  scope: 'mine' | 'all';
  /** width of the column the element sits in (CSS length; empty: full width) */
  width: string;
}

const DAY = 86_400_000;

function world(data: Args['data']): FakeWorld {
  if (data === 'empty') return createEmptyWorld();
  const w = createWorld();
  if (data === 'many') {
    const statuses = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed', 'closed', 'closed'] as const;
    const types = w.types.map((t) => t.id);
    const template = w.tickets.find((t) => t.businessPartnerId === 'bp-nordwind' && t.releasedAt)!;
    for (let i = 0; i < 120; i++) {
      const created = Date.now() - ((i * 7) % 83) * DAY - (i % 5) * 3_600_000;
      const status = statuses[i % statuses.length]!;
      w.tickets.push({
        ...template,
        id: `t-many-${i}`,
        number: w.nextNumber++,
        subject: `Generated ticket ${i + 1}`,
        authorId: i % 2 ? 'acc-dora' : 'acc-erik',
        typeId: types[(i * 3) % types.length]!,
        status,
        closedAt: status === 'closed' ? new Date(Math.min(Date.now() - 3_600_000, created + ((i % 9) + 1) * DAY)).toISOString() : null,
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(created).toISOString(),
        tags: [],
      });
    }
  }
  return w;
}

function dashboard(args: Args) {
  const api = new FakeApi({
    signedInAs: args.signedInAs || null,
    latencyMs: args.latencyMs,
    world: world(args.data),
    failures: args.failing ? { 'dashboard.get': 'internal' } : {},
  });
  const now = new Date();
  now.setHours(args.hour, 15, 0, 0);
  return html`<div style="max-width: ${args.width || 'none'}; padding: 1rem">
    <portal-dashboard .api=${api} .now=${now} scope=${args.scope}></portal-dashboard>
  </div>`;
}

const meta: Meta<Args> = {
  title: 'Widgets/portal-dashboard',
  component: 'portal-dashboard',
  render: dashboard,
  args: {
    signedInAs: 'dora.dispatcher@nordwind.example',
    latencyMs: 150,
    failing: false,
    data: 'demo',
    hour: 10,
    scope: 'mine',
    width: '',
  },
  argTypes: {
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    data: { control: 'inline-radio', options: ['demo', 'empty', 'many'] },
    hour: { control: { type: 'range', min: 0, max: 23, step: 1 } },
    scope: { control: 'inline-radio', options: ['mine', 'all'] },
    width: { control: 'text' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

/** Dora, dispatcher of Nordwind, in the morning: her queue, history, statistics, quick links. */
export const Default: Story = {};
export const Empty: Story = { args: { signedInAs: 'erik.editor@nordwind.example', data: 'empty' } };
export const Loading: Story = { args: { latencyMs: 3_600_000 } };
export const ErrorState: Story = { name: 'Error', args: { failing: true } };
export const Many: Story = { args: { data: 'many', scope: 'all' } };
export const Narrow: Story = { args: { width: '390px' } };
export const Afternoon: Story = { args: { hour: 15 } };
export const Evening: Story = { args: { hour: 21 } };
export const AllTickets: Story = { args: { scope: 'all' } };
/** The numbers as tables instead of charts. */
export const AsTables: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<PortalDashboard>('portal-dashboard')!;
    const toggle = await waitFor(() => {
      const b = el.shadowRoot?.querySelector<HTMLButtonElement>('.stats-tools button[aria-pressed]');
      if (!b) throw new Error('no statistics yet');
      return b;
    });
    toggle.click();
  },
};
export const Dispatcher: Story = {};
/** An editor sees how many of the own tickets await release (one click to the board). */
export const Editor: Story = { args: { signedInAs: 'erik.editor@nordwind.example' } };
/** A viewer: no release count. */
export const Viewer: Story = { args: { signedInAs: 'anna.viewer@nordwind.example' } };
export const TwoPartners: Story = { args: { signedInAs: 'max.multi@mueller-soehne.example' } };
export const EnglishAccount: Story = { args: { signedInAs: 'bob.editor@blueharbor.example' } };
