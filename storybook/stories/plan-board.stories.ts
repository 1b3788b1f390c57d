/**
 * <plan-board> in each of its states against the in-memory fake API (R-PLAN-1..5). The args drive
 * the fake (who is signed in, latency, failures, many activities) and the element (a board to
 * open, the view, the timeline's scale, the width of its column). The Conflict story's play
 * function changes an activity behind the board's back and saves over it (409).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { waitFor } from 'storybook/test';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import { createWorld } from '../../widgets/core/fake/world.js';
import type { Priority } from '../../widgets/core/api.js';
import type { PlanBoard } from '../../widgets/plan-board/plan-board.element.js';
import '../../widgets/plan-board/define.js';

interface Args {
  signedInAs: string;
  /** the board-id attribute; empty: the overview */
  boardId: '' | 'pb-rollout' | 'pb-dc';
  view: 'board' | 'timeline';
  timelineScale: 'day' | 'week' | 'month';
  latencyMs: number;
  failing: 'nothing' | 'boards' | 'board' | 'saving';
  /** 40 more activities in five columns */
  many: boolean;
  /** width of the column the element sits in (CSS length; empty: full width) */
  width: string;
}

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** The demo world, optionally with a crowded board. */
function world(many: boolean) {
  const w = createWorld();
  if (!many) return w;
  w.columns.push({ id: 'pb-rollout-c3', boardId: 'pb-rollout', title: 'Abnahme', sort: 3 }, { id: 'pb-rollout-c4', boardId: 'pb-rollout', title: 'Zurückgestellt', sort: 4 });
  const titles = ['Welle', 'Test Fachanwendung', 'Schulung', 'Inventur', 'Treiberpaket', 'Rückbau Altgeräte', 'Abstimmung Betriebsrat über die Einführung neuer Arbeitsplatzrechner im Außendienst'];
  const priorities: Priority[] = ['low', 'medium', 'high', 'critical'];
  for (let i = 0; i < 40; i++) {
    const column = `pb-rollout-c${i % 5}`;
    const start = -30 + i * 3;
    w.activities.push({
      id: `pa-many-${i}`,
      boardId: 'pb-rollout',
      columnId: column,
      title: `${titles[i % titles.length]} ${i + 1}`,
      description: '',
      startDate: day(start),
      endDate: day(start + (i % 9)),
      durationHours: 4 + (i % 7) * 6,
      priority: priorities[i % 4]!,
      ticketId: null,
      sort: w.activities.filter((a) => a.columnId === column).length,
      createdAt: new Date(Date.now() - 40 * DAY).toISOString(),
      updatedAt: new Date(Date.now() - (i % 10) * DAY).toISOString(),
      version: 1,
    });
  }
  return w;
}

function board(args: Args) {
  const failure = { boards: 'plan.boards', board: 'plan.board', saving: 'plan.patchActivity' } as const;
  const api = new FakeApi({
    signedInAs: args.signedInAs || null,
    latencyMs: args.latencyMs,
    world: world(args.many),
    failures: args.failing === 'nothing' ? {} : { [failure[args.failing]]: 'internal' as const },
  });
  return html`<div style="max-width: ${args.width || 'none'}; border-right: ${args.width ? '1px dashed #8a94a3' : 'none'}">
    <plan-board .api=${api} board-id=${args.boardId || nothing} view=${args.view} timeline-scale=${args.timelineScale}></plan-board>
  </div>`;
}

const meta: Meta<Args> = {
  title: 'Widgets/plan-board',
  component: 'plan-board',
  render: board,
  args: {
    signedInAs: 'dora.dispatcher@nordwind.example',
    boardId: '',
    view: 'board',
    timelineScale: 'week',
    latencyMs: 200,
    failing: 'nothing',
    many: false,
    width: '',
  },
  argTypes: {
    signedInAs: { control: 'select', options: demoAccounts.map((a) => a.email) },
    boardId: { control: 'inline-radio', options: ['', 'pb-rollout', 'pb-dc'] },
    view: { control: 'inline-radio', options: ['board', 'timeline'] },
    timelineScale: { control: 'inline-radio', options: ['day', 'week', 'month'] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
    failing: { control: 'inline-radio', options: ['nothing', 'boards', 'board', 'saving'] },
    many: { control: 'boolean' },
    width: { control: 'text' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

const element = (canvas: HTMLElement) => canvas.querySelector<PlanBoard>('plan-board')!;
const ready = (el: PlanBoard) => waitFor(() => {
  if (!el.hasCustomState('ready') && !el.hasCustomState('empty')) throw new Error('still loading');
});

/** The overview of the user's boards (R-PLAN-2). */
export const Overview: Story = {};

/** A board as its editor sees it: move buttons, draggable cards, editable details (R-PLAN-3, R-PLAN-5). */
export const BoardEditor: Story = { args: { boardId: 'pb-rollout' } };

/** The same board, read only for an observer (R-PLAN-5). */
export const BoardObserver: Story = { args: { signedInAs: 'anna.viewer@nordwind.example', boardId: 'pb-rollout' } };

/** The activities on a time axis, coloured by priority, with today marked. */
export const Timeline: Story = { args: { boardId: 'pb-rollout', view: 'timeline' } };

/** The timeline by days. */
export const TimelineDays: Story = { args: { boardId: 'pb-rollout', view: 'timeline', timelineScale: 'day' } };

/** An activity's details opened (editor). */
export const Details: Story = {
  args: { boardId: 'pb-rollout', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await ready(el);
    await el.openActivity('pa-1');
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector<HTMLDialogElement>('dialog#detail')?.open) throw new Error('details not open');
    });
  },
};

/** Someone else saved a change meanwhile: theirs next to mine, keep theirs or apply mine again (409). */
export const Conflict: Story = {
  args: { boardId: 'pb-rollout', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await ready(el);
    await el.openActivity('pa-2');
    const root = el.shadowRoot!;
    await waitFor(() => {
      if (!root.querySelector('#priority')) throw new Error('no form');
    });
    const priority = root.querySelector<HTMLSelectElement>('#priority')!;
    priority.value = 'critical';
    priority.dispatchEvent(new Event('change', { bubbles: true }));
    // behind the board's back: another editor moves the end date
    const api = el.api as FakeApi;
    const theirs = api.world.activities.find((a) => a.id === 'pa-2')!;
    theirs.endDate = new Date(Date.parse(`${theirs.endDate}T00:00:00Z`) + 5 * DAY).toISOString().slice(0, 10);
    theirs.version++;
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('dialog#detail button[type=submit]')!.click();
    await waitFor(() => {
      if (!root.querySelector<HTMLDialogElement>('dialog#conflict')?.open) throw new Error('no conflict dialog');
    });
  },
};

/** Saving fails: the move goes back and the board says why. */
export const SavingFails: Story = {
  args: { boardId: 'pb-rollout', failing: 'saving', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await ready(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-card="pa-3"] .move')!.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector<HTMLDialogElement>('dialog#move')?.open) throw new Error('no move dialog');
    });
    const column = el.shadowRoot!.querySelector<HTMLSelectElement>('#move-column')!;
    column.value = 'pb-rollout-c1';
    column.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog#move button[type=submit]')!.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('.board [role=alert]')) throw new Error('no error shown');
    });
  },
};

export const Loading: Story = { args: { latencyMs: 3_600_000 } };
export const LoadingBoard: Story = { args: { boardId: 'pb-rollout', latencyMs: 3_600_000 } };
export const LoadError: Story = { name: 'Error', args: { failing: 'boards' } };
export const BoardLoadError: Story = { name: 'Error (board)', args: { boardId: 'pb-rollout', failing: 'board' } };

/** A user on no plan board (Blue Harbor has none). */
export const Empty: Story = { args: { signedInAs: 'bob.editor@blueharbor.example' } };

/** Five columns and 44 activities. */
export const Many: Story = { args: { boardId: 'pb-rollout', many: true } };
export const ManyTimeline: Story = { args: { boardId: 'pb-rollout', many: true, view: 'timeline' } };

/** In a narrow column (390 px): columns stack. */
export const Narrow: Story = { args: { boardId: 'pb-rollout', width: '390px' } };
export const NarrowTimeline: Story = { args: { boardId: 'pb-rollout', width: '390px', view: 'timeline' } };
