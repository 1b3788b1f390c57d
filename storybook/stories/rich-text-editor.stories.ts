/**
 * <portal-rich-text-editor>: the plain text area it starts as, the editor it loads on first
 * interaction (Tiptap, its own chunk), and its states. Images go through the fake API's uploads.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { FakeApi } from '../../widgets/core/api-fake.js';
import '../../widgets/core/rich-text-editor/define.js';

interface Args {
  label: string;
  hint: string;
  placeholder: string;
  value: string;
  error: string;
  required: boolean;
  disabled: boolean;
  width: string;
}

const sample =
  '<h2>Fehlerbild</h2><p>Seit dem Update am Montag druckt der Drucker im <strong>3. OG</strong> nur leere Seiten. ' +
  'Siehe auch <a href="https://wiki.example.com/drucker">Wiki: Drucker</a>.</p>' +
  '<ol><li><p>Druckauftrag senden</p></li><li><p>Seite kommt leer heraus</p></li></ol>' +
  '<table><tbody><tr><th><p>Gerät</p></th><th><p>Standort</p></th></tr><tr><td><p>HP M507</p></td><td><p>3. OG, Raum 314</p></td></tr></tbody></table>' +
  '<blockquote><p>Der Toner wurde bereits gewechselt.</p></blockquote>';

function editor(args: Args) {
  const api = new FakeApi({ signedInAs: 'erik.editor@nordwind.example', latencyMs: 300 });
  return html`<div style="max-width: ${args.width || '48rem'}">
    <portal-rich-text-editor
      .api=${api}
      label=${args.label}
      hint=${args.hint || nothing}
      placeholder=${args.placeholder || nothing}
      error=${args.error || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      .value=${args.value}
    ></portal-rich-text-editor>
  </div>`;
}

const meta: Meta<Args> = {
  title: 'Shared/portal-rich-text-editor',
  component: 'portal-rich-text-editor',
  render: editor,
  args: {
    label: 'Beschreibung',
    hint: 'Was ist passiert, seit wann, und was haben Sie schon versucht?',
    placeholder: '',
    value: '',
    error: '',
    required: false,
    disabled: false,
    width: '',
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Empty: a plain text area; the editor loads on the first click, focus or key. */
export const Empty: Story = {};

/** With text: the editor loads at once to show it. */
export const WithContent: Story = { args: { value: sample } };

export const WithError: Story = { args: { value: '<p>Zu kurz</p>', error: 'Bitte beschreiben Sie das Problem ausführlicher.', required: true } };

export const Disabled: Story = { args: { value: sample, disabled: true } };

export const English: Story = {
  args: { label: 'Description', hint: 'What happened, since when, and what have you tried?', value: '<p>The printer on the <em>3rd floor</em> prints blank pages.</p>' },
};

export const Narrow: Story = { args: { value: sample, width: '320px' } };
