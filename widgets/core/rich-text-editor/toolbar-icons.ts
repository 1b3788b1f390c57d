/** Toolbar glyphs of the rich-text editor (decorative; the buttons carry the names). */
import { html, svg, type TemplateResult } from 'lit';
import type { EditorCommand } from './editor-handle.js';

const glyph = (body: ReturnType<typeof svg>): TemplateResult =>
  html`<svg class="glyph" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
const heading = (digit: ReturnType<typeof svg>): TemplateResult => glyph(svg`<path d="M3 6v12M11 6v12M3 12h8"/>${digit}`);

const tableOutline = svg`<rect x="3" y="4" width="18" height="9" rx="1"/><path d="M3 8.5h18M9 4v9M15 4v9"/>`;

export const toolbarIcons: Record<EditorCommand | 'link' | 'image', () => TemplateResult> = {
  bold: () => glyph(svg`<path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z"/>`),
  italic: () => glyph(svg`<path d="M19 4h-9M14 20H5M15 4 9 20"/>`),
  underline: () => glyph(svg`<path d="M6 4v6a6 6 0 0 0 12 0V4M4 20h16"/>`),
  strike: () => glyph(svg`<path d="M16 4H9a3 3 0 0 0-2.83 4M14 12a4 4 0 0 1 0 8H6M4 12h16"/>`),
  code: () => glyph(svg`<path d="m16 18 6-6-6-6M8 6l-6 6 6 6"/>`),
  heading2: () => heading(svg`<path d="M15 10.5a2 2 0 1 1 3.6 1.2L15 18h5"/>`),
  heading3: () => heading(svg`<path d="M15 9h4.5l-2.7 3.2a2.6 2.6 0 1 1-2 4.6"/>`),
  bulletList: () => glyph(svg`<path d="M9 6h12M9 12h12M9 18h12M4 6h.01M4 12h.01M4 18h.01"/>`),
  orderedList: () => glyph(svg`<path d="M10 6h11M10 12h11M10 18h11M4 6h1v4M4 10h2M6 18H4c0-1 2-2 2-3s-1-1.5-2-1"/>`),
  blockquote: () => glyph(svg`<path d="M4 6h16M8 12h12M8 18h12M4 10v10"/>`),
  codeBlock: () => glyph(svg`<rect x="3" y="3" width="18" height="18" rx="2"/><path d="m10 9-3 3 3 3M14 15l3-3-3-3"/>`),
  link: () => glyph(svg`<path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71"/>`),
  image: () => glyph(svg`<rect x="3" y="3" width="18" height="18" rx="2"/><circle cx="9" cy="9" r="2"/><path d="m21 15-3.09-3.09a2 2 0 0 0-2.82 0L6 21"/>`),
  insertTable: () => glyph(svg`<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M3 9h18M3 15h18M9 3v18M15 3v18"/>`),
  addRowAfter: () => glyph(svg`${tableOutline}<path d="M12 16v6M9 19h6"/>`),
  addColumnAfter: () => glyph(svg`<rect x="3" y="3" width="9" height="18" rx="1"/><path d="M7.5 3v18M3 9h9M3 15h9M15 12h6M18 9v6"/>`),
  deleteRow: () => glyph(svg`${tableOutline}<path d="M9 19h6"/>`),
  deleteColumn: () => glyph(svg`<rect x="3" y="3" width="9" height="18" rx="1"/><path d="M7.5 3v18M3 9h9M3 15h9M15 12h6"/>`),
  deleteTable: () => glyph(svg`<rect x="3" y="3" width="13" height="13" rx="1"/><path d="M3 9.5h13M9.5 3v13M17 17l4 4M21 17l-4 4"/>`),
  undo: () => glyph(svg`<path d="M3 7v6h6"/><path d="M21 17a9 9 0 0 0-15-6.7L3 13"/>`),
  redo: () => glyph(svg`<path d="M21 7v6h-6"/><path d="M3 17a9 9 0 0 1 15-6.7l3 2.7"/>`),
};
