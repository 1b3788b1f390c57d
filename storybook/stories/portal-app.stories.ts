/**
 * The standalone portal shell inside <portal-session>, per role (navigation follows the
 * account's capabilities), against the in-memory fake API.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import '../../widgets/portal-session/define.js';
import '../../widgets/portal-app/define.js';

interface Args {
  signedInAs: string;
  /** empty: the account's language (the toolbar's until signed in) */
  lang: '' | 'de' | 'en';
  latencyMs: number;
  /** the view to open (location hash) */
  view: 'dashboard' | 'create' | 'board' | 'approvals' | 'kb' | 'plan';
}

function portal(args: Args) {
  history.replaceState(null, '', `#/${args.view}`);
  const api = new FakeApi({ signedInAs: args.signedInAs || null, latencyMs: args.latencyMs });
  return html`<portal-session .api=${api} lang=${args.lang || nothing}>
    <portal-app></portal-app>
  </portal-session>`;
}

const meta: Meta<Args> = {
  title: 'Session/portal-app',
  component: 'portal-app',
  render: portal,
  args: { signedInAs: 'dora.dispatcher@nordwind.example', lang: '', latencyMs: 200, view: 'dashboard' },
  argTypes: {
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
    view: { control: 'select', options: ['dashboard', 'create', 'board', 'approvals', 'kb', 'plan'] },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

export const Dispatcher: Story = {};
export const Editor: Story = { args: { signedInAs: 'erik.editor@nordwind.example' } };
export const Viewer: Story = { args: { signedInAs: 'anna.viewer@nordwind.example' } };
export const TwoPartners: Story = { args: { signedInAs: 'max.multi@mueller-soehne.example' } };
export const EnglishAccount: Story = { args: { signedInAs: 'bob.editor@blueharbor.example' } };
export const Agent: Story = { args: { signedInAs: 'alex.agent@servicedesk.example' } };
export const SignedOut: Story = { args: { signedInAs: '' } };
export const Loading: Story = { args: { latencyMs: 3_600_000 } };
export const German: Story = { args: { lang: 'de', view: 'board' } };
export const English: Story = { args: { lang: 'en', view: 'board' } };
export const Narrow: Story = {
  args: { signedInAs: 'erik.editor@nordwind.example' },
  render: (args) => html`<div style="max-width: 380px; min-height: 600px; border-right: 1px dashed #8a94a3">${portal(args)}</div>`,
};
