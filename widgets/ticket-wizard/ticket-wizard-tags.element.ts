import { adoptStyles, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { TagSuggestion } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { icons } from '../core/icons.js';
import { fieldStyles, hostStyles } from '../core/styles.js';
import { checkTag, TAGS_MAX } from './ticket-wizard.draft.js';

/** The suggestions: asking for them, their options and CSS (loaded on first focus, or when idle). */
type Suggest = typeof import('./ticket-wizard-tags.suggest.js');
let suggestModule: Suggest | undefined;
let suggestLoading: Promise<Suggest | undefined> | undefined;
const loadSuggest = () =>
  (suggestLoading ??= import('./ticket-wizard-tags.suggest.js').then(
    (m) => (suggestModule = m),
    () => (suggestLoading = undefined), // a help only: typing works without it; the next focus tries again
  ));

/**
 * The wizard's tag field (R-WIZ-2): chosen tags as chips and a combobox (ARIA 1.2 pattern) that
 * suggests tags already used at the business partner. Enter or comma adds, Backspace in the empty
 * field removes the last tag, arrow keys move through the suggestions, Escape closes them.
 * Fires a non-composed `change` (it lives in the wizard's shadow root).
 *
 * @summary Tags as chips with suggestions (part of `<ticket-wizard>`).
 *
 * @csspart chips - The list of chosen tags.
 * @csspart input - The text field.
 * @csspart listbox - The suggestions.
 *
 * @event change - The tags changed (read `value`).
 */
export class TicketWizardTags extends PortalElement {
  static override styles = [
    hostStyles,
    fieldStyles,
    css`
      .box {
        position: relative;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space-1);
        min-height: 2.5rem;
        padding: var(--_space-1) var(--_space-2);
        border: 1px solid var(--_color-border-strong);
        border-radius: var(--_radius);
        background: var(--_color-surface);
        cursor: text;
      }
      /* one ring, on the box, like .input:focus-visible of the other fields */
      .box:focus-within {
        border-color: var(--_color-focus);
        outline: 2px solid var(--_color-focus);
        outline-offset: 0;
      }
      .box.invalid {
        border-color: var(--_color-danger);
      }
      .chips {
        display: contents;
        list-style: none;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 2px;
        max-width: 100%;
        padding: 0 0 0 var(--_space-2);
        border: 1px solid var(--_color-border);
        border-radius: 999px;
        background: var(--_color-primary-subtle);
        color: var(--_color-text);
        font-size: var(--_font-size-small);
        line-height: 1.75rem;
      }
      .chip span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .chip button {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 1.75rem;
        height: 1.75rem;
        padding: 0;
        border: none;
        border-radius: 999px;
        background: transparent;
        color: var(--_color-text-muted);
        cursor: pointer;
      }
      .chip button:hover {
        background: var(--_color-surface-sunken);
        color: var(--_color-text);
      }
      .chip .icon {
        width: 0.875rem;
        height: 0.875rem;
      }
      input {
        flex: 1 1 8rem;
        min-width: 6rem;
        min-height: 1.875rem;
        padding: 0 var(--_space-1);
        border: none;
        background: transparent;
        color: var(--_color-text);
        font: inherit;
      }
      input:focus,
      input:focus-visible {
        /* the box shows the focus (:focus-within); no ring inside the ring */
        outline: none;
      }
    `,
  ];

  /** The chosen tags. */
  @property({ attribute: false }) value: string[] = [];

  /** Business partner whose tags are suggested; empty: all of the account's partners. */
  @property({ attribute: 'partner' }) partner = '';

  /** An error to show at the field. */
  @property({ attribute: 'error' }) error = '';

  // The members below without `#` are read and set by ticket-wizard-tags.suggest.ts too.
  /** @internal */
  @state() text = '';
  /** @internal */
  @state() suggestions: TagSuggestion[] = [];
  /** @internal */
  @state() open = false;
  /** @internal */
  @state() active = -1;
  @state() private ownError = '';
  @state() private announcement = '';

  /** @internal */
  @query('input') input?: HTMLInputElement;

  #timer: ReturnType<typeof setTimeout> | null = null;
  #abort: AbortController | null = null;
  #styled = false;

  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close();
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => void this.#suggestions());
  }

  /** The suggestions' module, its CSS adopted here. */
  async #suggestions(): Promise<Suggest | undefined> {
    const m = await loadSuggest();
    if (m && !this.#styled && this.shadowRoot) {
      this.#styled = true;
      adoptStyles(this.shadowRoot, [...(this.constructor as typeof TicketWizardTags).elementStyles, m.suggestStyles]);
    }
    return m;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && this.ownError && this.value.length < TAGS_MAX) this.ownError = '';
  }

  protected override render(): TemplateResult {
    const error = this.ownError || this.error;
    const open = this.open && this.suggestions.length > 0;
    return html`<div class="field" lang=${this.locale}>
      <label for="tag-input">${msg('Tags')}</label>
      <span class="hint" id="tags-hint">${msg('Keywords that help to sort and find the ticket. Enter or comma adds a tag.')}</span>
      <div class="box ${error ? 'invalid' : ''}" @click=${this.#onBoxClick}>
        ${this.value.length
          ? html`<ul part="chips" class="chips" aria-label=${msg('Chosen tags')}>
              ${this.value.map(
                (tag, i) => html`<li class="chip">
                  <span>${tag}</span>
                  <button type="button" aria-label=${msg(str`Remove tag ${tag}`)} @click=${() => this.#remove(i)}>${icons.cross()}</button>
                </li>`,
              )}
            </ul>`
          : nothing}
        <input
          id="tag-input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          maxlength="60"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="tag-list"
          aria-activedescendant=${open && this.active >= 0 ? `tag-option-${this.active}` : nothing}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="tags-hint${error ? ' tags-error' : ''}"
          .value=${this.text}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @focus=${() => void this.#suggestions()}
          @blur=${this.#onBlur}
        />
        <ul id="tag-list" part="listbox" role="listbox" aria-label=${msg('Suggested tags')} ?hidden=${!open}>
          ${open ? suggestModule?.options(this) : nothing}
        </ul>
      </div>
      ${error ? html`<p class="error" id="tags-error">${error}</p>` : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  #emit() {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** @internal */
  add(raw: string): boolean {
    const checked = checkTag(raw);
    if ('error' in checked) {
      this.ownError = checked.error;
      return false;
    }
    const { tag } = checked;
    if (this.value.some((t) => t.toLowerCase() === tag.toLowerCase())) {
      this.text = '';
      this.#close();
      this.announce(msg(str`${tag} is already a tag.`));
      return true;
    }
    if (this.value.length >= TAGS_MAX) {
      this.ownError = msg('Please use at most 20 tags.');
      return false;
    }
    this.value = [...this.value, tag];
    this.text = '';
    this.ownError = '';
    this.#close();
    this.announce(msg(str`Tag ${tag} added.`));
    this.#emit();
    return true;
  }

  #remove(index: number) {
    const tag = this.value[index];
    if (tag === undefined) return;
    this.value = this.value.filter((_, i) => i !== index);
    this.announce(msg(str`Tag ${tag} removed.`));
    this.#emit();
    this.input?.focus();
  }

  #close() {
    // a suggestion request still on its way must not open the list again
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#abort?.abort();
    this.open = false;
    this.active = -1;
  }

  /** @internal */
  announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** Loads suggestions for the current text (debounced; the previous request is cancelled). */
  #suggest(immediately = false) {
    if (this.#timer) clearTimeout(this.#timer);
    const run = () => {
      this.#abort?.abort();
      const { signal } = (this.#abort = new AbortController());
      void this.#suggestions().then((m) => {
        if (!signal.aborted) void m?.suggest(this, signal);
      });
    };
    if (immediately) run();
    else this.#timer = setTimeout(run, 150);
  }

  readonly #onInput = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    if (value.includes(',')) {
      // A pasted or typed list: every complete part becomes a tag.
      const parts = value.split(',');
      const rest = parts.pop() ?? '';
      for (const p of parts) if (p.trim()) this.add(p);
      this.text = rest;
      if (this.input) this.input.value = rest;
    } else {
      this.text = value;
    }
    if (this.ownError && this.value.length < TAGS_MAX) this.ownError = '';
    if (this.text.trim()) this.#suggest();
    else this.#close();
  };

  readonly #onKeydown = (e: KeyboardEvent) => {
    const open = this.open && this.suggestions.length > 0;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          this.#suggest(true);
          return;
        }
        this.active = (this.active + 1) % this.suggestions.length;
        return;
      case 'ArrowUp':
        if (!open) return;
        e.preventDefault();
        this.active = this.active <= 0 ? this.suggestions.length - 1 : this.active - 1;
        return;
      case 'Enter':
      case ',': {
        const chosen = open && this.active >= 0 ? this.suggestions[this.active]?.name : undefined;
        if (chosen !== undefined) {
          e.preventDefault();
          this.add(chosen);
        } else if (this.text.trim()) {
          e.preventDefault();
          this.add(this.text);
        } else if (e.key === ',') {
          e.preventDefault();
        }
        return;
      }
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          this.#close();
        }
        return;
      case 'Backspace':
        if (this.text === '' && this.value.length > 0 && (e.target as HTMLInputElement).selectionStart === 0) {
          e.preventDefault();
          this.#remove(this.value.length - 1);
        }
        return;
      case 'Tab':
        this.#close();
        return;
      default:
        return;
    }
  };

  readonly #onBlur = () => {
    this.#close();
    // Typed but not confirmed: keep it as a tag rather than lose it.
    if (this.text.trim()) this.add(this.text);
  };

  readonly #onBoxClick = (e: MouseEvent) => {
    if (e.target === e.currentTarget) this.input?.focus();
  };
}
