import { defineOnce } from '../define-once.js';
import { PortalFileDrop } from './file-drop.element.js';

defineOnce('portal-file-drop', PortalFileDrop);

declare global {
  interface HTMLElementTagNameMap {
    'portal-file-drop': PortalFileDrop;
  }
}
