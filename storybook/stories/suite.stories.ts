/**
 * The suite as a host page embeds it (issue 7): several widgets side by side inside ONE
 * `<portal-session>`, which signs in once and gives them all the same API, session and locale.
 * The fake API stands in for the server; "Intranet theme" themes the widgets the way a host
 * page does, only through `--portal-*` custom properties and `::part`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { FakeApi, demoAccounts } from '../../widgets/core/api-fake.js';
import '../../widgets/portal-session/define.js';
import '../../widgets/ticket-board/define.js';
import '../../widgets/ticket-wizard/define.js';
import '../../widgets/kb-browser/define.js';

interface Args {
  signedInAs: string;
  /** empty: the page's language (toolbar) */
  lang: '' | 'de' | 'en';
  latencyMs: number;
  /** theme the widgets like the demo intranet does */
  intranetTheme: boolean;
}

/** What demo/intranet.css does: custom properties on the session, and a few ::part rules. */
const intranetTheme = html`<style>
  .suite.themed {
    font-family: Verdana, 'DejaVu Sans', sans-serif;
  }
  .suite.themed portal-session {
    --portal-font-family: Verdana, 'DejaVu Sans', Geneva, sans-serif;
    --portal-font-size: 0.875rem;
    --portal-color-primary: light-dark(#0c6758, #63d2bb);
    --portal-color-primary-hover: light-dark(#094f44, #8fe0cf);
    --portal-color-on-primary: light-dark(#ffffff, #04231d);
    --portal-color-primary-subtle: light-dark(#dff1ec, #123530);
    --portal-color-focus: light-dark(#b8430a, #ffb27a);
    --portal-color-border: light-dark(#d9cfbc, #2a3f53);
    --portal-radius: 2px;
    --portal-radius-large: 3px;
    --portal-shadow: none;
  }
  .suite.themed portal-session::part(card) {
    border-top: 4px solid light-dark(#0c6758, #63d2bb);
  }
  .suite.themed kb-browser::part(title) {
    display: none;
  }
</style>`;

function suite(args: Args) {
  const api = new FakeApi({ signedInAs: args.signedInAs || null, latencyMs: args.latencyMs });
  return html`${args.intranetTheme ? intranetTheme : nothing}
    <div class="suite ${args.intranetTheme ? 'themed' : ''}">
      <portal-session .api=${api} lang=${args.lang || nothing}>
        <section aria-label="Tickets" class="block"><ticket-board page-size="10"></ticket-board></section>
        <section aria-label="New ticket" class="block"><ticket-wizard></ticket-wizard></section>
        <section aria-label="Knowledge base" class="block"><kb-browser></kb-browser></section>
      </portal-session>
    </div>
    <style>
      .suite .block + .block {
        margin-top: 2rem;
        padding-top: 1.5rem;
        border-top: 1px solid light-dark(#d0d5dd, #3a4350);
      }
    </style>`;
}

const meta: Meta<Args> = {
  title: 'Embedding/Suite',
  render: suite,
  args: { signedInAs: 'erik.editor@nordwind.example', lang: '', latencyMs: 150, intranetTheme: false },
  argTypes: {
    signedInAs: { control: 'select', options: ['', ...demoAccounts.map((a) => a.email)] },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
    intranetTheme: { control: 'boolean' },
  },
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj<Args>;

/** Board, wizard and knowledge base of one editor, signed in once. */
export const Default: Story = {};
/** The dispatcher: the wizard offers "Release on creation". */
export const Dispatcher: Story = { args: { signedInAs: 'dora.dispatcher@nordwind.example' } };
/** A viewer: the wizard says why it cannot create tickets; board and KB work. */
export const Viewer: Story = { args: { signedInAs: 'anna.viewer@nordwind.example' } };
/** Blue Harbor has no shared articles: the knowledge base says so. */
export const EnglishAccount: Story = { args: { signedInAs: 'bob.editor@blueharbor.example', lang: 'en' } };
/** Nobody signed in: one sign-in form for all widgets. */
export const SignedOut: Story = { args: { signedInAs: '' } };
/** A slow server: every widget shows its loading state. */
export const Loading: Story = { args: { latencyMs: 3_600_000 } };
/** Themed from the host page only (custom properties, ::part), as on the demo intranet. */
export const IntranetTheme: Story = { args: { intranetTheme: true } };
export const Narrow: Story = {
  render: (args) => html`<div style="max-width: 390px">${suite(args)}</div>`,
};
