/**
 * <portal-file-drop>, the shared file chooser with per-file upload progress (R-WIZ-3,
 * R-TICKET-2), against the in-memory fake API. Drag files from the desktop onto it, or use the
 * button; the play functions add files as a drop would.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import { FakeApi } from '../../widgets/core/api-fake.js';
import type { PortalFileDrop } from '../../widgets/core/file-drop/file-drop.element.js';
import '../../widgets/core/file-drop/define.js';

interface Args {
  latencyMs: number;
  maxFiles: number;
  /** bytes */
  maxFileSize: number;
  /** uploads fail: network (retry offered) or the server's 500 */
  failing: 'nothing' | 'network' | 'internal';
  label: string;
  disabled: boolean;
  width: string;
}

function drop(args: Args) {
  const api = new FakeApi({
    signedInAs: 'erik.editor@nordwind.example',
    latencyMs: args.latencyMs,
    failures: args.failing === 'nothing' ? {} : { 'uploads.upload': args.failing },
  });
  const el = html`<portal-file-drop
    .api=${api}
    max-files=${args.maxFiles}
    max-file-size=${args.maxFileSize}
    label=${args.label}
    ?disabled=${args.disabled}
  ></portal-file-drop>`;
  return html`<div style="max-width: ${args.width || '40rem'}">${el}</div>`;
}

const file = (name: string, size: number, type = 'application/pdf') => new File([new Uint8Array(size)], name, { type });

async function add(canvasElement: HTMLElement, files: File[]) {
  const el = await waitFor(() => {
    const found = canvasElement.querySelector<PortalFileDrop>('portal-file-drop');
    if (!found?.shadowRoot?.querySelector('.zone')) throw new Error('not rendered yet');
    return found;
  });
  el.addFiles(files);
  return el;
}

const meta: Meta<Args> = {
  title: 'Shared/portal-file-drop',
  component: 'portal-file-drop',
  render: drop,
  args: { latencyMs: 200, maxFiles: 10, maxFileSize: 10 * 1024 * 1024, failing: 'nothing', label: '', disabled: false, width: '' },
  argTypes: {
    latencyMs: { control: { type: 'range', min: 0, max: 5000, step: 100 } },
    failing: { control: 'inline-radio', options: ['nothing', 'network', 'internal'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Uploaded: Story = {
  play: async ({ canvasElement }) => {
    const el = await add(canvasElement, [file('Fehlerprotokoll.pdf', 180_000), file('Screenshot.png', 48_000, 'image/png')]);
    await waitFor(() => {
      if (el.value.length < 2) throw new Error('not uploaded yet');
    });
  },
};

/** Uploads still running (the fake waits an hour): each file has its own progress bar. */
export const Uploading: Story = {
  args: { latencyMs: 3_600_000 },
  play: async ({ canvasElement }) => {
    await add(canvasElement, [file('Netzwerkmitschnitt.pcap', 6_400_000, 'application/octet-stream'), file('Notizen.txt', 900, 'text/plain')]);
  },
};

/** Limits: a file over the size limit and more files than allowed. */
export const Limits: Story = {
  args: { maxFiles: 2, maxFileSize: 1024 * 1024 },
  play: async ({ canvasElement }) => {
    await add(canvasElement, [file('Video.mp4', 25_000_000, 'video/mp4'), file('Bericht.pdf', 20_000), file('Anhang-3.pdf', 3_000)]);
  },
};

/** The server cannot be reached: the file shows the error and a retry. */
export const Failing: Story = {
  args: { failing: 'network' },
  play: async ({ canvasElement }) => {
    await add(canvasElement, [file('Bericht.pdf', 20_000)]);
  },
};

export const Many: Story = {
  args: { maxFiles: 20, latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const el = await add(
      canvasElement,
      Array.from({ length: 12 }, (_, i) => file(`Protokoll-Server-${String(i + 1).padStart(2, '0')}-sehr-langer-Dateiname-zum-Testen.log`, 1000 * (i + 1), 'text/plain')),
    );
    await waitFor(() => {
      if (el.value.length < 12) throw new Error('not uploaded yet');
    });
  },
};

export const Disabled: Story = { args: { disabled: true } };

export const Narrow: Story = {
  args: { width: '320px' },
  play: async ({ canvasElement }) => {
    await add(canvasElement, [file('Ein-ziemlich-langer-Dateiname-fuer-das-Angebot-2026.pdf', 2_400_000)]);
  },
};
