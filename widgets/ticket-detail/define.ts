import { defineOnce } from '../core/define-once.js';
import { TicketDetail } from './ticket-detail.element.js';

defineOnce('ticket-detail', TicketDetail);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-detail': TicketDetail;
  }
}
