import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ApiError, isAbort } from '../api.js';
import { PortalElement } from '../base-element.js';
import { icons } from '../icons.js';
import { errorMessage } from '../messages.js';
import { sanitizeHtml } from '../sanitize.js';
import { upgradeProperty } from '../upgrade-property.js';
import { alertStyles, buttonStyles, fieldStyles, hostStyles } from '../styles.js';
import { isAllowedLink } from '../../../server/schemas/richtext-policy.js';
import type { EditorCommand, EditorHandle, EditorHooks, EditorSnapshot } from './editor-handle.js';
import { richTextEditorStyles } from './rich-text-editor.styles.js';
import { toolbarIcons } from './toolbar-icons.js';

/** Stores an image for the text; resolves with its attachment id and a URL this page can show. */
export type ImageUploader = (file: File) => Promise<{ id: string; url: string }>;

type ToolId = EditorCommand | 'link' | 'image';

interface Tool {
  id: ToolId;
  label: string;
  /** shown in the tooltip and announced (aria-keyshortcuts) */
  keys?: string;
  /** a toggle: aria-pressed */
  toggle?: boolean;
  /** starts a new group (a visual gap) */
  group?: boolean;
}

const imageTypes = /^image\/(png|jpeg|gif|webp)$/;
const attachmentSrc = /^\/api\/attachments\/([a-z0-9]{8,40})(?:\?inline=1)?$/;

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text (the placeholder's) as paragraphs: blank lines separate paragraphs. */
export function textToParagraphs(text: string): string {
  if (!text.trim()) return '';
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeText(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Text of allowed HTML, paragraphs separated by blank lines (what the placeholder shows). */
function paragraphsToText(html: string): string {
  if (!html) return '';
  const t = document.createElement('template');
  t.innerHTML = sanitizeHtml(html);
  for (const br of t.content.querySelectorAll('br')) br.replaceWith('\n');
  const blocks = [...t.content.querySelectorAll('p,h1,h2,h3,h4,h5,h6,li,pre,blockquote,tr')];
  return blocks.length ? blocks.map((b) => b.textContent ?? '').join('\n\n') : (t.content.textContent ?? '');
}

/** True when the HTML shows nothing: no text and no image. */
function isBlank(html: string): boolean {
  if (!html) return true;
  const t = document.createElement('template');
  t.innerHTML = html;
  return !(t.content.textContent ?? '').trim() && !t.content.querySelector('img');
}

/**
 * Rich text for descriptions and positions (R-WIZ-4): headings, bold/italic/underline/strike,
 * code, lists, quotes, links (http, https, mailto), tables and images — exactly what the
 * server's allow-list keeps. A form control (`name`, `value`, `required`, validity) whose value
 * is allowed HTML; images are stored through `upload` and kept as
 * `<img src="/api/attachments/<id>?inline=1">`.
 *
 * The editor itself (Tiptap, ~150 kB) is loaded on first interaction: until then a plain text
 * area is shown and works; what was typed there carries over.
 *
 * Keyboard: the usual shortcuts (Ctrl/⌘ + B, I, U, K for a link, Z/Shift+Z), Alt+F10 moves to
 * the toolbar, arrow keys move within it, Escape goes back to the text.
 *
 * @summary Rich-text field with a toolbar, links, tables and images; loads its editor lazily.
 *
 * @csspart base - The wrapper.
 * @csspart label - The field's label.
 * @csspart frame - The bordered box around toolbar and text.
 * @csspart toolbar - The formatting toolbar.
 * @csspart content - The editable text.
 * @csspart error - The error message below the field.
 *
 * @cssprop --portal-rich-text-editor-min-height - Smallest height of the text (default 10rem).
 * @cssprop --portal-rich-text-editor-max-height - Largest height before it scrolls (default 32rem).
 *
 * @cssstate plain - The plain text area shows (the editor is not loaded yet).
 * @cssstate loading - The editor is loading.
 * @cssstate ready - The editor is loaded.
 * @cssstate error - The editor could not be loaded: plain text works, the toolbar is off, Try again shows.
 * @cssstate invalid - The field is required and empty, or `error` is set.
 * @cssstate busy - An image is being uploaded.
 *
 * @event input - The text changed.
 * @event change - The text changed and the field lost focus.
 */
export class PortalRichTextEditor extends PortalElement {
  static formAssociated = true;
  static override styles = [hostStyles, buttonStyles, fieldStyles, alertStyles, richTextEditorStyles];

  /**
   * Loads the Tiptap half, its own chunk (see vite build output); the browser keeps the module
   * once loaded, and fetches it again after a failure (Try again). Replaceable in tests.
   */
  static loadEditor = (): Promise<typeof import('./tiptap.js')> => import('./tiptap.js');

  /** The field's label (also its accessible name). */
  @property({ attribute: 'label' }) label = '';

  /** Name under which a form submits the value. */
  @property({ attribute: 'name', reflect: true }) name = '';

  /** The field must not be empty. */
  @property({ type: Boolean, attribute: 'required' }) required = false;

  /** The field cannot be changed. */
  @property({ type: Boolean, attribute: 'disabled', reflect: true }) disabled = false;

  /** Shown while the text is empty. */
  @property({ attribute: 'placeholder' }) placeholder = '';

  /** An error to show at the field (e.g. from the server); empty: none. */
  @property({ attribute: 'error' }) error = '';

  /** A hint below the label. */
  @property({ attribute: 'hint' }) hint = '';

  /** Stores an image and returns `{id, url}` (default: a draft upload through the API). */
  @property({ attribute: false }) upload: ImageUploader | null = null;

  @state() private phase: 'plain' | 'loading' | 'ready' | 'error' = 'plain';
  @state() private snapshot: EditorSnapshot = { active: [], enabled: [], inTable: false, link: null, empty: true };
  @state() private focusedTool = 0;
  @state() private linkOpen = false;
  @state() private linkError = '';
  @state() private imagesUploading = 0;
  @state() private notice = '';
  @state() private announcement = '';
  @state() private plainText = '';

  @query('.editor-host') private editorHost?: HTMLElement;
  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('#link-url') private linkInput?: HTMLInputElement;
  @query('#image-file') private imageInput?: HTMLInputElement;

  #value = '';
  #editor: EditorHandle | null = null;
  #loading: Promise<EditorHandle | null> | null = null;
  #valueAtFocus = '';
  /** display URLs of images by attachment id; `owned` ones were made here and are released */
  #imageUrls = new Map<string, string>();
  #ownedUrls = new Set<string>();

  constructor() {
    super();
    upgradeProperty(this, 'value');
  }

  /** The text as allowed HTML ('' when empty). */
  get value(): string {
    return this.#value;
  }
  set value(html: string) {
    const clean = html && !isBlank(html) ? sanitizeHtml(html) : '';
    if (clean === this.#value) return;
    this.#value = clean;
    this.plainText = paragraphsToText(clean);
    if (this.#editor) this.#editor.setContent(clean);
    else if (clean && this.isConnected) void this.load();
    this.#syncForm();
    this.requestUpdate('value');
  }

  /** The form this field belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }

  /** Whether the field is valid (required and not empty, or not required). */
  checkValidity(): boolean {
    return this.internals?.checkValidity() ?? true;
  }

  reportValidity(): boolean {
    return this.internals?.reportValidity() ?? true;
  }

  get validationMessage(): string {
    return this.internals?.validationMessage ?? '';
  }

  /** Loads the editor now (it loads by itself on first interaction). Resolves when it is ready. */
  async load(): Promise<void> {
    await this.#ensureEditor();
  }

  /** Puts the cursor into the text. */
  override focus(options?: FocusOptions): void {
    if (this.#editor) this.#editor.focus();
    else (this.textarea ?? this.renderRoot.querySelector<HTMLElement>('textarea'))?.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#value && !this.#editor) void this.updateComplete.then(() => this.load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const url of this.#ownedUrls) this.api.attachments.release(url);
    this.#ownedUrls.clear();
    this.#imageUrls.clear();
    this.#editor?.destroy();
    this.#editor = null;
    this.#loading = null;
    if (this.phase !== 'error') this.phase = 'plain';
  }

  /** @internal */
  formResetCallback(): void {
    this.value = '';
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** @internal */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('disabled')) this.#editor?.setEditable(!this.disabled);
    if (changed.has('required') || changed.has('label') || changed.has('error')) this.#syncForm();
    this.setExclusiveState(this.phase, ['plain', 'loading', 'ready', 'error']);
    this.setCustomState('invalid', !!this.error || (this.required && !this.#value));
    this.setCustomState('busy', this.imagesUploading > 0);
  }

  protected override render(): TemplateResult {
    const ready = this.phase === 'ready';
    const describedBy = [this.hint ? 'hint' : '', this.error ? 'error' : ''].filter(Boolean).join(' ');
    return html`<div part="base" class="base" lang=${this.locale}>
      <label part="label" class="label" id="label" for=${ready ? nothing : 'plain'} @click=${this.#onLabelClick}>
        ${this.label}${this.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}
      </label>
      ${this.hint ? html`<p class="hint" id="hint">${this.hint}</p>` : nothing}
      <div part="frame" class="frame ${this.error ? 'invalid' : ''}" @pointerdown=${this.#onFramePointer}>
        ${this.#renderToolbar()}
        ${this.linkOpen ? this.#renderLinkForm() : nothing}
        ${this.notice
          ? html`<div class="alert warning notice" role="alert">${icons.alert()}<p>${this.notice}</p>
              <button class="button quiet small" type="button" @click=${() => (this.notice = '')}>${msg('Dismiss')}</button></div>`
          : nothing}
        <div part="content" class="editor-host" ?hidden=${!ready} @keydown=${this.#onEditorKeydown}></div>
        ${ready
          ? nothing
          : html`<textarea
              id="plain"
              part="content"
              class="plain"
              .value=${this.plainText}
              placeholder=${this.placeholder || nothing}
              ?disabled=${this.disabled}
              ?required=${this.required}
              aria-invalid=${this.error ? 'true' : 'false'}
              aria-describedby=${describedBy || nothing}
              @input=${this.#onPlainInput}
              @focus=${this.#onPlainFocus}
              @blur=${this.#onBlur}
              @keydown=${this.#onPlainKeydown}
            ></textarea>`}
        ${this.imagesUploading > 0
          ? html`<p class="busy"><span class="spinner" aria-hidden="true"></span>${msg('Uploading image…')}</p>`
          : nothing}
      </div>
      ${this.phase === 'error'
        ? html`<div class="load-error"><p class="hint" id="tools-error">${msg('The formatting tools could not be loaded. You can still write plain text.')}</p>
            <button class="button small retry" type="button" @click=${this.#retry}>${msg('Try again')}</button></div>`
        : nothing}
      ${this.error ? html`<p part="error" class="error" id="error">${this.error}</p>` : nothing}
      <input id="image-file" type="file" hidden tabindex="-1" accept="image/png,image/jpeg,image/gif,image/webp" @change=${this.#onImageChosen} />
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  // --- toolbar ----------------------------------------------------------------------------

  #tools(): Tool[] {
    const mod = isMac() ? '⌘' : 'Ctrl';
    const tools: Tool[] = [
      { id: 'bold', label: msg('Bold'), keys: `${mod}+B`, toggle: true },
      { id: 'italic', label: msg('Italic'), keys: `${mod}+I`, toggle: true },
      { id: 'underline', label: msg('Underline'), keys: `${mod}+U`, toggle: true },
      { id: 'strike', label: msg('Strikethrough'), keys: `${mod}+Shift+S`, toggle: true },
      { id: 'code', label: msg('Code'), keys: `${mod}+E`, toggle: true },
      { id: 'heading2', label: msg('Heading'), keys: `${mod}+Alt+2`, toggle: true, group: true },
      { id: 'heading3', label: msg('Subheading'), keys: `${mod}+Alt+3`, toggle: true },
      { id: 'bulletList', label: msg('Bulleted list'), keys: `${mod}+Shift+8`, toggle: true, group: true },
      { id: 'orderedList', label: msg('Numbered list'), keys: `${mod}+Shift+7`, toggle: true },
      { id: 'blockquote', label: msg('Quote'), keys: `${mod}+Shift+B`, toggle: true },
      { id: 'codeBlock', label: msg('Code block'), keys: `${mod}+Alt+C`, toggle: true },
      { id: 'link', label: msg('Link'), keys: `${mod}+K`, toggle: true, group: true },
      { id: 'image', label: msg('Insert image') },
      { id: 'insertTable', label: msg('Insert table') },
    ];
    if (this.snapshot.inTable) {
      tools.push(
        { id: 'addRowAfter', label: msg('Add row') },
        { id: 'addColumnAfter', label: msg('Add column') },
        { id: 'deleteRow', label: msg('Delete row') },
        { id: 'deleteColumn', label: msg('Delete column') },
        { id: 'deleteTable', label: msg('Delete table') },
      );
    }
    tools.push(
      { id: 'undo', label: msg('Undo'), keys: `${mod}+Z`, group: true },
      { id: 'redo', label: msg('Redo'), keys: `${mod}+Shift+Z` },
    );
    return tools;
  }

  #renderToolbar(): TemplateResult {
    const tools = this.#tools();
    const focused = Math.min(this.focusedTool, tools.length - 1);
    const ready = this.phase === 'ready';
    const failed = this.phase === 'error';
    return html`<div
      part="toolbar"
      class="toolbar"
      role="toolbar"
      aria-label=${msg(str`Formatting: ${this.label}`)}
      aria-controls=${ready ? 'text' : 'plain'}
      @keydown=${this.#onToolbarKeydown}
    >
      ${tools.map((t, i) => {
        const pressed = t.id === 'link' ? this.snapshot.link !== null : this.snapshot.active.includes(t.id as EditorCommand);
        const unavailable =
          this.disabled ||
          failed ||
          (ready && ['undo', 'redo', 'insertTable', 'addRowAfter', 'addColumnAfter', 'deleteRow', 'deleteColumn', 'deleteTable'].includes(t.id) &&
            !this.snapshot.enabled.includes(t.id as EditorCommand)) ||
          (!ready && (t.id === 'undo' || t.id === 'redo'));
        return html`${t.group ? html`<span class="separator" aria-hidden="true"></span>` : nothing}<button
            type="button"
            class="tool"
            data-tool=${t.id}
            tabindex=${i === focused ? '0' : '-1'}
            aria-label=${t.label}
            title=${t.keys ? `${t.label} (${t.keys})` : t.label}
            aria-keyshortcuts=${t.keys ? t.keys.replace('⌘', 'Meta').replace('Ctrl', 'Control') : nothing}
            aria-pressed=${t.toggle ? (pressed ? 'true' : 'false') : nothing}
            aria-disabled=${unavailable ? 'true' : 'false'}
            aria-describedby=${failed ? 'tools-error' : nothing}
            @mousedown=${(e: MouseEvent) => e.preventDefault()}
            @click=${() => void this.#onTool(t.id, i)}
          >
            ${toolbarIcons[t.id]()}
          </button>`;
      })}
    </div>`;
  }

  async #onTool(id: ToolId, index?: number) {
    if (index !== undefined) this.focusedTool = index;
    if (this.disabled || this.phase === 'error') return;
    if (id === 'image') {
      this.imageInput?.click();
      return;
    }
    const editor = this.#editor ?? (await this.#ensureEditor());
    if (!editor) return;
    if (id === 'link') {
      this.#openLinkForm();
      return;
    }
    editor.run(id);
    this.#refreshSnapshot();
  }

  readonly #onToolbarKeydown = (e: KeyboardEvent) => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar .tool')];
    const current = buttons.indexOf(e.target as HTMLButtonElement);
    if (current < 0) return;
    let next = current;
    if (e.key === 'ArrowRight') next = (current + 1) % buttons.length;
    else if (e.key === 'ArrowLeft') next = (current - 1 + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    else if (e.key === 'Escape') {
      e.preventDefault();
      this.focus();
      return;
    } else return;
    e.preventDefault();
    this.focusedTool = next;
    buttons[next]?.focus();
  };

  // --- links ------------------------------------------------------------------------------

  #renderLinkForm(): TemplateResult {
    return html`<form class="link-form" novalidate @submit=${this.#onLinkSubmit} @keydown=${this.#onLinkKeydown}>
      <label for="link-url">${msg('Link address')}</label>
      <input
        id="link-url"
        class="input"
        type="url"
        inputmode="url"
        autocomplete="url"
        placeholder="https://"
        .value=${this.snapshot.link ?? ''}
        aria-invalid=${this.linkError ? 'true' : 'false'}
        aria-describedby=${this.linkError ? 'link-error' : 'link-hint'}
      />
      <div class="link-actions">
        <button class="button small primary" type="submit">${msg('Apply')}</button>
        ${this.snapshot.link !== null
          ? html`<button class="button small" type="button" @click=${this.#removeLink}>${msg('Remove link')}</button>`
          : nothing}
        <button class="button small quiet" type="button" @click=${this.#closeLinkForm}>${msg('Cancel')}</button>
      </div>
      ${this.linkError
        ? html`<p class="error" id="link-error">${this.linkError}</p>`
        : html`<p class="hint" id="link-hint">${msg('Web addresses (https://…) and e-mail addresses.')}</p>`}
    </form>`;
  }

  #openLinkForm() {
    this.linkError = '';
    this.linkOpen = true;
    void this.updateComplete.then(() => {
      this.linkInput?.focus();
      this.linkInput?.select();
    });
  }

  readonly #closeLinkForm = () => {
    this.linkOpen = false;
    this.linkError = '';
    this.#editor?.focus();
  };

  readonly #removeLink = () => {
    this.#editor?.setLink(null);
    this.#closeLinkForm();
  };

  readonly #onLinkKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.#closeLinkForm();
    }
  };

  readonly #onLinkSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const raw = (this.linkInput?.value ?? '').trim();
    if (!raw) {
      this.#removeLink();
      return;
    }
    const href = normalizeLink(raw);
    if (!href) {
      this.linkError = msg('Only web addresses (http, https) and e-mail addresses can be linked.');
      this.linkInput?.focus();
      return;
    }
    this.#editor?.setLink(href);
    this.#closeLinkForm();
  };

  // --- images -----------------------------------------------------------------------------

  readonly #onImageChosen = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.#insertImages(files, null);
  };

  async #insertImages(files: File[], at: number | null) {
    const editor = await this.#ensureEditor();
    if (!editor) return;
    for (const file of files) {
      if (!imageTypes.test(file.type)) {
        this.notice = msg(str`${file.name} is not a picture the portal can show (PNG, JPEG, GIF or WebP).`);
        continue;
      }
      this.imagesUploading++;
      this.#announce(msg(str`Uploading ${file.name}…`));
      try {
        const { id, url } = await (this.upload ?? this.#defaultUpload)(file);
        this.#imageUrls.set(id, url);
        editor.insertImage(`/api/attachments/${id}?inline=1`, file.name.replace(/\.[a-z0-9]{1,5}$/i, ''), at);
        this.#announce(msg(str`${file.name} inserted.`));
      } catch (err) {
        if (isAbort(err)) continue;
        this.notice = msg(str`${file.name} could not be inserted: ${errorMessage(err)}`);
      } finally {
        this.imagesUploading--;
      }
    }
  }

  readonly #defaultUpload: ImageUploader = async (file) => {
    const [item] = await this.api.uploads.upload([file]);
    if (!item?.ok || !item.attachment) {
      throw new ApiError({
        status: item?.error?.code === 'payload_too_large' ? 413 : 422,
        code: item?.error?.code === 'payload_too_large' ? 'payload_too_large' : 'validation_failed',
        message: item?.error?.message ?? 'The image could not be stored',
      });
    }
    const url = await this.api.attachments.url(item.attachment.id, { inline: true });
    this.#ownedUrls.add(url);
    return { id: item.attachment.id, url };
  };

  async #resolveImage(src: string): Promise<string> {
    const id = attachmentSrc.exec(src)?.[1];
    if (!id) throw new Error('not an attachment image');
    const known = this.#imageUrls.get(id);
    if (known) return known;
    const url = await this.api.attachments.url(id, { inline: true });
    this.#imageUrls.set(id, url);
    this.#ownedUrls.add(url);
    return url;
  }

  // --- the editor -------------------------------------------------------------------------

  #ensureEditor(): Promise<EditorHandle | null> {
    if (this.#editor) return Promise.resolve(this.#editor);
    if (this.phase === 'error') return Promise.resolve(null);
    this.#loading ??= this.#createEditor();
    return this.#loading;
  }

  async #createEditor(): Promise<EditorHandle | null> {
    this.phase = 'loading';
    let mod: typeof import('./tiptap.js');
    try {
      mod = await PortalRichTextEditor.loadEditor();
    } catch {
      this.phase = 'error';
      this.#loading = null;
      return null;
    }
    await this.updateComplete;
    const host = this.editorHost;
    if (!this.isConnected || !host || this.#editor) return this.#editor;
    const hadFocus = this.shadowRoot?.activeElement === this.textarea;
    const hooks: EditorHooks = {
      onChange: () => this.#onEditorChange(),
      onSelection: () => this.#refreshSnapshot(),
      onFocus: () => {
        this.#valueAtFocus = this.#value;
      },
      onBlur: () => this.#onBlur(),
      onLinkRequest: () => this.#openLinkForm(),
      onImageFiles: (files, at) => void this.#insertImages(files, at),
      onOtherFiles: (files) => {
        this.notice = msg(
          str`Only pictures can be placed in the text. Add ${files.map((f) => f.name).join(', ')} as an attachment instead.`,
        );
      },
      resolveImage: (src) => this.#resolveImage(src),
    };
    const attributes: Record<string, string> = {
      id: 'text',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': 'label',
      class: 'prose',
    };
    if (this.required) attributes['aria-required'] = 'true';
    const describedBy = [this.hint ? 'hint' : '', this.error ? 'error' : ''].filter(Boolean).join(' ');
    if (describedBy) attributes['aria-describedby'] = describedBy;
    if (this.placeholder) attributes['aria-placeholder'] = this.placeholder;
    this.#editor = mod.createEditor({
      element: host,
      content: this.#value,
      editable: !this.disabled,
      placeholder: this.placeholder,
      attributes,
      hooks,
    });
    // Hand the focus over now, while the text area is still there: once the next render removes
    // it, keys typed before the editor had the focus would be lost (a fast typist, a slow load).
    if (hadFocus) {
      host.hidden = false;
      this.#editor.focus('end');
    }
    this.phase = 'ready';
    this.#refreshSnapshot();
    this.#syncForm();
    await this.updateComplete;
    return this.#editor;
  }

  #onEditorChange() {
    if (!this.#editor) return;
    const raw = this.#editor.isEmpty() ? '' : sanitizeHtml(this.#editor.html());
    const next = isBlank(raw) ? '' : raw;
    this.#refreshSnapshot();
    if (next === this.#value) return;
    this.#value = next;
    this.plainText = paragraphsToText(next);
    this.#syncForm();
    this.requestUpdate('value');
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  #refreshSnapshot() {
    if (this.#editor) this.snapshot = this.#editor.snapshot();
  }

  #syncForm() {
    const internals = this.internals;
    if (!internals) return;
    internals.setFormValue(this.#value);
    const anchor = this.#editor?.dom ?? this.renderRoot?.querySelector<HTMLElement>('textarea') ?? undefined;
    if (this.required && !this.#value) {
      internals.setValidity({ valueMissing: true }, msg(str`Please fill in ${this.label || msg('the text')}.`), anchor);
    } else if (this.error) {
      internals.setValidity({ customError: true }, this.error, anchor);
    } else {
      internals.setValidity({});
    }
  }

  readonly #onPlainInput = (e: Event) => {
    this.plainText = (e.target as HTMLTextAreaElement).value;
    this.#value = textToParagraphs(this.plainText);
    this.#syncForm();
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };

  readonly #onPlainFocus = () => {
    this.#valueAtFocus = this.#value;
    void this.#ensureEditor();
  };

  readonly #onPlainKeydown = (e: KeyboardEvent) => {
    void this.#ensureEditor();
    // A formatting shortcut before the editor is there: queued like a click on its button (the
    // text area's own undo stays).
    if (this.phase === 'error' || !(isMac() ? e.metaKey : e.ctrlKey)) return;
    const keys = [isMac() ? '⌘' : 'Ctrl', e.altKey && 'Alt', e.shiftKey && 'Shift', /^(?:Key|Digit)(.)$/.exec(e.code)?.[1]].filter(Boolean).join('+');
    const t = this.#tools().find((x) => x.keys === keys && x.id !== 'undo' && x.id !== 'redo');
    if (t) {
      e.preventDefault();
      void this.#onTool(t.id);
    }
  };

  /** Try again after the editor failed to load: what was typed in the text area carries over. */
  readonly #retry = () => {
    this.phase = 'plain';
    // the focus into the text area (Try again goes away), which the editor takes over once loaded
    this.textarea?.focus();
    void this.#ensureEditor();
  };

  readonly #onFramePointer = () => {
    void this.#ensureEditor();
  };

  readonly #onBlur = () => {
    if (this.#value !== this.#valueAtFocus) {
      this.#valueAtFocus = this.#value;
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  };

  readonly #onLabelClick = (e: MouseEvent) => {
    if (this.#editor) {
      e.preventDefault();
      this.#editor.focus();
    }
  };

  readonly #onEditorKeydown = (e: KeyboardEvent) => {
    if (e.key === 'F10' && e.altKey) {
      e.preventDefault();
      this.renderRoot.querySelector<HTMLButtonElement>('.toolbar .tool[tabindex="0"]')?.focus();
    }
  };

  #announce(text: string) {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }
}

/** A link target the server keeps, or null: bare addresses get https:// or mailto:. */
export function normalizeLink(raw: string): string | null {
  const v = raw.trim();
  if (!v || /\s/.test(v)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return isAllowedLink(v) ? v : null;
  if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(v)) return `mailto:${v}`;
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#].*)?$/u.test(v)) return `https://${v}`;
  return null;
}
