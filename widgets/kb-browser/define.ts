import '../core/http/kb.js';
import '../core/http/prefs.js';
import { defineOnce } from '../core/define-once.js';
import { KbBrowser } from './kb-browser.element.js';

defineOnce('kb-browser', KbBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'kb-browser': KbBrowser;
  }
}
