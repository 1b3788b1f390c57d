/**
 * <portal-session> in each of its states, against the in-memory fake API. The args drive the
 * fake: latency, forced failures, a starting session, a starting throttle.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { waitFor } from 'storybook/test';
import { FakeApi, demoAccounts, demoPassword } from '../../widgets/core/api-fake.js';
import type { PortalSession } from '../../widgets/portal-session/portal-session.element.js';
import '../../widgets/portal-session/define.js';

interface Args {
  /** UI language; empty: the page's <html lang> (the toolbar's) */
  lang: '' | 'de' | 'en';
  /** start with a session of this account; empty: signed out */
  signedInAs: string;
  latencyMs: number;
  throttledForSeconds: number;
  policyFails: boolean;
  sessionCheck: 'works' | 'network' | 'internal';
  passwordMinLength: number;
}

function session(args: Args) {
  const api = new FakeApi({
    signedInAs: args.signedInAs || null,
    latencyMs: args.latencyMs,
    throttledForSeconds: args.throttledForSeconds,
    passwordPolicy: { minLength: args.passwordMinLength, maxLength: 128 },
    failures: {
      ...(args.policyFails ? { 'auth.policy': 'internal' as const } : {}),
      ...(args.sessionCheck !== 'works' ? { 'me.get': args.sessionCheck } : {}),
    },
  });
  return html`<portal-session .api=${api} lang=${args.lang || nothing}>
    <p style="padding: 1rem; margin: 0">Widgets inside the session show here once signed in.</p>
  </portal-session>`;
}

/** Fills the sign-in form in the story's shadow DOM and submits it. */
async function signIn(canvasElement: HTMLElement, email: string, password: string) {
  const el = canvasElement.querySelector<PortalSession>('portal-session')!;
  const root = await waitFor(() => {
    const r = el.shadowRoot;
    if (!r?.querySelector('#email')) throw new Error('no form yet');
    return r;
  });
  root.querySelector<HTMLInputElement>('#email')!.value = email;
  root.querySelector<HTMLInputElement>('#password')!.value = password;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  return { el, root };
}

const meta: Meta<Args> = {
  title: 'Session/portal-session',
  component: 'portal-session',
  render: session,
  args: {
    lang: '',
    signedInAs: '',
    latencyMs: 300,
    throttledForSeconds: 0,
    policyFails: false,
    sessionCheck: 'works',
    passwordMinLength: 8,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
    throttledForSeconds: { control: { type: 'number', min: 0, max: 900 } },
    sessionCheck: { control: 'inline-radio', options: ['works', 'network', 'internal'] },
    passwordMinLength: { control: { type: 'number', min: 6, max: 64 } },
  },
  parameters: {
    docs: {
      description: {
        component: `Demo accounts: every e-mail in "signedInAs" with the password \`${demoPassword}\`; neu.kunde@nordwind.example has the initial password \`Start-2026!\`.`,
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const SignedOut: Story = {};

export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await signIn(canvasElement, 'erik.editor@nordwind.example', 'not-the-password');
    await waitFor(() => {
      if (!root.querySelector('[role=alert]')) throw new Error('no error yet');
    });
  },
};

export const Throttled: Story = {
  args: { throttledForSeconds: 120 },
  play: async ({ canvasElement }) => {
    const { root } = await signIn(canvasElement, 'erik.editor@nordwind.example', demoPassword);
    await waitFor(() => {
      if (!root.querySelector('.alert.warning')) throw new Error('no throttle message yet');
    });
  },
};

export const PasswordChangeRequired: Story = {
  args: { signedInAs: 'neu.kunde@nordwind.example' },
};

export const PasswordChangeAfterSignIn: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await signIn(canvasElement, 'neu.kunde@nordwind.example', 'Start-2026!');
    await waitFor(() => {
      if (!root.querySelector('#old-password')) throw new Error('no change form yet');
    });
  },
};

export const PolicyFailing: Story = {
  args: { signedInAs: 'neu.kunde@nordwind.example', policyFails: true },
};

export const ManualMinimumLength: Story = {
  name: 'Password change, manual rule (6 characters)',
  args: { signedInAs: 'neu.kunde@nordwind.example', passwordMinLength: 6 },
};

export const SignedIn: Story = {
  args: { signedInAs: 'dora.dispatcher@nordwind.example' },
};

export const Loading: Story = {
  args: { signedInAs: 'erik.editor@nordwind.example', latencyMs: 3_600_000 },
};

export const ServerUnreachable: Story = {
  args: { signedInAs: 'erik.editor@nordwind.example', sessionCheck: 'network' },
};

export const German: Story = {
  args: { lang: 'de' },
};

export const English: Story = {
  args: { lang: 'en' },
};

export const Narrow: Story = {
  args: { lang: 'de' },
  render: (args) => html`<div style="max-width: 360px; border: 1px dashed #8a94a3">${session(args)}</div>`,
};
