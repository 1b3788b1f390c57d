/**
 * The contract between `<portal-rich-text-editor>` (always loaded, small) and its lazily loaded
 * Tiptap module (tiptap.ts, its own chunk). Types only: importing this file loads nothing.
 */

/** Toolbar commands. */
export type EditorCommand =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strike'
  | 'code'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'blockquote'
  | 'codeBlock'
  | 'insertTable'
  | 'addRowAfter'
  | 'addColumnAfter'
  | 'deleteRow'
  | 'deleteColumn'
  | 'deleteTable'
  | 'undo'
  | 'redo';

/** What the toolbar shows: pressed marks/blocks, whether the cursor is in a table or a link. */
export interface EditorSnapshot {
  active: EditorCommand[];
  /** commands that would do something now (undo/redo, table edits) */
  enabled: EditorCommand[];
  inTable: boolean;
  link: string | null;
  empty: boolean;
}

export interface EditorHooks {
  /** the document changed */
  onChange(): void;
  /** selection or marks changed (toolbar state) */
  onSelection(): void;
  onFocus(): void;
  onBlur(): void;
  /** Mod-K: the link form should open */
  onLinkRequest(): void;
  /** images pasted or dropped into the text; `at` is the drop position, null: the cursor */
  onImageFiles(files: File[], at: number | null): void;
  /** non-image files dropped or pasted into the text */
  onOtherFiles(files: File[]): void;
  /** the URL to show for an image whose value keeps `src` (`/api/attachments/<id>?inline=1`) */
  resolveImage(src: string): Promise<string>;
}

export interface EditorOptions {
  /** where the editable area goes (inside the element's shadow root) */
  element: HTMLElement;
  /** initial HTML (already allowed by the allow-list) */
  content: string;
  editable: boolean;
  /** shown while the text is empty */
  placeholder: string;
  /** attributes of the editable element (role, aria-labelledby, …) */
  attributes: Record<string, string>;
  hooks: EditorHooks;
}

export interface EditorHandle {
  /** the HTML the editor holds (not yet cleaned) */
  html(): string;
  isEmpty(): boolean;
  setContent(html: string): void;
  run(command: EditorCommand): boolean;
  snapshot(): EditorSnapshot;
  /** sets (or with null removes) the link on the selection; inserts the URL as text when nothing is selected */
  setLink(href: string | null): void;
  insertImage(src: string, alt: string, at: number | null): void;
  focus(position?: 'start' | 'end'): void;
  setEditable(editable: boolean): void;
  /** the editable DOM element */
  readonly dom: HTMLElement;
  destroy(): void;
}

export type CreateEditor = (options: EditorOptions) => EditorHandle;
