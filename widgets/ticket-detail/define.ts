import '../core/http/attachments.js';
import '../core/http/tickets.js';
import '../core/http/uploads.js';
import { defineOnce } from '../core/define-once.js';
import { TicketDetail } from './ticket-detail.element.js';

defineOnce('ticket-detail', TicketDetail);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-detail': TicketDetail;
  }
}
