/**
 * The writing parts of `<ticket-detail>` (issue 7): the composer for a new position (R-TICKET-3)
 * and the upload of more files in the attachments panel (R-TICKET-2), with their styles. They
 * show only when the server's `abilities` allow writing, and each wraps an element that loads on
 * its own (the rich-text editor, the file drop): the detail loads this module as soon as a ticket
 * shows with one of them, together with those elements. It renders inside the detail's shadow
 * root (same ids and parts as before) and keeps the composer's state. The composer's text is kept
 * in sessionStorage per account and ticket until it is sent (nothing typed is lost when the user
 * goes elsewhere and comes back, or the detail is made anew).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { isAbort, isApiError, type TicketDetail as TicketDetailDto, type UploadItem, type UploadOptions } from '../core/api.js';
import type { FilesChangedEvent } from '../core/file-drop/file-drop.events.js';
import type { PortalFileDrop } from '../core/file-drop/file-drop.element.js';
import type { PortalRichTextEditor } from '../core/rich-text-editor/rich-text-editor.element.js';
import { icons } from '../core/icons.js';
import { errorMessage } from '../core/messages.js';
import type { TicketDetail } from './ticket-detail.element.js';
import { PositionAddedEvent } from './ticket-detail.events.js';

/** What the writing parts need of the detail besides its public side. */
export interface ComposeHost {
  /** Reloads the ticket after a change and tells the host page (`ticket-updated`). */
  afterChange(): Promise<void>;
  announce(text: string): void;
  /** The running server's upload limits; undefined: the file drop's defaults. */
  maxFileSize(): number | undefined;
  /** Whose draft: the signed-in account's id (null without a session). */
  account(): string | null;
}

/** `use` with this tab's sessionStorage; without one (blocked, full) the draft stays in memory. */
function withStorage<T>(use: (storage: Storage) => T): T | undefined {
  try {
    return use(sessionStorage);
  } catch {
    return undefined;
  }
}

export const composeStyles = css`
  .composer-text {
    --portal-rich-text-editor-min-height: 7rem;
    margin-bottom: var(--_space-3);
  }
  .composer-actions {
    display: flex;
    justify-content: flex-end;
  }
  portal-file-drop.upload {
    margin-top: var(--_space-2);
  }
`;

export class TicketDetailCompose {
  draft = '';
  sending = false;
  error: unknown = null;
  issue: string | null = null;
  uploading = false;
  /** the storage key the draft belongs to (account and ticket) */
  #key = '';

  constructor(
    readonly el: TicketDetail,
    readonly host: ComposeHost,
  ) {}

  #update() {
    this.el.requestUpdate();
  }

  #editor() {
    return this.el.renderRoot.querySelector<PortalRichTextEditor>('portal-rich-text-editor');
  }

  /** Another ticket: an empty composer (until its own draft is restored) and file drop. */
  reset() {
    this.draft = '';
    this.#key = '';
    this.error = null;
    this.issue = null;
    this.uploading = false;
    this.el.renderRoot.querySelector<PortalFileDrop>('portal-file-drop')?.reset();
  }

  renderComposer(ticket: TicketDetailDto): TemplateResult {
    // not released yet: the service desk cannot see the ticket, so the label must not promise it
    const unreleased = ticket.status === 'awaiting_release' || ticket.status === 'release_rejected';
    const key = `helpdesk-portal.ticket-detail.v1:${this.host.account() ?? ''}:${ticket.id}`;
    if (key !== this.#key) {
      // this ticket's draft, as the user left it (another account or ticket: its own)
      this.#key = key;
      this.draft = withStorage((s) => s.getItem(key)) ?? '';
    }
    return html`<form part="composer" class="composer" @submit=${this.#send} aria-labelledby="composer-title" novalidate>
      <h3 id="composer-title">${msg('Write a position')}</h3>
      <portal-rich-text-editor
        class="composer-text"
        .api=${this.el.api}
        name="body"
        label=${unreleased ? msg('Your position') : msg('Your message to the service desk')}
        hint=${unreleased ? `${msg('The service desk sees it only after the release.')} ${msg('Ctrl+Enter sends.')}` : msg('Ctrl+Enter sends.')}
        .value=${this.draft}
        error=${this.issue ?? ''}
        @input=${(e: Event) => {
          const draft = (this.draft = (e.target as PortalRichTextEditor).value);
          withStorage((s) => (draft ? s.setItem(key, draft) : s.removeItem(key)));
          this.issue = null;
          this.#update();
        }}
        @keydown=${this.#sendShortcut}
      ></portal-rich-text-editor>
      ${this.error
        ? html`<div class="alert danger" role="alert">${icons.alert()}<p>${msg('Your position was not sent; your text is still here.')} ${errorMessage(this.error)}</p></div>`
        : nothing}
      <div class="composer-actions">
        <button class="button primary" type="submit" aria-busy=${this.sending ? 'true' : 'false'} ?disabled=${this.sending}>
          ${this.sending ? msg('Sending…') : msg('Send')}
        </button>
      </div>
    </form>`;
  }

  renderUpload(): TemplateResult {
    return html`<portal-file-drop
      class="upload"
      label=${msg('Upload files…')}
      max-files="0"
      max-file-size=${this.host.maxFileSize() ?? nothing}
      keep-uploaded
      .api=${this.el.api}
      .uploader=${this.#uploader}
      .remover=${null}
      @files-changed=${this.#onFilesChanged}
    ></portal-file-drop>`;
  }

  /** Ctrl/⌘+Enter sends; caught on the way down, before the editor makes it a line break. */
  readonly #sendShortcut = {
    capture: true,
    handleEvent: (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      e.stopPropagation();
      this.el.renderRoot.querySelector<HTMLFormElement>('form.composer')?.requestSubmit();
    },
  };

  readonly #send = async (e: Event) => {
    e.preventDefault();
    const id = this.el.ticket?.id;
    if (!id || this.sending) return;
    const editor = this.#editor();
    const body = editor?.value ?? this.draft;
    const key = this.#key;
    if (!body) {
      this.issue = msg('Write a text first.');
      this.#update();
      editor?.focus();
      return;
    }
    this.sending = true;
    this.error = null;
    this.issue = null;
    this.#update();
    try {
      const position = await this.el.api.tickets.addPosition(id, { body });
      this.draft = '';
      withStorage((s) => s.removeItem(key));
      this.el.dispatchEvent(new PositionAddedEvent({ ticketId: id, position }));
      this.host.announce(msg('Your position was sent.'));
      await this.host.afterChange();
    } catch (error) {
      if (isAbort(error)) return;
      const issue = isApiError(error) ? error.issues.find((i) => i.path === 'body') : undefined;
      if (issue) this.issue = msg('Write a text first.');
      else this.error = error;
    } finally {
      this.sending = false;
      this.#update();
    }
  };

  /** More files go straight to the ticket, one request per file (progress per file; R-TICKET-2). */
  readonly #uploader = (file: File, options: UploadOptions): Promise<UploadItem> => {
    const id = this.el.ticket?.id;
    if (!id) return Promise.reject(new DOMException('No ticket', 'AbortError'));
    return this.el.api.tickets.upload(id, [file], options).then((items) => items[0]!);
  };

  /** When every upload has settled: the ticket again (its files, the history); the list empties unless a file failed. */
  readonly #onFilesChanged = async (e: FilesChangedEvent) => {
    // the element itself, taken now: after dispatch the event's target is retargeted/cleared
    const drop = e.currentTarget as PortalFileDrop;
    const { files, uploading, failed } = e.detail;
    this.uploading = uploading > 0;
    this.#update();
    if (uploading > 0 || files.length === 0) return;
    await this.host.afterChange();
    if (failed === 0) drop.reset();
  };
}
