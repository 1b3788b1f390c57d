import '../core/http/me.js';
import '../core/http/tickets.js';
import { defineOnce } from '../core/define-once.js';
import { ApprovalInbox } from './approval-inbox.element.js';

defineOnce('approval-inbox', ApprovalInbox);

declare global {
  interface HTMLElementTagNameMap {
    'approval-inbox': ApprovalInbox;
  }
}
