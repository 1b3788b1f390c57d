import '../core/http/lookups.js';
import '../core/http/prefs.js';
import '../core/http/queries.js';
import '../core/http/tickets.js';
import { defineOnce } from '../core/define-once.js';
import { TicketBoard } from './ticket-board.element.js';

defineOnce('ticket-board', TicketBoard);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-board': TicketBoard;
  }
}
