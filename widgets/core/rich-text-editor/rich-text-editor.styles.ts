import { css } from 'lit';

/**
 * The field, the toolbar and the text. Tiptap's own CSS (which it would put into document.head,
 * where it cannot reach a shadow root) is carried here: the ProseMirror basics, the gap cursor,
 * hidden selections and selected table cells.
 */
export const richTextEditorStyles = css`
  .base {
    display: grid;
    gap: var(--_space-1);
  }
  .label {
    font-weight: 500;
    justify-self: start;
  }
  .required {
    color: var(--_color-danger);
  }
  .hint {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .load-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .error {
    margin: 0;
    color: var(--_color-danger);
    font-size: var(--_font-size-small);
  }
  .frame {
    position: relative;
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow: hidden;
  }
  .frame:focus-within {
    border-color: var(--_color-focus);
    box-shadow: 0 0 0 1px var(--_color-focus);
  }
  .frame.invalid {
    border-color: var(--_color-danger);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px;
    padding: var(--_space-1);
    border-bottom: 1px solid var(--_color-border);
    background: var(--_color-surface-raised);
  }
  .separator {
    width: 1px;
    align-self: stretch;
    margin: var(--_space-1) var(--_space-1);
    background: var(--_color-border);
  }
  .tool {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2rem;
    height: 2rem;
    padding: 0 var(--_space-1);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }
  .tool:hover:not([aria-disabled='true']) {
    background: var(--_color-surface-sunken);
  }
  .tool[aria-pressed='true'] {
    background: var(--_color-primary-subtle);
    border-color: var(--_color-primary);
    color: var(--_color-primary);
  }
  .tool[aria-disabled='true'] {
    color: var(--_color-text-muted);
    opacity: 0.55;
    cursor: default;
  }
  .tool:focus-visible {
    outline-offset: -1px;
  }
  .glyph {
    width: 1.125rem;
    height: 1.125rem;
  }
  .link-form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
    background: var(--_color-surface-raised);
  }
  .link-form label {
    font-weight: 500;
    font-size: var(--_font-size-small);
  }
  .link-form .input {
    flex: 1 1 14rem;
    width: auto;
    min-height: 2rem;
    padding-block: var(--_space-1);
  }
  .link-actions {
    display: flex;
    gap: var(--_space-1);
  }
  .link-form .hint,
  .link-form .error {
    flex-basis: 100%;
  }
  .notice {
    align-items: center;
    margin: var(--_space-2);
  }
  .notice p {
    flex: 1;
  }
  .plain,
  .prose {
    display: block;
    width: 100%;
    min-height: var(--portal-rich-text-editor-min-height, 10rem);
    max-height: var(--portal-rich-text-editor-max-height, 32rem);
    overflow: auto;
    margin: 0;
    padding: var(--_space-3);
    border: none;
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    line-height: var(--_line-height);
    outline: none;
  }
  .plain {
    resize: vertical;
  }
  .plain::placeholder {
    color: var(--_color-text-muted);
  }
  .busy {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
    padding: var(--_space-1) var(--_space-3) var(--_space-2);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .spinner {
    width: 1rem;
    height: 1rem;
    border: 2px solid var(--_color-border);
    border-top-color: var(--_color-primary);
    border-radius: 50%;
    animation: rte-spin 0.8s linear infinite;
  }
  @keyframes rte-spin {
    to {
      transform: rotate(360deg);
    }
  }

  /* ProseMirror / Tiptap basics (what injectCSS would have added) */
  .ProseMirror {
    position: relative;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  .ProseMirror [contenteditable='false'] {
    white-space: normal;
  }
  .ProseMirror pre {
    white-space: pre-wrap;
  }
  img.ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
    width: 0 !important;
    height: 0 !important;
  }
  .ProseMirror-gapcursor {
    display: none;
    pointer-events: none;
    position: absolute;
    margin: 0;
  }
  .ProseMirror-gapcursor::after {
    content: '';
    display: block;
    position: absolute;
    top: -2px;
    width: 20px;
    border-top: 1px solid var(--_color-text);
    animation: rte-blink 1.1s steps(2, start) infinite;
  }
  @keyframes rte-blink {
    to {
      visibility: hidden;
    }
  }
  .ProseMirror-focused .ProseMirror-gapcursor {
    display: block;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-hideselection * {
    caret-color: transparent;
  }
  .ProseMirror-selectednode {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .prose p.is-editor-empty:first-child::before {
    content: attr(data-placeholder);
    float: left;
    height: 0;
    color: var(--_color-text-muted);
    pointer-events: none;
  }

  /* the text itself */
  .prose > :first-child {
    margin-top: 0;
  }
  .prose p,
  .prose ul,
  .prose ol,
  .prose blockquote,
  .prose pre,
  .prose table {
    margin: 0 0 var(--_space-3);
  }
  .prose h2 {
    font-size: 1.25rem;
    margin: var(--_space-4) 0 var(--_space-2);
  }
  .prose h3 {
    font-size: 1.0625rem;
    margin: var(--_space-3) 0 var(--_space-2);
  }
  .prose ul,
  .prose ol {
    padding-left: 1.5rem;
  }
  .prose li > p,
  .prose li > ul,
  .prose li > ol {
    margin: 0;
  }
  .prose blockquote {
    padding-left: var(--_space-3);
    border-left: 3px solid var(--_color-border-strong);
    color: var(--_color-text-muted);
  }
  .prose code {
    padding: 0.1em 0.3em;
    border-radius: 4px;
    background: var(--_color-surface-sunken);
    font-family: var(--_font-mono);
    font-size: 0.9em;
  }
  .prose pre {
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_color-surface-sunken);
    overflow-x: auto;
  }
  .prose pre code {
    padding: 0;
    background: none;
  }
  .prose a {
    color: var(--_color-primary);
    text-decoration: underline;
  }
  .prose img {
    display: block;
    max-width: 100%;
    height: auto;
    margin: var(--_space-2) 0;
    border-radius: var(--_radius);
  }
  .prose img.broken {
    min-width: 4rem;
    min-height: 3rem;
    border: 1px dashed var(--_color-border-strong);
  }
  .prose table {
    border-collapse: collapse;
    table-layout: fixed;
    width: 100%;
    overflow: hidden;
  }
  .prose th,
  .prose td {
    position: relative;
    min-width: 3rem;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_color-border-strong);
    vertical-align: top;
    text-align: left;
  }
  .prose th {
    background: var(--_color-surface-raised);
    font-weight: 600;
  }
  .prose th > p,
  .prose td > p {
    margin: 0;
  }
  .prose .selectedCell::after {
    content: '';
    position: absolute;
    inset: 0;
    background: var(--_color-primary-subtle);
    opacity: 0.6;
    pointer-events: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner,
    .ProseMirror-gapcursor::after {
      animation-duration: 2.4s;
    }
  }
`;
