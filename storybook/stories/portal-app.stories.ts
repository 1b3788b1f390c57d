/**
 * The standalone portal shell inside <portal-session>, per role (navigation follows the
 * account's capabilities), against the in-memory fake API; and its "Your account" settings
 * (`#/settings`: notifications, language, password change) in their states.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import { localeReady } from '../../widgets/core/localization.js';
import '../../widgets/portal-session/define.js';
import '../../widgets/portal-app/define.js';

interface Args {
  signedInAs: string;
  /** empty: the account's language (the toolbar's until signed in) */
  lang: '' | 'de' | 'en';
  latencyMs: number;
  /** the view to open (location hash) */
  view: 'dashboard' | 'create' | 'board' | 'approvals' | 'kb' | 'plan' | 'settings';
  /** a fake call that fails (with a server error) */
  failing: '' | 'me.update' | 'auth.changePassword' | 'auth.policy';
}

function portal(args: Args) {
  history.replaceState(null, '', `#/${args.view}`);
  const api = new FakeApi({
    signedInAs: args.signedInAs || null,
    latencyMs: args.latencyMs,
    failures: args.failing ? { [args.failing]: 'internal' } : {},
  });
  return html`<portal-session .api=${api} lang=${args.lang || nothing}>
    <portal-app></portal-app>
  </portal-session>`;
}

const meta: Meta<Args> = {
  title: 'Session/portal-app',
  component: 'portal-app',
  render: portal,
  args: { signedInAs: 'dora.dispatcher@nordwind.example', lang: '', latencyMs: 200, view: 'dashboard', failing: '' },
  argTypes: {
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
    view: { control: 'select', options: ['dashboard', 'create', 'board', 'approvals', 'kb', 'plan', 'settings'] },
    failing: { control: 'select', options: ['', 'me.update', 'auth.changePassword', 'auth.policy'] },
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

// — "Your account" (#/settings) —

type Settings = HTMLElement & { updateComplete: Promise<unknown> };

/** The settings element inside the story's shell, once it shows its form. */
async function settingsIn(canvas: HTMLElement): Promise<Settings> {
  for (let i = 0; i < 200; i++) {
    const app = canvas.querySelector('portal-app');
    const el = app?.shadowRoot?.querySelector<Settings>('portal-app-settings');
    if (el?.shadowRoot?.querySelector('form[part=password]')) {
      // the account's language first: the messages of the play functions come in it
      await new Promise((r) => setTimeout(r, 100));
      await localeReady();
      await el.updateComplete;
      return el;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no settings view');
}

async function fill(el: Settings, id: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const erik = 'erik.editor@nordwind.example';

export const Settings: Story = { args: { signedInAs: erik, view: 'settings' } };
export const SettingsEnglish: Story = { args: { signedInAs: 'bob.editor@blueharbor.example', view: 'settings' } };
export const SettingsSavingError: Story = {
  args: { signedInAs: erik, view: 'settings', failing: 'me.update', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const el = await settingsIn(canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('#notify-email')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('form:not([part=password]) button[type=submit]')!.click();
  },
};
export const SettingsPasswordRulesFailing: Story = {
  args: { signedInAs: erik, view: 'settings', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const el = await settingsIn(canvasElement);
    await fill(el, 'old-password', 'Portal-Demo-2026!');
    await fill(el, 'new-password', 'sommer27');
    await fill(el, 'confirm-password', 'sommer2');
    el.shadowRoot!.querySelector<HTMLButtonElement>('form[part=password] button[type=submit]')!.click();
  },
};
export const SettingsPasswordTooCommon: Story = {
  name: 'Settings password too common (422)',
  args: { signedInAs: erik, view: 'settings', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const el = await settingsIn(canvasElement);
    await fill(el, 'old-password', 'Portal-Demo-2026!');
    await fill(el, 'new-password', 'Sommer-2027!');
    await fill(el, 'confirm-password', 'Sommer-2027!');
    el.shadowRoot!.querySelector<HTMLButtonElement>('form[part=password] button[type=submit]')!.click();
  },
};
export const SettingsPasswordChanged: Story = {
  args: { signedInAs: erik, view: 'settings', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const el = await settingsIn(canvasElement);
    await fill(el, 'old-password', 'Portal-Demo-2026!');
    await fill(el, 'new-password', 'Leuchtfeuer-Ost-58!');
    await fill(el, 'confirm-password', 'Leuchtfeuer-Ost-58!');
    el.shadowRoot!.querySelector<HTMLButtonElement>('form[part=password] button[type=submit]')!.click();
  },
};
export const SettingsPolicyUnavailable: Story = { args: { signedInAs: erik, view: 'settings', failing: 'auth.policy' } };
export const SettingsNarrow: Story = {
  args: { signedInAs: erik, view: 'settings' },
  render: Narrow.render!,
};
