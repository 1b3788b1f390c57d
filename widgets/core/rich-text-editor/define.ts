import { defineOnce } from '../define-once.js';
import { PortalRichTextEditor } from './rich-text-editor.element.js';

defineOnce('portal-rich-text-editor', PortalRichTextEditor);

declare global {
  interface HTMLElementTagNameMap {
    'portal-rich-text-editor': PortalRichTextEditor;
  }
}
