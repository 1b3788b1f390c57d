import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { isAbort, isApiError, type Locale, type UploadItem, type UploadOptions } from '../api.js';
import { PortalElement } from '../base-element.js';
import { icons } from '../icons.js';
import { formatNumber } from '../localization.js';
import { formatFileSize } from './file-size.js';
import { defaultMaxFileBytes, maxAttachmentsPerSubmission } from '../../../server/schemas/uploads.js';
import { upgradeProperty } from '../upgrade-property.js';
import { errorMessage } from '../messages.js';
import { alertStyles, buttonStyles, hostStyles } from '../styles.js';
import { FilesChangedEvent, type UploadedFile } from './file-drop.events.js';
import { fileDropStyles } from './file-drop.styles.js';

export type { UploadedFile } from './file-drop.events.js';

/** Stores one file; resolves with the server's result for it (`ok: false` carries its error). */
export type FileUploader = (file: File, options: UploadOptions) => Promise<UploadItem>;
/** Removes a stored file again (a draft upload). */
export type FileRemover = (id: string, options: { signal: AbortSignal }) => Promise<void>;

type EntryStatus = 'uploading' | 'done' | 'error' | 'removing';

interface Entry {
  key: string;
  fileName: string;
  size: number;
  contentType: string;
  status: EntryStatus;
  loaded: number;
  total: number;
  /** kept while the file may be sent again (retry) */
  file: File | null;
  attachment: UploadedFile | null;
  error: string | null;
  abort: AbortController | null;
}

export { formatFileSize };

const uploadIcon = svg`<path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M17 8l-5-5-5 5M12 3v12"/>`;
const fileIcon = svg`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`;
const glyph = (body: ReturnType<typeof svg>, cls: string) =>
  html`<svg class=${cls} viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

let keys = 0;

/**
 * Chooses files by click or by dragging them onto the zone, uploads each at once with its own
 * progress bar and error, and removes them again before sending (R-WIZ-3, R-TICKET-2). The
 * zone is a button (keyboard: Enter/Space opens the file dialog); Delete on a focused file
 * removes it. Limits on count and size are checked before anything is sent, with a clear
 * message; the server checks again.
 *
 * Uploads go through `uploader` (default: `api.uploads.upload`, i.e. drafts that a new ticket
 * or position claims by id); removing a stored file calls `remover` (default
 * `api.uploads.remove`; `null`: only forget it here).
 *
 * @summary Choose or drop files, upload them with per-file progress, remove them again.
 *
 * @csspart base - The wrapper and drop target.
 * @csspart zone - The button that opens the file dialog.
 * @csspart limits - The line that states the limits.
 * @csspart list - The list of chosen files.
 * @csspart file - One chosen file.
 * @csspart progress - A file's progress bar.
 * @csspart overlay - The "drop here" layer shown while files are dragged over.
 *
 * @cssprop --portal-file-drop-zone-padding - Padding of the zone (default 1.25rem).
 * @cssprop --portal-file-drop-overlay-background - Background of the drop overlay.
 *
 * @cssstate dragging - Files are being dragged over the element.
 * @cssstate uploading - At least one upload is in flight.
 * @cssstate empty - No file is chosen.
 * @cssstate ready - Files are chosen and none is uploading.
 *
 * @event files-changed - The stored files changed (`detail: { files, uploading, failed }`).
 */
export class PortalFileDrop extends PortalElement {
  static override styles = [hostStyles, buttonStyles, alertStyles, fileDropStyles];

  /** Most files that may be attached (stored and uploading together); 0: no limit. Default: what a new ticket may claim. */
  @property({ type: Number, attribute: 'max-files' }) maxFiles = maxAttachmentsPerSubmission;

  /** Largest file in bytes (the server's limit, `limits.uploadMaxFileBytes` of GET /api/me; default 10 MB). */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize = defaultMaxFileBytes;

  /**
   * Finished uploads belong to their target (e.g. an existing ticket's record) and are not
   * removed here: their button only dismisses the message. Without it, × deletes the upload.
   */
  @property({ type: Boolean, attribute: 'keep-uploaded' }) keepUploaded = false;

  /** File types the dialog offers (`accept` of a file input), e.g. `image/*,.pdf`; empty: all. */
  @property({ attribute: 'accept' }) accept = '';

  /** The zone's title; default "Choose files". */
  @property({ attribute: 'label' }) label = '';

  /** No files can be added or removed. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Uploads one file (default: a draft upload through `api.uploads.upload`). */
  @property({ attribute: false }) uploader: FileUploader | null = null;

  /** Removes a stored file (default: `api.uploads.remove`; `null` keeps it on the server). */
  @property({ attribute: false }) remover: FileRemover | null | undefined = undefined;

  @state() private entries: Entry[] = [];
  @state() private dragging = false;
  @state() private notice: string | null = null;
  @state() private announcement = '';

  @query('input[type=file]') private input?: HTMLInputElement;

  #dragTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    // set before the element was defined (its chunk loads later): hand it to the accessors
    upgradeProperty(this, 'value');
  }

  /** The stored files (uploads still in flight or failed are not part of it). */
  get value(): UploadedFile[] {
    return this.entries.filter((e) => e.attachment && e.status !== 'error').map((e) => ({ ...e.attachment! }));
  }
  /** Shows these stored files (e.g. restored after a reload); uploads in flight stay. */
  set value(files: readonly UploadedFile[]) {
    const inFlight = this.entries.filter((e) => e.status === 'uploading');
    this.entries = [
      ...files.map((f) => this.#entry({ fileName: f.fileName, size: f.size, contentType: f.contentType, status: 'done', attachment: { ...f } })),
      ...inFlight,
    ];
  }

  /** Number of uploads in flight. */
  get uploading(): number {
    return this.entries.filter((e) => e.status === 'uploading').length;
  }

  /** Adds files as if they were chosen or dropped. */
  addFiles(files: Iterable<File>): void {
    if (this.disabled) return;
    const list = [...files];
    if (list.length === 0) return;
    const counted = this.entries.filter((e) => e.status !== 'error').length;
    const room = this.maxFiles > 0 ? Math.max(0, this.maxFiles - counted) : list.length;
    const accepted = list.slice(0, room);
    const refused = list.slice(room);
    this.notice = refused.length
      ? msg(str`You can attach at most ${this.maxFiles} files. Not added: ${refused.map((f) => f.name).join(', ')}.`)
      : null;
    const added: Entry[] = accepted.map((file) => {
      const tooLarge = file.size > this.maxFileSize;
      return this.#entry({
        fileName: file.name,
        size: file.size,
        contentType: file.type,
        status: tooLarge ? 'error' : 'uploading',
        file: tooLarge ? null : file,
        error: tooLarge ? this.#tooLargeText() : null,
      });
    });
    this.entries = [...this.entries, ...added];
    for (const e of added) if (e.status === 'uploading') void this.#upload(e.key);
    this.#announce(
      accepted.length === 1 ? msg(str`Uploading ${accepted[0]!.name}.`) : accepted.length > 1 ? msg(str`Uploading ${accepted.length} files.`) : '',
    );
    this.#changed();
  }

  /** Forgets every file here without touching the server (after a ticket claimed them). */
  reset(): void {
    for (const e of this.entries) e.abort?.abort();
    this.entries = [];
    this.notice = null;
    this.#changed();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopDrag();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const uploading = this.uploading > 0;
    this.setCustomState('dragging', this.dragging);
    this.setCustomState('uploading', uploading);
    this.setExclusiveState(this.entries.length === 0 ? 'empty' : uploading ? '' : 'ready', ['empty', 'ready']);
  }

  protected override render(): TemplateResult {
    const size = formatFileSize(this.maxFileSize, this.locale);
    const limits =
      this.maxFiles > 0
        ? msg(str`Up to ${formatNumber(this.maxFiles, {}, this.locale)} files, at most ${size} each.`)
        : msg(str`At most ${size} per file.`);
    return html`<div
      part="base"
      class="base ${this.dragging ? 'dragging' : ''}"
      lang=${this.locale}
      @dragenter=${this.#onDragEnter}
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      <button part="zone" class="zone" type="button" ?disabled=${this.disabled} aria-describedby="limits" @click=${this.#choose}>
        ${glyph(uploadIcon, 'zone-icon')}
        <span class="zone-title">${this.label || msg('Choose files')}</span>
        <span class="zone-hint">${msg('or drag them here')}</span>
      </button>
      <p part="limits" class="limits" id="limits">${limits}</p>
      <input type="file" multiple hidden tabindex="-1" accept=${this.accept || nothing} @change=${this.#onChosen} />
      ${this.notice
        ? html`<div class="alert warning notice" role="alert">${icons.alert()}<p>${this.notice}</p>
            <button class="button quiet small" type="button" @click=${() => (this.notice = null)}>${msg('Dismiss')}</button></div>`
        : nothing}
      ${this.entries.length
        ? html`<ul part="list" class="list" aria-label=${msg('Chosen files')}>
            ${repeat(this.entries, (e) => e.key, (e) => this.#renderEntry(e))}
          </ul>`
        : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <div part="overlay" class="overlay" aria-hidden="true" ?hidden=${!this.dragging}>
        ${glyph(uploadIcon, 'overlay-icon')}<span>${msg('Drop the files to attach them')}</span>
      </div>
    </div>`;
  }

  #renderEntry(e: Entry): TemplateResult {
    const size = formatFileSize(e.size, this.locale);
    const percent = e.total > 0 ? Math.min(100, Math.round((e.loaded / e.total) * 100)) : 0;
    const statusText =
      e.status === 'uploading'
        ? msg(str`Uploading, ${formatNumber(percent, {}, this.locale)} %`)
        : e.status === 'removing'
          ? msg('Removing…')
          : e.status === 'done'
            ? msg('Uploaded')
            : msg('Not uploaded');
    return html`<li
      part="file"
      class="file ${e.status}"
      tabindex="0"
      data-key=${e.key}
      aria-describedby=${e.error ? `error-${e.key}` : nothing}
      @keydown=${(ev: KeyboardEvent) => this.#onFileKey(ev, e.key)}
    >
      ${e.status === 'done' ? icons.check('file-icon') : e.status === 'error' ? icons.alert('file-icon') : glyph(fileIcon, 'file-icon')}
      <div class="file-main">
        <span class="file-name">${e.fileName}</span>
        <span class="file-meta">${size} · ${statusText}</span>
        ${e.status === 'uploading'
          ? html`<progress part="progress" max="100" .value=${percent} aria-label=${msg(str`Upload of ${e.fileName}`)}></progress>`
          : nothing}
        ${e.error ? html`<p class="file-error" id="error-${e.key}">${e.error}</p>` : nothing}
      </div>
      <div class="file-actions">
        ${e.status === 'error' && e.file
          ? html`<button class="button small retry" type="button" ?disabled=${this.disabled} @click=${() => this.#retry(e.key)}>
              ${msg('Try again')}<span class="visually-hidden">: ${e.fileName}</span>
            </button>`
          : nothing}
        <button
          class="button quiet small remove"
          type="button"
          ?disabled=${this.disabled || e.status === 'removing'}
          aria-label=${this.#dismissOnly(e) ? msg(str`Hide this message about ${e.fileName} (the file stays attached)`) : msg(str`Remove ${e.fileName}`)}
          title=${this.#dismissOnly(e) ? msg('Hide message') : msg('Remove')}
          @click=${() => void this.#remove(e.key)}
        >
          ${icons.cross()}
        </button>
      </div>
    </li>`;
  }

  /** A stored file that stays where it went: its button hides the row, nothing is deleted. */
  #dismissOnly(e: Entry): boolean {
    return this.keepUploaded && e.status === 'done';
  }

  #entry(init: Partial<Entry> & Pick<Entry, 'fileName' | 'size' | 'contentType' | 'status'>): Entry {
    return { key: `f${++keys}`, loaded: 0, total: init.size, file: null, attachment: null, error: null, abort: null, ...init };
  }

  #tooLargeText(): string {
    return msg(str`Larger than the limit of ${formatFileSize(this.maxFileSize, this.locale)} per file.`);
  }

  /** Replaces one entry (entries are never mutated in place once rendered). */
  #patch(key: string, patch: Partial<Entry>): Entry | null {
    let found: Entry | null = null;
    this.entries = this.entries.map((e) => (e.key === key ? (found = { ...e, ...patch }) : e));
    return found;
  }

  #find(key: string): Entry | undefined {
    return this.entries.find((e) => e.key === key);
  }

  async #upload(key: string): Promise<void> {
    const entry = this.#find(key);
    if (!entry?.file) return;
    const file = entry.file;
    const abort = new AbortController();
    this.#patch(key, { status: 'uploading', loaded: 0, total: file.size, error: null, abort });
    const upload: FileUploader =
      this.uploader ?? (async (f, o) => (await this.api.uploads.upload([f], o))[0]!);
    try {
      const item = await upload(file, {
        signal: abort.signal,
        onProgress: (loaded, total) => {
          if (this.#find(key)?.status === 'uploading') this.#patch(key, { loaded, total });
        },
      });
      if (!this.#find(key)) return;
      if (item.ok && item.attachment) {
        const a = item.attachment;
        this.#patch(key, {
          status: 'done',
          loaded: 1,
          total: 1,
          abort: null,
          file: null,
          attachment: { id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size, previewable: a.previewable },
        });
        this.#announce(msg(str`${entry.fileName} uploaded.`));
      } else {
        this.#fail(key, this.#itemError(item.error?.code), false);
      }
    } catch (e) {
      if (isAbort(e) || !this.#find(key)) return;
      // A request whose only file was refused answers with the per-file result in details.items.
      const items = isApiError(e) ? (e.details?.['items'] as UploadItem[] | undefined) : undefined;
      const code = items?.[0]?.error?.code;
      if (code) this.#fail(key, this.#itemError(code), false);
      else this.#fail(key, errorMessage(e), !isApiError(e) || e.code === 'network' || e.status >= 500 || e.code === 'rate_limited');
    }
    this.#changed();
  }

  #fail(key: string, text: string, retryable: boolean) {
    const e = this.#patch(key, { status: 'error', error: text, abort: null });
    if (e && !retryable) this.#patch(key, { file: null });
    this.#announce(msg(str`${e?.fileName ?? ''} was not uploaded: ${text}`));
  }

  #itemError(code: string | undefined): string {
    switch (code) {
      case 'payload_too_large':
        return this.#tooLargeText();
      case 'unsupported_media_type':
        return msg('This kind of file is not accepted.');
      case 'validation_failed':
        return msg('The file is empty or could not be read.');
      default:
        return msg('The file could not be stored.');
    }
  }

  #retry(key: string) {
    void this.#upload(key);
    this.#changed();
  }

  async #remove(key: string): Promise<void> {
    const entry = this.#find(key);
    if (!entry || this.disabled) return;
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('li.file')];
    const index = items.findIndex((li) => li.dataset.key === key);
    const focusAfter = () => {
      void this.updateComplete.then(() => {
        const rest = [...this.renderRoot.querySelectorAll<HTMLElement>('li.file')];
        (rest[Math.min(index, rest.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('.zone'))?.focus();
      });
    };
    entry.abort?.abort();
    const dismissOnly = this.#dismissOnly(entry);
    const remover: FileRemover | null = this.remover === undefined ? (id, o) => this.api.uploads.remove(id, o) : this.remover;
    if (!dismissOnly && entry.status === 'done' && entry.attachment && remover) {
      this.#patch(key, { status: 'removing', error: null });
      try {
        await remover(entry.attachment.id, { signal: new AbortController().signal });
      } catch (e) {
        // Already gone on the server is what we wanted; anything else keeps the file listed.
        if (!(isApiError(e) && e.code === 'not_found')) {
          this.#patch(key, { status: 'done', error: msg(str`Could not be removed: ${errorMessage(e)}`) });
          this.#changed();
          return;
        }
      }
    }
    const had = this.entries.some((e) => e.key === key);
    this.entries = this.entries.filter((e) => e.key !== key);
    if (had && !dismissOnly) this.#announce(msg(str`${entry.fileName} removed.`));
    focusAfter();
    // a hidden message changes no stored file
    if (!dismissOnly) this.#changed();
  }

  #changed() {
    this.emit(
      new FilesChangedEvent({
        files: this.value,
        uploading: this.uploading,
        failed: this.entries.filter((e) => e.status === 'error').length,
      }),
    );
  }

  #announce(text: string) {
    // A new string each time, so the same sentence twice is read twice.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  readonly #choose = () => {
    if (this.disabled || !this.input) return;
    this.input.value = '';
    this.input.click();
  };

  readonly #onChosen = (e: Event) => {
    const input = e.target as HTMLInputElement;
    this.addFiles(input.files ?? []);
    input.value = '';
  };

  #onFileKey(e: KeyboardEvent, key: string) {
    if ((e.key === 'Delete' || e.key === 'Backspace') && e.target === e.currentTarget) {
      e.preventDefault();
      void this.#remove(key);
    }
  }

  // --- dragging ---------------------------------------------------------------------------

  #hasFiles(e: DragEvent): boolean {
    return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  }

  readonly #onDragEnter = (e: DragEvent) => {
    if (!this.#hasFiles(e) || this.disabled) return;
    e.preventDefault();
    this.#startDrag();
  };

  readonly #onDragOver = (e: DragEvent) => {
    if (!this.#hasFiles(e) || this.disabled) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.#startDrag();
  };

  readonly #onDragLeave = (e: DragEvent) => {
    const to = e.relatedTarget as Node | null;
    // Still over us (moving between our own children): keep the overlay.
    if (to && (this.contains(to) || this.renderRoot.contains(to))) return;
    this.#stopDrag();
  };

  readonly #onDrop = (e: DragEvent) => {
    if (!this.#hasFiles(e)) return;
    e.preventDefault();
    this.#stopDrag();
    if (!this.disabled) this.addFiles(e.dataTransfer?.files ?? []);
  };

  readonly #onKeyDuringDrag = (e: KeyboardEvent) => {
    if (e.key === 'Escape') this.#stopDrag();
  };

  #startDrag() {
    if (!this.dragging) {
      this.dragging = true;
      document.addEventListener('keydown', this.#onKeyDuringDrag, true);
    }
    // Browsers send dragover every few hundred ms while a drag stays over us; when they stop
    // (the drag was cancelled outside the window), the overlay goes too.
    if (this.#dragTimer) clearTimeout(this.#dragTimer);
    this.#dragTimer = setTimeout(() => this.#stopDrag(), 1500);
  }

  #stopDrag() {
    if (this.#dragTimer) clearTimeout(this.#dragTimer);
    this.#dragTimer = null;
    document.removeEventListener('keydown', this.#onKeyDuringDrag, true);
    this.dragging = false;
  }
}
